#include <carepath/ssda903/rules/header.hpp>

#include "rules_fixture.hpp"

#include <catch2/catch.hpp>

using namespace carepath::ssda903;
using namespace carepath::ssda903::testing;
using lines = std::set<std::size_t>;

TEST_CASE("header rules: codes and dates of the child", "[ssda903][rules_header]") {
    const auto data = make_return(2025, {make_table("Header", header_columns, {
        "A,F,01/02/2010,WBRI,A123456789012,0,",     // 2 fine
        "B,2,01/02/2010,WBRI,A123456789012,0,",     // 3 old numeric sex
        "C,M,31/02/2010,ZZZZ,I123456789012,,",      // 4 bad DOB, ethnicity, UPN (starts with I)
        "D,U,01/02/2026,NOBT,UN3,,",                // 5 sex unknown, born after the year
        "E,M,01/02/2010,WBRI,UN1,,",                // 6 school age with UN1
        "E,M,01/02/2010,WBRI,UN1,,",                // 7 same child twice
    })});
    CHECK(lines_in(run_rule(data, "101", 2025), "Header") == lines{3});
    CHECK(lines_in(run_rule(data, "101", 2024), "Header") == lines{2, 4, 5, 6, 7}); // 1/2 then
    CHECK(lines_in(run_rule(data, "102", 2025), "Header") == lines{4});
    CHECK(lines_in(run_rule(data, "103", 2025), "Header") == lines{4});
    CHECK(lines_in(run_rule(data, "168", 2025), "Header") == lines{4});
    CHECK(lines_in(run_rule(data, "232", 2025), "Header") == lines{5});
    CHECK(lines_in(run_rule(data, "301", 2025), "Header") == lines{5});
    CHECK(lines_in(run_rule(data, "209", 2025), "Header") == lines{6, 7});
    CHECK(lines_in(run_rule(data, "INT32", 2025), "Header") == lines{6, 7});
}

TEST_CASE("header rules: mothers", "[ssda903][rules_header]") {
    const auto data = make_return(2025, {make_table("Header", header_columns, {
        "A,F,01/02/2008,WBRI,UN2,1,01/01/2024",     // 2 a mother at 15: fine
        "B,F,01/02/2008,WBRI,UN2,1,",               // 3 mother without her child's DOB
        "C,F,01/02/2008,WBRI,UN2,0,01/01/2024",     // 4 child's DOB but not a mother
        "D,M,01/02/2008,WBRI,UN2,,01/01/2024",      // 5 male with a child's DOB
        "E,F,01/02/2015,WBRI,UN2,1,01/01/2024",     // 6 under 11
        "G,F,01/02/2008,WBRI,UN2,1,01/01/2007",     // 7 child born before the mother
    })});
    CHECK(lines_in(run_rule(data, "611", 2025), "Header") == lines{3});
    CHECK(lines_in(run_rule(data, "612", 2025), "Header") == lines{4});
    CHECK(lines_in(run_rule(data, "174", 2025), "Header") == lines{5});
    CHECK(lines_in(run_rule(data, "620", 2025), "Header") == lines{6});
    CHECK(lines_in(run_rule(data, "621", 2025), "Header") == lines{7});
}

TEST_CASE("header rules: ages against episodes", "[ssda903][rules_header]") {
    const auto data = make_return(2025, {
        make_table("Header", header_columns, {
            "A,F,01/06/2006,WBRI,UN2,0,",   // 2 18 on 01/06/2024
            "B,M,01/06/2016,WBRI,UN2,,",    // 3 8 years old
            "C,M,01/06/2024,WBRI,UN1,,",    // 4 born after care starts
        }),
        make_table("Episodes", episode_columns, {
            "A,01/07/2024,S,V2,N1,K2,PR4,,,,M1 1AA,M2 2BB,1",            // 2 starts at 18
            "B,01/05/2024,S,J1,N1,R5,PR1,01/06/2024,E5,,M1 1AA,M2 2BB,", // 3 remand, YOI, E5 at 8
            "C,01/05/2024,S,C1,N1,U4,PR1,,,,M1 1AA,M2 2BB,1",            // 4 before birth
        }),
    });
    CHECK(episode_lines(run_rule(data, "352", 2025)) == lines{2});
    CHECK(episode_lines(run_rule(data, "358", 2025)) == lines{3});
    CHECK(lines_in(run_rule(data, "358", 2025), "Header") == lines{3});
    CHECK(episode_lines(run_rule(data, "372", 2025)) == lines{3});
    CHECK(episode_lines(run_rule(data, "387", 2025)) == lines{3});
    CHECK(episode_lines(run_rule(data, "302", 2025)) == lines{4});
    CHECK(lines_in(run_rule(data, "302", 2025), "Header") == lines{4});
    // Over 18 at 31 March and still looked after: only V2 in K2 is allowed (A is).
    CHECK(run_rule(data, "359", 2025).empty());
}

TEST_CASE("header rules: children are in both Header and Episodes", "[ssda903][rules_header]") {
    const auto data = make_return(2025, {
        make_table("Header", header_columns, {"A,F,01/06/2010,WBRI,UN2,0,", "B,M,01/06/2010,WBRI,UN2,,"}),
        make_table("Episodes", episode_columns, {
            "A,01/07/2024,S,C1,N1,U4,PR4,,,,M1 1AA,M2 2BB,1",  // 2
            "Z,01/07/2024,S,C1,N1,U4,PR4,,,,M1 1AA,M2 2BB,1",  // 3 not in Header
        }),
    });
    CHECK(episode_lines(run_rule(data, "INT03", 2025)) == lines{3});
    CHECK(lines_in(run_rule(data, "EPI", 2025), "Header") == lines{3}); // B has no episodes
}
