#include "carepath/sim/council_fit.hpp"
#include "carepath/ssda903/mapping.hpp"
#include "carepath/ssda903/years.hpp"

#include "support/hand_histories.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <numeric>
#include <sstream>
#include <string>
#include <vector>

using namespace carepath;
using namespace carepath::sim;
using namespace carepath::testing;
using t = placement_type;
using ls = legal_status;

namespace {
double years(date from, date to) { return static_cast<double>((to - from).count()) / 365.25; }

constexpr date snapshot = ymd(2021, 3, 31);
constexpr date window_from = ymd(2018, 4, 1); // fit_years 3: 1 April 2018 to 31 March 2021
constexpr date window_to = ymd(2021, 4, 1);   // the day after the snapshot

// A council drawn by hand (window 1 April 2018 to 31 March 2021, 1,096 days):
// - children 1-8, born 1 January 2010, in care on a care order in unrelated foster care
//   since 1 January 2016 (so 2+ years in placement all through the window); 1 and 2 move to
//   a children's home on 1 January 2020; 3 goes home on 1 April 2019; 4 leaves for another
//   reason (E8) on 1 April 2020;
// - child 9 was in care from 2016 to 1 June 2017, before the window (it counts nothing, and
//   its end shows the returns began in 2017-18);
// - children 11-15, born 1 June 2015, enter kinship foster care on 1 January 2019 aged 3:
//   11-13 under s20 (11 goes home on 1 July 2019), 14 and 15 on interim orders (14's becomes
//   a care order on 1 July 2019); 11-13 boys, 14-15 girls;
// - child 16, unaccompanied, born 1 May 2003, enters a children's home under s20 on 1 June
//   2020, a girl;
// - child 17, born 1 January 2001, in unrelated foster care on a care order since 2016, stays
//   put with the carers on turning 18 (1 January 2019: 275 days in the window).
std::vector<care_history> hand_council() {
    std::vector<care_history> out;
    for (unsigned id = 1; id <= 8; ++id) {
        auto h = child_born(id, ymd(2010, 1, 1));
        add(h, entered_care{ymd(2016, 1, 1), ls::care_order, with(t::U6, id)});
        if (id <= 2)
            add(h, placement_changed{ymd(2020, 1, 1), with(t::K2, 90 + id)});
        if (id == 3)
            add(h, left_care{ymd(2019, 4, 1), exit_route::return_home});
        if (id == 4)
            add(h, left_care{ymd(2020, 4, 1), exit_route::other});
        out.push_back(std::move(h));
    }
    auto old = child_born(9, ymd(2008, 1, 1));
    add(old, entered_care{ymd(2016, 1, 1), ls::care_order, with(t::U6, 9)});
    add(old, left_care{ymd(2017, 6, 1), exit_route::return_home});
    out.push_back(std::move(old));
    for (unsigned id = 11; id <= 15; ++id) {
        auto h = child_born(id, ymd(2015, 6, 1), id <= 13 ? sex::male : sex::female);
        add(h, entered_care{ymd(2019, 1, 1),
                            id <= 13 ? ls::accommodated_s20 : ls::interim_care_order,
                            with(t::U3, id)});
        if (id == 11)
            add(h, left_care{ymd(2019, 7, 1), exit_route::return_home});
        if (id == 14)
            add(h, legal_status_changed{ymd(2019, 7, 1), ls::care_order});
        out.push_back(std::move(h));
    }
    auto u = child_born(16, ymd(2003, 5, 1), sex::female, true);
    add(u, entered_care{ymd(2020, 6, 1), ls::accommodated_s20, with(t::K2, 16)});
    out.push_back(std::move(u));
    auto adult = child_born(17, ymd(2001, 1, 1));
    add(adult, entered_care{ymd(2016, 1, 1), ls::care_order, with(t::U6, 17)});
    add(adult, left_care{ymd(2019, 1, 1), exit_route::staying_put});
    out.push_back(std::move(adult));
    return out;
}
} // namespace

