#include "carepath/report/simulation.hpp"

#include <catch2/catch.hpp>

#include <numeric>
#include <sstream>

using namespace carepath;
using namespace carepath::report;

namespace {
sim::sim_config small_run() {
    sim::sim_config cfg;
    cfg.years = 2;
    cfg.scale = 0.01;
    cfg.replicates = 2;
    cfg.threads = 1;
    cfg.keep_histories = 300;
    return cfg;
}
std::size_t count(const std::string& s, const std::string& what) {
    std::size_t n = 0;
    for (auto p = s.find(what); p != std::string::npos; p = s.find(what, p + what.size()))
        ++n;
    return n;
}
} // namespace

TEST_CASE("summarise_run: the report's series are the run's, year by year",
          "[report][simulation]") {
    const auto run = sim::simulate(small_run());
    const auto d = summarise_run(run);
    REQUIRE(run.mean.years.size() == 2);
    REQUIRE(d.stock_dates.size() == 2);
    CHECK(d.stock_dates[0] == format_iso(run.mean.years[0].snapshot));
    CHECK(d.stock_by_placement.size() == sim::home_count);
    for (std::size_t y = 0; y < 2; ++y) {
        const auto& ys = run.mean.years[y];
        double stock = 0, exits = 0;
        for (const auto& s : d.stock_by_placement)
            stock += s.values[y];
        for (const auto& s : d.exits_by_route)
            exits += s.values[y];
        CHECK(stock
              == Approx(std::accumulate(ys.stock_by_home.begin(), ys.stock_by_home.end(), 0.0)));
        CHECK(exits
              == Approx(std::accumulate(ys.exits_by_route.begin(), ys.exits_by_route.end(), 0.0)));
        CHECK(d.entries_by_status[0].values[y] == ys.entries);
    }
    CHECK(d.moves_per_child.size() == 4);
    REQUIRE(d.extra_tables.size() == 1);
    CHECK(d.extra_tables[0].rows.size() == sim::figure_count);
}

TEST_CASE("add_comparison: each share measured in both runs, with its interval",
          "[report][simulation]") {
    sim::scenario s;
    s.name = "kinship support";
    s.kinship_support = true;
    const auto c = sim::compare(small_run(), s);
    auto d = summarise_run(c.alternative);
    add_comparison(d, c);
    CHECK(d.scenario_name == "kinship support");
    REQUIRE(!d.comparison.empty());
    for (const auto& row : d.comparison) {
        CHECK(row.baseline.lower <= row.baseline.estimate);
        CHECK(row.baseline.estimate <= row.baseline.upper);
        CHECK(row.scenario.lower <= row.scenario.estimate);
        CHECK(row.scenario.estimate <= row.scenario.upper);
    }
    std::ostringstream os;
    write_report(os, d);
    const auto html = os.str();
    CHECK(html.find("<section id=\"scenario\">") != std::string::npos);
    const auto at = html.find("chart-interval");
    REQUIRE(at != std::string::npos);
    const auto svg = html.substr(at, html.find("</svg>", at) - at);
    CHECK(count(svg, "class=\"mark\"") == 2 * d.comparison.size());
}
