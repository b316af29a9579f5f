#include "carepath/sim/backtest.hpp"
#include "carepath/sim/markov.hpp"

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
// Data for collection years 2019-2021 (1 April 2018 to 31 March 2021). In care on 31 March:
// 2019 A, C; 2020 A, B; 2021 A, B, D.
std::vector<care_history> four_children() {
    std::vector<care_history> hs;
    hs.push_back(child_born(1, ymd(2012, 1, 1))); // A: fostered throughout
    add(hs.back(), entered_care{ymd(2018, 1, 1), ls::care_order, with(t::U6, 1)});
    hs.push_back(child_born(2, ymd(2005, 1, 1))); // B: children's home from June 2019
    add(hs.back(), entered_care{ymd(2019, 6, 1), ls::accommodated_s20,
                                placement::with_provider(t::K2, provider_id{1})});
    hs.push_back(child_born(3, ymd(2016, 1, 1))); // C: at home on a care order, leaves Oct 2019
    add(hs.back(), entered_care{ymd(2017, 1, 1), ls::care_order, with(t::P1, 3)});
    add(hs.back(), left_care{ymd(2019, 10, 1), exit_route::return_home});
    hs.push_back(child_born(4, ymd(2020, 1, 1))); // D: with an aunt from May 2020
    add(hs.back(), entered_care{ymd(2020, 5, 1), ls::interim_care_order, with(t::U3, 4)});
    return hs;
}
const count_key total{count_kind::total, 0};
const count_key homes{count_kind::placement,
                      static_cast<std::size_t>(forecast_placement::childrens_home)};
const count_key parents{count_kind::placement,
                        static_cast<std::size_t>(forecast_placement::with_parents)};

// A fake forecaster: no change from the origin's count, interval +-1; it notes whether it
// ever saw an event after its origin.
struct no_change {
    bool saw_later_event = false;
    std::vector<date> origins;
    forecast operator()(std::span<const care_history> hs, date origin, int years,
                        const forecast_options&) {
        origins.push_back(origin);
        for (const auto& h : hs)
            for (const auto& e : h.events()) saw_later_event = saw_later_event || event_date(e) > origin;
        forecast f;
        f.method = "no_change";
        f.from = origin;
        const auto now = count_in_care(hs, origin);
        for (int y = 1; y <= years; ++y) {
            forecast_point p;
            p.on = census_day(year_of(origin) + y);
            p.mean = p.low = p.high = now;
            p.low.total -= 1;
            p.high.total += 1;
            for (auto& v : p.low.by_placement) v -= 1;
            for (auto& v : p.high.by_placement) v += 1;
            f.points.push_back(p);
        }
        return f;
    }
};
} // namespace

TEST_CASE("backtest: histories known on a day keep only events up to it", "[sim][backtest]") {
    const auto hs = four_children();
    const auto known = known_on(hs, ymd(2019, 3, 31));
    REQUIRE(known.size() == 2); // A and C; B and D had not arrived
    CHECK(known[1].in_care());  // C's leaving in October is not yet known
    CHECK(count_in_care(known, ymd(2019, 3, 31)).total == 2);
    CHECK(count_in_care(known, ymd(2019, 12, 31)).total == 2);
    CHECK(count_in_care(hs, ymd(2019, 12, 31)).total == 2); // A and B
    CHECK_FALSE(known_on(hs, ymd(2019, 10, 1))[2].in_care()); // A, B, C
}

