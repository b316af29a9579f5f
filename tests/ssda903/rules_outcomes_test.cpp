#include <carepath/ssda903/rules/outcomes.hpp>

#include "rules_fixture.hpp"

#include <catch2/catch.hpp>

using namespace carepath::ssda903;
using namespace carepath::ssda903::testing;
using lines = std::set<std::size_t>;

namespace {
const std::string oc2_columns =
    "CHILD,DOB,SDQ_SCORE,SDQ_REASON,CONVICTED,HEALTH_CHECK,IMMUNISATIONS,TEETH_CHECK,"
    "HEALTH_ASSESSMENT,SUBSTANCE_MISUSE,INTERVENTION_RECEIVED,INTERVENTION_OFFERED";
const std::string oc3_columns = "CHILD,DOB,IN_TOUCH,ACTIV,ACCOM";
} // namespace

TEST_CASE("outcome rules: OC2 needs a child looked after for the whole year",
          "[ssda903][rules_outcomes]") {
    const auto data = make_return(2025, {
        make_table("Episodes", episode_columns, {
            "A,01/01/2020,S,C2,N1,U4,PR1,,,,M1 1AA,M2 2BB,1",            // 2 in care all year
            "B,01/06/2024,S,C2,N1,U4,PR1,,,,M1 1AA,M2 2BB,1",            // 3 came in June
        }),
        make_table("OC2", oc2_columns, {
            "A,01/01/2012,12,,0,,1,1,1,0,,",   // 2 fine (aged 12: SDQ, no health check)
            "B,01/01/2012,12,,0,,1,1,1,0,,",   // 3 not looked after 12 months
            "C,01/01/2012,45,,,,,,,,,",        // 4 score out of range
        }),
    });
    CHECK(lines_in(run_rule(data, "185", 2025), "OC2") == lines{3, 4});
    CHECK(lines_in(run_rule(data, "190", 2025), "OC2") == lines{3});
    CHECK(lines_in(run_rule(data, "180", 2025), "OC2") == lines{4});
    CHECK(run_rule(data, "191", 2025).empty());
    CHECK(run_rule(data, "543", 2025).empty()); // A is 13 and has CONVICTED
}

TEST_CASE("outcome rules: OC3 codes and their combinations", "[ssda903][rules_outcomes]") {
    const auto data = make_return(2025, {make_table("OC3", oc3_columns, {
        "A,01/01/2006,YES,F2,D1",    // 2 fine
        "B,01/01/2006,YES,0,D1",     // 3 in touch, no activity
        "C,01/01/2006,DIED,F2,0",    // 4 died, activity given
        "D,01/01/2006,MAYBE,F2,D1",  // 5 not a code
        "E,01/01/2010,YES,F2,D1",    // 6 only 15
    })});
    CHECK(lines_in(run_rule(data, "345", 2025), "OC3") == lines{3});
    CHECK(lines_in(run_rule(data, "344", 2025), "OC3") == lines{4});
    CHECK(lines_in(run_rule(data, "131", 2025), "OC3") == lines{5});
    CHECK(lines_in(run_rule(data, "391", 2025), "OC3") == lines{6});
}

TEST_CASE("outcome rules: ACTIV codes follow the 2021-22 split of training and employment",
          "[ssda903][rules_outcomes]") {
    // F3/P3 (training or employment) until 2020-21; F4/P4 and F5/P5 from 2021-22.
    const auto oc3 = make_table("OC3", oc3_columns, {
        "A,01/01/2003,YES,F3,D1",  // 2 old code
        "B,01/01/2003,YES,P5,D1",  // 3 new code
        "C,01/01/2003,YES,F2,D1",  // 4 valid in every year
    });
    for (const int year : {2020, 2021}) {
        CAPTURE(year);
        CHECK(lines_in(run_rule(make_return(year, {oc3}), "132", year), "OC3") == lines{3});
    }
    for (const int year : {2022, 2023, 2027}) {
        CAPTURE(year);
        CHECK(lines_in(run_rule(make_return(year, {oc3}), "132", year), "OC3") == lines{2});
    }
}
