#include "carepath/sim/sweep.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <limits>
#include <optional>
#include <set>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

using namespace carepath::sim;

namespace {
sweep_spec grid_spec() {
    sweep_spec s;
    s.seed = 3;
    s.replicates = 3;
    s.figures = {figure_key::cla_count, figure_key::siblings_apart_share};
    scenario a;
    a.name = "a";
    scenario b;
    b.name = "b, quoted \"too\"";
    b.kinship_support = true;
    s.scenarios = {a, b};
    s.parameters.push_back({.key = "sw_turnover_factor",
                            .values = {},
                            .low = 0.5,
                            .high = 1.5,
                            .steps = 3,
                            .line = 0});
    s.parameters.push_back({.key = "siblings",
                            .values = {"current_practice", "together_unless_reason"},
                            .low = 0,
                            .high = 0,
                            .steps = 0,
                            .line = 0});
    return s;
}

// A stand-in for the simulation: figures that depend only on the unit's seed and the point's
// policy, as the real runs do, but take no time.
sweep_unit_values fake_unit(const sweep_spec& spec, const sweep_point& p, std::uint32_t rep) {
    const auto seed = sweep_unit_seed(spec.seed, p.index, rep);
    const double noise = static_cast<double>(seed % 1000) / 100.0;
    sweep_unit_values v;
    for (std::size_t f = 0; f < spec.figures.size(); ++f) {
        v.baseline.push_back(100.0 + noise + static_cast<double>(f));
        // the second figure is missing in replicate 1, as a short run's figures can be
        v.scenario.push_back(f == 1 && rep == 1
                                 ? std::nullopt
                                 : std::optional{100.0 + noise + 10 * p.policy.sw_turnover_factor});
    }
    return v;
}

std::string run_to_text(const sweep_spec& spec, unsigned threads, std::size_t first = 0,
                        std::string already = {}) {
    const auto points = expand_sweep(spec).value();
    std::ostringstream out;
    out << already;
    if (already.empty())
        write_sweep_header(out, spec);
    const auto outcome = run_sweep(spec, points, first, threads, out, fake_unit);
    REQUIRE_FALSE(outcome.failure);
    return out.str();
}
} // namespace

TEST_CASE("sweep: a grid is every combination, scenarios outermost, last key fastest",
          "[sim][sweep]") {
    const auto points = expand_sweep(grid_spec());
    REQUIRE(points.ok());
    REQUIRE(points->size() == 12);
    CHECK((*points)[0].values == std::vector<std::string>{"0.5", "current_practice"});
    CHECK((*points)[1].values == std::vector<std::string>{"0.5", "together_unless_reason"});
    CHECK((*points)[2].values == std::vector<std::string>{"1", "current_practice"});
    CHECK((*points)[5].values == std::vector<std::string>{"1.5", "together_unless_reason"});
    CHECK((*points)[5].policy.sw_turnover_factor == 1.5);
    CHECK((*points)[5].policy.siblings == sibling_policy::together_unless_reason);
    CHECK((*points)[5].policy.name == "a");
    CHECK((*points)[6].policy.name == "b, quoted \"too\"");
    CHECK((*points)[6].policy.kinship_support);
    for (std::size_t i = 0; i < points->size(); ++i)
        CHECK((*points)[i].index == i);
}

TEST_CASE("sweep: a Latin hypercube puts one point in each stratum of every key", "[sim][sweep]") {
    auto s = grid_spec();
    s.design = sweep_design::latin_hypercube;
    s.samples = 8;
    s.parameters[0].steps = 0;
    s.parameters[0].low = 0;
    s.parameters[0].high = 2;
    s.scenarios.resize(1);
    const auto points = expand_sweep(s).value();
    REQUIRE(points.size() == 8);
    std::set<int> strata;
    int together = 0;
    for (const auto& p : points) {
        const double v = p.policy.sw_turnover_factor;
        REQUIRE(v > 0);
        REQUIRE(v < 2);
        strata.insert(static_cast<int>(v / 0.25));
        together += p.policy.siblings == sibling_policy::together_unless_reason;
    }
    CHECK(strata.size() == 8); // each quarter-wide stratum exactly once
    CHECK(together == 4);      // a two-value list: half the strata each
    // the same seed gives the same points; another seed others
    const auto again = expand_sweep(s).value();
    for (std::size_t i = 0; i < points.size(); ++i)
        CHECK(again[i].values == points[i].values);
    s.seed = 4;
    const auto other = expand_sweep(s).value();
    CHECK(other[0].values != points[0].values);
}

