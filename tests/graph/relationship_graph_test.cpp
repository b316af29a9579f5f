#include "carepath/graph/relationship_graph.hpp"

#include <boost/graph/connected_components.hpp>
#include <boost/graph/graph_concepts.hpp>

#include <catch2/catch.hpp>

#include <vector>

using namespace carepath;
using namespace carepath::graph;


namespace {
person someone(std::uint32_t id, std::string name, person_role role = person_role::relative) {
    return person{person_id{id}, std::move(name), role, std::nullopt};
}
date on(int y, unsigned m, unsigned d) { return *make_date(y, m, d); }
} // namespace

// The Boost concepts that BGL algorithms ask of a graph, checked at compile time.
BOOST_CONCEPT_ASSERT((boost::VertexListGraphConcept<boost_graph_type>));
BOOST_CONCEPT_ASSERT((boost::IncidenceGraphConcept<boost_graph_type>));
BOOST_CONCEPT_ASSERT((boost::EdgeListGraphConcept<boost_graph_type>));
BOOST_CONCEPT_ASSERT((boost::IncidenceGraphConcept<time_slice>));
BOOST_CONCEPT_ASSERT((boost::VertexListGraphConcept<time_slice>));

TEST_CASE("relationship_graph: parallel relationships between two people stay separate ties",
          "[graph][relationship_graph]") {
    relationship_graph g;
    g.add_person(someone(1, "Amira", person_role::child));
    g.add_person(someone(2, "Aunt Dina"));
    relationship kin{person_id{1}, person_id{2}, kinds::other_relative, on(2015, 1, 1)};
    relationship care{person_id{1}, person_id{2}, kinds::kinship_carer, on(2024, 3, 1)};
    g.add_relationship(kin);
    g.add_relationship(care);
    CHECK(g.tie_count() == 2);
    CHECK(g.degree(person_id{1}) == 2);
    CHECK(g.ties_on(person_id{1}, on(2020, 1, 1)).size() == 1);
    CHECK(g.ties_on(person_id{1}, on(2024, 3, 1)).size() == 2);
}

TEST_CASE("relationship_graph: every spell of a relationship is its own tie with its ending",
          "[graph][relationship_graph]") {
    relationship_graph g;
    g.add_person(someone(1, "Amira", person_role::child));
    g.add_person(someone(2, "Dad"));
    relationship dad{person_id{1}, person_id{2}, kinds::birth_parent, on(2015, 1, 1)};
    REQUIRE(dad.end({on(2020, 1, 1), end_reason::court_order, false, {}}));
    REQUIRE(dad.resume(on(2023, 1, 1)));
    g.add_relationship(dad);
    REQUIRE(g.tie_count() == 2);
    std::vector<tie> seen;
    g.for_each_tie(person_id{1}, [&](const tie& t, person_id other) {
        CHECK(other == person_id{2});
        seen.push_back(t);
    });
    REQUIRE(seen.size() == 2);
    CHECK(seen[0].reason == end_reason::court_order);
    CHECK_FALSE(seen[1].reason.has_value());
    CHECK(g.ties_on(person_id{1}, on(2021, 6, 1)).empty());
    CHECK(g.ties_on(person_id{1}, on(2023, 6, 1)).size() == 1);
}

TEST_CASE("relationship_graph: a time slice is a view that shows only ties active that day",
          "[graph][relationship_graph]") {
    relationship_graph g;
    for (std::uint32_t i = 1; i <= 3; ++i) g.add_person(someone(i, std::to_string(i)));
    g.add_tie(person_id{1}, person_id{2}, tie{kinds::friend_, interval{on(2024, 1, 1), on(2024, 3, 1)}, end_reason::school_move, 0});
    g.add_tie(person_id{2}, person_id{3}, tie{kinds::full_sibling, interval{on(2010, 1, 1)}, std::nullopt, 1});
    const auto count_edges = [](const time_slice& s) {
        std::size_t n = 0;
        for (auto [it, end] = boost::edges(s); it != end; ++it) ++n;
        return n;
    };
    CHECK(count_edges(g.as_at(on(2024, 2, 29))) == 2);
    CHECK(count_edges(g.as_at(on(2024, 3, 1))) == 1); // the end day is exclusive
    CHECK(count_edges(g.as_at(on(2009, 1, 1))) == 0);
    // A view of the same graph, not a copy: its vertices are the graph's.
    CHECK(&g.as_at(on(2024, 1, 1)).m_g == &g.boost_graph());
}

