#include <carepath/ssda903/rules/continuity.hpp>

#include "rules_fixture.hpp"

#include <catch2/catch.hpp>

using namespace carepath::ssda903;
using namespace carepath::ssda903::testing;
using lines = std::set<std::size_t>;

TEST_CASE("continuity rules: last year's open episode carries on", "[ssda903][rules_continuity]") {
    auto last = make_table("Episodes_last", episode_columns, {
        "A,01/01/2024,S,C2,N1,U4,PR1,,,,M1 1AA,M2 2BB,1",  // open at 31/03/2024
        "B,01/01/2024,S,C2,N1,U4,PR1,,,,M1 1AA,M2 2BB,1",  // open
        "C,01/01/2024,S,C2,N1,U4,PR1,01/02/2024,E8,,M1 1AA,M2 2BB,1",  // closed
    });
    last.name = "Episodes_last";
    const auto data = make_return(2025, {
        make_table("Episodes", episode_columns, {
            "A,01/01/2024,S,C2,N1,U4,PR1,,,,M1 1AA,M2 2BB,1",   // 2 same: fine
            "B,01/02/2024,S,C1,N1,U6,PR1,,,,M1 1AA,M2 2BB,1",   // 3 different start, LS, PLACE
            "D,01/01/2024,S,C2,N1,U4,PR1,,,,M1 1AA,M2 2BB,1",   // 4 began before the year, not in last year's
        }),
        std::move(last),
    });
    CHECK(episode_lines(run_rule(data, "502", 2025)) == lines{3});
    CHECK(episode_lines(run_rule(data, "503B", 2025)) == lines{3});
    CHECK(episode_lines(run_rule(data, "503D", 2025)) == lines{3});
    CHECK(run_rule(data, "503A", 2025).empty());
    CHECK(episode_lines(run_rule(data, "562", 2025)) == lines{3, 4});
    CHECK(episode_lines(run_rule(data, "NoE", 2025)) == lines{4});
}

TEST_CASE("continuity rules: the child's sex, birth date and ethnicity do not change",
          "[ssda903][rules_continuity]") {
    const auto data = make_return(2025, {
        make_table("Header", header_columns, {
            "A,F,01/01/2010,WBRI,UN2,0,",   // 2 fine
            "B,M,02/01/2010,WBRI,UN2,,",    // 3 DOB changed
            "C,M,01/01/2010,WIRI,UN2,,",    // 4 ethnicity changed
        }),
        make_table("Header_last", header_columns, {
            "A,F,01/01/2010,WBRI,UN1,0,", "B,M,01/01/2010,WBRI,UN2,,", "C,M,01/01/2010,WBRI,UN2,,"}),
    });
    CHECK(run_rule(data, "202", 2025).empty());
    CHECK(lines_in(run_rule(data, "203", 2025), "Header") == lines{3});
    CHECK(lines_in(run_rule(data, "204", 2025), "Header") == lines{4});
    CHECK(run_rule(data, "208", 2025).empty()); // UN1 to UN2 is allowed
}
