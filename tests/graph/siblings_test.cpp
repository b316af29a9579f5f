#include "carepath/graph/siblings.hpp"

#include "support/random.hpp"

#include <boost/graph/connected_components.hpp>
#include <boost/graph/filtered_graph.hpp>

#include <catch2/catch.hpp>

using namespace carepath;
using namespace carepath::graph;

namespace {
date on(int y, unsigned m, unsigned d) { return *make_date(y, m, d); }
const person_id a{1}, b{2}, c{3}, d_{4}, e{5}, f{6};

placement_spell spell(std::uint32_t carer, date start, std::optional<date> end,
                      std::optional<change_reason> why = std::nullopt) {
    return placement_spell{placement::with_carer(placement_type::U4, carer_id{carer}),
                           interval{start, end}, false, why};
}

// A and B are full siblings in care; C is A's half sibling at home; D and E are step siblings;
// F has no siblings. A stays with carer 10 until both move to carer 12 on 2024-01-01; B was
// moved away to carer 13 on 2023-06-01 with no reason recorded, and rejoined A.
struct family {
    relationship_graph g;
    placement_index where;
    family() {
        for (auto p : {a, b, c, d_, e, f}) g.add_person(person{p, "", person_role::child, std::nullopt});
        g.add_tie(a, b, tie{kinds::full_sibling, interval{on(2015, 1, 1)}, std::nullopt, 0});
        g.add_tie(b, a, tie{kinds::full_sibling, interval{on(2015, 1, 1)}, std::nullopt, 1}); // recorded twice
        g.add_tie(a, c, tie{kinds::half_sibling, interval{on(2017, 1, 1)}, std::nullopt, 2});
        g.add_tie(d_, e, tie{kinds::step_sibling, interval{on(2019, 1, 1)}, std::nullopt, 3});
        g.add_tie(a, f, tie{kinds::friend_, interval{on(2019, 1, 1)}, std::nullopt, 4});
        where.add(a, spell(12, on(2024, 1, 1), std::nullopt, change_reason::care_plan));
        where.add(a, spell(10, on(2023, 1, 1), on(2024, 1, 1))); // out of order on purpose
        where.add(b, spell(10, on(2023, 1, 1), on(2023, 6, 1)));
        where.add(b, spell(13, on(2023, 6, 1), on(2024, 1, 1)));
        where.add(b, spell(12, on(2024, 1, 1), std::nullopt, change_reason::care_plan));
    }
};
} // namespace

TEST_CASE("siblings: groups are components over sibling ties of every kind", "[graph][siblings]") {
    family fam;
    const auto groups = sibling_groups(fam.g);
    REQUIRE(groups.size() == 2);
    CHECK(groups[0] == std::vector<person_id>{a, b, c});
    CHECK(groups[1] == std::vector<person_id>{d_, e});
}

TEST_CASE("siblings: a pair in care is counted once however many ties join them", "[graph][siblings]") {
    family fam;
    const auto pairs = sibling_pairs_in_care(fam.g, fam.where);
    REQUIRE(pairs.size() == 1);
    CHECK(pairs[0] == std::pair{a, b});
}

TEST_CASE("siblings: a group split and rejoined is apart only in between", "[graph][siblings]") {
    family fam;
    CHECK(co_placed(fam.where, a, b, on(2023, 3, 1)));
    CHECK(co_placed(fam.where, a, b, on(2023, 5, 31)));
    CHECK_FALSE(co_placed(fam.where, a, b, on(2023, 6, 1)));
    CHECK_FALSE(co_placed(fam.where, a, b, on(2023, 12, 31)));
    CHECK(co_placed(fam.where, a, b, on(2024, 1, 1)));
    CHECK_FALSE(co_placed(fam.where, a, c, on(2024, 1, 1))); // C is not in care

    const auto events = separations(fam.g, fam.where);
    REQUIRE(events.size() == 1); // the rejoining is not a separation
    CHECK(events[0].on == on(2023, 6, 1));
    CHECK(events[0].moved == b);
    CHECK_FALSE(events[0].reason_recorded());

    CHECK(siblings_apart(fam.g, fam.where, on(2023, 9, 1)).with_sibling_in_care == 2);
    CHECK(siblings_apart(fam.g, fam.where, on(2023, 9, 1)).share() == Approx(1.0));
    CHECK(siblings_apart(fam.g, fam.where, on(2024, 2, 1)).share() == Approx(0.0));
    CHECK_FALSE(siblings_apart(fam.g, fam.where, on(2022, 1, 1)).share().has_value());
}

