#include "carepath/report/forecast.hpp"

#include <catch2/catch.hpp>

#include <sstream>
#include <string>

using namespace carepath;
using namespace carepath::report;

namespace {
// A count of `total` children, all in one placement group, legal group and age band.
sim::stock_count count(int year, double total) {
    sim::stock_count c;
    c.on = sim::census_day(year);
    c.total = total;
    c.by_placement[static_cast<std::size_t>(sim::forecast_placement::foster)] = total;
    c.by_legal[static_cast<std::size_t>(sim::forecast_legal::care_order)] = total;
    c.by_age[static_cast<std::size_t>(sim::age_band::age_10_15)] = total;
    return c;
}

sim::forecast forecast(std::string method, double first, double step) {
    sim::forecast f;
    f.method = std::move(method);
    f.from = sim::census_day(2022);
    f.years_used = {2020, 2021, 2022};
    for (int k = 1; k <= 2; ++k)
        f.points.push_back({.on = sim::census_day(2022 + k),
                            .mean = count(2022 + k, first + step * (k - 1)),
                            .low = count(2022 + k, first + step * (k - 1) - 10),
                            .high = count(2022 + k, first + step * (k - 1) + 10),
                            .replicates = {}});
    f.notes = {"fitted on <three> years."};
    return f;
}

forecast_report_data sample() {
    forecast_report_data d;
    d.subtitle = "From the returns in council/";
    d.observed = {count(2021, 120), count(2022, 110)};
    d.forecasts = {forecast("microsimulation", 100, -5), forecast("markov", 104, -8)};
    return d;
}

const section* find(const document& doc, std::string_view id) {
    for (const auto& s : doc.sections)
        if (s.id == id) return &s;
    return nullptr;
}
} // namespace

TEST_CASE("forecast report: returns, then each method's mean and interval by year",
          "[report][forecast]") {
    const auto doc = forecast_document(sample());
    const auto* total = find(doc, "total");
    REQUIRE(total);
    const auto& t = total->tables.at(0);
    REQUIRE(t.columns == std::vector<std::string>{"31 March of", "returns", "microsimulation",
                                                  "markov"});
    REQUIRE(t.rows.size() == 4); // two past years, two forecast years
    CHECK(t.rows[1] == std::vector<std::string>{"2022", "110", "-", "-"});
    CHECK(t.rows[2] == std::vector<std::string>{"2023", "-", "100 [90-110]", "104 [94-114]"});
    CHECK(t.rows[3] == std::vector<std::string>{"2024", "-", "95 [85-105]", "96 [86-106]"});
    REQUIRE(total->charts.size() == 1);
    CHECK(total->charts[0].find("<svg") == 0);
    CHECK(total->charts[0].find("markov 97.5%") != std::string::npos);
    // no costs, no back-test: no such sections
    CHECK_FALSE(find(doc, "costs"));
    CHECK_FALSE(find(doc, "backtest"));
    REQUIRE(find(doc, "notes-markov"));
    CHECK(find(doc, "notes-markov")->text == "fitted on <three> years.");
}

TEST_CASE("forecast report: a row per group, with the snapshot counted from the returns",
          "[report][forecast]") {
    const auto doc = forecast_document(sample());
    const auto* groups = find(doc, "groups");
    REQUIRE(groups);
    REQUIRE(groups->tables.size() == 3);
    const auto& placement = groups->tables[0];
    CHECK(placement.rows.size() == sim::forecast_placement_count);
    CHECK(placement.columns.size() == 2 + 2 * 2); // group, snapshot, 2 methods x 2 years
    const auto foster = static_cast<std::size_t>(sim::forecast_placement::foster);
    CHECK(placement.rows[foster][0] == describe(sim::forecast_placement::foster));
    CHECK(placement.rows[foster][1] == "110");
    CHECK(placement.rows[foster][2] == "100 [90-110]");
    const auto home = static_cast<std::size_t>(sim::forecast_placement::childrens_home);
    CHECK(placement.rows[home][2] == "0 [0-0]");
    CHECK(groups->tables[2].rows.size() == sim::forecast_age_count);
}

