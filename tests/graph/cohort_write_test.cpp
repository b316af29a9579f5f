#include "carepath/graph/cohort_write.hpp"

#include <catch2/catch.hpp>

#include <string>

using namespace carepath;
using namespace carepath::graph;

namespace {
const std::string example = std::string{CAREPATH_TEST_DATA} + "/graph/bench_example/input";
const std::string meta = "key,value\ncensus_date,2026-03-31\n";
const std::string people_hdr = "person_id,kind,birth_date\n";
const std::string rels_hdr = "from_id,to_id,type,start,end,end_reason\n";
const std::string places_hdr =
    "child_id,start,end,placement_type,carer_id,school_id,local_authority\n";

cohort read_back(const cohort_text& t) {
    auto r = read_cohort_text(t.people, t.relationships, t.placements, t.meta);
    REQUIRE(r.ok());
    CHECK(r->problems.empty());
    return std::move(r).value();
}
} // namespace

TEST_CASE("cohort_write: the worked example written and read back is the same cohort",
          "[graph][cohort_write]") {
    const auto first = read_cohort(example);
    REQUIRE(first.ok());
    const auto text = write_cohort_text(*first);
    REQUIRE(text.ok());
    const cohort second = read_back(*text);
    const auto diff = cohort_difference(*first, second);
    INFO(diff.value_or(""));
    CHECK_FALSE(diff.has_value());
    // The files hold the same rows less the one the contract ignores (end == start).
    CHECK(second.graph.tie_count() == 34);
    CHECK(text->placements.find("C0000001,2023-06-01,2024-03-01,U4,FC0000001,,LA101\n")
          != std::string::npos);
}

TEST_CASE("cohort_write: cohort_difference finds a changed fact", "[graph][cohort_write]") {
    const auto text = people_hdr + "C1,child,2015-01-01\nM1,mother,\n";
    const auto a = read_cohort_text(text, rels_hdr + "C1,M1,parent,2015-01-01,,\n", places_hdr, meta);
    const auto b = read_cohort_text(text, rels_hdr + "C1,M1,parent,2015-01-02,,\n", places_hdr, meta);
    const auto c = read_cohort_text(text, rels_hdr + "C1,M1,parent,2015-01-01,,\n", places_hdr,
                                    "key,value\ncensus_date,2026-04-01\n");
    REQUIRE((a.ok() && b.ok() && c.ok()));
    CHECK_FALSE(cohort_difference(*a, *a).has_value());
    CHECK(cohort_difference(*a, *b) == "tie 1 differs");
    CHECK(cohort_difference(*a, *c) == "census date 2026-03-31 vs 2026-04-01");
}

TEST_CASE("cohort_write: a cohort the files cannot hold is refused, naming the field",
          "[graph][cohort_write]") {
    auto r = read_cohort_text(people_hdr + "C1,child,\nM1,mother,\n", rels_hdr, places_hdr, meta);
    REQUIRE(r.ok());
    cohort c = std::move(r).value();
    tie t;
    t.kind = kinds::former_foster_carer; // no type in the files
    t.span = interval{*make_date(2020, 1, 1)};
    c.graph.add_tie(person_id{0}, person_id{1}, t);
    const auto w = write_cohort_text(c);
    REQUIRE_FALSE(w.ok());
    CHECK(w.error().file == "relationships.csv");
    CHECK(w.error().field == "type");
    CHECK(w.error().value == "former_foster_carer");
}
