#pragma once
/// @file
/// Fragile links in a child's network on a day: the ties and the people that are the only way
/// through to someone else (a social worker who is the child's only link to a grandparent).
/// A tie is fragile when it is a bridge of the network; a person is fragile when they are an
/// articulation point. Each comes with the people the child would be cut off from without it.
///
/// Functions here that begin `template <class = void>` have nothing to deduce and are called
/// as plain functions; they are templates only so that their bodies are compiled in the files
/// that call them, not in every file that includes this header (issue 14, compile cost).
#include "carepath/core/dates.hpp"
#include "carepath/core/ids.hpp"
#include "carepath/core/relationship.hpp"
#include "carepath/graph/relationship_graph.hpp"

#include <boost/graph/filtered_graph.hpp>

#include <algorithm>
#include <cstddef>
#include <optional>
#include <vector>

namespace carepath::graph {

/// A tie whose loss would cut the child off from someone.
struct fragile_tie {
    person_id a; ///< one end of the tie
    person_id b; ///< the other end
    relationship_kind kind = kinds::other; ///< the relationship the tie is a spell of
    std::vector<person_id> cut_off; ///< who the child could no longer reach, sorted
};
/// A person whose loss would cut the child off from someone else.
struct fragile_person {
    person_id who; ///< the person
    std::vector<person_id> cut_off; ///< who the child could no longer reach, sorted
};
/// The fragile links of one child's network on one day.
struct fragile_links_report {
    std::vector<person_id> network;         ///< everyone the child can reach that day, sorted
    std::vector<fragile_tie> bridges;       ///< ordered by (a, b)
    std::vector<fragile_person> articulation_points; ///< ordered by person
};

/// Options: the day, and whether ties to and through professionals count. Leaving them out
/// shows which links to family and friends hang on a single thread of family and friends.
struct fragile_link_options {
    date as_at; ///< the day whose network is examined
    bool include_professionals = true; ///< count ties to and through professionals
};

namespace detail {
// Keeps ties active on the day, optionally without professional ones.
struct fragile_edge_filter {
    const boost_graph_type* g = nullptr;
    date day{};
    bool professionals = true;
    bool operator()(boost::graph_traits<boost_graph_type>::edge_descriptor e) const {
        const tie& t = (*g)[e];
        return t.active_on(day) && (professionals || t.kind.family() != kind_family::professional);
    }
};
using fragile_view = boost::filtered_graph<boost_graph_type, fragile_edge_filter>;
using fg_vertex = boost::graph_traits<fragile_view>::vertex_descriptor;
using fg_edge = boost::graph_traits<fragile_view>::edge_descriptor;

// Vertices reachable from `from` in `g`, never passing `blocked_vertex` or `blocked_edge`.
template <class G>
std::vector<bool> reach(const G& g, std::size_t n, fg_vertex from,
                        std::optional<fg_vertex> blocked_vertex, std::optional<fg_edge> blocked_edge) {
    std::vector<bool> seen(n, false);
    std::vector<fg_vertex> stack{from};
    seen[from] = true;
    while (!stack.empty()) {
        const fg_vertex v = stack.back();
        stack.pop_back();
        for (auto [it, end] = boost::out_edges(v, g); it != end; ++it) {
            if (blocked_edge && *it == *blocked_edge) continue;
            const fg_vertex w = boost::target(*it, g);
            if (seen[w] || (blocked_vertex && w == *blocked_vertex)) continue;
            seen[w] = true;
            stack.push_back(w);
        }
    }
    return seen;
}

// Candidate bridges and cut points of the part of `g` reachable from `root`, by the low-point
// depth-first search (Hopcroft and Tarjan 1973), walked with an explicit stack so a long chain
// of people cannot overflow the call stack. Only the tie walked down is skipped on the way
// back, so a parallel tie counts as a second thread. Written here rather than calling
// boost::biconnected_components, which costs every file including this header seconds of
// compile (issue 14); tests/graph/fragile_links_test.cpp compares the two.
template <class G>
void cut_candidates(const G& g, std::size_t n, fg_vertex root, std::vector<fg_edge>& bridges,
                    std::vector<fg_vertex>& points) {
    using out_iterator = typename boost::graph_traits<G>::out_edge_iterator;
    struct frame {
        fg_vertex v;
        std::optional<fg_edge> in; // the tie walked down to `v`; none at the root
        out_iterator next, end;
    };
    std::vector<std::size_t> order(n, 0), low(n, 0); // order 0: not visited yet
    std::vector<bool> is_point(n, false);
    std::vector<frame> stack;
    std::size_t clock = 0;
    const auto visit = [&](fg_vertex v, std::optional<fg_edge> in) {
        order[v] = low[v] = ++clock;
        const auto [first, last] = boost::out_edges(v, g);
        stack.push_back(frame{v, in, first, last});
    };
    visit(root, std::nullopt);
    while (!stack.empty()) {
        frame& top = stack.back();
        if (top.next != top.end) {
            const fg_edge e = *top.next++;
            if (top.in && e == *top.in) continue;
            const fg_vertex w = boost::target(e, g);
            if (order[w] == 0)
                visit(w, e); // invalidates `top`
            else
                low[top.v] = std::min(low[top.v], order[w]);
            continue;
        }
        const frame done = top;
        stack.pop_back();
        if (stack.empty()) break;
        const fg_vertex up = stack.back().v;
        low[up] = std::min(low[up], low[done.v]);
        if (low[done.v] > order[up]) bridges.push_back(*done.in);
        if (low[done.v] >= order[up] && up != root) is_point[up] = true;
    }
    for (std::size_t v = 0; v < n; ++v)
        if (is_point[v]) points.push_back(v);
}
} // namespace detail

/// The bridges and articulation points of `child`'s network on `opt.as_at`. Two parallel ties
/// between the same people (kin and carer) are two threads, so neither is a bridge. Costs a
/// search of the network per candidate: meant for one child's network, not a whole cohort.
/// @throws contract_violation if `child` is not in the graph.
template <class = void>
[[nodiscard]] fragile_links_report fragile_links(const relationship_graph& g, person_id child,
                                                 fragile_link_options opt) {
    const auto& bg = g.boost_graph();
    const detail::fragile_view view{bg, detail::fragile_edge_filter{&bg, opt.as_at, opt.include_professionals}};
    const std::size_t n = boost::num_vertices(bg);
    const auto c = g.vertex_of(child);
    const auto network = detail::reach(view, n, c, std::nullopt, std::nullopt);

    fragile_links_report out;
    for (std::size_t v = 0; v < n; ++v)
        if (network[v] && v != c) out.network.push_back(g.person_at(v));
    std::sort(out.network.begin(), out.network.end());

    const auto lost_without = [&](std::optional<detail::fg_vertex> bv, std::optional<detail::fg_edge> be) {
        const auto still = detail::reach(view, n, c, bv, be);
        std::vector<person_id> cut;
        for (std::size_t v = 0; v < n; ++v)
            if (network[v] && !still[v] && (!bv || v != *bv)) cut.push_back(g.person_at(v));
        std::sort(cut.begin(), cut.end());
        return cut;
    };

    std::vector<detail::fg_edge> candidate_ties;
    std::vector<detail::fg_vertex> points;
    detail::cut_candidates(view, n, c, candidate_ties, points);
    for (const auto& e : candidate_ties) {
        const auto u = boost::source(e, view), w = boost::target(e, view);
        auto cut = lost_without(std::nullopt, e);
        if (cut.empty()) continue;
        person_id a = g.person_at(u), b = g.person_at(w);
        if (b < a) std::swap(a, b);
        out.bridges.push_back({a, b, view[e].kind, std::move(cut)});
    }
    std::sort(out.bridges.begin(), out.bridges.end(), [](const auto& x, const auto& y) {
        return std::pair{x.a, x.b} < std::pair{y.a, y.b};
    });
    for (auto v : points) {
        if (!network[v] || v == c) continue; // the child is not a link in their own network
        auto cut = lost_without(v, std::nullopt);
        if (!cut.empty()) out.articulation_points.push_back({g.person_at(v), std::move(cut)});
    }
    std::sort(out.articulation_points.begin(), out.articulation_points.end(),
              [](const fragile_person& x, const fragile_person& y) { return x.who < y.who; });
    return out;
}

} // namespace carepath::graph