TEST_CASE("forecast report: costs and back-test sections when given, labelled as validation",
          "[report][forecast]") {
    auto d = sample();
    sim::cost_forecast c;
    c.method = "markov";
    c.points.push_back({.on = sim::census_day(2023), .mean = 1.5e6, .low = 1.2e6, .high = 1.8e6,
                        .mean_by_placement = {}, .children_left_out = 2.5});
    c.notes = {"Foster care: 820 a week (2021 prices)."};
    d.costs = {c};
    sim::backtest_summary b;
    b.method = "markov";
    b.horizon = 1;
    b.kind = sim::count_kind::total;
    b.rows = 4;
    b.mean_absolute_percentage_error = 20.25;
    b.mean_error = 42.4;
    b.coverage = 0.25;
    b.percentage_rows = 3;
    b.coverage_rows = 4;
    d.backtest = {b};
    const auto doc = forecast_document(d);
    const auto* costs = find(doc, "costs");
    REQUIRE(costs);
    CHECK(costs->tables.at(0).rows.at(0)
          == std::vector<std::string>{"markov", "2023", "1500000 [1200000-1800000]", "2.5"});
    CHECK(costs->text.find("820 a week") != std::string::npos);
    CHECK(costs->tables.at(0).caption
          == "Yearly cost, pounds a year: mean [2.5th-97.5th percentile of the replicates]");
    // costs of two price years without inflation: the caption says the totals are mixed
    d.costs[0].price_years = {2019, 2022};
    const auto mixed = forecast_document(d);
    CHECK(find(mixed, "costs")->tables.at(0).caption
          == "Yearly cost, pounds a year (mixed prices (2019 and 2022), not adjusted): mean "
             "[2.5th-97.5th percentile of the replicates]");
    const auto* back = find(doc, "backtest");
    REQUIRE(back);
    CHECK(back->text.find("never fitting targets") != std::string::npos);
    const auto& row = back->tables.at(0).rows.at(0);
    CHECK(row[0] == "markov");
    CHECK(row[3] == "4");
    CHECK(row[4] == "20.2"); // 20.25 to one decimal
    CHECK(row[6] == "25%");
    CHECK(row[7] == "3"); // the MAPE's n
    CHECK(row[8] == "4"); // the coverage's n
    CHECK(row[9] == "0"); // empty groups

    std::ostringstream os;
    write_forecast_report(os, d);
    const auto html = os.str();
    CHECK(html.rfind("<!DOCTYPE html>", 0) == 0);
    CHECK(html.find("fitted on &lt;three&gt; years.") != std::string::npos);
    CHECK(html.find("<section id=\"backtest\">") != std::string::npos);
}

TEST_CASE("forecast report: refuses a report with no forecast", "[report][forecast]") {
    forecast_report_data d;
    CHECK_THROWS_AS(forecast_document(d), std::invalid_argument);
}

TEST_CASE("forecast report: a scenario's forecast is a third column with an id fit for HTML",
          "[report][forecast]") {
    auto d = sample();
    d.forecasts.push_back(forecast("microsimulation:siblings together", 90, -1));
    const auto doc = forecast_document(d);
    CHECK(find(doc, "total")->tables.at(0).columns.back() == "microsimulation:siblings together");
    CHECK(find(doc, "total")->tables.at(0).rows.at(2).back() == "90 [80-100]");
    REQUIRE(find(doc, "notes-microsimulation-siblings-together"));
    CHECK(find(doc, "notes-microsimulation-siblings-together")->title
          == "How the microsimulation:siblings together forecast was made");
}

TEST_CASE("forecast report: children 18 or over in the returns are a column of their own",
          "[report][forecast]") {
    auto d = sample();
    d.observed.back().aged_18_or_over = 7;
    const auto doc = forecast_document(d);
    const auto& t = find(doc, "total")->tables.at(0);
    REQUIRE(t.columns == std::vector<std::string>{"31 March of", "returns",
                                                  "returns, 18 or over (not forecast)",
                                                  "microsimulation", "markov"});
    CHECK(t.rows[0] == std::vector<std::string>{"2021", "120", "0", "-", "-"});
    CHECK(t.rows[1] == std::vector<std::string>{"2022", "110", "7", "-", "-"});
    CHECK(t.rows[2] == std::vector<std::string>{"2023", "-", "-", "100 [90-110]", "104 [94-114]"});
}

TEST_CASE("forecast report: a point of one replicate shows its mean and no spread",
          "[report][forecast]") {
    auto d = sample();
    for (auto& p : d.forecasts[1].points) p.has_spread = false;
    const auto doc = forecast_document(d);
    const auto& t = find(doc, "total")->tables.at(0);
    CHECK(t.rows[2] == std::vector<std::string>{"2023", "-", "100 [90-110]", "104"});
    const auto* total = find(doc, "total");
    CHECK(total->charts[0].find("markov 97.5%") == std::string::npos);
    CHECK(total->charts[0].find("microsimulation 97.5%") != std::string::npos);
    const auto foster = static_cast<std::size_t>(sim::forecast_placement::foster);
    CHECK(find(doc, "groups")->tables[0].rows[foster][4] == "104");
}
