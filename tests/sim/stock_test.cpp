#include "carepath/sim/detail/stock.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdint>
#include <numeric>
#include <vector>

using namespace carepath::sim;
using namespace carepath::sim::detail;

TEST_CASE("stock: the joint distributions meet the published margins", "[sim][stock]") {
    const calibration cal = default_england();
    const auto p = fit_stock(cal);
    for (std::size_t b = 0; b < band_count; ++b) {
        double row = 0;
        for (double v : p.age_home[b])
            row += v;
        CHECK(row == Approx(cal.stock_age.values[b]).epsilon(1e-6));
    }
    for (std::size_t h = 0; h < home_count; ++h) {
        double col = 0, row = 0;
        for (std::size_t b = 0; b < band_count; ++b)
            col += p.age_home[b][h];
        for (double v : p.home_legal[h])
            row += v;
        CHECK(col == Approx(cal.stock_home.values[h]).epsilon(1e-6));
        CHECK(row == Approx(cal.stock_home.values[h]).epsilon(1e-6));
    }
    double s20 = 0, po = 0;
    for (std::size_t h = 0; h < home_count; ++h) {
        s20 += p.home_legal[h][static_cast<std::size_t>(legal_group::accommodated_s20)];
        po += p.home_legal[h][static_cast<std::size_t>(legal_group::placement_order)];
    }
    CHECK(s20 == Approx(cal.stock_s20.value).epsilon(1e-4));
    CHECK(po == Approx(cal.stock_placement_order.value).epsilon(1e-4));
    // structural zeros stay zero: placed for adoption only on a placement order
    const auto adoption = static_cast<std::size_t>(home_kind::placed_for_adoption);
    CHECK(p.home_legal[adoption][static_cast<std::size_t>(legal_group::care_order)] == 0);
    CHECK(p.home_legal[adoption][static_cast<std::size_t>(legal_group::accommodated_s20)] == 0);
    // the cells are the age x home table row by row
    REQUIRE(p.cells.size() == band_count * home_count);
    CHECK(p.cells[home_count + 2] == p.age_home[1][2]);
    CHECK(p.uasc_chance > 0);
    CHECK(p.uasc_chance <= 1);
}

TEST_CASE("stock: ipf scales a table to its margins", "[sim][stock]") {
    std::array<std::array<double, 2>, 2> m{{{1, 1}, {1, 0}}};
    ipf(m, std::array<double, 2>{3, 1}, std::array<double, 2>{2, 2});
    CHECK(m[0][0] + m[0][1] == Approx(3));
    CHECK(m[1][0] + m[1][1] == Approx(1));
    CHECK(m[0][0] + m[1][0] == Approx(2));
    CHECK(m[1][1] == 0); // a zero cell stays zero
    CHECK(m[0][1] == Approx(2));
}

TEST_CASE("stock: the authorities' parts add up to the stock", "[sim][stock]") {
    using carepath::sim::detail::stock_parts;
    auto sum = [](const std::vector<std::uint32_t>& v) {
        return std::accumulate(v.begin(), v.end(), std::uint64_t{0});
    };
    SECTION("England in 152 equal parts: 78,140 children, not 152 x 514 = 78,128") {
        const std::vector<double> shares(152, 1.0 / 152);
        const auto parts = stock_parts(78140, shares);
        CHECK(sum(parts) == 78140);
        // 78,140 = 152 x 514 + 12: the first 12 (ties go to the lower index) take one more
        CHECK(std::count(parts.begin(), parts.end(), 515U) == 12);
        CHECK(std::count(parts.begin(), parts.end(), 514U) == 140);
        CHECK(parts[11] == 515);
        CHECK(parts[12] == 514);
    }
    SECTION("a tenth of England: 7,814 children, where rounding each part gave 7,752") {
        const std::vector<double> shares(152, 0.1 / 152);
        const auto parts = stock_parts(78140, shares);
        CHECK(sum(parts) == 7814);
        for (auto p : parts)
            CHECK((p == 51 || p == 52));
    }
    SECTION("unequal shares: the largest remainders take the extra children") {
        const std::vector<double> shares{0.5, 0.3, 0.2};
        const auto parts = stock_parts(11, shares); // 5.5, 3.3, 2.2: one left, to the first
        CHECK(parts == std::vector<std::uint32_t>{6, 3, 2});
        const auto parts2 = stock_parts(7, shares); // 3.5, 2.1, 1.4: 6 given, one left
        CHECK(parts2 == std::vector<std::uint32_t>{4, 2, 1});
    }
    SECTION("no authorities, or no children") {
        CHECK(stock_parts(78140, {}).empty());
        CHECK(sum(stock_parts(0, std::vector<double>(3, 1.0 / 3))) == 0);
    }
}
