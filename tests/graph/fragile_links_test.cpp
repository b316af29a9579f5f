#include "carepath/graph/fragile_links.hpp"

#include <catch2/catch.hpp>

using namespace carepath;
using namespace carepath::graph;

namespace {
date on(int y, unsigned m, unsigned d) { return *make_date(y, m, d); }
const person_id child_p{1}, mum{2}, worker{3}, gran{4}, aunt{5}, uncle{6}, old_friend{7};

// The child, mum and aunt form a triangle. The social worker is the only link to gran. The
// uncle has two ties (relative and kinship carer), so neither is a bridge. An old friendship
// ended before the day.
relationship_graph network() {
    relationship_graph g;
    for (auto p : {child_p, mum, worker, gran, aunt, uncle, old_friend})
        g.add_person(person{p, "", person_role::relative, std::nullopt});
    const interval always{on(2010, 1, 1)};
    g.add_tie(child_p, mum, tie{kinds::birth_parent, always, std::nullopt, 0});
    g.add_tie(child_p, aunt, tie{kinds::other_relative, always, std::nullopt, 0});
    g.add_tie(mum, aunt, tie{kinds::other, always, std::nullopt, 0});
    g.add_tie(child_p, worker, tie{kinds::social_worker, interval{on(2023, 1, 1)}, std::nullopt, 0});
    g.add_tie(worker, gran, tie{kinds::other, interval{on(2023, 1, 1)}, std::nullopt, 0});
    g.add_tie(child_p, uncle, tie{kinds::other_relative, always, std::nullopt, 0});
    g.add_tie(child_p, uncle, tie{kinds::kinship_carer, interval{on(2022, 1, 1)}, std::nullopt, 0});
    g.add_tie(child_p, old_friend, tie{kinds::friend_, interval{on(2020, 1, 1), on(2024, 1, 1)},
                                       end_reason::school_move, 0});
    return g;
}
} // namespace

TEST_CASE("fragile_links: a social worker who is the only link to a grandparent is a bridge and a cut point",
          "[graph][fragile_links]") {
    const auto g = network();
    const auto r = fragile_links(g, child_p, {.as_at = on(2024, 6, 1)});
    CHECK(r.network == std::vector<person_id>{mum, worker, gran, aunt, uncle});
    REQUIRE(r.bridges.size() == 2);
    CHECK(r.bridges[0].a == child_p);
    CHECK(r.bridges[0].b == worker);
    CHECK(r.bridges[0].kind == kinds::social_worker);
    CHECK(r.bridges[0].cut_off == std::vector<person_id>{worker, gran});
    CHECK(r.bridges[1].a == worker);
    CHECK(r.bridges[1].b == gran);
    CHECK(r.bridges[1].cut_off == std::vector<person_id>{gran});
    REQUIRE(r.articulation_points.size() == 1);
    CHECK(r.articulation_points[0].who == worker);
    CHECK(r.articulation_points[0].cut_off == std::vector<person_id>{gran});
}

TEST_CASE("fragile_links: without professionals the grandparent is out of reach and nothing is fragile",
          "[graph][fragile_links]") {
    const auto g = network();
    const auto r = fragile_links(g, child_p, {.as_at = on(2024, 6, 1), .include_professionals = false});
    CHECK(r.network == std::vector<person_id>{mum, aunt, uncle});
    CHECK(r.bridges.empty());
    CHECK(r.articulation_points.empty());
}

TEST_CASE("fragile_links: the answer depends on the day", "[graph][fragile_links]") {
    const auto g = network();
    // In 2021 the worker and the kinship care had not begun; the friend was still there.
    const auto r = fragile_links(g, child_p, {.as_at = on(2021, 6, 1)});
    CHECK(r.network == std::vector<person_id>{mum, aunt, uncle, old_friend});
    REQUIRE(r.bridges.size() == 2); // the single uncle tie and the friendship
    CHECK(r.bridges[0].b == uncle);
    CHECK(r.bridges[1].b == old_friend);
    CHECK(r.articulation_points.empty());
}
