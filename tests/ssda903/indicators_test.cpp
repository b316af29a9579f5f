#include "carepath/ssda903/indicators.hpp"

#include <catch2/catch.hpp>

#include <sstream>
#include <string>
#include <vector>

using namespace carepath;
using namespace carepath::ssda903;

// Answers worked out by hand in tests/data/ssda903/hand/README.md.
TEST_CASE("indicators: the hand-written 2024-25 return gives the figures worked out by hand",
          "[ssda903][indicators]") {
    const auto r = read_return(std::string{CAREPATH_TEST_DATA} + "/ssda903/hand", 2025).value();
    const auto m = map_return(r, {{"M14", "M2", "M8"}, {}});
    const auto s = compute_indicators(m, 2025);
    CHECK(s.looked_after_in_year == 9);
    CHECK(s.looked_after_at_year_end == 9);
    CHECK(s.three_or_more_placements == proportion{1, 9}); // C7
    CHECK(s.long_term_stability == proportion{2, 3});      // C1 and C8 of C1, C8, C9
    CHECK(s.moves_in_year == 3);                           // C2 once, C7 twice
    CHECK(s.days_in_care_in_year == 3042);
    CHECK(s.moves_per_child_year().value() == Approx(3 * 365.25 / 3042.0));
    CHECK(s.mean_days_in_care().value() == Approx(3042.0 / 9));
    REQUIRE(s.ended_period_days.size() == 1); // C5's first period
    CHECK(s.median_ended_period_days() == 61.0);
    CHECK(s.placed_outside_home_authority == proportion{2, 9}); // C6 and C7

    SECTION("without home districts the location is not known") {
        const auto s2 = compute_indicators(map_return(r), 2025);
        CHECK(s2.placed_outside_home_authority == proportion{0, 0});
        CHECK_FALSE(s2.placed_outside_home_authority.share());
    }
    SECTION("the summary prints as sentences") {
        std::ostringstream os;
        os << s;
        CHECK(os.str().find("3 or more placements in the year: 1 of 9 (11%)") != std::string::npos);
    }
}

TEST_CASE("indicators: a year before anyone was in care counts nobody", "[ssda903][indicators]") {
    const auto r = read_return(std::string{CAREPATH_TEST_DATA} + "/ssda903/hand", 2025).value();
    const auto s = compute_indicators(map_return(r), 2015);
    CHECK(s.looked_after_in_year == 0);
    CHECK(s.three_or_more_placements.base == 0);
    CHECK_FALSE(s.moves_per_child_year());
    CHECK_FALSE(s.median_ended_period_days());
}

namespace {
date d(int y, unsigned m, unsigned dd) {
    return *make_date(y, m, dd);
}
mapping_result map_episodes(const std::string& rows) {
    std::vector<diagnostic> errors;
    std::istringstream eps{
        "CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,"
        "PL_POST,URN\n"
        + rows};
    return_data r;
    r.tables.emplace("Episodes", read_table(eps, "e.csv", "", errors));
    return map_return(r);
}
} // namespace

