// `carepath forecast DIR... [--years N] [--backtest] [--replicates R] [--seed S] [--fit-years F]
// [--costs FILE] [--inflation X] [--out FILE] [--report FILE] [--scenario FILE] [--no-bootstrap]
// [--quiet]`:
// reads a council's returns of several years, merges them into one history per child and
// forecasts the children in care on each 31 March after the last year, by placement group, legal
// group and age band, with the microsimulation (and a scenario's, when given) and the Markov
// (stock-and-flow) forecasts side by side, and their yearly cost. `--backtest` also fits on
// earlier years and compares with later returns.
// Exit 0 when the returns were read cleanly, 1 when forecast but the returns had problems
// (counted on stderr), 2 when nothing could be forecast.
#include "command.hpp"
#include "return_input.hpp"

#include <carepath/report/care_report.hpp>
#include <carepath/report/forecast.hpp>
#include <carepath/report/table.hpp>
#include <carepath/sim/backtest.hpp>
#include <carepath/sim/costs.hpp>
#include <carepath/sim/council_fit.hpp>
#include <carepath/sim/forecast.hpp>
#include <carepath/sim/markov.hpp>
#include <carepath/sim/scenario.hpp>
#include <carepath/ssda903/mapping.hpp>
#include <carepath/ssda903/years.hpp>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <iomanip>
#include <iostream>
#include <memory>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