TEST_CASE("council_fit: rates measured from a council drawn by hand", "[sim][council_fit]") {
    const auto hs = hand_council();
    const auto fit = fit_council(hs, snapshot, forecast_options{});
    const auto& m = fit.measured;
    const auto& p = fit.params;
    const double window = years(window_from, window_to); // 1,096 days
    CHECK(m.from == window_from);
    CHECK(m.years == Approx(window));
    CHECK(m.years_used == std::vector<int>{2019, 2020, 2021});
    // in care on the snapshot: 1, 2, 5-8, 12-16
    CHECK(m.children_in_care == 11);
    CHECK(p.stock_count.value == 11);
    // entries: 11-16, six in 1,096 days; five not unaccompanied, all aged 3, three under s20
    CHECK(m.entries == 6);
    CHECK(p.entries_per_year.value == Approx(6 / window));
    CHECK(p.entries_per_year.from == provenance::derived);
    CHECK(p.entries_per_year.note.find("2019-2021") != std::string_view::npos);
    CHECK(p.entry_age.values == std::array<double, band_count>{0, 1, 0, 0, 0});
    CHECK(p.entry_s20.value == Approx(3.0 / 5));
    CHECK(p.entry_uasc.value == Approx(1.0 / 6));
    CHECK(p.male.value == Approx(50)); // three boys of six
    // first homes: the 1-4 row is measured (five kinship), the 16-17 row (one) is England's
    const auto b14 = static_cast<std::size_t>(age_band::age_1_4);
    const auto b16 = static_cast<std::size_t>(age_band::age_16_17);
    CHECK(p.entry_home[b14] == std::array<double, home_count>{0, 5, 0, 0, 0, 0, 0, 0});
    CHECK(p.entry_home[b16] == default_england().entry_home[b16]);
    CHECK(m.first_home[b16][static_cast<std::size_t>(home_kind::childrens_home)] == 1);
    // returns home: one from a care order and one from s20, over the days in each (child 16,
    // unaccompanied, is not at risk of going home):
    // care order: 1, 2 all window (1,096 x 2), 3 to 1/4/2019 (365), 4 to 1/4/2020 (731), 5-8
    // (1,096 x 4), 14 from 1/7/2019 (640), 17 (275) = 8,587 days; s20: 11 (181), 12 and 13
    // (821 x 2)
    const auto co = static_cast<std::size_t>(legal_group::care_order);
    const auto s20 = static_cast<std::size_t>(legal_group::accommodated_s20);
    const auto ico = static_cast<std::size_t>(legal_group::interim_care_order);
    CHECK(p.return_home_rate.values[co] == Approx(1 / (8587 / 365.25)));
    CHECK(p.return_home_rate.values[s20] == Approx(1 / (1823 / 365.25)));
    CHECK(p.return_home_rate.values[ico] == 0); // 1,002 days on interim orders, none home
    CHECK(p.return_home_scale.value == 1);
    // other exits: child 4 over every day in care (8,587 + 1,823 + 1,002 + 16's 304); child
    // 17's leaving at 18 is not a hazard's
    CHECK(p.other_exit_rate.value == Approx(1 / (11716 / 365.25)));
    CHECK(m.exits == 4);
    CHECK(m.exits_at_18 == 1);
    CHECK(m.exits_by_route[static_cast<std::size_t>(exit_route::staying_put)] == 1);
    // moves: two from unrelated foster care, all of whose days (7,035: 1 and 2 640 each, 3
    // 365, 4 731, 5-8 1,096 each, 17 275) are 2+ years into the placement: the modelled rate
    // there is 2 over those days, and the 2+ band (most moves) keeps England's factor
    const auto f = static_cast<std::size_t>(home_kind::foster);
    CHECK(p.move_rate.values[f] * p.move_duration.values[3] == Approx(2 / (7035 / 365.25)));
    CHECK(p.move_duration.values[3] == default_england().move_duration.values[3]);
    CHECK(p.move_scale.value == 1);
    // no kinship placement ended in an order: measured zero, not England's
    CHECK(p.sgo_kinship_rate.value == 0);
    CHECK(p.cao_rate.value == 0);
    // too few cases: England's values kept and named
    CHECK(p.proceedings_extra_weeks.value == default_england().proceedings_extra_weeks.value);
    bool named = false;
    for (const auto& n : fit.notes)
        named = named || n.find("proceedings_extra_weeks") != std::string::npos;
    CHECK(named);
    // returns after care are inside the entries, so the model's are off
    CHECK(p.reentry_after_return_rate.value == 0);
}

TEST_CASE("council_fit: events after the snapshot do not change the fit", "[sim][council_fit]") {
    const auto before = hand_council();
    auto after = before;
    // child 5 leaves the day after the snapshot, 6 moves in April, 12 goes home in May, a new
    // child enters in June, and 16 turns 18 and leaves
    add(after[4], left_care{ymd(2021, 4, 1), exit_route::return_home});
    add(after[5], placement_changed{ymd(2021, 4, 15), with(t::K2, 77)});
    add(after[10], left_care{ymd(2021, 5, 1), exit_route::return_home});
    add(after[14], left_care{ymd(2021, 5, 1), exit_route::independent_living});
    auto late = child_born(30, ymd(2018, 1, 1));
    add(late, entered_care{ymd(2021, 6, 1), ls::accommodated_s20, with(t::U6, 30)});
    after.push_back(std::move(late));
    const auto a = fit_council(before, snapshot, forecast_options{});
    const auto b = fit_council(after, snapshot, forecast_options{});
    CHECK(a.measured.children_in_care == b.measured.children_in_care);
    CHECK(a.params.entries_per_year.value == b.params.entries_per_year.value);
    CHECK(a.params.return_home_rate.values == b.params.return_home_rate.values);
    CHECK(a.params.move_rate.values == b.params.move_rate.values);
    CHECK(a.params.move_duration.values == b.params.move_duration.values);
    CHECK(a.params.other_exit_rate.value == b.params.other_exit_rate.value);
    CHECK(a.params.independent_living_rate.value == b.params.independent_living_rate.value);
    CHECK(a.measured.exits == b.measured.exits);
    CHECK(a.measured.care_years == b.measured.care_years);
    // and the forecasts from the snapshot are the same
    forecast_options o;
    o.replicates = 3;
    const auto fa = microsim_forecast(before, snapshot, 2, o);
    const auto fb = microsim_forecast(after, snapshot, 2, o);
    for (std::size_t k = 0; k < 2; ++k)
        CHECK(fa.points[k].mean.total == fb.points[k].mean.total);
}

