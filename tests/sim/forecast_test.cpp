#include "carepath/sim/forecast.hpp"

#include "support/hand_histories.hpp"

#include <catch2/catch.hpp>

#include <string>
#include <vector>

using namespace carepath;
using namespace carepath::sim;
using namespace carepath::testing;
using t = placement_type;
using ls = legal_status;

// Every expected value below is worked by hand from the histories drawn in the test.
namespace {
} // namespace

TEST_CASE("forecast: group tables are complete, unique and round-trip", "[sim][forecast]") {
    STATIC_REQUIRE(codes_are_unique<forecast_placement>());
    STATIC_REQUIRE(table_is_dense<forecast_placement>());
    STATIC_REQUIRE(codes_are_unique<forecast_legal>());
    STATIC_REQUIRE(table_is_dense<forecast_legal>());
    for (const auto g : all_values<forecast_placement>())
        CHECK(from_string<forecast_placement>(to_string(g)) == g);
    for (const auto g : all_values<forecast_legal>())
        CHECK(from_string<forecast_legal>(to_string(g)) == g);
    CHECK_FALSE(from_string<forecast_placement>("Foster").has_value());
}

TEST_CASE("forecast: placement types and legal statuses fall in their groups",
          "[sim][forecast]") {
    CHECK(forecast_placement_of(t::U6) == forecast_placement::foster);
    CHECK(forecast_placement_of(t::U1) == forecast_placement::kinship_foster);
    CHECK(forecast_placement_of(t::K2) == forecast_placement::childrens_home);
    CHECK(forecast_placement_of(t::R1) == forecast_placement::other);
    CHECK(forecast_placement_of(t::K3) == forecast_placement::semi_independent);
    CHECK(forecast_placement_of(t::P2) == forecast_placement::semi_independent);
    CHECK(forecast_placement_of(t::P1) == forecast_placement::with_parents);
    CHECK(forecast_placement_of(t::A4) == forecast_placement::placed_for_adoption);
    CHECK(forecast_placement_of(t::K1) == forecast_placement::other);
    CHECK(forecast_placement_of(t::T1) == forecast_placement::other);
    CHECK(forecast_legal_of(ls::interim_care_order) == forecast_legal::interim_care_order);
    CHECK(forecast_legal_of(ls::care_order) == forecast_legal::care_order);
    CHECK(forecast_legal_of(ls::freeing_order) == forecast_legal::placement_order);
    CHECK(forecast_legal_of(ls::short_breaks_series) == forecast_legal::s20);
    CHECK(forecast_legal_of(ls::remand) == forecast_legal::other);
    CHECK(census_day(2022) == ymd(2022, 3, 31));
}

