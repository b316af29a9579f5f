#include "carepath/core/interval.hpp"

#include <catch2/catch.hpp>

#include <chrono>
#include <sstream>
#include <stdexcept>

using namespace carepath;
using namespace std::chrono;

namespace {
constexpr date jan1 = sys_days{2023y / January / 1};
constexpr date feb1 = sys_days{2023y / February / 1};
constexpr date mar1 = sys_days{2023y / March / 1};
constexpr date apr1 = sys_days{2023y / April / 1};
} // namespace

TEST_CASE("interval: contains its start day but not its end day", "[core][interval]") {
    const interval p{jan1, feb1};
    CHECK(p.contains(jan1));
    CHECK(p.contains(feb1 - days{1}));
    CHECK_FALSE(p.contains(feb1));
    CHECK_FALSE(p.contains(jan1 - days{1}));
}

TEST_CASE("interval: an open interval contains every day from its start", "[core][interval]") {
    const interval p{feb1};
    CHECK(p.is_open());
    CHECK(p.contains(feb1));
    CHECK(p.contains(sys_days{2099y / 1 / 1}));
    CHECK_FALSE(p.contains(jan1));
    CHECK(p.closed_at(mar1) == interval{feb1, mar1});
}

TEST_CASE("interval: length is end minus start, never plus one", "[core][interval]") {
    CHECK(interval{jan1, feb1}.length() == days{31});
    CHECK(interval{jan1, jan1}.length() == days{0});
    CHECK(interval{jan1, jan1}.empty());
    SECTION("an open interval needs an as-at day") {
        CHECK_THROWS_AS(interval{jan1}.length(), std::logic_error);
        CHECK(interval{jan1}.length(feb1) == days{31});
        CHECK(interval{feb1}.length(jan1) == days{0});
    }
    SECTION("a closed interval is cut at the as-at day") {
        CHECK(interval{jan1, mar1}.length(feb1) == days{31});
        CHECK(interval{jan1, feb1}.length(apr1) == days{31});
    }
}

TEST_CASE("interval: consecutive intervals meet without overlapping", "[core][interval]") {
    const interval first{jan1, feb1};
    const interval second{feb1, mar1};
    CHECK_FALSE(first.overlaps(second));
    CHECK_FALSE(second.overlaps(first));
    CHECK_FALSE(first.intersection(second).has_value());
    CHECK(first.overlaps(interval{jan1 + days{30}, mar1}));
}

TEST_CASE("interval: intersection is the days in both", "[core][interval]") {
    SECTION("two closed intervals") {
        const auto i = interval{jan1, mar1}.intersection(interval{feb1, apr1});
        REQUIRE(i);
        CHECK(*i == interval{feb1, mar1});
        CHECK(i->length() == days{28});
    }
    SECTION("a closed and an open interval") {
        CHECK(*interval{jan1, mar1}.intersection(interval{feb1}) == interval{feb1, mar1});
        CHECK(*interval{feb1}.intersection(interval{jan1, mar1}) == interval{feb1, mar1});
    }
    SECTION("two open intervals stay open") {
        const auto i = interval{jan1}.intersection(interval{feb1});
        REQUIRE(i);
        CHECK(i->is_open());
        CHECK(i->start() == feb1);
    }
    SECTION("an empty interval overlaps nothing, even inside another") {
        CHECK_FALSE(interval{jan1, mar1}.overlaps(interval{feb1, feb1}));
    }
    SECTION("intersection is symmetric") {
        const interval a{jan1, mar1}, b{feb1, apr1};
        CHECK(a.intersection(b) == b.intersection(a));
    }
}

TEST_CASE("interval: an end before the start is refused", "[core][interval]") {
    CHECK_THROWS_AS((interval{feb1, jan1}), std::invalid_argument);
    CHECK_THROWS_AS((interval{feb1, std::optional<date>{jan1}}), std::invalid_argument);
    CHECK_THROWS_AS(interval{feb1}.closed_at(jan1), std::invalid_argument);
    CHECK_NOTHROW((interval{feb1, std::optional<date>{}}));
}

TEST_CASE("interval: prints as a half-open range", "[core][interval]") {
    std::ostringstream os;
    os << interval{jan1, feb1} << ' ' << interval{mar1};
    CHECK(os.str() == "[2023-01-01, 2023-02-01) [2023-03-01, open)");
}
