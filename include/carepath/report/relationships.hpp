#pragma once
/// @file
/// The report's relationship parts, computed with the graph module: what became of the
/// children's relationships at each move (kept, ended, unrecorded, by move number) and sibling
/// separation on each 31 March.
#include "carepath/core/care_history.hpp"
#include "carepath/core/relationship.hpp"
#include "carepath/graph/continuity.hpp"
#include "carepath/graph/relationship_graph.hpp"
#include "carepath/graph/siblings.hpp"
#include "carepath/report/care_report.hpp"

#include <cstddef>
#include <set>
#include <span>
#include <string>
#include <tuple>
#include <vector>

namespace carepath::report {

/// Relationships kept, ended and unrecorded at the 1st, 2nd, ... move in `window` (moves from
/// the `max_moves`th on are pooled as "5th move or later"). Empty when no child had a
/// relationship before a move.
[[nodiscard]] inline std::vector<continuity_counts>
continuity_by_move(std::span<const care_history> histories, report_window window,
                   std::size_t max_moves = 5) {
    std::vector<continuity_counts> out(max_moves);
    for (std::size_t k = 0; k < max_moves; ++k)
        out[k].label = move_label(k + 1) + (k + 1 == max_moves ? " or later" : "");
    bool any = false;
    for (const auto& h : histories) {
        if (h.relationships().empty())
            continue;
        const auto c = graph::continuity_across_moves(h);
        std::size_t k = 0;
        for (const auto& m : c.moves) {
            if (m.on < window.from || m.on >= window.to)
                continue;
            auto& bin = out[std::min(k, max_moves - 1)];
            ++k;
            bin.kept += static_cast<double>(m.count(graph::tie_outcome::kept));
            bin.ended += static_cast<double>(m.count(graph::tie_outcome::ended));
            bin.unrecorded += static_cast<double>(m.count(graph::tie_outcome::unrecorded));
            any = any || !m.prior.empty();
        }
    }
    if (!any)
        return {};
    while (!out.empty() && out.back().kept + out.back().ended + out.back().unrecorded == 0)
        out.pop_back();
    return out;
}

/// Sibling separation on each 31 March in `window`: children in care with a sibling in care,
/// and those living apart from at least one. Siblings are the sibling relationships (full,
/// half, step) recorded in the histories; a relationship recorded in both children's
/// histories counts once. Empty when no child has a sibling who is also in the histories.
[[nodiscard]] inline std::vector<sibling_counts>
siblings_by_year(std::span<const care_history> histories, report_window window) {
    graph::relationship_graph g;
    graph::placement_index where;
    std::set<person_id> added;
    auto ensure = [&](person_id p) {
        if (added.insert(p).second)
            g.add_person(person{p, {}, person_role::child, {}});
    };
    std::set<std::tuple<person_id, person_id, std::uint16_t, date>> seen;
    bool any = false;
    for (const auto& h : histories) {
        ensure(h.subject().as_person);
        where.add_history(h);
    }
    for (const auto& h : histories)
        for (const auto& r : h.relationships()) {
            if (!r.kind().is_sibling())
                continue;
            if (!added.contains(r.a()) || !added.contains(r.b()))
                continue; // not in these data
            const auto key = std::tuple{std::min(r.a(), r.b()), std::max(r.a(), r.b()),
                                        r.kind().code(), r.start()};
            if (!seen.insert(key).second)
                continue;
            g.add_relationship(r);
            any = true;
        }
    if (!any)
        return {};
    std::vector<sibling_counts> out;
    for (int y = collection_year_of(window.from);; ++y) {
        const date d = *make_date(y, 3, 31);
        if (d >= window.to)
            break;
        if (d < window.from)
            continue;
        const auto share = graph::siblings_apart(g, where, d);
        out.push_back({format_iso(d), static_cast<double>(share.with_sibling_in_care),
                       static_cast<double>(share.apart_from_one)});
    }
    return out;
}

} // namespace carepath::report