// s13: the DfE counts a new placement at a change of carer (RNE S, P, B), not at a change of
// placement type or legal status with the same carer (T, U); see placements_between.
TEST_CASE("indicators: RNE T and U continue a placement, S, P and B start one",
          "[ssda903][indicators]") {
    const auto m = map_episodes(
        // Child 1, 2024-25: S (foster, U4), T (same carer, U4 -> U6), U (same carer, placement
        // order and placed for adoption, E1 A5), P (new carer, A4): two carers, two placements.
        "1,01/05/2024,S,C2,N1,U4,PR1,01/07/2024,X1,,,,\n"
        "1,01/07/2024,T,C2,N1,U6,PR1,01/10/2024,X1,,,,\n"
        "1,01/10/2024,U,E1,N1,A5,PR1,01/12/2024,X1,CARPL,,,\n"
        "1,01/12/2024,P,E1,N1,A4,PR1,,,,,,\n"
        // Child 2: S then B (new carer and legal status): two placements.
        "2,01/05/2024,S,V2,N1,U4,PR1,01/09/2024,X1,CARPL,,,\n"
        "2,01/09/2024,B,C2,N1,U6,PR1,,,,,,\n"
        // Child 3: in care since 2023 with one carer, then P, T and P in the year: the
        // placement held on 1 April and two changes of carer, three placements.
        "3,01/01/2023,S,C2,N1,U4,PR1,01/06/2024,X1,CARPL,,,\n"
        "3,01/06/2024,P,C2,N1,U4,PR1,01/08/2024,X1,,,,\n"
        "3,01/08/2024,T,C2,N1,U6,PR1,01/11/2024,X1,CARPL,,,\n"
        "3,01/11/2024,P,C2,N1,U4,PR1,,,,,,\n");
    REQUIRE(m.children.size() == 3);
    const date from = d(2024, 4, 1), to = d(2025, 4, 1);
    const auto& h1 = m.children[0].history;
    // The history keeps four placement spells (the type changes are still recorded) ...
    CHECK(h1.placements().size() == 4);
    // ... but the DfE counts two placements.
    CHECK(placements_between(h1, from, to) == 2);
    CHECK(placements_between(m.children[1].history, from, to) == 2);
    CHECK(placements_between(m.children[2].history, from, to) == 3);
    // Before the first P: one placement since 1 April (S and T with one carer).
    CHECK(placements_between(h1, from, d(2024, 12, 1)) == 1);
    const auto s = compute_indicators(m, 2025);
    CHECK(s.three_or_more_placements == proportion{1, 3}); // child 3 only
    CHECK(s.moves_in_year == 1 + 1 + 2);
}

TEST_CASE("indicators: a move on 1 April leaves only the new placement in the year",
          "[ssda903][indicators]") {
    // The old placement's last day is 31 March 2024, before the year.
    const auto m = map_episodes("1,01/01/2023,S,C2,N1,U4,PR1,01/04/2024,X1,CARPL,,,\n"
                                "1,01/04/2024,P,C2,N1,U6,PR1,,,,,,\n");
    CHECK(placements_between(m.children[0].history, d(2024, 4, 1), d(2025, 4, 1)) == 1);
}

TEST_CASE("indicators: short breaks (LS V3/V4) are left out, as in the DfE's figures",
          "[ssda903][indicators]") {
    const auto m = map_episodes(
        // Child 1: under V3 on 31 March 2025, three carers in the year: not in the bases.
        "1,01/05/2024,S,V3,N1,U4,PR1,01/07/2024,X1,CARPL,,,\n"
        "1,01/07/2024,P,V3,N1,U4,PR1,01/09/2024,X1,CARPL,,,\n"
        "1,01/09/2024,P,V3,N1,U4,PR1,,,,,,\n"
        // Child 2: a short break (V4, April-May), home, then in care from 01/10/2024 under a
        // care order with one move: the short break adds no placement, so two.
        "2,01/04/2024,S,V4,N1,U4,PR1,01/05/2024,E4A,,,,\n"
        "2,01/10/2024,S,C2,N1,U4,PR1,01/12/2024,X1,CARPL,,,\n"
        "2,01/12/2024,P,C2,N1,U6,PR1,,,,,,\n");
    REQUIRE(m.children.size() == 2);
    const date from = d(2024, 4, 1), to = d(2025, 4, 1);
    CHECK(placements_between(m.children[0].history, from, to) == 0);
    CHECK(placements_between(m.children[1].history, from, to) == 2);
    const auto s = compute_indicators(m, 2025);
    CHECK(s.looked_after_at_year_end == 2); // still looked after, as the return says
    CHECK(s.three_or_more_placements == proportion{0, 1}); // child 2 only, with 2
}
