#include <carepath/ssda903/rules/adoption.hpp>

#include "rules_fixture.hpp"

#include <catch2/catch.hpp>

using namespace carepath::ssda903;
using namespace carepath::ssda903::testing;
using lines = std::set<std::size_t>;

namespace {
const std::string ad1_columns =
    "CHILD,DOB,DATE_INT,DATE_MATCH,FOSTER_CARE,NB_ADOPTR,SEX_ADOPTR,LS_ADOPTR";
const std::string pa_columns = "CHILD,DOB,DATE_PLACED,DATE_PLACED_CEASED,REASON_PLACED_CEASED";
} // namespace

TEST_CASE("adoption rules: AD1 items are valid, complete and consistent", "[ssda903][rules_adoption]") {
    const auto data = make_return(2025, {make_table("AD1", ad1_columns, {
        "A,01/01/2020,01/05/2024,01/07/2024,1,2,MF,L11",   // 2 fine
        "B,01/01/2020,01/05/2024,,1,2,MF,L11",             // 3 partly blank
        "C,01/01/2020,01/08/2024,01/07/2024,1,2,MF,L11",   // 4 should-be-placed after matching
        "D,01/01/2020,01/05/2024,01/07/2024,1,2,M1,L11",   // 5 two adopters coded M1; L11 not MF
        "E,01/01/2020,01/05/2024,01/07/2024,3,1,F1,L0",    // 6 FOSTER_CARE 3
        "F,01/01/2020,01/05/2024,01/07/2024,0,2,MM,L3",    // 7 L3 needs MF
    })});
    CHECK(lines_in(run_rule(data, "151", 2025), "AD1") == lines{3});
    CHECK(lines_in(run_rule(data, "333", 2025), "AD1") == lines{4});
    CHECK(lines_in(run_rule(data, "511", 2025), "AD1") == lines{5});
    CHECK(lines_in(run_rule(data, "520", 2025), "AD1") == lines{5});
    CHECK(lines_in(run_rule(data, "114", 2025), "AD1") == lines{6});
    CHECK(lines_in(run_rule(data, "517", 2025), "AD1") == lines{7});
    CHECK(run_rule(data, "514", 2025).empty()); // E is L0 with F1: a single adopter
}

TEST_CASE("adoption rules: decisions to place for adoption against the episodes",
          "[ssda903][rules_adoption]") {
    const auto data = make_return(2025, {
        make_table("PlacedAdoption", pa_columns, {
            "A,01/01/2020,01/03/2024,,",                  // 2 decision, then placed: fine
            "B,01/01/2020,01/06/2024,,",                  // 3 decided after being placed
            "C,01/01/2020,01/03/2024,01/04/2024,",        // 4 reversed without a reason
            "C,01/01/2020,01/05/2024,,",                  // 5 second decision
        }),
        make_table("Episodes", episode_columns, {
            "A,01/04/2024,S,E1,N1,A6,PR1,,,,M1 1AA,M2 2BB,1",   // 2 placed after the decision
            "B,01/01/2023,S,E1,N1,A6,PR1,,,,M1 1AA,M2 2BB,1",   // 3 placed 01/01/2023
            "D,01/01/2023,S,E1,N1,A6,PR1,,,,M1 1AA,M2 2BB,1",   // 4 placed, no decision at all
        }),
    });
    CHECK(lines_in(run_rule(data, "552", 2025), "Episodes") == lines{3});
    CHECK(lines_in(run_rule(data, "552", 2025), "PlacedAdoption") == lines{3});
    CHECK(lines_in(run_rule(data, "551", 2025), "Episodes") == lines{4});
    CHECK(lines_in(run_rule(data, "553", 2025), "Episodes") == lines{4});
    CHECK(lines_in(run_rule(data, "119", 2025), "PlacedAdoption") == lines{4});
    CHECK(run_rule(data, "579", 2025).empty()); // C's second decision follows the reversal
}

TEST_CASE("internal checks: children of other tables must be in Header with the same DOB",
          "[ssda903][rules_adoption]") {
    const auto data = make_return(2025, {
        make_table("Header", header_columns, {"A,F,01/01/2020,WBRI,UN1,,"}),
        make_table("AD1", ad1_columns, {
            "A,02/01/2020,,,,,,",   // 2 DOB differs
            "Z,01/01/2020,,,,,,",   // 3 not in Header
            "A,01/01/2020,,,,,,",   // 4 A twice
        }),
    });
    CHECK(lines_in(run_rule(data, "INT11", 2025), "AD1") == lines{2});
    CHECK(lines_in(run_rule(data, "INT01", 2025), "AD1") == lines{3});
    CHECK(lines_in(run_rule(data, "INT31", 2025), "AD1") == lines{2, 4});
}