namespace {
// A steady council: 40 children always in care, under s20 in unrelated foster care, all young;
// every 1,096 / 30 days in the window one of them goes home and a 3-year-old comes in, so 30
// entries and 30 returns in 3 years (10 a year) against 40 x 3 child-years (0.25 a year each):
// entries balance exits. With `entries` false nobody comes in: 70 children at the start of
// the window, 30 go home, 40 are left on the snapshot.
std::vector<care_history> steady_council(bool entries) {
    std::vector<care_history> out;
    std::vector<std::size_t> slot;
    unsigned id = 1;
    for (int s = 0; s < (entries ? 40 : 70); ++s) {
        auto h = child_born(id, ymd(2014, 1, 1) + days{s * 5});
        add(h, entered_care{ymd(2017, 1, 1), ls::accommodated_s20, with(t::U6, id)});
        ++id;
        slot.push_back(out.size());
        out.push_back(std::move(h));
    }
    for (int k = 0; k < 30; ++k) {
        const date on = window_from + days{18 + k * 1096 / 30};
        auto& leaving = out[slot[static_cast<std::size_t>(entries ? k % 40 : 40 + k)]];
        add(leaving, left_care{on, exit_route::return_home});
        if (!entries)
            continue;
        auto h = child_born(id, on - days{3 * 365 + 100});
        add(h, entered_care{on, ls::accommodated_s20, with(t::U6, id)});
        ++id;
        slot[static_cast<std::size_t>(k % 40)] = out.size();
        out.push_back(std::move(h));
    }
    return out;
}
} // namespace

TEST_CASE("council_fit: a steady council forecasts a flat count", "[sim][council_fit]") {
    const auto hs = steady_council(true);
    forecast_options o;
    o.replicates = 30;
    const auto fit = fit_council(hs, snapshot, o);
    CHECK(fit.measured.children_in_care == 40);
    CHECK(fit.params.entries_per_year.value == Approx(30 / years(window_from, window_to)));
    CHECK(fit.params.return_home_rate.values[0] == Approx(30 / (40 * years(window_from,
                                                                             window_to))));
    const auto f = microsim_forecast(hs, snapshot, 3, o);
    REQUIRE(f.points.size() == 3);
    CHECK(f.method == "microsimulation");
    CHECK(f.from == snapshot);
    CHECK(f.years_used == std::vector<int>{2019, 2020, 2021});
    CHECK(f.points[0].on == ymd(2022, 3, 31));
    CHECK(f.points[2].on == ymd(2024, 3, 31));
    // about 9 per replicate of chance (sibling groups widen it): 30 replicates put the mean
    // within 3 of 40 with room to spare
    for (const auto& pt : f.points) {
        INFO(format_iso(pt.on) << " mean " << pt.mean.total);
        CHECK(std::abs(pt.mean.total - 40) < 5);
        CHECK(pt.mean.total == Approx(pt.mean.of(age_band::under_1) + pt.mean.of(age_band::age_1_4)
                                      + pt.mean.of(age_band::age_5_9)
                                      + pt.mean.of(age_band::age_10_15)
                                      + pt.mean.of(age_band::age_16_17)));
        // all under s20 with no route to an order in the data
        CHECK(pt.mean.of(forecast_legal::s20) == Approx(pt.mean.total));
    }
}

TEST_CASE("council_fit: no entries forecasts a falling count; intervals hold the mean and widen",
          "[sim][council_fit]") {
    forecast_options o;
    o.replicates = 40;
    const auto emptying = steady_council(false);
    const auto fit = fit_council(emptying, snapshot, o);
    CHECK(fit.measured.children_in_care == 40);
    CHECK(fit.params.entries_per_year.value == 0);
    const double home = fit.params.return_home_rate.values[0];
    const auto empties = microsim_forecast(emptying, snapshot, 4, o);
    REQUIRE(empties.points.size() == 4);
    double last = 40;
    for (const auto& pt : empties.points) {
        INFO(format_iso(pt.on) << " mean " << pt.mean.total);
        CHECK(pt.mean.total < last);
        last = pt.mean.total;
    }
    // going home at the measured rate, the only way out: 40 x e^(-4 x rate) after four years
    CHECK(last == Approx(40 * std::exp(-4 * home)).margin(4));
    const auto steady = microsim_forecast(steady_council(true), snapshot, 5, o);
    for (const auto* f : {&empties, &steady})
        for (const auto& pt : f->points) {
            CHECK(pt.low.total <= pt.mean.total);
            CHECK(pt.mean.total <= pt.high.total);
            CHECK(pt.replicates.size() == 40);
        }
    const auto width = [](const forecast_point& pt) { return pt.high.total - pt.low.total; };
    CHECK(width(steady.points.back()) > width(steady.points.front()));
}

