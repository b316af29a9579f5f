#include "carepath/report/simulation.hpp"

#include "support/hand_runs.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <numeric>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

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

namespace {
const section* find_section(const document& doc, const std::string& id) {
    for (const auto& s : doc.sections)
        if (s.id == id)
            return &s;
    return nullptr;
}
sim::comparison small_comparison(std::uint32_t replicates) {
    auto cfg = small_run();
    cfg.replicates = replicates;
    sim::scenario s;
    s.name = "kinship support";
    s.kinship_support = true;
    return sim::compare(cfg, s);
}
} // namespace

TEST_CASE("comparison_document: every chart and table says which run it shows",
          "[report][simulation]") {
    const auto c = small_comparison(2);
    const auto doc = comparison_document(c);
    const std::vector<std::string> labels{
        run_label(shown_run::baseline, "baseline", "kinship support"),
        run_label(shown_run::scenario, "baseline", "kinship support"),
        run_label(shown_run::difference, "baseline", "kinship support"),
        run_label(shown_run::both, "baseline", "kinship support"),
        run_label(shown_run::inputs, "baseline", "kinship support")};
    auto labelled = [&](const std::string& text) {
        return std::ranges::any_of(labels, [&](const auto& l) { return text.find(l) == 0; });
    };
    for (const auto& s : doc.sections) {
        CAPTURE(s.id);
        CHECK(labelled(s.title));
        for (const auto& chart : s.charts) {
            CHECK(chart.find("<figure class=\"run\" data-run=\"") == 0);
            CHECK(chart.find("<figcaption class=\"run-label\">") != std::string::npos);
        }
        for (const auto& t : s.tables)
            CHECK(labelled(t.caption));
    }
    SECTION("the sections the issue asks for are there, with the right runs") {
        REQUIRE(find_section(doc, "difference"));
        CHECK(find_section(doc, "difference")
                  ->title.find("Difference: kinship support minus "
                               "baseline")
              == 0);
        REQUIRE(find_section(doc, "assumptions"));
        REQUIRE(find_section(doc, "reproduction"));
        CHECK(find_section(doc, "reproduction")->title.find("Baseline run") == 0);
        REQUIRE(find_section(doc, "baseline-figures"));
        REQUIRE(find_section(doc, "side-by-side"));
        CHECK(find_section(doc, "side-by-side")->title.find("Baseline and scenario") == 0);
        REQUIRE(find_section(doc, "in-care"));
        CHECK(find_section(doc, "in-care")->title.find("Scenario run: kinship support") == 0);
    }
    SECTION("the difference says both runs start from one stock on the stock date") {
        const auto* s = find_section(doc, "difference");
        REQUIRE(s);
        CHECK(s->text.find("Both runs start from the same children in the same placements on "
                           "the stock date, 31/03/2019, and the scenario applies from the next "
                           "day")
              != std::string::npos);
    }
    SECTION("the continuity section defines both figures") {
        const auto* s = find_section(doc, "continuity");
        REQUIRE(s);
        CHECK(s->text.find("Continuity index:") != std::string::npos);
        CHECK(s->text.find("Share of ties kept:") != std::string::npos);
    }
}

TEST_CASE("comparison_document: the paired difference is the mean of per-replicate "
          "differences",
          "[report][simulation]") {
    const auto c = small_comparison(3);
    const auto paired = sim::paired_estimates(c);
    const auto k = static_cast<std::size_t>(sim::figure_key::cla_count);
    double sum = 0;
    for (std::size_t r = 0; r < 3; ++r)
        sum += *c.alternative.replicates[r].years.back().figs.values[k]
               - *c.baseline.replicates[r].years.back().figs.values[k];
    REQUIRE(paired[k].mean);
    CHECK(*paired[k].mean == Approx(sum / 3));
    CHECK(paired[k].count == 3);
    REQUIRE(paired[k].interval);
    const auto doc = comparison_document(c);
    const auto* s = find_section(doc, "difference");
    REQUIRE(s);
    REQUIRE(s->tables.size() == 1);
    const auto& row = s->tables[0].rows[k];
    CHECK(row[0] == "cla_count");
    CHECK(row[4] == format_number(*paired[k].mean, 2));
    CHECK(row[5]
          == format_number(paired[k].interval->low, 2) + " to "
                 + format_number(paired[k].interval->high, 2));
    SECTION("a scenario identical to the baseline differs by exactly 0 in every replicate") {
        // Common random numbers: the same seed and replicate give the same run.
        const auto same = sim::compare(small_run(), sim::scenario{});
        for (const auto& e : sim::paired_estimates(same))
            if (e.mean) {
                CHECK(*e.mean == 0.0);
                REQUIRE(e.interval);
                CHECK(e.interval->half_width() == 0.0);
            }
    }
}

