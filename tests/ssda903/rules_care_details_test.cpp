#include <carepath/ssda903/rules/care_details.hpp>

#include "rules_fixture.hpp"

#include <catch2/catch.hpp>

using namespace carepath::ssda903;
using namespace carepath::ssda903::testing;
using lines = std::set<std::size_t>;

namespace {
const std::string missing_columns = "CHILD,DOB,MISSING,MIS_START,MIS_END";
} // namespace

TEST_CASE("missing rules: periods are dated, in order and inside care", "[ssda903][rules_care_details]") {
    const auto data = make_return(2025, {
        make_table("Episodes", episode_columns, {
            "A,01/05/2024,S,C2,N1,U4,PR1,01/09/2024,E8,,M1 1AA,M2 2BB,1",  // 2
        }),
        make_table("Missing", missing_columns, {
            "A,01/01/2010,M,10/05/2024,12/05/2024",   // 2 fine
            "A,01/01/2010,A,,",                        // 3 no start date
            "A,01/01/2010,X,20/05/2024,19/05/2024",   // 4 bad type, ends before it starts
            "A,01/01/2010,M,01/10/2024,02/10/2024",   // 5 after care ended
            "A,01/01/2010,M,01/06/2024,",              // 6 still open when care ended
        }),
    });
    CHECK(lines_in(run_rule(data, "1004", 2025), "Missing") == lines{3});
    CHECK(lines_in(run_rule(data, "564", 2025), "Missing") == lines{3});
    CHECK(lines_in(run_rule(data, "1006", 2025), "Missing") == lines{4});
    CHECK(lines_in(run_rule(data, "567", 2025), "Missing") == lines{4});
    CHECK(lines_in(run_rule(data, "578", 2025), "Missing") == lines{5});
    CHECK(lines_in(run_rule(data, "575", 2025), "Missing") == lines{6});
}

TEST_CASE("reviews and previous permanence rules", "[ssda903][rules_care_details]") {
    const auto data = make_return(2025, {
        make_table("Episodes", episode_columns, {
            "A,01/05/2024,S,C2,N1,U4,PR1,,,,M1 1AA,M2 2BB,1",   // 2 started in the year
            "B,01/05/2024,S,C2,N1,U4,PR1,,,,M1 1AA,M2 2BB,1",   // 3 no PrevPerm row
        }),
        make_table("Reviews", "CHILD,DOB,REVIEW,REVIEW_CODE", {
            "A,01/01/2022,01/06/2024,PN0",   // 2 under 4: fine
            "A,01/01/2018,01/06/2024,PN0",   // 3 6 years old coded as under 4
            "A,01/01/2022,01/06/2024,PN1",   // 4 2 years old coded as 4 or over
            "A,01/01/2022,,PN1",             // 5 code without a review date
        }),
        make_table("PrevPerm", "CHILD,DOB,PREV_PERM,LA_PERM,DATE_PERM", {
            "A,01/01/2022,P9,800,01/01/2023",   // 2 bad code
        }),
    });
    CHECK(lines_in(run_rule(data, "440", 2025), "Reviews") == lines{3});
    CHECK(lines_in(run_rule(data, "441", 2025), "Reviews") == lines{4});
    CHECK(lines_in(run_rule(data, "166", 2025), "Reviews") == lines{5});
    CHECK(lines_in(run_rule(data, "167", 2025), "Reviews") == lines{5});
    CHECK(lines_in(run_rule(data, "631", 2025), "PrevPerm") == lines{2});
    CHECK(episode_lines(run_rule(data, "630", 2025)) == lines{3});
}

TEST_CASE("missing rules: a period may not start before the previous one ended (574)",
          "[ssda903][rules_care_details]") {
    // Taken in order of end (an open period by its start): line 3 starts on 08/05, before
    // line 2 ended on 10/05; line 5 starts while line 4 is still open. B has one period.
    const auto data = make_return(2025, {
        make_table("Missing", missing_columns, {
            "A,01/01/2010,M,01/05/2024,10/05/2024",   // 2
            "A,01/01/2010,M,08/05/2024,12/05/2024",   // 3 overlaps line 2
            "A,01/01/2010,A,20/05/2024,",             // 4 open
            "A,01/01/2010,M,25/05/2024,26/05/2024",   // 5 starts while line 4 is open
            "B,01/01/2011,M,01/06/2024,03/06/2024",   // 6
        }),
    });
    CHECK(lines_in(run_rule(data, "574", 2025), "Missing") == lines{3, 5});
}
