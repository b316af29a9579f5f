#include "carepath/graph/cohort_csv.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <string>

using namespace carepath;
using namespace carepath::graph;

namespace {
date on(int y, unsigned m, unsigned d) { return *make_date(y, m, d); }
const std::string example = std::string{CAREPATH_TEST_DATA} + "/graph/bench_example/input";
const std::string meta = "key,value\ncensus_date,2026-03-31\n";
const std::string people_hdr = "person_id,kind,birth_date\n";
const std::string rels_hdr = "from_id,to_id,type,start,end,end_reason\n";
const std::string places_hdr = "child_id,start,end,placement_type,carer_id,school_id,local_authority\n";
} // namespace

TEST_CASE("cohort_csv: the worked example reads into people, ties and placements", "[graph][cohort_csv]") {
    const auto r = read_cohort(example);
    REQUIRE(r.ok());
    const cohort& c = *r;
    CHECK(c.census == on(2026, 3, 31));
    CHECK(c.graph.person_count() == 30);
    CHECK(c.graph.tie_count() == 34); // 35 rows, one with end == start
    CHECK(c.skipped_rows == 1);
    CHECK(c.problems.empty());
    CHECK(c.placements.size() == 5);
    CHECK(c.external_id(person_id{0}) == "C0000001");
    CHECK(c.kinds[0] == cohort_person_kind::child);
    CHECK(c.graph.person_of(person_id{0}).birth_date == on(2015, 4, 10));
    // C0000002 and aunt A0000001: kin from birth and carer since the move, two ties.
    std::size_t to_aunt = 0;
    c.graph.for_each_tie(person_id{1}, [&](const tie& t, person_id other) {
        if (c.external_id(other) == "A0000001") {
            ++to_aunt;
            CHECK((t.kind == kinds::other_relative || t.kind == kinds::foster_carer));
        }
    });
    CHECK(to_aunt == 2);
    // C0000003's placements: K3 without a carer, then two with FC0000003.
    const auto spells = c.placements.of(person_id{2});
    REQUIRE(spells.size() == 3);
    CHECK_FALSE(spells[0].where.carer.has_value());
    CHECK(spells[0].where.type == placement_type::K3);
    CHECK(spells[1].where.carer == spells[2].where.carer);
    CHECK(spells[2].where.location.authority == local_authority_id{103});
}

TEST_CASE("cohort_csv: relationship types map one to one onto carepath kinds", "[graph][cohort_csv]") {
    for (const auto& [name, kind] : cohort_types) {
        CHECK(kind_from_cohort_type(name) == kind);
        CHECK(cohort_type_name(kind) == name);
    }
    CHECK_FALSE(kind_from_cohort_type("cousin").has_value());
    for (auto k : all_values<cohort_person_kind>())
        CHECK(from_string<cohort_person_kind>(to_string(k)) == k);
    CHECK(codes_are_unique<cohort_person_kind>());
    CHECK(role_of(cohort_person_kind::teacher) == person_role::professional);
}