TEST_CASE("sweep: each unit's seed depends on the sweep seed, point and replicate only",
          "[sim][sweep]") {
    std::set<std::uint64_t> seeds;
    for (std::size_t p = 0; p < 50; ++p)
        for (std::uint32_t r = 0; r < 20; ++r)
            seeds.insert(sweep_unit_seed(7, p, r));
    CHECK(seeds.size() == 1000);
    CHECK(sweep_unit_seed(7, 3, 2) == sweep_unit_seed(7, 3, 2));
    CHECK(sweep_unit_seed(7, 3, 2) != sweep_unit_seed(8, 3, 2));
    const auto cfg = sweep_unit_config(grid_spec(), 4, 1);
    CHECK(cfg.seed == sweep_unit_seed(3, 4, 1));
    CHECK(cfg.replicates == 1);
    CHECK(cfg.threads == 1);
}

TEST_CASE("sweep: a NaN figure stops the point's summary, naming the figure",
          "[sim][sweep]") {
    sweep_spec s;
    s.figures = {figure_key::cla_count, figure_key::exits};
    sweep_point p{.index = 4, .policy = {}, .values = {}};
    const double nan = std::numeric_limits<double>::quiet_NaN();
    const std::vector<sweep_unit_values> units{{{10.0, 1.0}, {12.0, 2.0}},
                                               {{20.0, 2.0}, {23.0, nan}}};
    try {
        (void)summarise_point(s, p, units);
        FAIL("a NaN figure was summarised");
    } catch (const std::invalid_argument& e) {
        CHECK(std::string{e.what()}.starts_with(
            "sweep point 4, figure exits under the scenario: 1 of 2 values is not finite"));
    }
}

TEST_CASE("sweep: a point's mean, t interval and paired difference", "[sim][sweep]") {
    sweep_spec s;
    s.figures = {figure_key::cla_count, figure_key::exits};
    sweep_point p{.index = 0, .policy = {}, .values = {}};
    std::vector<sweep_unit_values> units{{{10.0, 1.0}, {12.0, std::nullopt}},
                                         {{20.0, 2.0}, {23.0, 5.0}},
                                         {{30.0, 3.0}, {34.0, std::nullopt}}};
    const auto r = summarise_point(s, p, units);
    CHECK(r.replicates == 3);
    CHECK(*r.mean[0].mean == Approx(23.0));
    REQUIRE(r.mean[0].interval);
    // sd of 12, 23, 34 is 11; t(0.975, 2) = 4.303
    CHECK(r.mean[0].interval->high - 23.0 == Approx(4.3027 * 11 / std::sqrt(3.0)).epsilon(1e-4));
    CHECK(*r.difference[0].mean == Approx(3.0)); // differences 2, 3, 4
    CHECK(r.difference[0].interval->high - 3.0 == Approx(4.3027 / std::sqrt(3.0)).epsilon(1e-4));
    // one replicate measured exits: a mean but no interval
    CHECK(*r.mean[1].mean == 5.0);
    CHECK_FALSE(r.mean[1].interval);
    CHECK(*r.difference[1].mean == 3.0);
    CHECK_FALSE(r.difference[1].interval);
    // each figure's own n: all three replicates for cla_count, one for exits
    CHECK(r.mean[0].count == 3);
    CHECK(r.difference[0].count == 3);
    CHECK(r.mean[1].count == 1);
    CHECK(r.difference[1].count == 1);
    std::ostringstream os;
    write_sweep_row(os, r);
    CHECK(os.str().find(",5,,,1,3,,,1\n") != std::string::npos); // absent cells stay empty
}

