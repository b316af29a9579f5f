#pragma once
/// @file
/// Brothers and sisters in care: sibling groups (full, half and step siblings, whatever their
/// dates), whether they live together on a day, the days they were separated and whether a
/// reason was recorded, and the cohort measure "share of children in care with a sibling in
/// care who live apart from at least one of them".
///
/// Functions here that begin `template <class = void>` have nothing to deduce and are called
/// as plain functions; they are templates only so that their bodies are compiled in the files
/// that call them, not in every file that includes this header (issue 14, compile cost).
#include "carepath/core/care_history.hpp"
#include "carepath/core/dates.hpp"
#include "carepath/core/ids.hpp"
#include "carepath/core/interval.hpp"
#include "carepath/core/placement.hpp"
#include "carepath/graph/detail/person_index.hpp"
#include "carepath/graph/relationship_graph.hpp"

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <numeric>
#include <optional>
#include <span>
#include <utility>
#include <vector>

namespace carepath::graph {

/// Where each child in a cohort lived: their placement spells, oldest first. Use it as
/// `placement_index`; a template with nothing to choose, as `basic_relationship_graph` is.
template <class = void>
class basic_placement_index {
public:
    /// Adds a spell of `child`'s. Spells are kept in start order (stable for equal starts).
    void add(person_id child, placement_spell s) {
        auto& v = spells_of(child);
        auto at = std::upper_bound(v.begin(), v.end(), s.period.start(),
                                   [](date d, const placement_spell& p) { return d < p.period.start(); });
        v.insert(at, std::move(s));
    }
    /// Adds every placement of a care history, under the child's person id.
    void add_history(const care_history& h) {
        for (const auto& p : h.placements()) add(h.subject().as_person, p);
    }
    /// Makes room for `children` children.
    void reserve(std::size_t children) { children_.reserve(children); }

    /// The child's spells; empty when the child was never placed.
    [[nodiscard]] std::span<const placement_spell> of(person_id child) const {
        const auto i = find(child);
        if (i == none) return {};
        return children_[i].second;
    }
    /// True when `p` has at least one placement.
    [[nodiscard]] bool has_placements(person_id p) const { return find(p) != none; }
    /// Everyone with at least one placement, in id order.
    [[nodiscard]] std::vector<person_id> children() const {
        std::vector<person_id> out;
        out.reserve(children_.size());
        for (const auto& [id, spells] : children_) out.push_back(id);
        std::sort(out.begin(), out.end());
        return out;
    }
    /// Number of children with placements.
    [[nodiscard]] std::size_t size() const noexcept { return children_.size(); }