TEST_CASE("forecast: count_in_care counts the state each history gives for the day",
          "[sim][forecast]") {
    std::vector<care_history> hs;
    // A: baby in unrelated foster care under an interim order.
    hs.push_back(child_born(1, ymd(2021, 6, 1)));
    add(hs.back(), entered_care{ymd(2021, 7, 1), ls::interim_care_order, with(t::U6, 1)});
    // B: aged 11, moved from a children's home to a relative on 1 December, care order from
    // 10 January: kinship foster, care order, 10-15 on the day.
    hs.push_back(child_born(2, ymd(2010, 4, 1)));
    add(hs.back(), entered_care{ymd(2020, 1, 1), ls::accommodated_s20,
                                placement::with_provider(t::K2, provider_id{9})});
    add(hs.back(), placement_changed{ymd(2021, 12, 1), with(t::U3, 2)});
    add(hs.back(), legal_status_changed{ymd(2022, 1, 10), ls::care_order});
    // C: turns 16 on 31 March 2022, in supported accommodation under s20.
    hs.push_back(child_born(3, ymd(2006, 3, 31)));
    add(hs.back(), entered_care{ymd(2021, 9, 1), ls::accommodated_s20,
                                placement::with_provider(t::K3, provider_id{8})});
    // D: leaves care on 31 March 2022 (its first day out of care): not counted that day.
    hs.push_back(child_born(4, ymd(2015, 1, 1)));
    add(hs.back(), entered_care{ymd(2021, 1, 1), ls::care_order, with(t::P1, 4)});
    add(hs.back(), left_care{ymd(2022, 3, 31), exit_route::return_home});
    // E: enters on 1 April 2022, after the day.
    hs.push_back(child_born(5, ymd(2012, 5, 5)));
    add(hs.back(), entered_care{ymd(2022, 4, 1), ls::care_order, with(t::U4, 5)});
    // F: placed for adoption under a placement order, aged 3.
    hs.push_back(child_born(6, ymd(2018, 10, 1)));
    add(hs.back(), entered_care{ymd(2019, 1, 1), ls::care_order, with(t::U6, 6)});
    add(hs.back(), legal_status_changed{ymd(2021, 6, 1), ls::placement_order});
    add(hs.back(), placement_changed{ymd(2021, 11, 1), with(t::A6, 7)});

    SECTION("on 31 March 2022") {
        const auto c = count_in_care(hs, ymd(2022, 3, 31));
        CHECK(c.on == ymd(2022, 3, 31));
        CHECK(c.total == 4); // A, B, C, F
        CHECK(c.of(forecast_placement::foster) == 1);
        CHECK(c.of(forecast_placement::kinship_foster) == 1);
        CHECK(c.of(forecast_placement::semi_independent) == 1);
        CHECK(c.of(forecast_placement::placed_for_adoption) == 1);
        CHECK(c.of(forecast_placement::with_parents) == 0);
        CHECK(c.of(forecast_placement::childrens_home) == 0);
        CHECK(c.of(forecast_legal::interim_care_order) == 1);
        CHECK(c.of(forecast_legal::care_order) == 1);
        CHECK(c.of(forecast_legal::s20) == 1);
        CHECK(c.of(forecast_legal::placement_order) == 1);
        CHECK(c.of(age_band::under_1) == 1);
        CHECK(c.of(age_band::age_1_4) == 1);
        CHECK(c.of(age_band::age_10_15) == 1);
        CHECK(c.of(age_band::age_16_17) == 1);
    }
    SECTION("the day before: D still in care, C still 15, B still in s20") {
        const auto c = count_in_care(hs, ymd(2022, 3, 30));
        CHECK(c.total == 5);
        CHECK(c.of(forecast_placement::with_parents) == 1);
        CHECK(c.of(age_band::age_16_17) == 0);
        CHECK(c.of(age_band::age_10_15) == 2); // B and C
        CHECK(c.of(age_band::age_5_9) == 1);   // D, 7
        CHECK(c.of(forecast_legal::care_order) == 2); // B and D
    }
    SECTION("a year earlier: B in the children's home under s20, A not born") {
        const auto c = count_in_care(hs, ymd(2021, 3, 31));
        CHECK(c.total == 3); // B, D, F
        CHECK(c.of(forecast_placement::childrens_home) == 1);
        CHECK(c.of(forecast_legal::s20) == 1);
        CHECK(c.of(forecast_placement::foster) == 1); // F before adoption placement
    }
    SECTION("groups add up to the total") {
        const auto c = count_in_care(hs, ymd(2022, 3, 30));
        double p = 0, l = 0, a = 0;
        for (double v : c.by_placement) p += v;
        for (double v : c.by_legal) l += v;
        for (double v : c.by_age) a += v;
        CHECK(p == c.total);
        CHECK(l == c.total);
        CHECK(a == c.total);
    }
}

TEST_CASE("forecast: quantiles interpolate between order statistics", "[sim][forecast]") {
    // 5 values: position h = 4q; q = 0.025 gives h = 0.1, q = 0.975 gives h = 3.9.
    CHECK(quantile({5, 1, 4, 2, 3}, 0.025) == Approx(1.1));
    CHECK(quantile({5, 1, 4, 2, 3}, 0.975) == Approx(4.9));
    CHECK(quantile({5, 1, 4, 2, 3}, 0.5) == 3);
    CHECK(quantile({7}, 0.975) == 7);
    CHECK_THROWS_AS(quantile({}, 0.5), std::invalid_argument);
}