namespace {
// The cells of one unquoted CSV line.
std::vector<std::string> cells_of(const std::string& line) {
    std::vector<std::string> out(1);
    for (const char c : line) {
        if (c == ',')
            out.emplace_back();
        else if (c != '\n')
            out.back() += c;
    }
    return out;
}
} // namespace

TEST_CASE("sweep: a figure missing in some replicates has its own n, and its interval is the "
          "present values' only",
          "[sim][sweep]") {
    sweep_spec s;
    s.replicates = 5;
    s.figures = {figure_key::cla_count, figure_key::exits, figure_key::entries};
    scenario policy;
    policy.name = "s";
    const sweep_point p{.index = 7, .policy = policy, .baseline = {}, .values = {}};
    const std::optional<double> none;
    // {baseline, scenario}, one value per figure; cla_count is missing from the scenario in
    // replicates 1 and 4 and from the baseline in replicate 2; exits is measured under the
    // scenario in replicate 2 only; entries never under the scenario
    const std::vector<sweep_unit_values> units{{{9.0, 1.0, 4.0}, {10.0, none, none}},
                                               {{10.0, 1.0, 4.0}, {none, none, none}},
                                               {{none, 1.0, 4.0}, {14.0, 3.0, none}},
                                               {{11.0, 1.0, 4.0}, {13.0, none, none}},
                                               {{11.0, 1.0, 4.0}, {none, none, none}}};
    const auto r = summarise_point(s, p, units);
    CHECK(r.replicates == 5);

    // by hand: the scenario's cla_count is 10, 14, 13 (n = 3, t on 2 df from tables)
    const double m = (10.0 + 14.0 + 13.0) / 3.0;
    const double var = ((10 - m) * (10 - m) + (14 - m) * (14 - m) + (13 - m) * (13 - m)) / 2.0;
    const double half = 4.302652729911275 * std::sqrt(var / 3.0);
    // the pairs measured by both runs are replicates 0 and 3: differences 1 and 2 (n = 2)
    const double d_half = 12.706204736174707 * std::sqrt(0.5 / 2.0);
    REQUIRE(r.mean[0].interval);
    CHECK(r.mean[0].count == 3);
    CHECK(*r.mean[0].mean == Approx(m).epsilon(1e-12));
    CHECK(r.mean[0].interval->low == Approx(m - half).epsilon(1e-9));
    CHECK(r.mean[0].interval->high == Approx(m + half).epsilon(1e-9));
    // what counting every replicate (n = 5, t on 4 df) would have claimed: a narrower interval
    CHECK(r.mean[0].interval->half_width() > 2.7764451 * std::sqrt(var / 5.0) * 1.5);
    REQUIRE(r.difference[0].interval);
    CHECK(r.difference[0].count == 2);
    CHECK(*r.difference[0].mean == Approx(1.5).epsilon(1e-12));
    CHECK(r.difference[0].interval->low == Approx(1.5 - d_half).epsilon(1e-9));
    CHECK(r.difference[0].interval->high == Approx(1.5 + d_half).epsilon(1e-9));

    // the table: the header's columns and the row's cells line up, one n per figure and per
    // difference, beside the interval it belongs to
    std::ostringstream text;
    write_sweep_header(text, s);
    write_sweep_row(text, r);
    std::istringstream lines{text.str()};
    std::string header_line, row_line, extra;
    REQUIRE(std::getline(lines, header_line));
    REQUIRE(std::getline(lines, row_line));
    CHECK_FALSE(std::getline(lines, extra));
    const auto names = cells_of(header_line);
    const auto cells = cells_of(row_line);
    CHECK(names == sweep_columns(s));
    REQUIRE(names.size() == 3 + 8 * 3);
    REQUIRE(cells.size() == names.size());
    CHECK(std::vector<std::string>(names.begin() + 3, names.begin() + 11)
          == std::vector<std::string>{"cla_count_mean", "cla_count_low", "cla_count_high",
                                      "cla_count_n", "cla_count_diff", "cla_count_diff_low",
                                      "cla_count_diff_high", "cla_count_diff_n"});
    auto cell = [&](const std::string& name) {
        const auto it = std::ranges::find(names, name);
        REQUIRE(it != names.end());
        return cells[static_cast<std::size_t>(it - names.begin())];
    };
    CHECK(cell("point") == "7");
    CHECK(cell("replicates") == "5");
    CHECK(cell("cla_count_n") == "3");
    CHECK(cell("cla_count_diff_n") == "2");
    // the n a reader finds beside the interval is the one it was computed on: the standard
    // error the cells imply, times sqrt(n), gives back the present values' sd
    const double n = std::stod(cell("cla_count_n"));
    const double se = (std::stod(cell("cla_count_high")) - std::stod(cell("cla_count_mean")))
                      / 4.302652729911275;
    CHECK(se * std::sqrt(n) == Approx(std::sqrt(var)).epsilon(1e-9));
    CHECK(std::stod(cell("cla_count_low")) == Approx(m - half).epsilon(1e-9));
    CHECK(std::stod(cell("cla_count_diff_low")) == Approx(1.5 - d_half).epsilon(1e-9));
    CHECK(std::stod(cell("cla_count_diff_high")) == Approx(1.5 + d_half).epsilon(1e-9));

    // n = 1: a mean (and a difference) but no interval
    CHECK(r.mean[1].count == 1);
    CHECK_FALSE(r.mean[1].interval);
    CHECK(cell("exits_mean") == "3");
    CHECK(cell("exits_low").empty());
    CHECK(cell("exits_high").empty());
    CHECK(cell("exits_n") == "1");
    CHECK(cell("exits_diff") == "2");
    CHECK(cell("exits_diff_low").empty());
    CHECK(cell("exits_diff_high").empty());
    CHECK(cell("exits_diff_n") == "1");

    // n = 0: nothing but the counts
    CHECK(r.mean[2].count == 0);
    CHECK_FALSE(r.mean[2].mean);
    CHECK_FALSE(r.difference[2].mean);
    for (const char* empty : {"entries_mean", "entries_low", "entries_high", "entries_diff",
                              "entries_diff_low", "entries_diff_high"})
        CHECK(cell(empty).empty());
    CHECK(cell("entries_n") == "0");
    CHECK(cell("entries_diff_n") == "0");
}