namespace {

namespace sim = carepath::sim;
using carepath::report::format_number;

struct options {
    std::vector<std::string> dirs;
    int years = 3;
    bool backtest = false;
    int replicates = 20;
    std::uint64_t seed = 1;
    int fit_years = 3;
    int first_year = 0;
    std::string costs;
    double inflation = 0;
    std::string out;
    std::string report = "carepath-out/forecast.html";
    std::string scenario_file;
    bool quiet = false;
    bool no_bootstrap = false;
    bool keep_unconfirmed = false;
};

// "12.3 [10.0-14.5]"; the mean alone when there is no spread (one replicate).
std::string with_interval(double mean, double low, double high, bool spread = true,
                          int decimals = 0) {
    if (!spread) return format_number(mean, decimals);
    return format_number(mean, decimals) + " [" + format_number(low, decimals) + "-"
         + format_number(high, decimals) + "]";
}
// What the bracket is: the spread of the replicates, not a 95% interval of anything.
std::string spread_label(int replicates) {
    if (replicates < 2) return "mean of 1 replicate; no spread";
    return "mean [2.5th-97.5th percentile of " + std::to_string(replicates) + " replicates]";
}
// "22% (2 of 9)", or "-" when nothing was counted.
std::string share_of(std::optional<double> share, std::size_t n) {
    if (!share) return "-";
    return format_number(100 * *share, 0) + "% ("
         + std::to_string(static_cast<long long>(std::llround(*share * static_cast<double>(n))))
         + " of " + std::to_string(n) + ")";
}
std::string pad(std::string s, std::size_t width) {
    if (s.size() < width) s.append(width - s.size(), ' ');
    return s;
}
std::string money(double pounds) { return format_number(pounds / 1e6, 2) + "m"; }

// The forecasters this build has, by method name.
// `bootstrap`: each replicate refits on a resample of the children (both methods' default).
std::vector<std::pair<std::string, sim::forecaster>> forecasters(bool bootstrap) {
    std::vector<std::pair<std::string, sim::forecaster>> out;
    out.emplace_back("microsimulation",
                     [bootstrap](std::span<const carepath::care_history> h, carepath::date s,
                                 int y, const sim::forecast_options& o) {
                         return sim::microsim_scenario_forecast(h, s, y, o, sim::scenario{},
                                                                {.bootstrap = bootstrap});
                     });
    out.emplace_back("markov", sim::markov_forecaster({.bootstrap = bootstrap}));
    return out;
}

void print_forecasts(std::ostream& os, const std::vector<sim::forecast>& fs,
                     const sim::stock_count& now, int replicates) {
    const auto keys = sim::all_count_keys();
    for (std::size_t p = 0; p < fs.front().points.size(); ++p) {
        const auto on = fs.front().points[p].on;
        os << "\nChildren in care on " << carepath::format_long(on) << " (under 18; "
           << spread_label(replicates) << ")\n";
        os << pad("count", 30) << pad("on " + carepath::format_uk(now.on), 14);
        for (const auto& f : fs) os << pad(f.method, 24);
        os << '\n';
        for (const auto& k : keys) {
            os << pad(k.name(), 30) << pad(format_number(k.of(now)), 14);
            for (const auto& f : fs) {
                const auto& pt = f.points[p];
                os << pad(with_interval(k.of(pt.mean), k.of(pt.low), k.of(pt.high),
                                        pt.has_spread),
                          24);
            }
            os << '\n';
        }
        os << pad("aged 18+ (not forecast)", 30) << pad(format_number(now.aged_18_or_over), 14);
        for (std::size_t f = 0; f < fs.size(); ++f) os << pad("-", 24);
        os << '\n';
    }
}

void print_costs(std::ostream& os, const std::vector<sim::forecast>& fs,
                 const sim::cost_table& costs, double inflation, int replicates) {
    std::vector<sim::cost_forecast> cs;
    for (const auto& f : fs) cs.push_back(sim::forecast_costs(f, costs, inflation));
    // the totals' price basis: "mixed prices (2019 and 2022), not adjusted" when costs of
    // different price years are added without inflation
    os << "\nYearly cost of the children in care on each date, " << cs.front().price_basis()
       << " (" << spread_label(replicates) << "; costs from "
       << costs.file << ", inflation " << format_number(100 * inflation, 1) << "% a year)\n";
    os << pad("date", 16);
    for (const auto& c : cs) os << pad(c.method, 28);
    os << '\n';
    for (std::size_t p = 0; p < cs.front().points.size(); ++p) {
        os << pad(carepath::format_uk(cs.front().points[p].on), 16);
        for (const auto& c : cs) {
            const auto& pt = c.points[p];
            os << pad(pt.has_spread
                          ? money(pt.mean) + " [" + money(pt.low) + "-" + money(pt.high) + "]"
                          : money(pt.mean),
                      28);
        }
        os << '\n';
    }
    for (std::size_t p = 0; p < cs.front().points.size(); ++p)
        for (const auto& c : cs)
            if (c.points[p].children_left_out > 0)
                os << "  " << c.method << ", " << carepath::format_uk(c.points[p].on) << ": "
                   << format_number(c.points[p].children_left_out, 1)
                   << " children (mean) in groups with no published cost are left out\n";
    for (const auto& n : cs.front().notes) os << "  " << n << '\n';
}

void print_backtest(std::ostream& os, const std::vector<sim::backtest_row>& rows) {
    os << "\nBack-test: each origin's forecast against the later returns (validation, not "
          "fitted); actual: children under 18 in care, as forecast; 18+: children 18 or over "
          "in care that day, left out of the actual and the errors\n";
    os << pad("method", 17) << pad("origin", 12) << pad("years", 7) << pad("actual", 8)
       << pad("forecast [2.5-97.5%]", 22) << pad("error", 8) << pad("abs % error", 12)
       << pad("inside", 8) << "18+\n";
    for (const auto& r : rows) {
        if (r.key.kind != sim::count_kind::total) continue;
        const auto ape = r.absolute_percentage_error();
        os << pad(r.method, 17) << pad(carepath::format_uk(r.origin), 12)
           << pad(std::to_string(r.horizon), 7) << pad(format_number(r.actual), 8)
           << pad(with_interval(r.mean, r.low, r.high, r.has_spread), 22)
           << pad(format_number(r.error(), 1), 8)
           << pad(ape ? format_number(*ape, 1) : std::string{"-"}, 12)
           << pad(!r.has_spread ? "-" : r.inside() ? "yes" : "no", 8)
           << format_number(r.aged_18_or_over) << '\n';
    }
    os << "\nBack-test summary: mean error over all comparisons; MAPE over those with an actual "
          "above 0 (n); inside: share of actuals inside the replicates' 2.5-97.5 percentile "
          "spread, over comparisons with a spread that are not empty groups (actual 0, spread "
          "0-0; counted apart)\n";
    os << pad("method", 17) << pad("years", 7) << pad("counts", 11) << pad("comparisons", 13)
       << pad("MAPE", 8) << pad("n", 5) << pad("mean error", 12) << pad("inside", 16)
       << "empty groups\n";
    for (const auto& s : sim::summarise_backtest(rows))
        os << pad(s.method, 17) << pad(std::to_string(s.horizon), 7)
           << pad(std::string{carepath::to_string(s.kind)}, 11) << pad(std::to_string(s.rows), 13)
           << pad(s.mean_absolute_percentage_error
                      ? format_number(*s.mean_absolute_percentage_error, 1)
                      : std::string{"-"},
                  8)
           << pad(std::to_string(s.percentage_rows), 5)
           << pad(format_number(s.mean_error, 1), 12)
           << pad(share_of(s.coverage, s.coverage_rows), 16) << s.empty_rows << '\n';
}

void write_csv(std::ostream& os, const std::vector<sim::forecast>& fs) {
    os << "method,date,count,mean,low,high\n";
    for (const auto& f : fs)
        for (const auto& p : f.points)
            for (const auto& k : sim::all_count_keys())
                os << f.method << ',' << carepath::format_iso(p.on) << ',' << k.name() << ','
                   << format_number(k.of(p.mean), 2) << ',' << format_number(k.of(p.low), 2)
                   << ',' << format_number(k.of(p.high), 2) << '\n';
}

int run_forecast(const options& opt) {
    std::vector<std::filesystem::path> inputs(opt.dirs.begin(), opt.dirs.end());
    auto read = carepath::ssda903::read_years(
        inputs, {}, {.close_unconfirmed = !opt.keep_unconfirmed});
    if (!read) {
        std::cerr << "carepath forecast: cannot read the returns: " << read.error()
                  << "\n  give folders of yearly returns (one folder per year, or files with a "
                     "year prefix such as 2019-episodes.csv)\n";
        return 2;
    }
    const auto& merged = *read;
    if (!merged.merged.find("Episodes")) {
        std::cerr << "carepath forecast: no Episodes table in the returns\n";
        return 2;
    }
    const auto mapped = carepath::ssda903::map_return(merged.merged);
    std::size_t problems = merged.diagnostics.size() + merged.merged.read_errors.size()
                         + mapped.diagnostics.size();
    if (!opt.quiet) {
        std::size_t shown = 0;
        for (const auto* list :
             {&merged.merged.read_errors, &merged.diagnostics, &mapped.diagnostics})
            for (const auto& d : *list)
                if (shown++ < 10) std::cerr << "carepath forecast: " << d << '\n';
        if (shown > 10)
            std::cerr << "carepath forecast: ... and " << shown - 10
                      << " more problems met reading and merging the returns\n";
    }
    std::vector<carepath::care_history> histories;
    std::size_t no_birth_date = 0;
    for (const auto& c : mapped.children) {
        if (!c.birth_date_known) {
            ++no_birth_date;
            continue;
        }
        histories.push_back(c.history);
    }
    const auto years = merged.years_used();
    // One return can hold several years (a simulation's histories): --first-year says where
    // the data are complete from.
    const int first = opt.first_year != 0 ? opt.first_year : years.front();
    const int last = years.back();
    if (first > last) {
        std::cerr << "carepath forecast: --first-year " << first << " is after the last return ("
                  << carepath::report::collection_year_label(last) << ")\n";
        return 2;
    }
    const auto snapshot = sim::census_day(last);
    if (opt.first_year != 0) {
        // Earlier than the returns reach, origins would have no return to fit on or compare
        // with, only the back-histories of children in later returns.
        const auto covered = sim::first_year_covered(histories, snapshot);
        const int earliest = covered ? std::min(*covered, years.front()) : years.front();
        if (opt.first_year < earliest) {
            std::cerr << "carepath forecast: --first-year " << opt.first_year
                      << " is before the first year with data ("
                      << carepath::report::collection_year_label(earliest)
                      << "; the first return read is "
                      << carepath::report::collection_year_label(years.front())
                      << "): give --first-year " << earliest << " or later\n";
            return 2;
        }
    }
    sim::forecast_options fopt{.replicates = opt.replicates, .seed = opt.seed,
                               .fit_years = opt.fit_years};
    fopt.data_from = sim::census_day(first - 1) + carepath::days{1};

    sim::cost_table costs = sim::default_unit_costs();
    if (!opt.costs.empty()) {
        std::ifstream in{opt.costs};
        if (!in) {
            std::cerr << "carepath forecast: cannot open " << opt.costs << '\n';
            return 2;
        }
        auto c = sim::read_costs(in, opt.costs);
        if (!c) {
            std::cerr << "carepath forecast: " << c.error() << '\n';
            return 2;
        }
        costs = std::move(c).value();
    }

    auto& os = std::cout;
    os << "carepath forecast: " << histories.size() << " children from the returns of";
    for (int y : years) os << ' ' << carepath::report::collection_year_label(y);
    os << '\n';
    if (opt.first_year != 0)
        os << "  data taken as complete from " << carepath::format_long(*fopt.data_from)
           << " (--first-year)\n";
    if (no_birth_date > 0)
        os << "  " << no_birth_date << " children without a readable date of birth are left out\n";
    const auto now = sim::count_in_care(histories, snapshot);
    os << "  in care on " << carepath::format_long(snapshot) << ": " << format_number(now.total)
       << " under 18 (the children forecast), " << format_number(now.aged_18_or_over)
       << " aged 18 or over (not forecast: care as a child ends at 18)\n";
    os << "  forecast " << opt.years << (opt.years == 1 ? " year" : " years") << " ahead, "
       << opt.replicates << " replicates, seed " << opt.seed << '\n';

    std::optional<sim::scenario> policy;
    if (!opt.scenario_file.empty()) {
        std::ifstream in{opt.scenario_file};
        if (!in) {
            std::cerr << "carepath forecast: cannot open the scenario file " << opt.scenario_file
                      << "\n  give a file of `key = value` lines (see docs/cli.md)\n";
            return 2;
        }
        // named like the baseline, it would pass for the baseline's forecast: refused
        auto s = sim::read_alternative_scenario(in, opt.scenario_file);
        if (!s) {
            std::cerr << "carepath forecast: " << s.error() << '\n';
            return 2;
        }
        policy = std::move(s).value();
    }

    std::vector<sim::forecast> fs;
    try {
        for (const auto& [name, f] : forecasters(!opt.no_bootstrap)) fs.push_back(f(histories, snapshot, opt.years, fopt));
        // The scenario runs on the baseline's random numbers (the same seed), so the difference
        // between the two microsimulation columns is the scenario's, not chance's.
        if (policy) {
            auto f = sim::microsim_scenario_forecast(histories, snapshot, opt.years, fopt, *policy,
                                                     {.bootstrap = !opt.no_bootstrap});
            f.method = "microsimulation:" + policy->name;
            std::ranges::replace(f.method, ',', ';'); // the method is a CSV cell
            fs.push_back(std::move(f));
        }
    } catch (const std::exception& e) {
        std::cerr << "carepath forecast: " << e.what() << '\n';
        return 2;
    }
    for (const auto& f : fs) {
        os << "  " << f.method << ": fitted on collection years";
        for (int y : f.years_used) os << ' ' << carepath::report::collection_year_label(y);
        os << '\n';
        for (const auto& n : f.notes) os << "    " << n << '\n';
    }
    print_forecasts(os, fs, now, opt.replicates);
    print_costs(os, fs, costs, opt.inflation, opt.replicates);

    std::vector<sim::backtest_summary> summary;
    if (opt.backtest) {
        if (last - first < 1) {
            std::cerr << "carepath forecast: a back-test needs returns of two years or more\n";
            return 2;
        }
        std::vector<sim::backtest_row> rows;
        for (const auto& [name, f] : forecasters(!opt.no_bootstrap)) {
            auto r = sim::backtest(histories, f,
                                   {.first_year = first, .last_year = last,
                                    .max_horizon = opt.years, .forecast = fopt});
            rows.insert(rows.end(), r.begin(), r.end());
        }
        print_backtest(os, rows);
        summary = sim::summarise_backtest(rows);
    }
    if (!opt.report.empty()) {
        carepath::report::forecast_report_data page;
        page.subtitle = "From the returns in " + carepath::cli::folders_label(opt.dirs) + " ("
                        + carepath::report::collection_year_label(years.front()) + " to "
                        + carepath::report::collection_year_label(last) + "), "
                        + std::to_string(histories.size()) + " children.";
        page.facts = {{"in care on " + carepath::format_long(snapshot) + ", under 18",
                       format_number(now.total)},
                      {"in care on " + carepath::format_long(snapshot)
                           + ", 18 or over (not forecast)",
                       format_number(now.aged_18_or_over)},
                      {"replicates", std::to_string(opt.replicates)},
                      {"seed", std::to_string(opt.seed)},
                      {"fit years", std::to_string(opt.fit_years)}};
        for (int y = first; y <= last; ++y)
            page.observed.push_back(sim::count_in_care(histories, sim::census_day(y)));
        page.forecasts = fs;
        for (const auto& f : fs) page.costs.push_back(sim::forecast_costs(f, costs, opt.inflation));
        page.backtest = summary;
        if (!carepath::cli::write_file(
                opt.report,
                [&](std::ostream& out) { carepath::report::write_forecast_report(out, page); },
                "forecast"))
            return 2;
        os << "Report: " << opt.report << '\n';
    }
    if (!opt.out.empty()) {
        if (!carepath::cli::write_file(
                opt.out, [&](std::ostream& out) { write_csv(out, fs); }, "forecast"))
            return 2;
        os << "Forecast table: " << opt.out << '\n';
    }
    if (problems > 0)
        std::cerr << "carepath forecast: " << problems
                  << " problems met reading and merging the returns (run `carepath validate` "
                     "on each year for the findings)\n";
    return problems == 0 ? 0 : 1;
}

const carepath::cli::registrar forecast_command{[](CLI::App& app) {
    auto opt = std::make_shared<options>();
    auto* cmd = app.add_subcommand(
        "forecast", "forecast a council's children in care and their cost from its returns of "
                    "several years (microsimulation and Markov), with a back-test");
    cmd->footer("Exit status: 0 forecast, 1 forecast but the returns had problems, 2 cannot "
                "forecast.");
    cmd->add_option("dirs", opt->dirs,
                    "folders of yearly returns (a folder per year, or files with a year prefix)")
        ->required();
    cmd->add_option("--years", opt->years, "years to forecast after the last return")
        ->check(CLI::Range(1, 20))
        ->capture_default_str();
    cmd->add_flag("--backtest", opt->backtest,
                  "also forecast from each earlier 31 March and compare with the later returns");
    cmd->add_option("--replicates", opt->replicates,
                    "replicates behind each mean and spread (2.5th-97.5th percentile; none "
                    "with 1)")
        ->check(CLI::Range(1, 10000))
        ->capture_default_str();
    cmd->add_option("--seed", opt->seed, "seed of the random streams")->capture_default_str();
    cmd->add_option("--fit-years", opt->fit_years, "years before the snapshot that fit the rates")
        ->check(CLI::Range(1, 20))
        ->capture_default_str();
    cmd->add_option("--first-year", opt->first_year,
                    "first collection year the histories are complete for (2020 = 2019-20), "
                    "when one return holds several years; default: the first return read")
        ->check(CLI::Range(1990, 2100));
    cmd->add_option("--costs", opt->costs,
                    "CSV of weekly unit costs per placement group (docs/forecast.md); default: "
                    "the published figures carepath ships");
    cmd->add_option("--inflation", opt->inflation,
                    "yearly rate moving each cost from its price year (0.03 = 3%)")
        ->check(CLI::Range(-0.5, 1.0))
        ->capture_default_str();
    cmd->add_option("--out", opt->out, "also write the forecast table as CSV to this file");
    cmd->add_option("--scenario", opt->scenario_file,
                    "a scenario file (as for `carepath simulate`) whose microsimulation forecast "
                    "is shown beside the baseline");
    cmd->add_option("--report", opt->report,
                    "the report (HTML: forecasts, costs, back-test); empty for none")
        ->capture_default_str();
    cmd->add_flag("--no-bootstrap", opt->no_bootstrap,
                  "run every replicate of both forecasts on the rates fitted to all children "
                  "(the spread is then the models' own chance only, without the uncertainty of "
                  "the rates)");
    cmd->add_flag("--quiet", opt->quiet, "do not print problems met while reading the returns");
    cmd->add_flag("--keep-unconfirmed", opt->keep_unconfirmed,
                  "keep open an episode open at the end of one year whose child is not in the next "
                  "year's return (as before 7 December 2026; default: closed on 1 April with REC "
                  "E8, docs/ssda903.md)");
    cmd->callback([opt] { carepath::cli::exit_code() = run_forecast(*opt); });
}};

} // namespace