TEST_CASE("siblings: a separation with a recorded reason says so", "[graph][siblings]") {
    family fam;
    placement_index where;
    where.add(a, spell(10, on(2023, 1, 1), std::nullopt));
    where.add(b, spell(10, on(2023, 1, 1), on(2023, 6, 1)));
    where.add(b, spell(14, on(2023, 6, 1), std::nullopt, change_reason::allegation));
    const auto events = separations(fam.g, where);
    REQUIRE(events.size() == 1);
    CHECK(events[0].reason == change_reason::allegation);
}

TEST_CASE("siblings: days in care together count the census day for open placements", "[graph][siblings]") {
    family fam;
    // Both in care 2023-01-01..2024-12-31 inclusive = 365 + 366 days; together Jan-May 2023
    // (151 days) and all of 2024 (366 days).
    const auto o = overlap_in_care(fam.where, a, b, on(2024, 12, 31));
    CHECK(o.both_in_care == days{731});
    CHECK(o.together == days{517});
    CHECK(*o.share() == Approx(517.0 / 731.0));
    CHECK_FALSE(overlap_in_care(fam.where, a, c, on(2024, 12, 31)).share().has_value());
}

TEST_CASE("siblings: the placement index answers from a care history", "[graph][siblings]") {
    child kid;
    kid.id = child_id{7};
    kid.as_person = person_id{7};
    kid.birth_date = on(2015, 1, 1);
    care_history h{kid};
    REQUIRE(h.add(entered_care{on(2024, 1, 1), legal_status::care_order,
                               placement::with_carer(placement_type::U4, carer_id{10})}));
    REQUIRE(h.add(placement_changed{on(2024, 2, 1), placement::with_carer(placement_type::U4, carer_id{11}),
                                    std::nullopt, true}));
    placement_index where;
    where.add_history(h);
    CHECK(where.carer_on(person_id{7}, on(2024, 1, 15)) == carer_id{10});
    CHECK(where.carer_on(person_id{7}, on(2024, 2, 15)) == carer_id{11}); // not the held one
    CHECK_FALSE(where.carer_on(person_id{7}, on(2023, 12, 31)).has_value());
    CHECK(where.children() == std::vector<person_id>{person_id{7}});
}

TEST_CASE("siblings: groups are the components boost::connected_components finds",
          "[graph][siblings][property]") {
    const auto seed = GENERATE(range(0u, 100u));
    CAPTURE(seed);
    testing::test_rng rng{seed};
    relationship_graph g;
    const int n = rng.between(1, 30);
    // Ids run against the order people are added, so vertex order and id order differ.
    for (int i = 0; i < n; ++i)
        g.add_person(person{person_id{static_cast<std::uint32_t>(200 - 3 * i)}, "",
                            person_role::child, std::nullopt});
    const auto people = g.people();
    const std::array kinds_drawn{kinds::full_sibling, kinds::half_sibling, kinds::step_sibling,
                                 kinds::friend_, kinds::birth_parent};
    for (int t = rng.between(0, 2 * n); t > 0; --t) {
        const auto x = rng.pick(std::span<const person_id>{people});
        const auto y = rng.pick(std::span<const person_id>{people});
        if (x != y) g.add_tie(x, y, tie{rng.pick(kinds_drawn), interval{on(2020, 1, 1)}, std::nullopt, 0});
    }

    const auto& bg = g.boost_graph();
    const boost::filtered_graph<boost_graph_type, sibling_edges_only> sg{bg, sibling_edges_only{&bg}};
    std::vector<std::size_t> component(boost::num_vertices(bg));
    std::vector<std::vector<person_id>> expected(boost::connected_components(sg, component.data()));
    for (std::size_t v = 0; v < component.size(); ++v) expected[component[v]].push_back(g.person_at(v));
    std::erase_if(expected, [](const auto& grp) { return grp.size() < 2; });
    for (auto& grp : expected) std::ranges::sort(grp);
    std::ranges::sort(expected);
    CHECK(sibling_groups(g) == expected);
}
