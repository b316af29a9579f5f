#include "carepath/sim/markov.hpp"

#include "support/hand_histories.hpp"

#include <catch2/catch.hpp>

#include <cmath>
#include <string>
#include <vector>

using namespace carepath;
using namespace carepath::sim;
using namespace carepath::testing;
using t = placement_type;
using ls = legal_status;

// Every expected value below is worked by hand from the histories drawn in the test.
namespace {
care_history fostered(unsigned id, date born, date from, ls status = ls::care_order) {
    auto h = child_born(id, born);
    add(h, entered_care{from, status, with(t::U6, id)});
    return h;
}
const std::size_t foster_co = markov_state(forecast_placement::foster, forecast_legal::care_order);
const date snapshot = ymd(2021, 3, 31);

// The fit population: 10 children aged 10 fostered under care orders, two of whom leave in
// the year before the snapshot; a toddler who arrives in August; a 17-year-old in a children's
// home who turns 18 on 1 October 2020.
std::vector<care_history> fit_population() {
    std::vector<care_history> hs;
    for (unsigned i = 1; i <= 10; ++i) hs.push_back(fostered(i, ymd(2010, 1, 1), ymd(2015, 1, 1)));
    add(hs[0], left_care{ymd(2020, 6, 15), exit_route::return_home});
    add(hs[1], left_care{ymd(2020, 12, 15), exit_route::special_guardianship});
    hs.push_back(fostered(11, ymd(2019, 2, 1), ymd(2020, 8, 10), ls::interim_care_order));
    hs.push_back(child_born(12, ymd(2002, 10, 1)));
    add(hs.back(), entered_care{ymd(2019, 1, 1), ls::accommodated_s20,
                                placement::with_provider(t::K2, provider_id{1})});
    add(hs.back(), left_care{ymd(2020, 10, 1), exit_route::independent_living});
    return hs;
}
} // namespace

TEST_CASE("markov: months step from month end to month end", "[sim][markov]") {
    CHECK(add_months(ymd(2021, 3, 31), 1) == ymd(2021, 4, 30));
    CHECK(add_months(ymd(2021, 3, 31), 12) == ymd(2022, 3, 31));
    CHECK(add_months(ymd(2021, 3, 31), -1) == ymd(2021, 2, 28));
    CHECK(add_months(ymd(2023, 2, 28), 1) == ymd(2023, 3, 31));
    CHECK(add_months(ymd(2024, 1, 30), 1) == ymd(2024, 2, 29));
    CHECK(add_months(ymd(2024, 1, 15), 1) == ymd(2024, 2, 15));
    CHECK(collection_year_of(ymd(2021, 3, 31)) == 2021);
    CHECK(collection_year_of(ymd(2021, 4, 1)) == 2022);
}

