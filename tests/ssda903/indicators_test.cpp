#include "carepath/ssda903/indicators.hpp"

#include <catch2/catch.hpp>

#include <sstream>
#include <string>

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
