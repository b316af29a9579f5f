#include <carepath/ssda903/rules/episodes.hpp>

#include "rules_fixture.hpp"

#include <catch2/catch.hpp>

using namespace carepath::ssda903;
using namespace carepath::ssda903::testing;
using lines = std::set<std::size_t>;

namespace {
return_data episodes(int year, const std::vector<std::string>& rows) {
    return make_return(year, {make_table("Episodes", episode_columns, rows)});
}
} // namespace

TEST_CASE("episode rules: a lower-case code is not a valid code", "[ssda903][rules_episodes]") {
    // The DfE's tool upper-cases text before checking; carepath reports what the file says.
    const auto data = episodes(2025, {
        "A,01/05/2024,S,C1,N1,U4,PR1,,,,M1 1AA,M2 2BB,1234567",   // 2 all upper case
        "B,01/05/2024,s,c1,n1,u4,pr1,,,,M1 1AA,M2 2BB,1234567",   // 3 all lower case
    });
    CHECK(episode_lines(run_rule(data, "143", 2025)) == lines{3});
    CHECK(episode_lines(run_rule(data, "144", 2025)) == lines{3});
    CHECK(episode_lines(run_rule(data, "145", 2025)) == lines{3});
    CHECK(episode_lines(run_rule(data, "146", 2025)) == lines{3});
    CHECK(episode_lines(run_rule(data, "178", 2025)) == lines{3});
}

TEST_CASE("episode rules: a retired placement code is refused from the year it was retired",
          "[ssda903][rules_episodes]") {
    const auto data = episodes(2026, {
        "A,01/05/2025,S,C1,N1,P2,PR1,,,,M1 1AA,M2 2BB,",          // 2 P2: gone in 2025-26
        "B,01/05/2025,S,C1,N1,Z1,,,,,M1 1AA,M2 2BB,",             // 3 Z1: split into Z11-Z14
        "C,01/05/2025,S,C1,N1,Z12,,,,,M1 1AA,M2 2BB,",            // 4 new code
        "D,01/05/2025,S,C1,N1,K3,PR4,,,,M1 1AA,M2 2BB,1234567",   // 5 K3 since 2024-25
    });
    CHECK(episode_lines(run_rule(data, "146", 2026)) == lines{2, 3});
    // The same codes a year earlier: P2 and Z1 still listed, Z12 not yet.
    auto before = data;
    before.collection_year = 2025;
    CHECK(episode_lines(run_rule(before, "146", 2025)) == lines{4});
    // 2023-24 rule 217t: P2 is no placement for anyone still placed after 28 October 2023.
    const auto p2 = episodes(2024, {
        "A,01/05/2023,S,C1,N1,P2,PR1,01/09/2023,E8,,M1 1AA,M2 2BB,",  // 2 ended before
        "B,01/05/2023,S,C1,N1,P2,PR1,01/11/2023,E8,,M1 1AA,M2 2BB,",  // 3 ended after
        "C,01/05/2023,S,C1,N1,P2,PR1,,,,M1 1AA,M2 2BB,",              // 4 still open
    });
    CHECK(episode_lines(run_rule(p2, "217t", 2024)) == lines{3, 4});
}

TEST_CASE("episode rules: dates must be real and in order", "[ssda903][rules_episodes]") {
    const auto data = episodes(2025, {
        "A,10/06/2024,S,C1,N1,U4,PR1,01/06/2024,E8,,M1 1AA,M2 2BB,1",  // 2 ends before it starts
        "B,31/02/2024,S,C1,N1,U4,PR1,,,,M1 1AA,M2 2BB,1",              // 3 no 31 February
        "C,01/05/2024,S,C1,N1,U4,PR1,01/05/2024,E8,,M1 1AA,M2 2BB,1",  // 4 under a day
        "D,01/05/2024,S,C1,N1,U4,PR1,01/05/2025,E8,,M1 1AA,M2 2BB,1",  // 5 ends after 31 March
        "E,01/05/2024,S,C1,N1,U4,PR1,1/6/2024,E8,,M1 1AA,M2 2BB,1",    // 6 short day and month: fine
        "F,01/05/2024,S,C1,N1,U4,PR1,01/06/2024,,,M1 1AA,M2 2BB,1",    // 7 DEC without REC
        "G,01/01/1990,S,C1,N1,U4,PR1,01/06/1990,E8,,M1 1AA,M2 2BB,1",  // 8 before 14/10/1991
    });
    CHECK(episode_lines(run_rule(data, "356", 2025)) == lines{2});
    CHECK(episode_lines(run_rule(data, "141", 2025)) == lines{3});
    CHECK(run_rule(data, "147", 2025).empty());
    CHECK(episode_lines(run_rule(data, "355", 2025)) == lines{4});
    CHECK(episode_lines(run_rule(data, "385", 2025)) == lines{5});
    CHECK(episode_lines(run_rule(data, "148", 2025)) == lines{7});
    CHECK(episode_lines(run_rule(data, "353", 2025)) == lines{8});
}