TEST_CASE("markov: the fit counts months in care, exits by route and arrivals",
          "[sim][markov]") {
    const auto hs = fit_population();
    const auto obs = observe_markov(hs, snapshot, 1);
    CHECK(obs.months == 12);
    CHECK(obs.first == ymd(2020, 3, 31));
    CHECK(obs.years_used == std::vector<int>{2021});
    const auto m = fit_markov(obs);
    // Months from fostered 10-15s: the June leaver 3 (Mar-Apr, Apr-May, May-Jun), the December
    // leaver 9, the other 8 twelve each: 108, of which 2 end outside care.
    CHECK(m.exposure(age_band::age_10_15, foster_co) == 108);
    CHECK(m.probability(age_band::age_10_15, foster_co, foster_co) == Approx(106.0 / 108));
    CHECK(m.probability(age_band::age_10_15, foster_co, markov_exit(exit_route::return_home))
          == Approx(1.0 / 108));
    CHECK(m.probability(age_band::age_10_15, foster_co,
                        markov_exit(exit_route::special_guardianship))
          == Approx(1.0 / 108));
    // The toddler: one arrival (seen on 31 August) and 7 months to March under the interim order.
    const auto foster_ico =
        markov_state(forecast_placement::foster, forecast_legal::interim_care_order);
    CHECK(m.entries == 1);
    CHECK(m.entries_per_month() == Approx(1.0 / 12));
    REQUIRE(m.entrants.size() == 1);
    CHECK(m.entrants[0].state == foster_ico);
    CHECK(m.entrants[0].age == ymd(2020, 8, 31) - ymd(2019, 2, 1));
    CHECK(m.exposure(age_band::age_1_4, foster_ico) == 7);
    // The 17-year-old: six months (March to September); the month of the 18th birthday is left
    // out, so leaving at 18 is not counted as an exit rate.
    const auto home_s20 = markov_state(forecast_placement::childrens_home, forecast_legal::s20);
    CHECK(m.exposure(age_band::age_16_17, home_s20) == 6);
    CHECK(m.probability(age_band::age_16_17, home_s20, home_s20) == 1);
    SECTION("a band with no months uses every band's; a state never seen keeps its children") {
        CHECK(m.probability(age_band::age_5_9, foster_co, foster_co) == Approx(106.0 / 108));
        const auto adopt = markov_state(forecast_placement::placed_for_adoption,
                                        forecast_legal::placement_order);
        CHECK(m.probability(age_band::age_1_4, adopt, adopt) == 1);
        CHECK(m.probability(age_band::age_1_4, adopt, foster_co) == 0);
    }
    SECTION("weights count a child several times or not at all") {
        std::vector<double> w(obs.children.size(), 1.0);
        w[0] = 3; // the June leaver (histories are observed in order)
        const auto m3 = fit_markov(obs, w);
        CHECK(m3.exposure(age_band::age_10_15, foster_co) == 114);
        CHECK(m3.probability(age_band::age_10_15, foster_co, markov_exit(exit_route::return_home))
              == Approx(3.0 / 114));
        CHECK_THROWS_AS(fit_markov(obs, std::vector<double>{1.0}), std::invalid_argument);
    }
    SECTION("the window is cut where the data begins") {
        // Data from 1 April 2020: the state on 31 March 2020 is known (the first return lists
        // every episode open on 1 April), so the whole collection year's 12 months are read,
        // as with fit_years 1 above.
        const auto year = observe_markov(hs, snapshot, 3, ymd(2020, 4, 1));
        CHECK(year.months == 12);
        CHECK(year.first == ymd(2020, 3, 31));
        CHECK(year.years_used == std::vector<int>{2021});
        CHECK(fit_markov(year).exposure(age_band::age_10_15, foster_co) == 108);
        // Data from 1 May 2020: 30 April is the first grid day, 11 months, the ten fostered
        // 10-15s in care in April lose a month each.
        const auto cut = observe_markov(hs, snapshot, 3, ymd(2020, 5, 1));
        CHECK(cut.months == 11);
        CHECK(cut.first == ymd(2020, 4, 30));
        CHECK(fit_markov(cut).exposure(age_band::age_10_15, foster_co) == 108 - 10);
    }
}

TEST_CASE("markov: events after the snapshot change neither the fit nor the forecast",
          "[sim][markov]") {
    auto hs = fit_population();
    const forecast_options opt{.replicates = 5, .seed = 3, .fit_years = 1};
    const auto before = markov_forecast(hs, snapshot, 2, opt);
    add(hs[2], left_care{ymd(2021, 5, 1), exit_route::adoption});
    add(hs[10], placement_changed{ymd(2021, 4, 1), with(t::U3, 99)});
    hs.push_back(fostered(20, ymd(2016, 1, 1), ymd(2021, 4, 1)));
    const auto after = markov_forecast(hs, snapshot, 2, opt);
    REQUIRE(after.points.size() == 2);
    for (std::size_t y = 0; y < 2; ++y) {
        CHECK(after.points[y].mean.total == before.points[y].mean.total);
        CHECK(after.points[y].mean.by_placement == before.points[y].mean.by_placement);
        CHECK(after.points[y].high.by_age == before.points[y].high.by_age);
    }
    CHECK(after.notes == before.notes);
}