TEST_CASE("comparison_document: one replicate gives no interval, and says so",
          "[report][simulation]") {
    const auto c = small_comparison(1);
    const auto doc = comparison_document(c);
    const auto* s = find_section(doc, "difference");
    REQUIRE(s);
    CHECK(s->text.find("one replicate: there is no interval") != std::string::npos);
    for (const auto& row : s->tables[0].rows)
        if (row[4] != "-")
            CHECK(row[5] == "none: 1 replicate");
    CHECK(s->charts[0].find("class=\"whisker\"") == std::string::npos);
    CHECK(find_section(doc, "side-by-side") == nullptr); // no intervals to set side by side
    const auto figs = figures_table(c.baseline);
    for (const auto& row : figs.rows)
        if (row[2] != "-")
            CHECK(row[3] == "none: 1 replicate");
}

TEST_CASE("add_comparison: a figure measured in one replicate of several has no whisker",
          "[report][simulation]") {
    // two replicates, but the scenario measured the first share in only one of them
    auto c = small_comparison(2);
    std::size_t first = sim::figure_count;
    for (std::size_t i = 0; i < sim::figure_count && first == sim::figure_count; ++i)
        if (sim::is_share(enum_table<sim::figure_key>::rows[i].value)
            && c.baseline.estimates[i].mean && c.alternative.estimates[i].mean)
            first = i;
    REQUIRE(first < sim::figure_count);
    auto& e = c.alternative.estimates[first];
    e.values.resize(1);
    e.replicates = 1;
    e.mean = e.values[0];
    e.low.reset();
    e.high.reset();
    const std::string name{to_string(enum_table<sim::figure_key>::rows[first].value)};
    auto d = summarise_run(c.alternative);
    add_comparison(d, c);
    REQUIRE(!d.comparison.empty());
    CHECK(d.comparison[0].label == name);
    std::ostringstream os;
    write_report(os, d);
    const auto html = os.str();
    const auto at = html.find("chart-interval");
    REQUIRE(at != std::string::npos);
    const auto svg = html.substr(at, html.find("</svg>", at) - at);
    // every estimate has its mark; all but the one-replicate figure have a whisker
    CHECK(count(svg, "class=\"mark\"") == 2 * d.comparison.size());
    CHECK(count(svg, "class=\"whisker\"") == 2 * d.comparison.size() - 1);
    CHECK(svg.find(name + ", kinship support: ") != std::string::npos);
    CHECK(svg.find("(no interval (n = 1))</title>") != std::string::npos);
    // the table beside the chart says so too, and the section's text explains the missing bar
    const auto section = html.substr(html.find("<section id=\"scenario\">"));
    CHECK(section.find("<td>no interval (n = 1)</td>") != std::string::npos);
    CHECK(section.find("A measure with no bar was measured in one replicate only")
          != std::string::npos);
}

TEST_CASE("run_document: a single run's report has the model's sections", "[report][simulation]") {
    const auto run = sim::simulate(small_run());
    const auto doc = run_document(run);
    REQUIRE(find_section(doc, "assumptions"));
    const auto* rep = find_section(doc, "reproduction");
    REQUIRE(rep);
    REQUIRE(rep->tables.size() == 2);
    // the two tables hold the rows of sim::validation_rows, split by role
    const auto rows = sim::validation_rows(sim::compared_figures(), run);
    const auto targets =
        std::ranges::count(rows, sim::figure_role::target, &sim::validation_row::role);
    CHECK(rep->tables[0].caption == target_table_caption);
    CHECK(rep->tables[1].caption == validation_table_caption);
    CHECK(rep->tables[0].rows.size() == static_cast<std::size_t>(targets));
    CHECK(rep->tables[1].rows.size() == rows.size() - static_cast<std::size_t>(targets));
    // a 2-year run cannot give the history figures (measured 3 years in): they say so, and
    // year figures show a number
    bool said_why = false, measured = false;
    for (const auto& row : rep->tables[1].rows) {
        said_why = said_why || row[6].find("not computed: the run is too short") == 0;
        measured = measured || row[0] == "placements_one_share_2020";
        if (row[0] == "placements_one_share_2020")
            CHECK(row[6].find("not computed") == std::string::npos);
    }
    CHECK(said_why);
    CHECK(measured);
    std::ostringstream os;
    write_html(os, doc);
    CHECK(os.str().find("<h2>What this model assumes</h2>") != std::string::npos);
    CHECK(os.str().find("<h2>How well it reproduces published figures</h2>") != std::string::npos);
}