TEST_CASE("sweep: the table has the same bytes at 1, 2 and 4 threads", "[sim][sweep]") {
    const auto s = grid_spec();
    const auto one = run_to_text(s, 1);
    CHECK(std::count(one.begin(), one.end(), '\n') == 13);
    CHECK(one.starts_with("point,scenario,sw_turnover_factor,siblings,replicates,cla_count_mean,"));
    CHECK(one.find("\n6,\"b, quoted \"\"too\"\"\",0.5,current_practice,3,") != std::string::npos);
    // fake_unit leaves the second figure out of replicate 1: its n is 2 of the 3 replicates
    CHECK(one.find(",siblings_apart_share_high,siblings_apart_share_n,") != std::string::npos);
    const auto row0_at = one.find("\n0,") + 1;
    const auto row0 = cells_of(one.substr(row0_at, one.find('\n', row0_at) - row0_at));
    REQUIRE(row0.size() == 5 + 2 * 8);
    CHECK(row0[4] == "3");  // replicates
    CHECK(row0[8] == "3");  // cla_count_n
    CHECK(row0[12] == "3"); // cla_count_diff_n
    CHECK(row0[16] == "2"); // siblings_apart_share_n
    CHECK(row0[20] == "2"); // siblings_apart_share_diff_n
    CHECK(run_to_text(s, 2) == one);
    CHECK(run_to_text(s, 4) == one);
}