    /// Where the child lives on `d`: the newest spell covering `d` that is not held open
    /// behind a trial placement; nullptr when not placed that day.
    [[nodiscard]] const placement_spell* on(person_id child, date d) const {
        const placement_spell* found = nullptr;
        const placement_spell* held = nullptr;
        for (const auto& s : of(child))
            if (s.period.contains(d)) (s.held_open ? held : found) = &s;
        return found ? found : held;
    }
    /// The carer on `d`, if the child is placed with one.
    [[nodiscard]] std::optional<carer_id> carer_on(person_id child, date d) const {
        if (const auto* s = on(child, d)) return s->where.carer;
        return std::nullopt;
    }

private:
    static constexpr std::uint32_t none = detail::person_index::none;
    // the row of `children_` that holds `p`'s spells, or none
    [[nodiscard]] std::uint32_t find(person_id p) const { return index_.find(p); }
    std::vector<placement_spell>& spells_of(person_id p) {
        if (auto i = find(p); i != none) return children_[i].second;
        const auto i = static_cast<std::uint32_t>(children_.size());
        children_.emplace_back(p, std::vector<placement_spell>{});
        // ids below 16 times the children plus 65,536 are looked up in a vector
        index_.add(p, i, 16 * (children_.size() + 4096));
        return children_.back().second;
    }
    std::vector<std::pair<person_id, std::vector<placement_spell>>> children_;
    detail::person_index index_;
};
/// Where each child in a cohort lived (see `basic_placement_index`).
using placement_index = basic_placement_index<>;

/// Keeps the edges of sibling kinds (full, half, step), on any date.
struct sibling_edges_only {
    const boost_graph_type* g = nullptr; ///< the graph filtered; must outlive the filter
    /// True when edge `e` is a sibling tie.
    bool operator()(boost::graph_traits<boost_graph_type>::edge_descriptor e) const {
        return (*g)[e].kind.is_sibling();
    }
};

/// Sibling groups: the connected components over sibling ties, of two people or more. Each
/// group is sorted by id; groups are ordered by their first member.
template <class = void>
[[nodiscard]] std::vector<std::vector<person_id>> sibling_groups(const relationship_graph& g) {
    // Union-find with path halving rather than boost::connected_components: the same groups
    // (tests/graph/siblings_test.cpp compares them), without several seconds of compile in
    // every file that includes this header (issue 14).
    const auto& bg = g.boost_graph();
    const std::size_t n = boost::num_vertices(bg);
    std::vector<std::size_t> parent(n);
    std::iota(parent.begin(), parent.end(), std::size_t{0});
    const auto root = [&parent](std::size_t v) {
        while (parent[v] != v) v = parent[v] = parent[parent[v]];
        return v;
    };
    for (auto [it, end] = boost::edges(bg); it != end; ++it)
        if (bg[*it].kind.is_sibling()) {
            const auto a = root(boost::source(*it, bg)), b = root(boost::target(*it, bg));
            if (a != b) parent[std::max(a, b)] = std::min(a, b);
        }
    std::vector<std::vector<person_id>> groups(n); // indexed by each group's root
    for (std::size_t v = 0; v < n; ++v) groups[root(v)].push_back(g.person_at(v));
    std::erase_if(groups, [](const auto& grp) { return grp.size() < 2; });
    for (auto& grp : groups) std::sort(grp.begin(), grp.end());
    std::sort(groups.begin(), groups.end());
    return groups;
}

/// Every unordered pair of siblings who both have a placement, once each (several ties
/// between the same two give one pair), smaller id first, sorted.
template <class = void>
[[nodiscard]] std::vector<std::pair<person_id, person_id>>
sibling_pairs_in_care(const relationship_graph& g, const placement_index& where) {
    std::vector<std::pair<person_id, person_id>> out;
    const auto& bg = g.boost_graph();
    for (auto [it, end] = boost::edges(bg); it != end; ++it) {
        if (!bg[*it].kind.is_sibling()) continue;
        person_id a = g.person_at(boost::source(*it, bg));
        person_id b = g.person_at(boost::target(*it, bg));
        if (a == b || !where.has_placements(a) || !where.has_placements(b)) continue;
        if (b < a) std::swap(a, b);
        out.emplace_back(a, b);
    }
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
}

/// True when `a` and `b` both live with the same carer on `d` (placements with no carer, such
/// as supported accommodation, never count as together).
template <class = void>
[[nodiscard]] bool co_placed(const placement_index& where, person_id a, person_id b, date d) {
    const auto ca = where.carer_on(a, d);
    return ca && ca == where.carer_on(b, d);
}

/// Days two children were both in care, and days of those they lived with the same carer.
struct care_overlap {
    days both_in_care{0}; ///< days both children were in care
    days together{0}; ///< of those, days they lived with the same carer
    /// together / both_in_care; empty when they were never in care at the same time.
    [[nodiscard]] std::optional<double> share() const noexcept {
        if (both_in_care.count() == 0) return std::nullopt;
        return static_cast<double>(together.count()) / static_cast<double>(both_in_care.count());
    }
};

/// Overlap of two children's placements. A placement still open covers every day up to and
/// including `as_at` (the extract date). Spells of one child are assumed not to overlap
/// (no held-open placements); a held-open spell would be counted twice.
template <class = void>
[[nodiscard]] care_overlap overlap_in_care(const placement_index& where, person_id a,
                                           person_id b, date as_at) {
    care_overlap out;
    const date open_end = as_at + days{1};
    const auto closed = [open_end](const interval& i) {
        return i.is_open() ? interval{i.start(), std::max(open_end, i.start())} : i;
    };
    for (const auto& pa : where.of(a)) {
        const interval ia = closed(pa.period);
        for (const auto& pb : where.of(b)) {
            const auto both = ia.intersection(closed(pb.period));
            if (!both) continue;
            const days n = both->length();
            out.both_in_care += n;
            if (pa.where.carer && pa.where.carer == pb.where.carer) out.together += n;
        }
    }
    return out;
}

/// A day on which two siblings who had lived together stopped living together.
struct separation_event {
    person_id a; ///< one sibling
    person_id b; ///< the other
    date on; ///< first day apart
    /// Whoever's placement changed that day (if both moved, the first of the pair).
    person_id moved;
    /// The reason recorded for that placement change, if any.
    std::optional<change_reason> reason;
    /// True when the placement change that separated them has a recorded reason.
    [[nodiscard]] bool reason_recorded() const noexcept { return reason.has_value(); }
};

/// The days each sibling pair in care went from living together to living apart while both
/// were still in care, in pair order then date order.
template <class = void>
[[nodiscard]] std::vector<separation_event> separations(const relationship_graph& g,
                                                        const placement_index& where) {
    std::vector<separation_event> out;
    for (const auto& [a, b] : sibling_pairs_in_care(g, where)) {
        std::vector<date> days_of_change;
        for (person_id p : {a, b})
            for (const auto& s : where.of(p)) {
                days_of_change.push_back(s.period.start());
                if (s.period.end()) days_of_change.push_back(*s.period.end());
            }
        std::sort(days_of_change.begin(), days_of_change.end());
        days_of_change.erase(std::unique(days_of_change.begin(), days_of_change.end()),
                             days_of_change.end());
        for (date d : days_of_change) {
            if (!co_placed(where, a, b, d - days{1}) || co_placed(where, a, b, d)) continue;
            if (!where.on(a, d) || !where.on(b, d)) continue; // leaving care is not a separation
            separation_event ev{a, b, d, a, std::nullopt};
            for (person_id p : {b, a}) {
                const auto* s = where.on(p, d);
                if (s->period.start() == d) {
                    ev.moved = p;
                    ev.reason = s->reason;
                }
            }
            out.push_back(ev);
        }
    }
    return out;
}

/// The cohort measure on one day.
struct apart_share {
    std::size_t with_sibling_in_care = 0; ///< children in care with a sibling in care
    std::size_t apart_from_one = 0;       ///< of those, living apart from at least one
    /// apart_from_one / with_sibling_in_care; empty when no child has a sibling in care.
    [[nodiscard]] std::optional<double> share() const noexcept {
        if (with_sibling_in_care == 0) return std::nullopt;
        return static_cast<double>(apart_from_one) / static_cast<double>(with_sibling_in_care);
    }
};

/// Of the children in care on `d` who have a sibling in care that day, how many live apart
/// from at least one of those siblings.
template <class = void>
[[nodiscard]] apart_share siblings_apart(const relationship_graph& g,
                                         const placement_index& where, date d) {
    // (child, apart from this sibling) for each pair both in care, then one count per child:
    // a sorted vector rather than a std::map, which every includer would instantiate.
    std::vector<std::pair<person_id, bool>> apart;
    for (const auto& [a, b] : sibling_pairs_in_care(g, where)) {
        if (!where.on(a, d) || !where.on(b, d)) continue;
        const bool separated = !co_placed(where, a, b, d);
        apart.emplace_back(a, separated);
        apart.emplace_back(b, separated);
    }
    std::sort(apart.begin(), apart.end());
    apart_share out;
    for (std::size_t i = 0; i < apart.size();) {
        bool is_apart = false;
        const person_id child = apart[i].first;
        for (; i < apart.size() && apart[i].first == child; ++i)
            is_apart = is_apart || apart[i].second;
        ++out.with_sibling_in_care;
        out.apart_from_one += is_apart ? 1u : 0u;
    }
    return out;
}

} // namespace carepath::graph
