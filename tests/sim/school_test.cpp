#include "carepath/sim/detail/school.hpp"

#include "carepath/sim/engine.hpp"
#include "carepath/sim/outcomes.hpp"

#include <catch2/catch.hpp>

#include <chrono>
#include <cstddef>

using namespace carepath::sim;
using namespace carepath::sim::detail;
using carepath::date;
using namespace std::chrono;

namespace {
// a short England run keeping whole authorities' histories, with the given calibration
run_result run_with(const calibration& cal) {
    sim_config cfg;
    cfg.scale = 0.05;
    cfg.years = 3;
    cfg.keep_histories = 400;
    cfg.params = cal;
    return simulate(cfg);
}
// the days on which kept children's school ties ended by a school move
std::vector<date> school_move_days(const run_result& r) {
    std::vector<date> days;
    for (const auto& h : r.histories)
        for (const auto& rel : h.relationships())
            for (const auto& e : rel.endings())
                if (e.reason == carepath::end_reason::school_move)
                    days.push_back(e.on);
    return days;
}
} // namespace

TEST_CASE("school: out-of-area placements within 20 miles make up the published share",
          "[sim][school]") {
    calibration cal;
    SECTION("by hand: half out of area, 80% within 20 miles, a fifth of in-area ones further") {
        cal.stock_out_of_area.value = 50;
        cal.placed_within_20_miles.value = 80;
        cal.distance_not_known.value = 0;
        cal.inside_over_20_miles.value = 0.2;
        // 0.8 = 0.5 x 0.8 (inside, near) + 0.5 x p  =>  p = 0.8
        CHECK(outside_within_20_miles(cal) == Approx(0.8));
        CHECK(within_20_miles(cal, true) == Approx(0.8));
        CHECK(within_20_miles(cal, false) == Approx(0.8));
    }
    SECTION("children with no distance recorded are left out of the split") {
        cal.stock_out_of_area.value = 50;
        cal.placed_within_20_miles.value = 60;
        cal.distance_not_known.value = 0.25; // 60 of the 75 known: 80% within 20 miles
        cal.inside_over_20_miles.value = 0.2;
        CHECK(outside_within_20_miles(cal) == Approx(0.8));
    }
    SECTION("a share the inside placements already exceed gives no near outside placement") {
        cal.stock_out_of_area.value = 50;
        cal.placed_within_20_miles.value = 30;
        cal.distance_not_known.value = 0;
        cal.inside_over_20_miles.value = 0;
        CHECK(outside_within_20_miles(cal) == 0);
    }
    SECTION("England: many placements over the boundary are within 20 miles") {
        const auto e = default_england();
        const double out = e.stock_out_of_area.value / 100;
        const double p = outside_within_20_miles(e);
        // the stock mix gives back the published share of those with a distance
        CHECK((1 - out) * within_20_miles(e, true) + out * p
              == Approx(e.placed_within_20_miles.value / 100 / (1 - e.distance_not_known.value)));
        // (0.73 / 0.949 - 0.59 x 0.928) / 0.41
        CHECK(p == Approx(0.5408).margin(0.0005));
    }
}

TEST_CASE("school: a move beyond reach changes school, one within reach keeps it at the "
          "assumed rate",
          "[sim][school]") {
    calibration cal;
    stream rng{rng_key{.seed = 7, .replicate = 0, .entity = 1, .use = purpose::child_events}};
    SECTION("over 20 miles: a new school unless the school is kept") {
        cal.school_kept_far.value = 0;
        for (int i = 0; i < 100; ++i) {
            CHECK(school_on_move(cal, false, true, rng) == school_change::now);
            CHECK(school_on_move(cal, false, false, rng) == school_change::now);
        }
        cal.school_kept_far.value = 1;
        CHECK(school_on_move(cal, false, false, rng) == school_change::kept);
    }
    SECTION("within reach: a change at the assumed rate, at once when unplanned") {
        cal.school_change_near.value = 0.25;
        cal.school_change_deferred.value = 1;
        const int n = 20000;
        int now = 0, kept = 0;
        for (int i = 0; i < n; ++i) {
            const auto s = school_on_move(cal, true, false, rng);
            now += s == school_change::now;
            kept += s == school_change::kept;
        }
        CHECK(now + kept == n); // an emergency is never put off
        // sd sqrt(0.25 x 0.75 / 20000) = 0.003
        CHECK(static_cast<double>(now) / n == Approx(0.25).margin(0.012));
    }
    SECTION("within reach and planned: the change waits for the school year as assumed") {
        cal.school_change_near.value = 1;
        cal.school_change_deferred.value = 0.5;
        const int n = 20000;
        int later = 0;
        for (int i = 0; i < n; ++i) {
            const auto s = school_on_move(cal, true, true, rng);
            CHECK(s != school_change::kept);
            later += s == school_change::next_school_year;
        }
        CHECK(static_cast<double>(later) / n == Approx(0.5).margin(0.015));
        cal.school_change_near.value = 0;
        CHECK(school_on_move(cal, true, true, rng) == school_change::kept);
    }
}