TEST_CASE("backtest: a no-change forecast gives errors worked by hand", "[sim][backtest]") {
    const auto hs = four_children();
    no_change fake;
    const auto rows = backtest(hs, std::ref(fake),
                               {.first_year = 2019, .last_year = 2021, .max_horizon = 3});
    CHECK_FALSE(fake.saw_later_event);
    CHECK(fake.origins == std::vector<date>{ymd(2019, 3, 31), ymd(2020, 3, 31)});
    // Origin 2019 compares 2020 and 2021; origin 2020 compares 2021: 3 points x 17 counts.
    REQUIRE(rows.size() == 3 * all_count_keys().size());
    const auto find = [&](date origin, int h, count_key k) {
        for (const auto& r : rows)
            if (r.origin == origin && r.horizon == h && r.key == k) return r;
        FAIL("no row");
        return backtest_row{};
    };
    const auto t19_1 = find(ymd(2019, 3, 31), 1, total);
    CHECK(t19_1.method == "no_change");
    CHECK(t19_1.on == ymd(2020, 3, 31));
    CHECK(t19_1.actual == 2);
    CHECK(t19_1.error() == 0);
    CHECK(t19_1.absolute_percentage_error() == 0);
    const auto t19_2 = find(ymd(2019, 3, 31), 2, total);
    CHECK(t19_2.actual == 3);
    CHECK(t19_2.error() == -1);
    CHECK(*t19_2.absolute_percentage_error() == Approx(100.0 / 3));
    CHECK(t19_2.inside()); // 1 to 3, ends included
    const auto t20_1 = find(ymd(2020, 3, 31), 1, total);
    CHECK(t20_1.error() == -1);
    // Children's homes: none on 31 March 2019, B there a year later: 100% off.
    CHECK(*find(ymd(2019, 3, 31), 1, homes).absolute_percentage_error() == Approx(100));
    // With parents: C forecast, nobody there: an error but no percentage of zero.
    const auto p = find(ymd(2019, 3, 31), 1, parents);
    CHECK(p.error() == 1);
    CHECK_FALSE(p.absolute_percentage_error().has_value());
    // Legal groups keep a zero-width interval in the fake: C2 forecast 2 (A, C), actual 1.
    const auto co = find(ymd(2019, 3, 31), 1,
                         {count_kind::legal, static_cast<std::size_t>(forecast_legal::care_order)});
    CHECK(co.actual == 1);
    CHECK_FALSE(co.inside());

    const auto summary = summarise_backtest(rows);
    const auto get = [&](int h, count_kind k) {
        for (const auto& s : summary)
            if (s.horizon == h && s.kind == k) return s;
        FAIL("no summary");
        return backtest_summary{};
    };
    const auto s1 = get(1, count_kind::total);
    CHECK(s1.method == "no_change");
    CHECK(s1.rows == 2);
    CHECK(*s1.mean_absolute_percentage_error == Approx((0 + 100.0 / 3) / 2));
    CHECK(s1.mean_error == Approx(-0.5));
    CHECK(s1.coverage == 1);
    CHECK(*get(2, count_kind::total).mean_absolute_percentage_error == Approx(100.0 / 3));
    CHECK(get(1, count_kind::placement).rows == 2 * forecast_placement_count);
}

TEST_CASE("backtest: the horizon stops where the data ends or at the maximum",
          "[sim][backtest]") {
    const auto hs = four_children();
    no_change fake;
    const auto rows = backtest(hs, std::ref(fake),
                               {.first_year = 2019, .last_year = 2021, .max_horizon = 1});
    CHECK(rows.size() == 2 * all_count_keys().size());
    for (const auto& r : rows) CHECK(r.horizon == 1);
    CHECK_THROWS_AS(backtest(hs, std::ref(fake), {.first_year = 2021, .last_year = 2021}),
                    std::invalid_argument);
}

TEST_CASE("backtest: the Markov forecast sees only what was known on its origin",
          "[sim][backtest]") {
    const auto hs = four_children();
    const forecast_options opt{.replicates = 3, .seed = 5, .fit_years = 1};
    const auto full = markov_forecast(hs, ymd(2020, 3, 31), 1, opt);
    const auto cut = markov_forecast(known_on(hs, ymd(2020, 3, 31)), ymd(2020, 3, 31), 1, opt);
    CHECK(full.points[0].mean.by_placement == cut.points[0].mean.by_placement);
    CHECK(full.points[0].high.by_age == cut.points[0].high.by_age);
    const auto rows = backtest(hs, markov_forecaster(), {.first_year = 2019, .last_year = 2021,
                                                          .forecast = opt});
    REQUIRE(rows.size() == 3 * all_count_keys().size());
    CHECK(rows.front().method == "markov");
}

