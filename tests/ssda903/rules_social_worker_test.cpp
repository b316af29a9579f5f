#include <carepath/ssda903/rules/social_worker.hpp>

#include "rules_fixture.hpp"

#include <catch2/catch.hpp>

using namespace carepath::ssda903;
using namespace carepath::ssda903::testing;
using lines = std::set<std::size_t>;

TEST_CASE("social worker rules: episodes are complete and follow on", "[ssda903][rules_social_worker]") {
    const auto data = make_return(2025, {make_table("SWEpisodes", "CHILD,DOB,SW_ID,SW_DECOM,SW_DEC,SW_REASON", {
        "A,01/01/2010,SW1,01/05/2024,01/08/2024,MANAGE",   // 2
        "A,01/01/2010,SW2,03/08/2024,,LEFTRL",             // 3 two days later: within a week
        "B,01/01/2010,AB1,01/05/2024,20/05/2024,BADCODE",  // 4 bad id, bad reason
        "B,01/01/2010,SW3,10/06/2024,,OTHERS",             // 5 three weeks' gap
    })});
    CHECK(lines_in(run_rule(data, "SW02STG1", 2025), "SWEpisodes") == lines{4});
    CHECK(lines_in(run_rule(data, "SW13STG1", 2025), "SWEpisodes") == lines{4});
    CHECK(lines_in(run_rule(data, "SW10STG2", 2025), "SWEpisodes") == lines{5});
    CHECK(run_rule(data, "SW08STG2", 2025).empty());
}

TEST_CASE("DoLO rules: dates and placements of children under a deprivation of liberty order",
          "[ssda903][rules_social_worker]") {
    const auto data = make_return(2027, {
        make_table("DoLo", "CHILD,DOB,DOLO_START,DOLO_END", {
            "A,01/01/2010,01/05/2026,01/07/2026",   // 2 in K2: fine
            "B,01/01/2010,01/05/2026,01/04/2026",   // 3 ends before it starts
            "C,01/01/2010,01/05/2026,01/07/2026",   // 4 placed with parents
        }),
        make_table("Episodes", episode_columns, {
            "A,01/01/2026,S,C2,N1,K2,PR1,,,,M1 1AA,M2 2BB,1",
            "C,01/01/2026,S,C2,N1,P1,PR0,,,,M1 1AA,M2 2BB,",
        }),
    });
    CHECK(lines_in(run_rule(data, "702", 2027), "DoLo") == lines{3});
    CHECK(lines_in(run_rule(data, "709", 2027), "DoLo") == lines{4});
    CHECK(lines_in(run_rule(data, "710", 2027), "DoLo") == lines{4});
    CHECK(episode_lines(run_rule(data, "710", 2027)) == lines{3});
}