TEST_CASE("episode rules: providers must fit the placement", "[ssda903][rules_episodes]") {
    const auto data = episodes(2025, {
        "A,01/05/2024,S,C1,N1,P1,PR0,,,,M1 1AA,M2 2BB,",          // 2 parents, PR0: fine
        "B,01/05/2024,S,C1,N1,U4,PR0,,,,M1 1AA,M2 2BB,1",         // 3 PR0 only with P1
        "C,01/05/2024,S,C1,N1,T1,PR1,,,,M1 1AA,M2 2BB,",          // 4 temporary: no provider
        "D,01/05/2024,S,C1,N1,U4,,,,,M1 1AA,M2 2BB,1",            // 5 provider missing
        "E,01/05/2024,S,C1,N1,K2,PR3,,,,M1 1AA,M2 2BB,1",         // 6 PR3 not for K2
        "F,01/05/2024,S,C1,N1,P1,PR1,,,,M1 1AA,M2 2BB,",          // 7 PR1 not for P1
    });
    CHECK(episode_lines(run_rule(data, "550", 2025)) == lines{3});
    CHECK(episode_lines(run_rule(data, "213", 2025)) == lines{4});
    CHECK(episode_lines(run_rule(data, "178", 2025)) == lines{4});
    CHECK(episode_lines(run_rule(data, "526", 2025)) == lines{5});
    CHECK(episode_lines(run_rule(data, "529", 2025)) == lines{6});
    CHECK(episode_lines(run_rule(data, "527", 2025)) == lines{7});
}

TEST_CASE("episode rules: URN is needed for regulated placements only", "[ssda903][rules_episodes]") {
    const auto data = episodes(2025, {
        "A,01/05/2024,S,C1,N1,K2,PR4,,,,M1 1AA,M2 2BB,",          // 2 children's home, no URN
        "B,01/05/2024,S,C1,N1,P1,PR0,,,,M1 1AA,M2 2BB,1234567",   // 3 parents, URN given
        "C,01/05/2024,S,C1,N1,P1,PR0,,,,M1 1AA,M2 2BB,XXXXXXX",   // 4 placeholder: fine
        "D,01/05/2022,S,C1,N1,K2,PR4,01/06/2022,E8,,M1 1AA,M2 2BB,", // 5 ended before the year
    });
    CHECK(episode_lines(run_rule(data, "218", 2025)) == lines{2});
    CHECK(episode_lines(run_rule(data, "222", 2025)) == lines{3});
}

TEST_CASE("episode rules: short breaks carry no placement location and no temporary placement",
          "[ssda903][rules_episodes]") {
    const auto data = episodes(2025, {
        "A,01/05/2024,S,V3,N2,U6,PR1,05/05/2024,E13,,M1 1AA,M2 2BB,1",  // 2 postcodes given
        "B,01/05/2024,S,V3,N2,T4,,05/05/2024,E13,,,,",                  // 3 temporary
        "C,01/05/2024,S,V4,N2,U1,PR1,05/05/2024,E13,,,,",               // 4 long-term foster
        "D,01/05/2024,S,V3,N2,U6,PR1,01/06/2024,E13,,,,",               // 5 31 days > 17
    });
    CHECK(episode_lines(run_rule(data, "398", 2025)) == lines{2});
    CHECK(episode_lines(run_rule(data, "214", 2025)) == lines{2});
    CHECK(episode_lines(run_rule(data, "382", 2025)) == lines{3});
    CHECK(episode_lines(run_rule(data, "384", 2025)) == lines{4});
    CHECK(episode_lines(run_rule(data, "365", 2025)) == lines{5});
    CHECK(run_rule(data, "392b", 2025).empty()); // short breaks need no postcodes
}

TEST_CASE("episode rules: adoption placements and legal statuses agree", "[ssda903][rules_episodes]") {
    const auto data = episodes(2025, {
        "A,01/05/2024,P,C2,N1,A5,PR1,,,,M1 1AA,M2 2BB,1",   // 2 A5 needs E1, and is entered by P
        "B,01/05/2024,U,E1,N1,A5,PR1,,,,M1 1AA,M2 2BB,1",   // 3 fine
        "C,01/05/2024,S,E1,N1,U4,PR1,01/06/2024,E11,,M1 1AA,M2 2BB,1",  // 4 adopted from U4
    });
    CHECK(episode_lines(run_rule(data, "408", 2025)) == lines{2});
    CHECK(episode_lines(run_rule(data, "217", 2025)) == lines{2});
    CHECK(episode_lines(run_rule(data, "390", 2025)) == lines{4});
}