TEST_CASE("run_document: continuity and survival come from whole authorities' children, and "
          "say which; the first children of each authority are not used",
          "[report][simulation]") {
    auto cfg = small_run();
    cfg.replicates = 1;
    SECTION("whole authorities: each part names its sample, not scaled to England") {
        const auto run = sim::simulate(cfg);
        REQUIRE(run.history_authorities > 0);
        const auto doc = run_document(run);
        const std::string said = "From the histories kept: every child of "
                                 + std::to_string(run.history_authorities) + " authorities of "
                                 + "replicate 1 (" + std::to_string(run.history_children);
        for (const auto* id : {"continuity", "survival"}) {
            const auto* s = find_section(doc, id);
            REQUIRE(s);
            CHECK(!s->tables.empty());
            CHECK(s->text.find(said) != std::string::npos);
            CHECK(s->text.find("not scaled to England") != std::string::npos);
        }
    }
    SECTION("fewer histories than one authority's children: not computed, and why") {
        // 10 histories keep the first child of each of the 152 authorities: children of the
        // stock drawn at the start of the burn-in. Before, their few re-entries made the
        // survival curve and their moves the continuity table.
        cfg.keep_histories = 10;
        const auto run = sim::simulate(cfg);
        REQUIRE(run.history_authorities == 0);
        REQUIRE(!run.histories.empty());
        REQUIRE(run.histories.size() < run.first_replicate_children);
        const auto doc = run_document(run);
        for (const auto* id : {"continuity", "survival"}) {
            const auto* s = find_section(doc, id);
            REQUIRE(s);
            CHECK(s->tables.empty());
            CHECK(s->charts.empty());
            CHECK(s->text.find("Not computed: the run kept "
                               + std::to_string(run.histories.size())
                               + " histories, the first children made in each authority")
                  != std::string::npos);
        }
    }
}

using carepath::testing::hand_run;

// s15 audit 8: the table set each run's mean over the replicates that measured a figure beside
// the difference over the pairs where both did: 23.33 and 27.50 beside a difference of 2.50.
TEST_CASE("difference_section: the runs' columns are over the pairs the difference uses",
          "[report][simulation]") {
    sim::comparison c;
    c.baseline = hand_run("baseline", {10.0, 20.0, 40.0});
    c.alternative = hand_run("support", {12.0, std::nullopt, 43.0}); // not in replicate 2
    const auto s = difference_section(c);
    REQUIRE(s.tables.size() == 1);
    const auto k = static_cast<std::size_t>(sim::figure_key::foster_share);
    const auto& row = s.tables[0].rows[k];
    CHECK(row[0] == "foster_share");
    CHECK(row[2] == "25.00"); // replicates 1 and 3 of the baseline
    CHECK(row[3] == "27.50");
    CHECK(row[4] == "2.50");
    CHECK(row[6] == "2");
    CHECK(s.text.find("the difference is the one column minus the other") != std::string::npos);
    CHECK(s.text.find("Not every replicate measured foster_share in both runs")
          != std::string::npos);
    SECTION("measured in every replicate: the runs' own means, and no note") {
        c.alternative = hand_run("support", {12.0, 21.0, 43.0});
        const auto all = difference_section(c);
        CHECK(all.tables[0].rows[k][2] == format_number(*c.baseline.estimates[k].mean, 2));
        CHECK(all.tables[0].rows[k][3] == format_number(*c.alternative.estimates[k].mean, 2));
        CHECK(all.text.find("Not every replicate") == std::string::npos);
    }
}
