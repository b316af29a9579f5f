#include "carepath/sim/detail/cohort_logs.hpp"

#include <catch2/catch.hpp>

#include <vector>

using namespace carepath;
using namespace carepath::sim;
using namespace carepath::sim::detail;
using t = tally;

namespace {
// years ending on day 365 k, for k = 1 .. n, from a start on day 0
std::vector<std::int32_t> yearly(int n) {
    std::vector<std::int32_t> s;
    for (int k = 1; k <= n; ++k)
        s.push_back(365 * k);
    return s;
}
} // namespace

TEST_CASE("cohort_logs: a return counts within five years of the exit, not after",
          "[sim][cohorts]") {
    cohort_logs logs;
    const auto soon = logs.exited(10, exit_route::return_home);
    const auto late = logs.exited(20, exit_route::special_guardianship);
    logs.exited(30, exit_route::return_home); // never back
    logs.came_back(soon, 10 + five_years_days);
    logs.came_back(soon, 11 + five_years_days + 500); // only the first return counts
    logs.came_back(late, 20 + five_years_days + 1);
    std::vector<year_acc> years(6);
    logs.finish(yearly(6), 0, years);
    CHECK_FALSE(years[4].cohort5); // the run does not reach back five years
    REQUIRE(years[5].cohort5);
    CHECK(years[5][t::reentry_base] == 3);
    CHECK(years[5][t::reentry] == 1);
    CHECK(years[5][t::sgo_base] == 1);
    CHECK(years[5][t::sgo_back] == 0);
    CHECK(years[5][t::adoption_base] == 0);
}

TEST_CASE("cohort_logs: each year reads the exits of its own cohort", "[sim][cohorts]") {
    cohort_logs logs;
    logs.exited(365, exit_route::adoption);      // year 0 (ends on day 365, inclusive)
    logs.exited(366, exit_route::adoption);      // year 1
    logs.exited(365 * 2 + 1, exit_route::other); // year 2
    std::vector<year_acc> years(15);
    logs.finish(yearly(15), 0, years);
    CHECK(years[12].cohort12);
    CHECK(years[12][t::adoption_base] == 1);
    CHECK(years[13][t::adoption_base] == 1);
    CHECK(years[14][t::adoption_base] == 0);
    CHECK(years[5][t::reentry_base] == 1);
    CHECK(years[7][t::reentry_base] == 1);
}

TEST_CASE("cohort_logs: foster placements running two years on, kinship apart", "[sim][cohorts]") {
    cohort_logs logs;
    logs.placed(0, home_kind::kinship_foster, 100);
    logs.placed(1, home_kind::foster, 110);
    logs.placed(2, home_kind::foster, 120);
    logs.placed(3, home_kind::childrens_home, 130);    // not foster care: not logged
    logs.placement_ended(1, 110 + two_years_days);     // ran two years
    logs.placement_ended(2, 120 + two_years_days - 1); // one day short
    logs.placement_ended(3, 200);
    CHECK(logs.placements().size() == 3);
    std::vector<year_acc> years(3);
    logs.finish(yearly(3), 0, years);
    CHECK_FALSE(years[1].cohort2);
    REQUIRE(years[2].cohort2);
    CHECK(years[2][t::kinship_base] == 1);
    CHECK(years[2][t::kinship_continuing] == 1); // still running
    CHECK(years[2][t::unrelated_base] == 2);
    CHECK(years[2][t::unrelated_continuing] == 1);
}