TEST_CASE("relationship_graph: BGL algorithms run on it directly", "[graph][relationship_graph]") {
    relationship_graph g;
    for (std::uint32_t i = 1; i <= 5; ++i) g.add_person(someone(i * 100, "p"));
    g.add_tie(person_id{100}, person_id{200}, tie{kinds::full_sibling, interval{on(2010, 1, 1)}, std::nullopt, 0});
    g.add_tie(person_id{300}, person_id{400}, tie{kinds::friend_, interval{on(2020, 1, 1), on(2021, 1, 1)}, end_reason::child_choice, 0});
    std::vector<int> component(g.person_count());
    CHECK(boost::connected_components(g.boost_graph(), component.data()) == 3);
    // On a day when the friendship is over, the slice has four components.
    std::vector<int> later(g.person_count());
    CHECK(boost::connected_components(g.as_at(on(2022, 1, 1)), later.data()) == 4);
    CHECK(component[g.vertex_of(person_id{100})] == component[g.vertex_of(person_id{200})]);
}

TEST_CASE("relationship_graph: large and sparse ids work as well as small ones", "[graph][relationship_graph]") {
    relationship_graph g;
    g.add_person(someone(4000000000u, "far"));
    g.add_person(someone(3, "near"));
    g.add_person(someone(70000, "middle"));
    CHECK(g.contains(person_id{4000000000u}));
    CHECK(g.contains(person_id{70000}));
    CHECK_FALSE(g.contains(person_id{4}));
    CHECK(g.person_of(person_id{4000000000u}).name == "far");
    CHECK(g.person_at(g.vertex_of(person_id{70000})) == person_id{70000});
    relationship_graph copy = g; // deep copy: the copy has its own Boost graph
    copy.add_person(someone(5, "only in the copy"));
    CHECK(copy.person_count() == 4);
    CHECK(g.person_count() == 3);
}

TEST_CASE("relationship_graph: misuse throws", "[graph][relationship_graph]") {
    relationship_graph g;
    g.add_person(someone(1, "a"));
    CHECK_THROWS_AS(g.add_person(someone(1, "again")), contract_violation);
    CHECK_THROWS_AS(g.person_of(person_id{9}), contract_violation);
    CHECK_THROWS_AS(g.add_tie(person_id{1}, person_id{1}, tie{}), contract_violation);
    relationship r{person_id{1}, person_id{2}, kinds::friend_, on(2020, 1, 1)};
    CHECK_THROWS_AS(g.add_relationship(r), contract_violation);
}

TEST_CASE("relationship_graph: bulk building gives the same ties in the same order as one by one",
          "[graph][relationship_graph][property]") {
    const auto seed = GENERATE(range(1u, 21u));
    CAPTURE(seed);
    std::uint64_t state = seed;
    const auto next = [&](std::uint32_t n) { // a small LCG: reproducible on every platform
        state = state * 6364136223846793005ull + 1442695040888963407ull;
        return static_cast<std::uint32_t>((state >> 33) % n);
    };
    relationship_graph one, bulk;
    const std::uint32_t people = 2 + next(30);
    for (std::uint32_t i = 0; i < people; ++i) {
        one.add_person(someone(i * 3, std::to_string(i)));
        bulk.add_person(someone(i * 3, std::to_string(i)));
    }
    std::vector<std::pair<std::pair<person_id, person_id>, tie>> items;
    const std::uint32_t ties = next(100);
    for (std::uint32_t k = 0; k < ties; ++k) {
        const auto a = next(people), b = (a + 1 + next(people - 1)) % people;
        items.push_back({{person_id{a * 3}, person_id{b * 3}},
                         tie{kinds::friend_, interval{on(2020, 1, 1) + days{next(500)}}, std::nullopt, k}});
    }
    for (const auto& [ab, t] : items) one.add_tie(ab.first, ab.second, t);
    bulk.add_ties(items);
    REQUIRE(bulk.tie_count() == one.tie_count());
    for (std::uint32_t i = 0; i < people; ++i) {
        std::vector<std::pair<std::uint32_t, person_id>> x, y;
        one.for_each_tie(person_id{i * 3}, [&](const tie& t, person_id o) { x.emplace_back(t.source, o); });
        bulk.for_each_tie(person_id{i * 3}, [&](const tie& t, person_id o) { y.emplace_back(t.source, o); });
        CHECK(x == y);
    }
}
