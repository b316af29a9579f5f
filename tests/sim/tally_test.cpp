#include "carepath/sim/detail/tally.hpp"

#include <catch2/catch.hpp>

using namespace carepath::sim;
using namespace carepath::sim::detail;

TEST_CASE("tally: counts by category have a slot each, apart from the next count", "[sim][tally]") {
    auto at = [](tally t) { return static_cast<std::size_t>(t); };
    CHECK(at(tally::by_legal) - at(tally::by_home) == home_count);
    CHECK(at(tally::by_age) - at(tally::by_legal) == legal_count);
    CHECK(at(tally::by_moves) - at(tally::by_age) == band_count);
    CHECK(at(tally::exits_total) - at(tally::exits) == exit_route_count);
    year_acc a;
    a.at(tally::by_home, home_count - 1) = 5;
    CHECK(a[tally::by_legal] == 0);
    a.at(tally::exits, exit_route_count - 1) = 2;
    CHECK(a[tally::exits_total] == 0);
}

TEST_CASE("tally: the sum across authorities adds every count and joins the cohorts",
          "[sim][tally]") {
    year_acc a, b;
    for (std::size_t i = 0; i < tally_count; ++i) {
        a.counts[i] = static_cast<double>(i);
        b.counts[i] = 1000.0 * static_cast<double>(i) + 0.5;
    }
    b.cohort12 = true;
    a.add(b);
    for (std::size_t i = 0; i < tally_count; ++i)
        CHECK(a.counts[i] == 1001.0 * static_cast<double>(i) + 0.5);
    CHECK(a.cohort12);
    CHECK_FALSE(a.cohort5);
}
