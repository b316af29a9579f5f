#include "carepath/graph/lifelong.hpp"

#include <catch2/catch.hpp>

using namespace carepath;
using namespace carepath::graph;

namespace {
date on(int y, unsigned m, unsigned d) { return *make_date(y, m, d); }
const person_id kid{1}, mum{2}, worker{3}, adviser{4}, carer{5}, pal{6}, teacher_p{7}, gran{8};

relationship_graph network() {
    relationship_graph g;
    g.add_person(person{kid, "Kai", person_role::child, on(2010, 5, 15)});
    for (auto p : {mum, worker, adviser, carer, pal, teacher_p, gran})
        g.add_person(person{p, "", person_role::other, std::nullopt});
    g.add_tie(kid, mum, tie{kinds::birth_parent, interval{on(2010, 5, 15)}, std::nullopt, 0});
    g.add_tie(kid, worker, tie{kinds::social_worker, interval{on(2023, 1, 1)}, std::nullopt, 0});
    g.add_tie(kid, adviser, tie{kinds::personal_adviser, interval{on(2024, 1, 1)}, std::nullopt, 0});
    g.add_tie(kid, carer, tie{kinds::foster_carer, interval{on(2022, 1, 1)}, std::nullopt, 0});
    g.add_tie(kid, pal, tie{kinds::friend_, interval{on(2020, 1, 1), on(2024, 1, 1)}, end_reason::school_move, 0});
    g.add_tie(kid, teacher_p, tie{kinds::teacher, interval{on(2023, 9, 1), on(2026, 7, 1)}, end_reason::school_move, 0});
    g.add_tie(kid, gran, tie{kinds::grandparent, interval{on(2010, 5, 15), on(2040, 1, 1)}, end_reason::death, 0});
    return g;
}
const expected_link& find(const at_25_report& r, person_id p) {
    for (const auto& l : r.links)
        if (l.other == p) return l;
    FAIL("no link to that person");
    throw;
}
} // namespace

TEST_CASE("lifelong: default rules keep family and the personal adviser, not other professionals",
          "[graph][lifelong]") {
    const auto g = network();
    const auto r = who_will_be_there_at_25(g, kid, on(2024, 6, 1));
    CHECK(r.twenty_fifth_birthday == on(2035, 5, 15));
    CHECK(r.links.size() == 6); // the ended friendship is not a link any more
    CHECK(find(r, mum).lasts);
    CHECK_FALSE(find(r, worker).lasts);
    CHECK(find(r, adviser).lasts);
    CHECK(find(r, adviser).reason.find("Children and Social Work Act 2017") != std::string::npos);
    CHECK_FALSE(find(r, carer).lasts);
    CHECK_FALSE(find(r, teacher_p).lasts);
    CHECK(find(r, teacher_p).reason == "recorded to end on 2026-07-01");
    CHECK(find(r, gran).lasts);
    CHECK(r.lifelong_count() == 3);
}

TEST_CASE("lifelong: the user can change the rules", "[graph][lifelong]") {
    const auto g = network();
    auto rules = lasting_rules::defaults();
    rules.by_kind[kinds::social_worker.code()] = {std::nullopt, "this worker promised to stay in touch"};
    rules.by_family[kind_family::carer] = {std::nullopt, "foster carers stay family here"};
    const auto r = who_will_be_there_at_25(g, kid, on(2024, 6, 1), rules);
    CHECK(find(r, worker).lasts);
    CHECK(find(r, worker).reason == "this worker promised to stay in touch");
    CHECK(find(r, carer).lasts);
    CHECK(r.lifelong_count() == 5);
}

TEST_CASE("lifelong: a child without a birth date is a programming error", "[graph][lifelong]") {
    auto g = network();
    g.add_person(person{person_id{99}, "", person_role::child, std::nullopt});
    CHECK_THROWS_AS(who_will_be_there_at_25(g, person_id{99}, on(2024, 6, 1)), contract_violation);
}
