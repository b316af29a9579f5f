#pragma once
/// @file
/// A temporal relationship graph: people as vertices, one edge per spell of a relationship, on
/// a Boost.Graph `adjacency_list`. Parallel relationships between the same two people (an aunt
/// who is kin from birth and a carer for a year) stay separate edges, because they can end
/// separately. Public functions take and return `person_id`s; `boost_graph()` is there for
/// running BGL algorithms directly.
#include "carepath/core/dates.hpp"
#include "carepath/core/ids.hpp"
#include "carepath/core/interval.hpp"
#include "carepath/core/person.hpp"
#include "carepath/core/relationship.hpp"
#include "carepath/core/result.hpp"
#include "carepath/graph/detail/person_index.hpp"

#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/filtered_graph.hpp>
#include <boost/graph/graph_traits.hpp>

#include <cstddef>
#include <algorithm>
#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <type_traits>
#include <string>
#include <utility>
#include <vector>

namespace carepath::graph {

/// What a vertex carries: the person.
struct person_vertex {
    person_id id; ///< who the vertex is
    std::string name; ///< display name; may be empty
    person_role role = person_role::other; ///< main role in children's lives
    std::optional<date> birth_date; ///< when known
};

/// What an edge carries: one spell of one relationship.
struct tie {
    relationship_kind kind = kinds::other; ///< the relationship's kind
    interval span{date{}}; ///< the days the spell ran; open while it runs
    /// Why the spell ended; empty while it is running. An ending is always explicit.
    std::optional<end_reason> reason;
    /// Where the spell came from: the index in `relationships()` for ties added from core
    /// relationships, or the caller's own number (a CSV line) for ties added with `add_tie`.
    std::uint32_t source = 0;

    /// True when the tie exists on `d` (`start <= d < end`).
    [[nodiscard]] bool active_on(date d) const noexcept { return span.contains(d); }
    /// True when the tie had ended by `d` (its exclusive end is on or before `d`).
    [[nodiscard]] bool ended_by(date d) const noexcept { return span.end() && *span.end() <= d; }
};

/// A day on which two people were in contact (a visit, a call).
struct contact_event {
    person_id a; ///< one of the two people
    person_id b; ///< the other
    date on; ///< the day of the contact
};

/// The Boost graph underneath: vertices in a vector (stable while nobody is removed, and we
/// never remove), out-edges and edges in vectors so parallel edges are kept and building a
/// cohort of a million edges is a few allocations, not a million.
using boost_graph_type =
    boost::adjacency_list<boost::vecS, boost::vecS, boost::undirectedS, person_vertex, tie,
                          boost::no_property, boost::vecS>;

/// Keeps the edges that exist on one day.
struct active_on_day {
    const boost_graph_type* g = nullptr; ///< the graph filtered; must outlive the filter
    date day{}; ///< the day whose ties are kept
    /// True when edge `e` exists on `day`.
    bool operator()(boost::graph_traits<boost_graph_type>::edge_descriptor e) const {
        return (*g)[e].active_on(day);
    }
};
/// The graph as it stood on a day: a view, not a copy.
using time_slice = boost::filtered_graph<boost_graph_type, active_on_day>;

/// People and their relationships over time. Works for one child's network and for a cohort:
/// siblings in care are people too, so their ties join their networks. Use it as
/// `relationship_graph`; it is a template with nothing to choose only so that a file including
/// graph.hpp compiles the members it calls and no others (issue 14).
template <class = void>
class basic_relationship_graph {
public:
    /// vertex handle of the Boost graph underneath
    using vertex = boost::graph_traits<boost_graph_type>::vertex_descriptor;
    /// edge handle of the Boost graph underneath
    using edge = boost::graph_traits<boost_graph_type>::edge_descriptor;

    basic_relationship_graph() = default;
    // The Boost graph lives on the heap because adjacency_list (1.74) has no move constructor:
    // moving a cohort's graph would otherwise copy it.
    /// A deep copy, the Boost graph included.
    basic_relationship_graph(const basic_relationship_graph& o)
        : gp_{std::make_unique<boost_graph_type>(*o.gp_)}, index_{o.index_},
          relationships_{o.relationships_}, contacts_{o.contacts_} {}
    /// Takes over `o`'s graph without copying it.
    basic_relationship_graph(basic_relationship_graph&& o) noexcept = default;
    /// Deep copy, as the copy constructor.
    basic_relationship_graph& operator=(const basic_relationship_graph& o) {
        if (this != &o) *this = basic_relationship_graph{o};
        return *this;
    }
    /// Takes over `o`'s graph without copying it.
    basic_relationship_graph& operator=(basic_relationship_graph&& o) noexcept = default;
    ~basic_relationship_graph() = default;
    /// A graph of `people` and `relationships` (one edge per spell).
    /// @throws contract_violation if a relationship names someone not in `people`, or a
    /// person id appears twice.
    basic_relationship_graph(std::span<const person> people, std::span<const relationship> rels) {
        for (const auto& p : people) add_person(p);
        for (const auto& r : rels) add_relationship(r);
    }

