#pragma once
/// @file
/// A child's relationship network on a day, as Graphviz DOT: the child, everyone they have a
/// tie with on the day (solid) and, optionally, those whose tie had ended by then (dashed,
/// labelled with the reason). Colours follow the kind's family (birth family, siblings,
/// carers, professionals, chosen); they rank nothing.
#include "carepath/core/dates.hpp"
#include "carepath/core/relationship.hpp"
#include "carepath/graph/relationship_graph.hpp"
#include "carepath/report/detail/text.hpp"

#include <map>
#include <ostream>
#include <string>
#include <string_view>

namespace carepath::report {

/// What the network drawing shows.
struct network_options {
    bool include_ended = true; ///< show ties that had ended by the day, dashed
    std::string title{};       ///< graph label; default "<child> on <date>"
};

namespace detail {
inline std::string_view family_colour(kind_family f) {
    switch (f) {
    case kind_family::sibling:
        return "#0072B2";
    case kind_family::birth_family:
        return "#009E73";
    case kind_family::carer:
        return "#E69F00";
    case kind_family::professional:
        return "#777777";
    case kind_family::chosen:
        return "#CC79A7";
    default:
        return "#333333";
    }
}
// DOT double-quoted string: backslash and quote escaped.
inline std::string dot_quote(std::string_view s) {
    std::string out = "\"";
    for (const char c : s) {
        if (c == '"' || c == '\\')
            out += '\\';
        out += c == '\n' ? ' ' : c;
    }
    return out + '"';
}
inline std::string display_name(const graph::relationship_graph& g, person_id p) {
    const auto& v = g.person_of(p);
    if (!v.name.empty())
        return v.name;
    return "person " + std::to_string(p.value());
}
} // namespace detail

/// Writes `child`'s network on `on` as a DOT graph.
/// @throws contract_violation if `child` is not in `g`.
inline void write_network_dot(std::ostream& os, const graph::relationship_graph& g, person_id child,
                              date on, const network_options& opt = {}) {
    struct edge {
        person_id other;
        graph::tie t;
    };
    std::vector<edge> edges;
    g.for_each_tie(child, [&](const graph::tie& t, person_id other) {
        if (other == child)
            return;
        if (t.active_on(on) || (opt.include_ended && t.ended_by(on)))
            edges.push_back({other, t});
    });
    std::map<person_id, bool> people; // person -> has a tie active on the day
    for (const auto& e : edges)
        people[e.other] = people[e.other] || e.t.active_on(on);

    const auto title =
        opt.title.empty() ? detail::display_name(g, child) + " on " + format_iso(on) : opt.title;
    os << "graph network {\n  graph [label=" << detail::dot_quote(title)
       << ", labelloc=t, fontname=\"sans-serif\", layout=twopi, root=p" << child.value()
       << ", ranksep=2, overlap=false];\n"
       << "  node [fontname=\"sans-serif\", shape=box, style=\"rounded,filled\", "
          "fillcolor=\"#ffffff\"];\n"
       << "  edge [fontname=\"sans-serif\", fontsize=10];\n";
    os << "  p" << child.value() << " [label=" << detail::dot_quote(detail::display_name(g, child))
       << ", shape=ellipse, fillcolor=\"#fff3c4\", penwidth=2];\n";
    for (const auto& [p, active] : people)
        os << "  p" << p.value() << " [label=" << detail::dot_quote(detail::display_name(g, p))
           << (active ? "" : ", fontcolor=\"#777777\", color=\"#999999\"") << "];\n";
    for (const auto& e : edges) {
        const bool active = e.t.active_on(on);
        std::string label{e.t.kind.name()};
        if (!active && e.t.reason)
            label += " (ended: " + std::string{describe(*e.t.reason)} + ")";
        os << "  p" << child.value() << " -- p" << e.other.value()
           << " [label=" << detail::dot_quote(label) << ", color=\""
           << detail::family_colour(e.t.kind.family()) << '"'
           << (active ? ", penwidth=2" : ", style=dashed") << "];\n";
    }
    os << "}\n";
}

} // namespace carepath::report