namespace {
// A no-change forecaster of the population the forecasts model, written out by hand: the
// children in care on the origin whose 18th birthday is after it, in the total only, interval
// +-1 (what the real forecasters start from).
forecast no_change_under_18(std::span<const care_history> hs, date origin, int years,
                            const forecast_options&) {
    forecast f;
    f.method = "no_change";
    f.from = origin;
    double n = 0;
    for (const auto& h : hs)
        if (h.in_care_on(origin) && origin < birthday(h.subject().birth_date, 18)) n += 1;
    for (int y = 1; y <= years; ++y) {
        forecast_point p;
        p.on = census_day(year_of(origin) + y);
        p.mean.total = n;
        p.low.total = n - 1;
        p.high.total = n + 1;
        f.points.push_back(p);
    }
    return f;
}
} // namespace

TEST_CASE("backtest: children 18 or over in care are outside the actuals, counted beside",
          "[sim][backtest]") {
    std::vector<care_history> hs;
    // A: 7, fostered throughout 2019-2021.
    hs.push_back(child_born(1, ymd(2012, 1, 1)));
    add(hs.back(), entered_care{ymd(2018, 1, 1), ls::care_order, with(t::U6, 1)});
    // E: 18 on 1 June 2018 and shown in care ever after (an exit never recorded): 18 or over on
    // every 31 March compared, so no forecast of children under 18 can contain it.
    hs.push_back(child_born(2, ymd(2000, 6, 1)));
    add(hs.back(), entered_care{ymd(2016, 1, 1), ls::care_order, with(t::U4, 2)});
    const auto rows = backtest(hs, no_change_under_18,
                               {.first_year = 2019, .last_year = 2021, .max_horizon = 3});
    std::size_t totals = 0;
    for (const auto& r : rows) {
        if (r.key.kind != count_kind::total) continue;
        ++totals;
        CHECK(r.actual == 1);          // A
        CHECK(r.aged_18_or_over == 1); // E
        CHECK(r.error() == 0);
        CHECK(r.inside());
    }
    CHECK(totals == 3); // 2019 -> 2020, 2021; 2020 -> 2021
}

TEST_CASE("backtest: the summary gives each measure its n and leaves empty groups out of "
          "coverage",
          "[sim][backtest]") {
    const count_key homes{count_kind::placement,
                          static_cast<std::size_t>(forecast_placement::childrens_home)};
    // An empty group (nobody there, spread 0-0) and a group of 10 forecast 3 [0-5].
    std::vector<backtest_row> rows{
        {.method = "m", .horizon = 1, .key = homes, .actual = 0, .mean = 0, .low = 0,
         .high = 0},
        {.method = "m", .horizon = 1, .key = homes, .actual = 10, .mean = 3, .low = 0,
         .high = 5},
    };
    CHECK(rows[0].empty_group());
    CHECK_FALSE(rows[0].in_coverage());
    CHECK(rows[1].in_coverage());
    auto s = summarise_backtest(rows);
    REQUIRE(s.size() == 1);
    CHECK(s[0].rows == 2);
    CHECK(s[0].coverage_rows == 1);
    CHECK(s[0].empty_rows == 1);
    REQUIRE(s[0].coverage.has_value());
    CHECK(*s[0].coverage == 0); // 10 is outside 0-5: 0 of 1
    CHECK(s[0].percentage_rows == 1);
    CHECK(*s[0].mean_absolute_percentage_error == Approx(70)); // |3 - 10| / 10
    CHECK(s[0].mean_error == Approx(-3.5));                     // (0 + -7) / 2
    // Without a spread (one replicate) no row counts in coverage: no coverage at all.
    for (auto& r : rows) r.has_spread = false;
    CHECK_FALSE(rows[1].inside());
    s = summarise_backtest(rows);
    CHECK(s[0].coverage_rows == 0);
    CHECK_FALSE(s[0].coverage.has_value());
    CHECK(s[0].percentage_rows == 1);
}