TEST_CASE("markov: the projected mean matches the chain's closed form", "[sim][markov]") {
    // 40 fostered 12-year-olds; 4 leave in the year, after 2, 5, 8 and 11 months in the window:
    // 26 + 36 x 12 = 458 months, 4 exits; 36 in care on the snapshot, no arrivals. Expected in
    // care after k months: 36 (1 - 4/458)^k.
    std::vector<care_history> hs;
    for (unsigned i = 1; i <= 40; ++i) hs.push_back(fostered(i, ymd(2008, 6, 1), ymd(2019, 1, 1)));
    add(hs[0], left_care{ymd(2020, 5, 15), exit_route::return_home});
    add(hs[1], left_care{ymd(2020, 8, 15), exit_route::return_home});
    add(hs[2], left_care{ymd(2020, 11, 15), exit_route::adoption});
    add(hs[3], left_care{ymd(2021, 2, 15), exit_route::return_home});
    const auto f = markov_forecast(hs, snapshot, 2, {.replicates = 400, .seed = 7, .fit_years = 1},
                                   {.bootstrap = false});
    CHECK(f.method == "markov");
    CHECK(f.from == snapshot);
    REQUIRE(f.points.size() == 2);
    CHECK(f.points[0].on == ymd(2022, 3, 31));
    CHECK(f.points[1].on == ymd(2023, 3, 31));
    const double stay = 1 - 4.0 / 458;
    // Monte Carlo: one replicate's count is binomial (sd about 1.8 at a year), so the mean of
    // 1000 has an sd near 0.06; 0.3 is five of them.
    CHECK(f.points[0].mean.total == Approx(36 * std::pow(stay, 12)).margin(0.4));
    CHECK(f.points[1].mean.total == Approx(36 * std::pow(stay, 24)).margin(0.4));
    CHECK(f.points[0].mean.of(forecast_placement::foster) == f.points[0].mean.total);
    CHECK(f.points[0].mean.of(age_band::age_10_15) == f.points[0].mean.total);
    // Binomial(36, 0.90): 95% of replicates between 29 and 35.
    CHECK(f.points[0].low.total >= 28);
    CHECK(f.points[0].low.total <= 31);
    CHECK(f.points[0].high.total >= 34);
    CHECK(f.points[0].high.total <= 36);
    CHECK(f.points[0].replicates.size() == 400);
    SECTION("refitting on resampled children widens the interval") {
        const auto boot = markov_forecast(hs, snapshot, 2,
                                          {.replicates = 400, .seed = 7, .fit_years = 1});
        CHECK(boot.points[1].high.total - boot.points[1].low.total
              > f.points[1].high.total - f.points[1].low.total);
        CHECK(boot.points[1].mean.total == Approx(36 * std::pow(stay, 24)).margin(1.0));
    }
}

TEST_CASE("markov: arrivals come at the observed rate; children leave at 18", "[sim][markov]") {
    // 12 children arrive, one on the 10th of each month from April 2020 to March 2021, fostered
    // under s20 and aged 5 or 6; none leaves. One 17-year-old in a children's home turns 18 on
    // 1 October 2021. Expected after a year: 12 + 12 arrivals (a month's arrivals are Poisson
    // with mean 1), after two: 12 + 24; the 17-year-old is gone in every replicate.
    std::vector<care_history> hs;
    for (unsigned i = 0; i < 12; ++i)
        hs.push_back(fostered(i + 1, ymd(2015, 1, 1), add_months(ymd(2020, 4, 10), static_cast<int>(i)),
                              ls::accommodated_s20));
    hs.push_back(child_born(50, ymd(2003, 10, 1)));
    add(hs.back(), entered_care{ymd(2019, 1, 1), ls::accommodated_s20,
                                placement::with_provider(t::K2, provider_id{1})});
    const auto f = markov_forecast(hs, snapshot, 2, {.replicates = 400, .seed = 11, .fit_years = 1},
                                   {.bootstrap = false});
    // Poisson(12) has sd 3.5: the mean of 400 has sd 0.17.
    CHECK(f.points[0].mean.total == Approx(24).margin(0.7));
    CHECK(f.points[1].mean.total == Approx(36).margin(0.9));
    CHECK(f.points[0].mean.of(forecast_legal::s20) == f.points[0].mean.total);
    CHECK(f.points[0].high.of(forecast_placement::childrens_home) == 0);
    CHECK(f.points[0].high.of(age_band::age_16_17) == 0);
    // Everyone is 5 to 8: the arrivals came at 5 or 6 and keep their age at arrival.
    CHECK(f.points[1].mean.of(age_band::age_5_9) == f.points[1].mean.total);
    CHECK(f.notes.size() >= 3);
}

TEST_CASE("markov: the same seed gives the same forecast, another seed another",
          "[sim][markov]") {
    const auto hs = fit_population();
    const auto a = markov_forecast(hs, snapshot, 1, {.replicates = 20, .seed = 1, .fit_years = 1});
    const auto b = markov_forecast(hs, snapshot, 1, {.replicates = 20, .seed = 1, .fit_years = 1});
    const auto c = markov_forecast(hs, snapshot, 1, {.replicates = 20, .seed = 2, .fit_years = 1});
    CHECK(a.points[0].mean.total == b.points[0].mean.total);
    CHECK(a.points[0].mean.by_age == b.points[0].mean.by_age);
    bool differs = false;
    for (std::size_t r = 0; r < 20; ++r)
        differs = differs || a.points[0].replicates[r].total != c.points[0].replicates[r].total;
    CHECK(differs);
    CHECK_THROWS_AS(markov_forecast(hs, snapshot, 0, {}), std::invalid_argument);
    CHECK_THROWS_AS(observe_markov(hs, snapshot, 1, snapshot), std::invalid_argument);
}