TEST_CASE("forecast: a point is the mean and 95% range of its replicates", "[sim][forecast]") {
    std::vector<stock_count> reps;
    for (int r = 1; r <= 5; ++r) {
        stock_count c;
        c.on = ymd(2023, 3, 31);
        for (int i = 0; i < r; ++i)
            c.add(forecast_placement::foster, forecast_legal::care_order, age_band::age_5_9);
        c.add(forecast_placement::childrens_home, forecast_legal::s20, age_band::age_16_17,
              10.0 * r);
        reps.push_back(c);
    }
    const auto p = summarise_replicates(ymd(2023, 3, 31), reps);
    CHECK(p.on == ymd(2023, 3, 31));
    CHECK(p.mean.on == p.on);
    CHECK(p.mean.of(forecast_placement::foster) == Approx(3));
    CHECK(p.low.of(forecast_placement::foster) == Approx(1.1));
    CHECK(p.high.of(forecast_placement::foster) == Approx(4.9));
    CHECK(p.mean.of(forecast_placement::childrens_home) == Approx(30));
    CHECK(p.low.of(forecast_legal::s20) == Approx(11));
    CHECK(p.mean.total == Approx(33));
    CHECK(p.high.of(age_band::age_16_17) == Approx(49));
    CHECK(p.mean.of(age_band::under_1) == 0);
    CHECK(p.replicates.size() == 5);
    CHECK_THROWS_AS(summarise_replicates(p.on, {}), std::invalid_argument);
}

TEST_CASE("forecast: children 18 or over in care are counted apart, under one rule",
          "[sim][forecast]") {
    std::vector<care_history> hs;
    // A: 12, fostered.
    hs.push_back(child_born(1, ymd(2010, 1, 1)));
    add(hs.back(), entered_care{ymd(2020, 1, 1), ls::care_order, with(t::U6, 1)});
    // B: turned 18 on 1 January 2022 and is still shown in care (an exit never recorded).
    hs.push_back(child_born(2, ymd(2004, 1, 1)));
    add(hs.back(), entered_care{ymd(2019, 1, 1), ls::care_order, with(t::U4, 2)});
    // C: turns 18 on 1 April 2022, the day after the snapshot: still under 18 on 31 March.
    hs.push_back(child_born(3, ymd(2004, 4, 1)));
    add(hs.back(), entered_care{ymd(2020, 6, 1), ls::accommodated_s20,
                                placement::with_provider(t::K2, provider_id{3})});
    // D: turns 18 on the snapshot itself: 18 that day.
    hs.push_back(child_born(4, ymd(2004, 3, 31)));
    add(hs.back(), entered_care{ymd(2020, 6, 1), ls::accommodated_s20,
                                placement::with_provider(t::K2, provider_id{4})});

    const date on = ymd(2022, 3, 31);
    CHECK(forecastable_on(hs[0], on));
    CHECK_FALSE(forecastable_on(hs[1], on));
    CHECK(forecastable_on(hs[2], on));
    CHECK_FALSE(forecastable_on(hs[3], on));
    CHECK(forecastable_on(hs[3], ymd(2022, 3, 30)));
    const auto c = count_in_care(hs, on);
    CHECK(c.total == 2); // A and C
    CHECK(c.aged_18_or_over == 2); // B and D
    CHECK(c.of(age_band::age_16_17) == 1); // C only: B and D are in no band
    CHECK(c.of(forecast_placement::foster) == 1); // A; B is not counted
    CHECK(c.of(forecast_placement::childrens_home) == 1); // C; D is not counted
    double a = 0;
    for (double v : c.by_age) a += v;
    CHECK(a == c.total);
    // A day earlier D is 17: three under 18, B alone 18 or over.
    const auto before = count_in_care(hs, ymd(2022, 3, 30));
    CHECK(before.total == 3);
    CHECK(before.aged_18_or_over == 1);
}

TEST_CASE("forecast: one replicate gives a mean and no spread", "[sim][forecast]") {
    stock_count c;
    c.on = ymd(2023, 3, 31);
    c.add(forecast_placement::foster, forecast_legal::care_order, age_band::age_5_9, 7);
    const auto one = summarise_replicates(c.on, {c});
    CHECK_FALSE(one.has_spread);
    CHECK(one.mean.total == 7);
    auto d = c;
    d.add(forecast_placement::foster, forecast_legal::care_order, age_band::age_5_9, 2);
    const auto two = summarise_replicates(c.on, {c, d});
    CHECK(two.has_spread);
    // 2 values 7 and 9: h = 0.025 and 0.975, low 7.05, high 8.95.
    CHECK(two.low.total == Approx(7.05));
    CHECK(two.high.total == Approx(8.95));
}