TEST_CASE("council_fit: a council simulated by carepath is fitted and forecast back",
          "[sim][council_fit]") {
    // one authority of synthetic England (about 300 children in care), every child's history
    // kept, four years from 31 March 2019
    sim_config cfg;
    cfg.authorities = 1;
    cfg.scale = 0.004;
    cfg.years = 4;
    cfg.seed = 4;
    cfg.keep_histories = 100000;
    const auto run = simulate(cfg);
    REQUIRE(run.history_authorities == 1);
    const auto& hs = run.histories;
    const date on = ymd(2022, 3, 31);
    forecast_options o;
    o.replicates = 8;
    const auto fit = fit_council(hs, on, o);
    const auto& m = fit.measured;
    CHECK(m.years_used == std::vector<int>{2020, 2021, 2022});
    // the histories' entries and exits are the run's own tallies of the years 2020-2022 (which
    // count a child once a year, and are scaled up to England), give or take a child entering
    // or leaving twice in a year
    double entries = 0, exits = 0;
    for (std::size_t y = 0; y < 3; ++y) {
        entries += run.mean.years[y].entries * cfg.scale;
        exits += run.mean.years[y].exits * cfg.scale;
    }
    CHECK(m.entries == Approx(entries).epsilon(0.03));
    CHECK(m.exits == Approx(exits).epsilon(0.03));
    CHECK(m.children_in_care == Approx(run.mean.years[2].in_care * cfg.scale));
    // the model's inputs come back where the data has cases enough: the rates of SGOs from
    // kinship care and of leaving at 16-17 within a third, the months to an adoption order
    // within a quarter, as means over eight councils (seeds 1-8). One council of 300 children
    // is too few: leaving at 16-17 came back at 0.044-0.146 (0.08 given) across those seeds,
    // so a single seed passed or failed by chance.
    const auto e = default_england();
    double sgo = 0, living = 0, months = 0;
    constexpr int councils = 8;
    for (int seed = 1; seed <= councils; ++seed) {
        sim_config one = cfg;
        one.seed = static_cast<std::uint64_t>(seed);
        const auto p = fit_council(simulate(one).histories, on, o).params;
        sgo += p.sgo_kinship_rate.value / councils;
        living += p.independent_living_rate.value / councils;
        months += p.placed_to_order_months.value / councils;
    }
    CHECK(sgo == Approx(e.sgo_kinship_rate.value).epsilon(0.33));
    CHECK(living == Approx(e.independent_living_rate.value).epsilon(0.33));
    CHECK(months == Approx(e.placed_to_order_months.value).epsilon(0.25));
    // and the next year's count, which the fit did not see, falls inside the forecast's
    // interval: with the rates held at their estimates (as this test was written: 8 replicates,
    // 303 inside) ...
    const auto f = microsim_scenario_forecast(hs, on, 1, o, scenario{}, {.bootstrap = false});
    const auto truth = count_in_care(hs, ymd(2023, 3, 31));
    INFO("forecast " << f.points[0].mean.total << " [" << f.points[0].low.total << ", "
                     << f.points[0].high.total << "], simulated " << truth.total);
    CHECK(f.points[0].low.total <= truth.total);
    CHECK(truth.total <= f.points[0].high.total);
    // ... and with the default bootstrap, at 40 replicates (at 8 the bootstrap's draws put 303
    // 0.7 below the spread, 317 [303.7-335.3]: chance, as at 40 replicates the means of seeds
    // 1-3 are 312-318 with the bootstrap and 312-315 without, every spread holding 303)
    o.replicates = 40;
    const auto boot = microsim_forecast(hs, on, 1, o);
    INFO("bootstrap " << boot.points[0].mean.total << " [" << boot.points[0].low.total << ", "
                      << boot.points[0].high.total << "]");
    CHECK(boot.points[0].low.total <= truth.total);
    CHECK(truth.total <= boot.points[0].high.total);
}

TEST_CASE("council_fit: the start count uses the forecasts' one rule, under 18 on the day",
          "[sim][council_fit]") {
    // 18 on 1 April 2021, the day after the snapshot: under 18 on 31 March, so one of the
    // children in care, as count_in_care and the Markov chain count it (the fit used to count
    // it 18 or over, by its age the day after).
    auto hs = hand_council();
    auto nearly = child_born(41, ymd(2003, 4, 1));
    add(nearly, entered_care{ymd(2019, 1, 1), ls::care_order, with(t::U6, 41)});
    hs.push_back(std::move(nearly));
    const auto fit = fit_council(hs, snapshot, forecast_options{});
    CHECK(fit.measured.children_in_care == 11 + 1);
    CHECK(fit.measured.adults_in_care == 0);
    CHECK(count_in_care(hs, snapshot).aged_18_or_over == 0);
    CHECK(fit.measured.children_in_care == count_in_care(hs, snapshot).total);
}

TEST_CASE("council_fit: adults in care are counted apart and the fit prints",
          "[sim][council_fit]") {
    auto hs = hand_council();
    // in care since 2016 and 18 on 1 January 2018, before the window: no day of it is read
    auto adult = child_born(40, ymd(2000, 1, 1));
    add(adult, entered_care{ymd(2016, 1, 1), ls::care_order, with(t::U6, 40)});
    hs.push_back(std::move(adult));
    const auto fit = fit_council(hs, snapshot, forecast_options{});
    CHECK(fit.measured.children_in_care == 11);
    CHECK(fit.measured.adults_in_care == 1);
    CHECK(fit.measured.care_years == fit_council(hand_council(), snapshot, {}).measured.care_years);
    CHECK(fit.notes.front() == "1 in care on the snapshot are 18 or over: they are not simulated "
                               "(the model ends care at 18)");
    std::ostringstream os;
    write_council_fit(os, fit);
    const auto text = os.str();
    CHECK(text.rfind("window 2018-04-01 to 2021-03-31 (", 0) == 0);
    CHECK(text.find("collection years 2019 2020 2021)\n") != std::string::npos);
    CHECK(text.find("\nchildren in care on the snapshot (under 18) 11\n") != std::string::npos);
    CHECK(text.find("\nentries 6\n") != std::string::npos);
    CHECK(text.find("\nexits at 18 1\n") != std::string::npos);
    CHECK(text.find("\n  exits staying_put 1\n") != std::string::npos);
    CHECK(text.find("\nentrants not UASC by age band (under 1, 1-4, 5-9, 10-15, 16-17): 0 1 0 0 0\n")
          != std::string::npos);
    CHECK(text.find("note: England's values kept (too few cases") != std::string::npos);
}

