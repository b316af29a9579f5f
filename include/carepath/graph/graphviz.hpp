#pragma once
/// @file
/// Graphviz DOT pictures of a child's network: on one day (with `boost::write_graphviz`), and
/// before and after a move side by side. People are labelled by name, ties by kind and coloured
/// by kind family; ties that had ended by the day are dashed, so what was lost stays visible.
#include "carepath/core/dates.hpp"
#include "carepath/core/ids.hpp"
#include "carepath/core/relationship.hpp"
#include "carepath/graph/relationship_graph.hpp"

#include <boost/graph/filtered_graph.hpp>
#include <boost/graph/graphviz.hpp>

#include <ostream>
#include <sstream>
#include <string>
#include <string_view>
#include <tuple>
#include <vector>

namespace carepath::graph {

/// The colour a tie of this family is drawn in (Brewer "Dark2", readable when printed grey).
[[nodiscard]] constexpr std::string_view colour_of(kind_family f) noexcept {
    switch (f) {
    case kind_family::sibling: return "#1b9e77";
    case kind_family::birth_family: return "#d95f02";
    case kind_family::carer: return "#7570b3";
    case kind_family::professional: return "#e7298a";
    case kind_family::chosen: return "#66a61e";
    default: return "#666666";
    }
}

namespace detail {
// DOT string literal: quotes and backslashes escaped.
inline std::string dot_quote(std::string_view s) {
    std::string out = "\"";
    for (char ch : s) {
        if (ch == '"' || ch == '\\') out += '\\';
        out += ch;
    }
    return out + '"';
}
inline std::string display_name(const person_vertex& p) {
    if (!p.name.empty()) return p.name;
    std::ostringstream os;
    os << p.id;
    return os.str();
}

// The child and everyone with a tie to them begun by the day; ties among them begun by then.
struct ego_vertices {
    const std::vector<bool>* keep = nullptr;
    bool operator()(boost::graph_traits<boost_graph_type>::vertex_descriptor v) const {
        return (*keep)[v];
    }
};
struct begun_by {
    const boost_graph_type* g = nullptr;
    date day{};
    bool operator()(boost::graph_traits<boost_graph_type>::edge_descriptor e) const {
        return (*g)[e].span.start() <= day;
    }
};
using ego_view = boost::filtered_graph<boost_graph_type, begun_by, ego_vertices>;

inline std::vector<bool> ego_of(const relationship_graph& g, person_id child, date day) {
    const auto& bg = g.boost_graph();
    std::vector<bool> keep(boost::num_vertices(bg), false);
    const auto c = g.vertex_of(child);
    keep[c] = true;
    for (auto [it, end] = boost::out_edges(c, bg); it != end; ++it)
        if (bg[*it].span.start() <= day) keep[boost::target(*it, bg)] = true;
    return keep;
}

inline std::string vertex_attributes(const person_vertex& p, bool is_child) {
    std::string s = "label=" + dot_quote(display_name(p));
    s += is_child ? ", shape=box, style=bold" : ", shape=ellipse";
    return s;
}
inline std::string edge_attributes(const tie& t, date day) {
    std::string s = "label=" + dot_quote(t.kind.name());
    s += ", color=\"" + std::string{colour_of(t.kind.family())} + "\"";
    s += ", fontcolor=\"" + std::string{colour_of(t.kind.family())} + "\"";
    if (t.ended_by(day)) s += ", style=dashed";
    return s;
}
} // namespace detail

/// Writes `child`'s network as it stood on `day` as a DOT graph, with boost::write_graphviz.
inline void write_network_dot(std::ostream& os, const relationship_graph& g, person_id child, date day) {
    const auto& bg = g.boost_graph();
    const auto keep = detail::ego_of(g, child, day);
    const detail::ego_view view{bg, detail::begun_by{&bg, day}, detail::ego_vertices{&keep}};
    const auto c = g.vertex_of(child);
    const auto vertex_writer = [&](std::ostream& out, auto v) {
        out << '[' << detail::vertex_attributes(bg[v], v == c) << ']';
    };
    const auto edge_writer = [&](std::ostream& out, auto e) {
        out << '[' << detail::edge_attributes(bg[e], day) << ']';
    };
    const auto graph_writer = [&](std::ostream& out) {
        out << "label=" << detail::dot_quote(detail::display_name(bg[c]) + " on " + format_iso(day))
            << ";\nlabelloc=t;\n";
    };
    boost::write_graphviz(os, view, vertex_writer, edge_writer, graph_writer);
}

/// Writes `child`'s network on the day before a move and on the move day as two clusters of
/// one DOT graph, side by side.
inline void write_move_dot(std::ostream& os, const relationship_graph& g, person_id child, date move) {
    const auto& bg = g.boost_graph();
    const auto c = g.vertex_of(child);
    os << "graph move {\nrankdir=LR;\nlabel="
       << detail::dot_quote(detail::display_name(bg[c]) + ": move on " + format_iso(move))
       << ";\nlabelloc=t;\n";
    const date before = move - days{1};
    for (const auto& [prefix, day, title] :
         {std::tuple{"b", before, "before (" + format_iso(before) + ")"},
          std::tuple{"a", move, "after (" + format_iso(move) + ")"}}) {
        const auto keep = detail::ego_of(g, child, day);
        const detail::ego_view view{bg, detail::begun_by{&bg, day}, detail::ego_vertices{&keep}};
        os << "subgraph cluster_" << prefix << " {\nlabel=" << detail::dot_quote(title) << ";\n";
        for (auto [it, end] = boost::vertices(view); it != end; ++it)
            os << prefix << *it << " [" << detail::vertex_attributes(bg[*it], *it == c) << "];\n";
        for (auto [it, end] = boost::edges(view); it != end; ++it)
            os << prefix << boost::source(*it, view) << " -- " << prefix << boost::target(*it, view)
               << " [" << detail::edge_attributes(bg[*it], day) << "];\n";
        os << "}\n";
    }
    os << "}\n";
}

} // namespace carepath::graph