TEST_CASE("school: a change put off lands on the first day of the next school year",
          "[sim][school]") {
    const auto on = [](int y, unsigned m, unsigned d) {
        return date{year{y} / month{m} / day{d}};
    };
    CHECK(next_school_year_start(on(2021, 3, 15)) == on(2021, 9, 1));
    CHECK(next_school_year_start(on(2021, 8, 31)) == on(2021, 9, 1));
    CHECK(next_school_year_start(on(2021, 9, 1)) == on(2022, 9, 1)); // strictly after
    CHECK(next_school_year_start(on(2021, 12, 31)) == on(2022, 9, 1));
    CHECK(next_school_year_start(on(2020, 1, 1)) == on(2020, 9, 1));
    // so the change is never a mid-year move by the published definition
    for (int d = 0; d < 800; d += 7) {
        const auto from = on(2020, 1, 1) + days{d};
        CHECK_FALSE(is_midyear_move(next_school_year_start(from), midyear_rule::dfe));
        CHECK_FALSE(is_midyear_move(next_school_year_start(from), midyear_rule::cco));
    }
}

TEST_CASE("school: compulsory school ends on the last Friday in June of the year the child "
          "turns 16",
          "[sim][school]") {
    const auto on = [](int y, unsigned m, unsigned d) {
        return date{year{y} / month{m} / day{d}};
    };
    // 16 on 15 October 2021: the school year 2021/22, whose leaving date is 24 June 2022
    CHECK(school_leaving_day(on(2005, 10, 15)) == on(2022, 6, 24));
    // 16 on 15 March 2022: the same school year
    CHECK(school_leaving_day(on(2006, 3, 15)) == on(2022, 6, 24));
    // 16 on 15 August 2022, in the summer holiday: the leaving date before the birthday
    CHECK(school_leaving_day(on(2006, 8, 15)) == on(2022, 6, 24));
    // 16 on 1 September 2022, the start of the next school year: 30 June 2023
    CHECK(school_leaving_day(on(2006, 9, 1)) == on(2023, 6, 30));
    CHECK(year_month_weekday{school_leaving_day(on(2010, 2, 28))}.weekday() == Friday);
}

TEST_CASE("school: in a run, moves change school only as the mechanisms allow",
          "[sim][school]") {
    auto cal = default_england();
    SECTION("no change within reach and the school always kept further away: no school move") {
        cal.school_change_near.value = 0;
        cal.school_kept_far.value = 1;
        const auto r = run_with(cal);
        REQUIRE(r.histories.size() > 100);
        CHECK(school_move_days(r).empty());
    }
    SECTION("every placement near, every move planned and every change put off: all in "
            "September") {
        cal.inside_over_20_miles.value = 0;
        cal.distance_not_known.value = 0;
        cal.placed_within_20_miles.value = 100;
        cal.school_change_near.value = 1;
        cal.school_change_deferred.value = 1;
        cal.planned_move_share.value = 1;
        cal.household_leaving_rate.value = 0; // no household stops: no move forced on a child
        const auto r = run_with(cal);
        const auto days = school_move_days(r);
        REQUIRE(days.size() > 10);
        for (const auto d : days) {
            const year_month_day ymd{d};
            CHECK(ymd.month() == September);
            CHECK(ymd.day() == day{1});
        }
    }
    SECTION("a school tie ends at the end of compulsory school, on a last Friday in June") {
        const auto r = run_with(cal);
        std::size_t left = 0;
        for (const auto& h : r.histories)
            for (const auto& rel : h.relationships())
                for (const auto& e : rel.endings())
                    if (rel.kind() == carepath::kinds::teacher
                        && e.reason == carepath::end_reason::age_out) {
                        ++left;
                        const year_month_weekday w{e.on};
                        CHECK(w.month() == June);
                        CHECK(w.weekday() == Friday);
                        CHECK((e.on + days{7} > date{w.year() / June / last}));
                    }
        CHECK(left > 10);
    }
    SECTION("the defaults: school moves happen, some of them put off to September") {
        const auto days = school_move_days(run_with(cal));
        std::size_t september = 0;
        for (const auto d : days)
            september += year_month_day{d}.month() / year_month_day{d}.day() == September / 1;
        CHECK(days.size() > 10);
        CHECK(september > 0);
        CHECK(september < days.size());
    }
}