TEST_CASE("council_fit: a scenario reaches the forecast; measured inputs are never drawn",
          "[sim][council_fit]") {
    const auto hs = hand_council();
    forecast_options o;
    o.replicates = 6;
    scenario unsure;
    unsure.name = "unsure";
    unsure.parameter_uncertainty = true;
    const auto base = microsim_forecast(hs, snapshot, 3, o);
    const auto with = microsim_scenario_forecast(hs, snapshot, 3, o, unsure);
    CHECK(base.notes.front() == "fitted to 6 entries and 4 exits from 2018-04-01 to 2021-03-31; "
                                "started from the 11 children under 18 in care on the snapshot");
    CHECK(std::find(with.notes.begin(), with.notes.end(), "scenario: unsure") != with.notes.end());
    bool differs = false;
    for (std::size_t k = 0; k < 3; ++k)
        for (std::size_t r = 0; r < 6; ++r)
            differs = differs || with.points[k].replicates[r].by_placement
                                     != base.points[k].replicates[r].by_placement;
    CHECK(differs);
    // parameter uncertainty draws England's assumptions, not what the council's data measured
    const auto fit = fit_council(hs, snapshot, o);
    const auto drawn = draw_assumptions(fit.params, 7, 0);
    CHECK(drawn.entries_per_year.value == fit.params.entries_per_year.value);
    CHECK(drawn.return_home_rate.values == fit.params.return_home_rate.values);
    CHECK(drawn.move_rate.values == fit.params.move_rate.values);
    CHECK(drawn.other_exit_rate.value == fit.params.other_exit_rate.value);
    CHECK(drawn.sgo_kinship_rate.value == fit.params.sgo_kinship_rate.value);
    CHECK(drawn.reentry_after_return_rate.value == 0);
    // an England assumption the data could not give is drawn
    CHECK(drawn.proceedings_extra_weeks.value != fit.params.proceedings_extra_weeks.value);
}

TEST_CASE("council_fit: bad requests are refused", "[sim][council_fit]") {
    const auto hs = hand_council();
    forecast_options o;
    o.fit_years = 0;
    CHECK_THROWS_AS(fit_council(hs, snapshot, o), std::invalid_argument);
    CHECK_THROWS_AS(microsim_forecast(hs, snapshot, 0, forecast_options{}),
                    std::invalid_argument);
    // nobody in care on the snapshot: nothing to start from
    CHECK_THROWS_AS(microsim_forecast(hs, ymd(2015, 3, 31), 1, forecast_options{}),
                    std::invalid_argument);
    // s15 audit 4: parameter uncertainty with one replicate is one draw of the assumptions;
    // refused before a replicate runs, with or without the bootstrap (whose replicates run one
    // simulation each, combined)
    scenario unsure;
    unsure.name = "unsure";
    unsure.parameter_uncertainty = true;
    forecast_options one;
    one.replicates = 1;
    for (const bool bootstrap : {true, false})
        CHECK_THROWS_AS(microsim_scenario_forecast(hs, snapshot, 1, one, unsure,
                                                   {.bootstrap = bootstrap}),
                        std::invalid_argument);
}

TEST_CASE("council_fit: the demand-model sample fits and forecasts", "[sim][council_fit]") {
    // five years of returns (2017-18 to 2021-22) merged into one history per child
    namespace fs = std::filesystem;
    const std::vector<fs::path> in{fs::path{CAREPATH_SOURCE_DIR}
                                   / "../shared/data/demand-model-samples"};
    REQUIRE(fs::exists(in[0])); // ../shared sits beside the repository, as in CI
    const auto merged = ssda903::read_years(in);
    REQUIRE(merged);
    const auto mapped = ssda903::map_return(merged->merged);
    std::vector<care_history> hs;
    for (const auto& c : mapped.children)
        hs.push_back(c.history);
    forecast_options o;
    o.replicates = 4;
    // from 31 March 2019: two years of returns before it, so the window is cut to them
    const date on = ymd(2019, 3, 31);
    const auto fit = fit_council(hs, on, o);
    const auto& m = fit.measured;
    CHECK(m.from == ymd(2017, 4, 1));
    CHECK(m.years_used == std::vector<int>{2018, 2019});
    CHECK(m.children_in_care > 50);
    CHECK(m.children_in_care <= count_in_care(hs, on).total);
    CHECK(m.entries_per_year > 0);
    CHECK(m.exits > 0);
    const auto f = microsim_forecast(hs, on, 3, o);
    REQUIRE(f.points.size() == 3);
    // the sample has many emergency statuses on the snapshot: the notes say how they are run
    const auto other = count_in_care(hs, on).of(forecast_legal::other);
    REQUIRE(other > 0);
    CHECK(std::count_if(f.notes.begin(), f.notes.end(), [&](const std::string& n) {
              return n.rfind(std::to_string(static_cast<int>(other)) + " in care on the snapshot "
                             "have an emergency", 0) == 0;
          }) == 1);
    for (const auto& pt : f.points) {
        CHECK(pt.mean.of(forecast_legal::other) == 0);
        CHECK(std::isfinite(pt.mean.total));
        CHECK(pt.mean.total > 0);
        CHECK(pt.mean.total < 3 * m.children_in_care);
    }
}