TEST_CASE("cohort_csv: a bad row is reported with file, line and field, and the reader goes on",
          "[graph][cohort_csv]") {
    const std::string people = people_hdr + "C1,child,2015-01-01\nM1,mother,1990-13-01\nX1,alien,\n"
                               + "C1,child,2015-01-01\n";
    const std::string rels = rels_hdr + "C1,M1,parent,2015-01-01,,\n"          // line 2: fine
                             + "C1,ZZ,friend,2020-01-01,,\n"                      // 3: unknown person
                             + "C1,M1,cousin,2020-01-01,,\n"                      // 4: unknown type
                             + "C1,X1,other,2020-02-30,,\n"                       // 5: bad date
                             + "C1,X1,other,2020-01-01,2021-01-01,\n"             // 6: end, no reason
                             + "C1,X1\n"                                          // 7: too few fields
                             + "C1,C1,other,2020-01-01,,\n";                      // 8: skipped
    const std::string places = places_hdr + "C1,2024-01-01,2023-01-01,U4,,,LA101\n"
                               + "C1,2024-01-01,,Q9,M1,,LA1x\n";
    const auto r = read_cohort_text(people, rels, places, meta);
    REQUIRE(r.ok());
    const auto& c = *r;
    CHECK(c.graph.person_count() == 4);
    CHECK(c.graph.tie_count() == 2); // line 2 and line 6 (read with reason unknown)
    CHECK(c.skipped_rows == 1);
    const auto has = [&](const std::string& text) {
        for (const auto& d : c.problems)
            if (to_string(d).rfind(text, 0) == 0) return true; // the core may add detail
        return false;
    };
    CHECK(has("people.csv:3:3: birth_date=\"1990-13-01\": month must be 01 to 12"));
    CHECK(has("people.csv:4:2: kind=\"alien\": not a known kind of person; read as other"));
    // The repeated row is named by its own line, and the row used by its line (issue 15 audit).
    CHECK(has("people.csv:5:1: person_id=\"C1\": person listed more than once; the first row (line 2) is used"));
    CHECK(has("relationships.csv:3:2: to_id=\"ZZ\": not in people.csv"));
    CHECK(has("relationships.csv:4:3: type=\"cousin\": not a known relationship type"));
    CHECK(has("relationships.csv:5:4: start=\"2020-02-30\": not a calendar date"));
    CHECK(has("relationships.csv:6:6: end_reason=\"\": an ending needs a reason; read as unknown"));
    // A row with the wrong number of fields keeps the whole row as its value.
    CHECK(std::ranges::any_of(c.problems, [](const diagnostic& d) {
        return d.file == "relationships.csv" && d.line == 7 && d.value == "C1,X1"
               && d.message == "expected 6 fields";
    }));
    CHECK(has("placements.csv:2:3: end=\"2023-01-01\": placement ends before it starts"));
    CHECK(has("placements.csv:3:4: placement_type=\"Q9\": not an SSDA903 placement code; read as Z1"));
    CHECK(has("placements.csv:3:7: local_authority=\"LA1x\": expected LA and a number"));
    REQUIRE(c.placements.of(person_id{0}).size() == 1); // the bad-type row is kept, flagged
    CHECK(c.placements.of(person_id{0})[0].where.type == placement_type::Z1);
}

TEST_CASE("cohort_csv: a wrong header or missing census date makes the cohort unusable",
          "[graph][cohort_csv]") {
    const auto bad_header = read_cohort_text("id,kind,birth\n", rels_hdr, places_hdr, meta);
    REQUIRE_FALSE(bad_header.ok());
    CHECK(bad_header.error().file == "people.csv");
    CHECK(bad_header.error().line == 1);
    const auto no_census = read_cohort_text(people_hdr, rels_hdr, places_hdr, "key,value\nchildren,0\n");
    REQUIRE_FALSE(no_census.ok());
    CHECK(no_census.error().field == "census_date");
    const auto missing = read_cohort(std::string{CAREPATH_TEST_DATA} + "/graph/no_such_folder");
    REQUIRE_FALSE(missing.ok());
    CHECK(missing.error().file == "people.csv");
    // Windows line ends and a missing final newline are read the same.
    const auto crlf = read_cohort_text("person_id,kind,birth_date\r\nC1,child,2015-01-01\r\nM1,mother,",
                                       rels_hdr, places_hdr, meta);
    REQUIRE(crlf.ok());
    CHECK(crlf->graph.person_count() == 2);
    CHECK(crlf->problems.empty());
}

// Issue 15 audit: meta.csv keys other than the contract's were skipped without a word, and a
// second census_date silently replaced the first.
TEST_CASE("cohort_csv: meta.csv reports unknown keys and refuses a second census date",
          "[graph][cohort_csv]") {
    const auto extra = read_cohort_text(people_hdr, rels_hdr, places_hdr,
                                        "key,value\ncensus_date,2026-03-31\nchildren,0\ncensus,2020-01-01\n");
    REQUIRE(extra.ok());
    REQUIRE(extra->problems.size() == 1);
    CHECK(extra->problems[0].line == 4);
    CHECK(extra->problems[0].field == "key");
    CHECK(extra->problems[0].value == "census");
    const auto twice = read_cohort_text(people_hdr, rels_hdr, places_hdr,
                                        "key,value\ncensus_date,2026-03-31\ncensus_date,2025-03-31\n");
    REQUIRE_FALSE(twice.ok());
    CHECK(twice.error().line == 3);
    CHECK(twice.error().value == "2025-03-31");
    CHECK(twice.error().message == "census_date given twice (first on line 2)");
}

// Issue 15, item 5: a placement's carer is a person in the files, and the link is kept.
TEST_CASE("cohort_csv: a placement's carer is linked to the carer as a person", "[graph][cohort_csv]") {
    const auto r = read_cohort(example);
    REQUIRE(r.ok());
    const auto spells = r->placements.of(person_id{0});
    REQUIRE(spells[0].where.carer.has_value());
    REQUIRE(spells[0].where.carer_person.has_value());
    CHECK(r->external_id(*spells[0].where.carer_person) == "FC0000001");
}