    /// Makes room for `people` vertices and `ties` edges (building a cohort in one go).
    void reserve(std::size_t people, std::size_t ties) {
        gp_->m_vertices.reserve(people); // public in BGL 1.74; saves regrowth on a cohort
        gp_->m_edges.reserve(ties);
    }

    /// Adds a person. @throws contract_violation if the id is already present.
    void add_person(const person& p) {
        if (contains(p.id)) throw contract_violation{"relationship_graph: person added twice"};
        const vertex v = boost::add_vertex(person_vertex{p.id, p.name, p.role, p.birth_date}, *gp_);
        remember(p.id, v);
    }
    /// Adds every spell of `r` as an edge, and its contact events.
    /// @throws contract_violation if either person is unknown.
    void add_relationship(const relationship& r) {
        const vertex a = vertex_of(r.a());
        const vertex b = vertex_of(r.b());
        const auto index = static_cast<std::uint32_t>(relationships_.size());
        relationships_.push_back(r);
        const auto& spells = r.spells();
        for (std::size_t i = 0; i < spells.size(); ++i) {
            std::optional<end_reason> why;
            if (i < r.endings().size()) why = r.endings()[i].reason;
            boost::add_edge(a, b, tie{r.kind(), spells[i], why, index}, *gp_);
        }
        for (date d : r.contact_events()) contacts_.push_back({r.a(), r.b(), d});
    }
    /// Adds one spell directly (readers of flat files, where a row is one spell).
    /// @throws contract_violation if either person is unknown or `a == b`.
    void add_tie(person_id a, person_id b, const tie& t) {
        if (a == b) throw contract_violation{"relationship_graph: a tie needs two people"};
        boost::add_edge(vertex_of(a), vertex_of(b), t, *gp_);
    }
    /// Records a contact between two people (used by time-respecting reachability).
    void add_contact(person_id a, person_id b, date on) {
        (void)vertex_of(a);
        (void)vertex_of(b);
        contacts_.push_back({a, b, on});
    }

    class bulk_ties;

    /// Adds edges in bulk; each item is (a, b, tie). Same result as `add_tie` one by one.
    void add_ties(std::span<const std::pair<std::pair<person_id, person_id>, tie>> items);

    /// True when `p` has been added.
    [[nodiscard]] bool contains(person_id p) const noexcept { return find(p).has_value(); }
    /// Number of people (vertices).
    [[nodiscard]] std::size_t person_count() const noexcept { return boost::num_vertices(*gp_); }
    /// Number of ties (edges): one per relationship spell.
    [[nodiscard]] std::size_t tie_count() const noexcept { return boost::num_edges(*gp_); }
    /// The person. @throws contract_violation if unknown.
    [[nodiscard]] const person_vertex& person_of(person_id p) const { return (*gp_)[vertex_of(p)]; }
    /// Everyone, in the order added.
    [[nodiscard]] std::vector<person_id> people() const {
        std::vector<person_id> out;
        out.reserve(person_count());
        for (vertex v = 0; v < person_count(); ++v) out.push_back((*gp_)[v].id);
        return out;
    }
    /// The core relationships the graph was given (ties point into this by `source`).
    [[nodiscard]] const std::vector<relationship>& relationships() const noexcept {
        return relationships_;
    }
    /// Every recorded contact day, in the order added.
    [[nodiscard]] const std::vector<contact_event>& contacts() const noexcept { return contacts_; }

    /// Calls `f(const tie&, person_id other)` for every tie of `p`, each once.
    template <class F>
    void for_each_tie(person_id p, F&& f) const {
        const vertex v = vertex_of(p);
        for (auto [it, end] = boost::out_edges(v, *gp_); it != end; ++it)
            f((*gp_)[*it], (*gp_)[boost::target(*it, *gp_)].id);
    }
    /// The ties of `p` that exist on `d`, as (other, tie) pairs.
    [[nodiscard]] std::vector<std::pair<person_id, tie>> ties_on(person_id p, date d) const {
        std::vector<std::pair<person_id, tie>> out;
        for_each_tie(p, [&](const tie& t, person_id other) {
            if (t.active_on(d)) out.emplace_back(other, t);
        });
        return out;
    }
    /// Number of ties of `p`, over all time.
    [[nodiscard]] std::size_t degree(person_id p) const {
        return boost::out_degree(vertex_of(p), *gp_);
    }

    /// The graph as it stood on `d`: a filtered view in which only ties active that day remain.
    [[nodiscard]] time_slice as_at(date d) const {
        return time_slice{(*gp_), active_on_day{&(*gp_), d}};
    }