TEST_CASE("sweep: resuming after a cut-off table gives the same bytes", "[sim][sweep]") {
    const auto s = grid_spec();
    const auto points = expand_sweep(s).value();
    const auto full = run_to_text(s, 1);
    for (const std::size_t cut : {full.find('\n') + 1, full.size() / 2, full.size() - 3}) {
        const auto kept = check_sweep_resume(full.substr(0, cut), s, points, "t.csv");
        REQUIRE(kept.ok());
        CHECK(kept->bytes <= cut);
        CHECK(full.substr(0, kept->bytes).ends_with('\n'));
        CHECK(run_to_text(s, 2, kept->rows, full.substr(0, kept->bytes)) == full);
    }
    const auto whole = check_sweep_resume(full, s, points, "t.csv");
    CHECK(whole->rows == points.size());
    CHECK(whole->bytes == full.size());
    // a row that is not this point's ends what is kept
    auto edited = full;
    edited.replace(edited.find("\n3,a,1,"), 7, "\n3,a,2,");
    CHECK(check_sweep_resume(edited, s, points, "t.csv")->rows == 3);
    // a row without the n cells (the table as written before them) ends it too
    auto short_row = full;
    const auto row2 = short_row.find("\n2,a,") + 1;
    const auto row2_end = short_row.find('\n', row2);
    auto cut_cells = cells_of(short_row.substr(row2, row2_end - row2));
    REQUIRE(cut_cells.size() == 5 + 2 * 8);
    std::string old_layout;
    for (std::size_t i = 0; i < cut_cells.size(); ++i)
        if (i < 5 || (i - 5) % 4 != 3) // drop F_n and F_diff_n
            old_layout += (old_layout.empty() ? "" : ",") + cut_cells[i];
    short_row.replace(row2, row2_end - row2, old_layout);
    CHECK(check_sweep_resume(short_row, s, points, "t.csv")->rows == 2);
    // another sweep's table is refused, with the file and line
    auto other = s;
    other.figures.pop_back();
    const auto refused = check_sweep_resume(full, other, points, "t.csv");
    REQUIRE_FALSE(refused.ok());
    CHECK(refused.error().file == "t.csv");
    CHECK(refused.error().line == 1);
}

TEST_CASE("sweep: a failing unit names its point and keeps the rows before it", "[sim][sweep]") {
    const auto s = grid_spec();
    const auto points = expand_sweep(s).value();
    for (const unsigned threads : {1u, 3u}) {
        std::ostringstream out;
        const auto outcome =
            run_sweep(s, points, 0, threads, out,
                      [](const sweep_spec& sp, const sweep_point& p, std::uint32_t rep) {
                          if (p.index == 4 && rep == 2)
                              throw std::runtime_error{"out of memory"};
                          return fake_unit(sp, p, rep);
                      });
        REQUIRE(outcome.failure);
        CHECK(outcome.failure->point == 4);
        CHECK(outcome.failure->replicate == 2);
        CHECK(outcome.failure->message == "out of memory");
        CHECK(outcome.rows_written == 4);
        const auto text = out.str();
        CHECK(std::count(text.begin(), text.end(), '\n') == 4);
        CHECK(text.starts_with("0,a,0.5,current_practice,3,"));
    }
}

TEST_CASE("sweep: a point whose scenario is the baseline differs from it by exactly 0",
          "[sim][sweep]") {
    // common random numbers: the same seed and the same policies give the same run
    sweep_spec s;
    s.seed = 9;
    s.replicates = 2;
    s.scale = 0.001;
    s.authorities = 2;
    s.figures = {figure_key::cla_count, figure_key::entries};
    s.parameters.push_back({.key = "sw_turnover_factor",
                            .values = {"1", "3"},
                            .low = 0,
                            .high = 0,
                            .steps = 0,
                            .line = 0});
    const auto points = expand_sweep(s).value();
    const auto same = run_sweep_unit(s, points[0], 1);
    CHECK(same.baseline == same.scenario);
    REQUIRE(same.scenario[0]);
    CHECK(*same.scenario[0] > 0);
    // and the real runs give the same table on 1 and 2 threads
    std::ostringstream a, b;
    CHECK_FALSE(run_sweep(s, points, 0, 1, a).failure);
    CHECK_FALSE(run_sweep(s, points, 0, 2, b).failure);
    CHECK(a.str() == b.str());
    CHECK(a.str().starts_with("0,scenario,1,2,"));
}