namespace {
// A child in care from 2016 to 1 June 2017: its end shows the returns begin in 2017-18, so the
// window is not cut.
care_history early_leaver(unsigned id) {
    auto h = child_born(id, ymd(2008, 1, 1));
    add(h, entered_care{ymd(2016, 1, 1), ls::care_order, with(t::U6, id)});
    add(h, left_care{ymd(2017, 6, 1), exit_route::return_home});
    return h;
}
bool has_note(const council_fit& fit, std::string_view text) {
    return std::ranges::any_of(fit.notes, [&](const std::string& n) {
        return n.find(text) != std::string::npos;
    });
}
} // namespace

TEST_CASE("council_fit: interim orders shorter than the PLO target are clamped, with a note",
          "[sim][council_fit]") {
    // six children enter on interim orders on 1 January 2020 and get care orders 70 days (10
    // weeks) later, on 11 March 2020
    std::vector<care_history> hs{early_leaver(9)};
    for (unsigned id = 1; id <= 6; ++id) {
        auto h = child_born(id, ymd(2015, 6, 1));
        add(h, entered_care{ymd(2020, 1, 1), ls::interim_care_order, with(t::U6, id)});
        add(h, legal_status_changed{ymd(2020, 3, 11), ls::care_order});
        hs.push_back(std::move(h));
    }
    const auto fit = fit_council(hs, snapshot, forecast_options{});
    // 420 days / 6 = 70 days = 10.0 weeks; 10 - 26 = -16 weeks beyond the PLO target: 1
    CHECK(fit.params.proceedings_extra_weeks.value == 1);
    CHECK(has_note(fit, "proceedings_extra_weeks clamped: interim orders lasted 10 weeks on "
                        "average (6 ended), -16 weeks beyond the PLO's 26; set to 1, so the "
                        "model's interim orders last about 27 weeks, longer than measured"));
    SECTION("orders longer than the target are not clamped") {
        const auto hand = fit_council(hand_council(), snapshot, forecast_options{});
        CHECK_FALSE(has_note(hand, "clamped"));
    }
}

TEST_CASE("council_fit: a measured figure far from England's is named with its basis",
          "[sim][council_fit]") {
    // ten children on interim orders since 1 January 2018, through the window; 1-5 get care
    // orders on 1 March 2021. Days on interim orders in the window: 1-5 1,065 each (1 April
    // 2018 to 28 February 2021), 6-10 1,096 each = 10,805 days, 29.58 child-years, over 5
    // ended: 5.917 years = 308.7 weeks (x 52.18), 282.7 beyond the PLO's 26, 23.6 times
    // England's 12
    std::vector<care_history> hs{early_leaver(99)};
    for (unsigned id = 1; id <= 10; ++id) {
        auto h = child_born(id, ymd(2015, 6, 1));
        add(h, entered_care{ymd(2018, 1, 1), ls::interim_care_order, with(t::U6, id)});
        if (id <= 5)
            add(h, legal_status_changed{ymd(2021, 3, 1), ls::care_order});
        hs.push_back(std::move(h));
    }
    const auto fit = fit_council(hs, snapshot, forecast_options{});
    CHECK(fit.params.proceedings_extra_weeks.value == Approx(10805 / 365.25 / 5 * 52.18 - 26));
    CHECK(has_note(fit, "proceedings_extra_weeks measured 283 (5 interim orders ended, 29.6 "
                        "child-years on them: 309 weeks on average) against England's 12: 23.6 "
                        "times England's, outside 0.2-5 times; used as measured, but check the "
                        "returns"));
    CHECK_FALSE(has_note(fit, "clamped"));
    SECTION("a figure inside 0.2-5 times England's is not named") {
        // the hand council's other exits: 1 in 32.08 child-years = 0.0312 a year
        const auto hand = fit_council(hand_council(), snapshot, forecast_options{});
        const double england = default_england().other_exit_rate.value;
        const double measured = hand.params.other_exit_rate.value;
        REQUIRE(measured == Approx(1 / (11716 / 365.25)));
        CHECK(has_note(hand, "other_exit_rate measured")
              == (measured < 0.2 * england || measured > 5 * england));
        // no kinship placement ended in a special guardianship order: 0 against England's
        // 0.24 a year is named
        CHECK(has_note(hand, "sgo_kinship_rate measured 0 (0 in "));
    }
}

TEST_CASE("council_fit: figures checked against England's since audit s13 §7 get their note",
          "[sim][council_fit]") {
    SECTION("entrants' age bands: the hand council's five entrants are all aged 1-4") {
        const auto hand = fit_council(hand_council(), snapshot, forecast_options{});
        CHECK(has_note(hand, "entry_age for 1_4 measured 1 (5 of 5 entrants not "
                             "unaccompanied) against England's 0.12: 8.33 times England's, "
                             "outside 0.2-5 times; used as measured, but check the returns"));
        CHECK(has_note(hand, "entry_age for 10_15 measured 0 (0 of 5 entrants"));
        // three boys of six entrants: 50% against England's 56% is not named
        CHECK_FALSE(has_note(hand, "male measured"));
    }
    SECTION("entries a year, against England's scaled to the council's children in care") {
        // five children in care all through the window, and one child who comes into care on
        // the 1st and goes home on the 10th of every month from April 2018 to March 2021: 36
        // periods begun in 3 years, 12 a year, against England's 27,109 x 5 / 78,140 = 1.73
        std::vector<care_history> hs{early_leaver(99)};
        for (unsigned id = 1; id <= 5; ++id) {
            auto h = child_born(id, ymd(2010, 1, 1));
            add(h, entered_care{ymd(2016, 1, 1), ls::care_order, with(t::U6, id)});
            hs.push_back(std::move(h));
        }
        auto often = child_born(50, ymd(2010, 1, 1));
        for (int k = 0; k < 36; ++k) {
            const int y = 2018 + (3 + k) / 12;
            const unsigned mo = static_cast<unsigned>((3 + k) % 12 + 1);
            if (k == 0)
                add(often, entered_care{ymd(y, mo, 1), ls::accommodated_s20, with(t::U6, 50)});
            else
                add(often, reentered_care{ymd(y, mo, 1), ls::accommodated_s20, with(t::U6, 50)});
            add(often, left_care{ymd(y, mo, 10), exit_route::return_home});
        }
        hs.push_back(std::move(often));
        const auto fit = fit_council(hs, snapshot, forecast_options{});
        REQUIRE(fit.measured.entries == 36);
        REQUIRE(fit.measured.children_in_care == 5);
        CHECK(has_note(fit, "entries_per_year measured 12 (36 periods of care begun in 3 years; "
                            "England's scaled to the council's 5 children in care) against "
                            "England's 1.73: 6.92 times England's, outside 0.2-5 times"));
    }
}