    /// The Boost graph, for BGL algorithms. Its vertex descriptors are an implementation
    /// detail; translate with `vertex_of` / `person_at`.
    [[nodiscard]] const boost_graph_type& boost_graph() const noexcept { return *gp_; }
    /// The vertex of `p`. @throws contract_violation if unknown.
    [[nodiscard]] vertex vertex_of(person_id p) const {
        if (auto v = find(p)) return *v;
        throw contract_violation{"relationship_graph: unknown person"};
    }
    /// The person at vertex `v`.
    [[nodiscard]] person_id person_at(vertex v) const { return (*gp_)[v].id; }

private:
    friend class bulk_ties;
    [[nodiscard]] std::optional<vertex> find(person_id p) const noexcept {
        if (const auto v = index_.find(p); v != detail::person_index::none) return vertex{v};
        return std::nullopt;
    }
    void remember(person_id p, vertex v) {
        // ids below twice the vertices plus 2,048 are looked up in a vector
        index_.add(p, static_cast<std::uint32_t>(v), 2 * (boost::num_vertices(*gp_) + 1024));
    }

    std::unique_ptr<boost_graph_type> gp_ = std::make_unique<boost_graph_type>();
    detail::person_index index_;
    std::vector<relationship> relationships_;
    std::vector<contact_event> contacts_;
};
/// People and their relationships over time (see `basic_relationship_graph`).
using relationship_graph = basic_relationship_graph<>;

/// Adds many ties to a graph fast: edges go straight into the Boost graph's edge vector, and
/// each person's out-edge list is filled once, in person order, by `finish()` (also run by
/// the destructor). The result is the same as `add_tie` in the same order, but a cohort of a
/// million ties costs a counting sort instead of a million scattered appends. Until
/// `finish()` the graph must not be used.
template <class V>
class basic_relationship_graph<V>::bulk_ties {
public:
    /// Starts adding about `expected` ties to `g`.
    bulk_ties(basic_relationship_graph& g, std::size_t expected)
        : g_{g}, first_{g.gp_->m_edges.size()}, degree_(g.person_count() + 1, 0) {
        g.gp_->m_edges.reserve(first_ + expected);
    }
    bulk_ties(const bulk_ties&) = delete;
    bulk_ties& operator=(const bulk_ties&) = delete;
    ~bulk_ties() { finish(); }

    /// Adds one tie. @throws contract_violation if either person is unknown or `a == b`.
    void add(person_id a, person_id b, const tie& t) {
        if (a == b) throw contract_violation{"relationship_graph: a tie needs two people"};
        const vertex u = g_.vertex_of(a);
        const vertex v = g_.vertex_of(b);
        g_.gp_->m_edges.emplace_back(u, v, t);
        ++degree_[u + 1];
        ++degree_[v + 1];
    }

    /// Links the new edges into every person's out-edge list.
    void finish() {
        if (done_) return;
        done_ = true;
        auto& bg = *g_.gp_;
        auto& edges = bg.m_edges;
        using stored_edge = typename std::decay_t<decltype(bg.out_edge_list(0))>::value_type;
        const std::size_t n = g_.person_count();
        // Counting sort of edge ends by person: offsets, then (other end, edge) per slot.
        for (std::size_t i = 1; i <= n; ++i) degree_[i] += degree_[i - 1];
        std::vector<std::uint32_t> other(degree_[n]), edge(degree_[n]);
        std::vector<std::uint32_t> next(degree_.begin(), degree_.end() - 1);
        for (std::size_t e = first_; e < edges.size(); ++e) {
            const auto u = edges[e].m_source, v = edges[e].m_target;
            other[next[u]] = static_cast<std::uint32_t>(v);
            edge[next[u]++] = static_cast<std::uint32_t>(e);
            other[next[v]] = static_cast<std::uint32_t>(u);
            edge[next[v]++] = static_cast<std::uint32_t>(e);
        }
        for (std::size_t v = 0; v < n; ++v) {
            const auto from = degree_[v], to = degree_[v + 1];
            if (from == to) continue;
            auto& out = bg.out_edge_list(v);
            out.reserve(out.size() + (to - from));
            for (auto k = from; k < to; ++k)
                out.push_back(stored_edge(other[k], edges.begin() + edge[k], &edges));
        }
    }

private:
    basic_relationship_graph& g_;
    std::size_t first_;
    std::vector<std::uint32_t> degree_; // degree_[v + 1]: new ends at v; then prefix sums
    bool done_ = false;
};

template <class V>
void basic_relationship_graph<V>::add_ties(
    std::span<const std::pair<std::pair<person_id, person_id>, tie>> items) {
    bulk_ties bulk{*this, items.size()};
    for (const auto& [people, t] : items) bulk.add(people.first, people.second, t);
    bulk.finish();
}

} // namespace carepath::graph