TEST_CASE("sweep: with named scenarios the varied keys are set in the baseline too",
          "[sim][sweep]") {
    // A difference must be the scenario's effect at the point's values, not the varied key's
    // own: a scenario with the baseline's policies differs from it by exactly 0 at every point,
    // although the key changes the runs (common random numbers).
    sweep_spec s;
    s.seed = 11;
    s.replicates = 1;
    s.scale = 0.002;
    s.authorities = 2;
    s.years = 2;
    s.figures = {figure_key::cla_count, figure_key::sw_changes_per_child_year};
    scenario same_as_baseline;
    same_as_baseline.name = "same";
    s.scenarios = {same_as_baseline};
    s.parameters.push_back({.key = "sw_turnover_factor",
                            .values = {"0.25", "4"},
                            .low = 0,
                            .high = 0,
                            .steps = 0,
                            .line = 0});
    const auto points = expand_sweep(s).value();
    REQUIRE(points.size() == 2);
    CHECK(points[1].baseline.sw_turnover_factor == 4);
    CHECK(points[1].policy.sw_turnover_factor == 4);
    const auto low = run_sweep_unit(s, points[0], 0);
    const auto high = run_sweep_unit(s, points[1], 0);
    CHECK(low.baseline == low.scenario);
    CHECK(high.baseline == high.scenario);
    REQUIRE(low.scenario[1]);
    REQUIRE(high.scenario[1]);
    CHECK(*high.scenario[1] > *low.scenario[1]); // sixteen times the turnover: more changes

    SECTION("with no named scenario a point is compared with the baseline as it is") {
        s.scenarios.clear();
        const auto alone = expand_sweep(s).value();
        REQUIRE(alone.size() == 2);
        CHECK(alone[1].baseline.sw_turnover_factor == 1);
        const auto v = run_sweep_unit(s, alone[1], 0);
        REQUIRE(v.scenario[1]);
        REQUIRE(v.baseline[1]);
        CHECK(*v.scenario[1] > *v.baseline[1]); // the key's own effect
    }
}

// s15 audit 4: a sweep runs one replicate per unit and combines a point's units, so parameter
// uncertainty is refused only when a point has one replicate in all.
TEST_CASE("sweep: parameter uncertainty runs unit by unit, and needs 2 replicates a point",
          "[sim][sweep]") {
    sweep_spec s;
    s.seed = 9;
    s.replicates = 2;
    s.scale = 0.001;
    s.authorities = 2;
    s.figures = {figure_key::cla_count};
    s.baseline.parameter_uncertainty = true;
    s.parameters.push_back({.key = "sw_turnover_factor",
                            .values = {"1"},
                            .low = 0,
                            .high = 0,
                            .steps = 0,
                            .line = 0});
    const auto points = expand_sweep(s).value();
    REQUIRE(points.front().policy.parameter_uncertainty);
    CHECK(sweep_unit_config(s, 0, 1).combined_replicates == 2);
    const auto unit = run_sweep_unit(s, points.front(), 1);
    REQUIRE(unit.scenario[0]);
    CHECK(*unit.scenario[0] > 0);
    s.replicates = 1;
    CHECK_THROWS_AS(run_sweep_unit(s, points.front(), 0), std::invalid_argument);
    std::ostringstream out;
    const auto outcome = run_sweep(s, points, 0, 1, out);
    REQUIRE(outcome.failure);
    CHECK(outcome.failure->message.find("one random draw") != std::string::npos);
}