TEST_CASE("council_fit: a return-home row measured for some legal groups says which",
          "[sim][council_fit]") {
    // the hand council has child-years on s20, interim and care orders, none on placement
    // orders: that slot keeps England's rate times return_home_scale
    const auto fit = fit_council(hand_council(), snapshot, forecast_options{});
    const auto& row = fit.params.return_home_rate;
    const auto england = default_england();
    CHECK(row.from == provenance::derived);
    CHECK(row.source == "council returns for s20, interim_care_order, care_order; England's "
                        "for placement_order");
    CHECK(row.note.find("England's rate times return_home_scale (0.569) kept for "
                        "placement_order") != std::string_view::npos);
    const auto po = static_cast<std::size_t>(legal_group::placement_order);
    CHECK(row.values[po]
          == england.return_home_rate.values[po] * england.return_home_scale.value);
    SECTION("measured for every group: the plain source") {
        // a hand council with a child placed for adoption on a placement order for 2 years
        auto hs = hand_council();
        auto h = child_born(40, ymd(2016, 1, 1));
        add(h, entered_care{ymd(2018, 4, 1), ls::placement_order, with(t::U6, 40)});
        hs.push_back(std::move(h));
        const auto all = fit_council(hs, snapshot, forecast_options{});
        CHECK(all.params.return_home_rate.source == "council returns");
    }
}

TEST_CASE("council_fit: each replicate refits on its own resample of the children",
          "[sim][council_fit]") {
    const auto hs = steady_council(true); // 70 children, every one in care in the window
    forecast_options o;
    const auto w0 = council_bootstrap(hs, snapshot, o, 0);
    const auto w1 = council_bootstrap(hs, snapshot, o, 1);
    REQUIRE(w0.size() == hs.size());
    CHECK(w0 == council_bootstrap(hs, snapshot, o, 0)); // same seed and replicate, same draw
    CHECK(w0 != w1);
    CHECK(std::accumulate(w0.begin(), w0.end(), 0.0) == 70); // as many draws as children seen
    o.seed = 2;
    CHECK(council_bootstrap(hs, snapshot, o, 0) != w0);
    o.seed = 1;
    // a child with no day in the window is never drawn
    auto with_early = hand_council(); // child 9 (index 8) left care in 2017
    const auto w = council_bootstrap(with_early, snapshot, o, 0);
    CHECK(w[8] == 0);
    CHECK(std::accumulate(w.begin(), w.end(), 0.0) == 15);
    // the fits of two resamples differ in their rates; the starting stock is every child's
    const auto f0 = fit_council(hs, snapshot, o, w0);
    const auto f1 = fit_council(hs, snapshot, o, w1);
    CHECK(f0.params.entries_per_year.value != f1.params.entries_per_year.value);
    CHECK(f0.params.return_home_rate.values[0] != f1.params.return_home_rate.values[0]);
    CHECK(f0.measured.children_in_care == 40);
    CHECK(f1.measured.children_in_care == 40);
    CHECK(f0.params.stock_count.value == 40);
    // weights of 1 are the fit of all children; a weight of 2 counts a child twice
    const auto all = fit_council(hs, snapshot, o);
    const std::vector<double> ones(hs.size(), 1.0);
    CHECK(fit_council(hs, snapshot, o, ones).params.entries_per_year.value
          == all.params.entries_per_year.value);
    std::vector<double> twice(hs.size(), 2.0);
    CHECK(fit_council(hs, snapshot, o, twice).measured.entries == 2 * all.measured.entries);
    CHECK_THROWS_AS(fit_council(hs, snapshot, o, std::vector<double>{1.0}),
                    std::invalid_argument);
    twice[3] = 0.5;
    CHECK_THROWS_AS(fit_council(hs, snapshot, o, twice), std::invalid_argument);
    // the forecast: the same seed gives the same numbers, replicate by replicate
    o.replicates = 6;
    const auto a = microsim_forecast(hs, snapshot, 2, o);
    const auto b = microsim_forecast(hs, snapshot, 2, o);
    for (std::size_t k = 0; k < 2; ++k)
        for (std::size_t r = 0; r < 6; ++r) {
            CHECK(a.points[k].replicates[r].total == b.points[k].replicates[r].total);
            CHECK(a.points[k].replicates[r].by_placement == b.points[k].replicates[r].by_placement);
            CHECK(a.points[k].replicates[r].by_age == b.points[k].replicates[r].by_age);
        }
    CHECK(std::ranges::any_of(a.notes, [](const std::string& n) {
        return n.find("bootstrap") != std::string::npos;
    }));
    // without the bootstrap every replicate runs on the rates of all children (the old way)
    const auto fixed = microsim_scenario_forecast(hs, snapshot, 2, o, scenario{}, {.bootstrap = false});
    CHECK(std::ranges::any_of(fixed.notes, [](const std::string& n) {
        return n.rfind("rates fixed", 0) == 0;
    }));
}

