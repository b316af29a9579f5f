#include "carepath/graph/fragile_links.hpp"

#include "support/random.hpp"

#include <boost/graph/biconnected_components.hpp>

#include <catch2/catch.hpp>

#include <iterator>

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

TEST_CASE("fragile_links: cut points are Boost's articulation points, bridges the ties whose loss cuts someone off",
          "[graph][fragile_links][property]") {
    const auto seed = GENERATE(range(0u, 150u));
    CAPTURE(seed);
    testing::test_rng rng{seed};
    relationship_graph g;
    const int n = rng.between(2, 14);
    for (int i = 0; i < n; ++i)
        g.add_person(person{person_id{static_cast<std::uint32_t>(50 - i)}, "", person_role::relative,
                            std::nullopt});
    const auto people = g.people();
    const std::array kinds_drawn{kinds::birth_parent, kinds::full_sibling, kinds::social_worker,
                                 kinds::teacher, kinds::friend_};
    const date day = on(2024, 6, 1);
    for (int t = rng.between(0, 2 * n); t > 0; --t) {
        const auto x = rng.pick(std::span<const person_id>{people});
        const auto y = rng.pick(std::span<const person_id>{people});
        if (x == y) continue;
        // Most ties run on the day; some ended before it (and so do not count).
        const interval span = rng.chance(80) ? interval{on(2020, 1, 1)} : interval{on(2020, 1, 1), on(2023, 1, 1)};
        g.add_tie(x, y, tie{rng.pick(kinds_drawn), span, std::nullopt, 0});
        if (rng.chance(15)) g.add_tie(x, y, tie{kinds::other, interval{on(2021, 1, 1)}, std::nullopt, 0});
    }
    const person_id child = people[0];
    const bool professionals = rng.chance(50);
    const auto r = fragile_links(g, child, {.as_at = day, .include_professionals = professionals});

    // The ties that count, as vertex pairs with their index; who the child reaches without one.
    const auto& bg = g.boost_graph();
    std::vector<std::pair<std::size_t, std::size_t>> ends;
    for (auto [it, end] = boost::edges(bg); it != end; ++it) {
        const tie& t = bg[*it];
        if (t.active_on(day) && (professionals || t.kind.family() != kind_family::professional))
            ends.emplace_back(boost::source(*it, bg), boost::target(*it, bg));
    }
    const auto reached = [&](std::size_t skip) {
        std::vector<bool> seen(people.size(), false);
        seen[g.vertex_of(child)] = true;
        for (bool grew = true; grew;) {
            grew = false;
            for (std::size_t k = 0; k < ends.size(); ++k)
                if (k != skip && seen[ends[k].first] != seen[ends[k].second])
                    seen[ends[k].first] = seen[ends[k].second] = grew = true;
        }
        return seen;
    };
    const auto network = reached(ends.size());
    std::vector<std::pair<person_id, person_id>> expected_bridges;
    for (std::size_t k = 0; k < ends.size(); ++k)
        if (network[ends[k].first] && reached(k) != network) {
            const person_id x = g.person_at(ends[k].first), y = g.person_at(ends[k].second);
            expected_bridges.emplace_back(std::min(x, y), std::max(x, y));
        }
    std::ranges::sort(expected_bridges);
    std::vector<std::pair<person_id, person_id>> bridges;
    for (const auto& b : r.bridges) {
        CHECK_FALSE(b.cut_off.empty());
        bridges.emplace_back(b.a, b.b);
    }
    CHECK(bridges == expected_bridges);

    // Boost's articulation points on the same view, inside the child's network.
    const graph::detail::fragile_view view{bg, graph::detail::fragile_edge_filter{&bg, day, professionals}};
    std::vector<graph::detail::fg_vertex> points;
    boost::articulation_points(view, std::back_inserter(points));
    std::vector<person_id> expected_points;
    for (auto v : points)
        if (network[v] && v != g.vertex_of(child)) expected_points.push_back(g.person_at(v));
    std::ranges::sort(expected_points);
    std::vector<person_id> cut_points;
    for (const auto& p : r.articulation_points) {
        CHECK_FALSE(p.cut_off.empty());
        cut_points.push_back(p.who);
    }
    CHECK(cut_points == expected_points);
}