TEST_CASE("council_fit: the bootstrap widens the spread of a council fitted on few cases",
          "[sim][council_fit]") {
    // the council drawn by hand: 11 children in care, rates from 6 entries and 4 exits. Its
    // replicates' spread of the total one to three years on, with the rates refitted on each
    // replicate's resample, against the rates held at their estimates (seed 1, 100 replicates).
    // Measured: spread 8-17 against 7.5-15 (sd 2.44 against 2.14) at one year, 6-19 against
    // 7-16.5 (3.43 against 2.62) at two, 6-20 against 6-19 (3.99 against 3.24) at three.
    const auto hs = hand_council();
    forecast_options o;
    o.replicates = 100;
    const auto boot = microsim_forecast(hs, snapshot, 3, o);
    const auto fixed = microsim_scenario_forecast(hs, snapshot, 3, o, scenario{},
                                                  {.bootstrap = false});
    const auto sd = [](const forecast_point& pt) {
        double sum = 0, squares = 0;
        for (const auto& r : pt.replicates) {
            sum += r.total;
            squares += r.total * r.total;
        }
        const double n = static_cast<double>(pt.replicates.size());
        return std::sqrt((squares - sum * sum / n) / (n - 1));
    };
    for (std::size_t k = 0; k < 3; ++k) {
        const auto& b = boot.points[k];
        const auto& f = fixed.points[k];
        INFO(format_iso(b.on) << ": bootstrap " << b.mean.total << " [" << b.low.total << "-"
                              << b.high.total << "] sd " << sd(b) << ", fixed " << f.mean.total
                              << " [" << f.low.total << "-" << f.high.total << "] sd " << sd(f));
        CHECK(b.high.total - b.low.total > f.high.total - f.low.total);
        CHECK(sd(b) > sd(f));
    }
}

namespace {
// Child `id`, born 1 January 2010, fostered (U6) at LS6 on a care order since 1 January 2016,
// goes into hospital (T1) on 1 June 2019, and on `next_on` to `next`.
care_history with_a_stay(unsigned id, date next_on, placement next) {
    auto home = with(t::U6, id);
    home.location.postcode_district = "LS6";
    auto h = child_born(id, ymd(2010, 1, 1));
    add(h, entered_care{ymd(2016, 1, 1), ls::care_order, home});
    add(h, placement_changed{ymd(2019, 6, 1), with(t::T1, 100 + id)});
    add(h, placement_changed{next_on, next});
    return h;
}
double total(const auto& rows) {
    double n = 0;
    for (const auto& row : rows)
        n += std::accumulate(row.begin(), row.end(), 0.0);
    return n;
}
} // namespace

TEST_CASE("council_fit: a temporary stay and the return from it are not moves of home",
          "[sim][council_fit]") {
    // SSDA903 rule 383: the child goes back to the placement before the stay, and the model
    // has no stays, so the stay is time in the usual home: no move into it or back, and the
    // time in placement runs on (2+ years all through the window). Back to the same carer, and
    // back as the import records it (RNE P gives a new carer id; same PLACE and postcode).
    auto same = with(t::U6, 1);
    same.location.postcode_district = "LS6";
    auto imported = with(t::U6, 200);
    imported.location.postcode_district = "LS6";
    const auto f = static_cast<std::size_t>(home_kind::foster);
    for (const auto& h : {with_a_stay(1, ymd(2019, 6, 15), same),
                          with_a_stay(2, ymd(2019, 6, 15), imported)}) {
        sim::detail::council_counts c;
        sim::detail::count_child(h, window_from, window_to, default_england(), c);
        CHECK(total(c.moves) == 0);
        CHECK(total(c.move_to) == 0);
        CHECK(c.move_days[f] == std::array<double, 4>{0, 0, 0, 1096});
        CHECK(c.foster_year_days == 1096);
        // the simulation starts it 5 years into its placement
        const auto seeds = sim::detail::seeds_from({h}, snapshot);
        REQUIRE(seeds.size() == 1);
        CHECK(seeds.front().second.placement_start == sim::detail::day_number(ymd(2016, 1, 1)));
    }
}

TEST_CASE("council_fit: a move from a temporary stay to a new home is one move from the home",
          "[sim][council_fit]") {
    // from hospital to a children's home: one move, from foster care 3 years and 5 months into
    // the placement, to a children's home, aged 9
    const auto h = with_a_stay(3, ymd(2019, 6, 5), with(t::K2, 300));
    sim::detail::council_counts c;
    sim::detail::count_child(h, window_from, window_to, default_england(), c);
    CHECK(total(c.moves) == 1);
    CHECK(c.moves[static_cast<std::size_t>(home_kind::foster)][3] == 1);
    CHECK(total(c.move_to) == 1);
    CHECK(c.move_to[static_cast<std::size_t>(age_band::age_5_9)]
                   [static_cast<std::size_t>(home_kind::childrens_home)]
          == 1);
}
