// `carepath simulate [--children N] [--years Y] [--seed S] [--threads T] [--replicates R]
// [--scenario FILE] [--parameter-uncertainty] [--out DIR]`: runs the microsimulation
// (England as calibrated, by default), with a scenario beside the baseline when one is given,
// and writes summary.json, summary.csv, the report's tables as CSV and report.html to DIR, and
// the kept children's care histories as an SSDA903 return in DIR/histories (header.csv and
// episodes.csv; DIR/histories/baseline and /scenario for a scenario run), which `carepath
// export`, `validate` and `analyse` read as they read a council's return.
// A progress bar is drawn on a terminal only. Exit 0 done, 2 bad options or an unreadable
// scenario or unwritable folder.
#include "command.hpp"
#include "huge_pages.hpp"
#include "return_input.hpp"

#include <carepath/report/simulation.hpp>
#include <carepath/sim.hpp>
#include <carepath/ssda903/mapping.hpp>
#include <carepath/ssda903/writer.hpp>

#include <chrono>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>
#include <string>
#include <unistd.h>

namespace {

namespace fs = std::filesystem;

// Below this many children the run's figures are mostly noise: see docs/cli.md ("How many
// children") for the measurement behind it. The run goes ahead, with a warning.
constexpr double meaningful_children = 1520.0;

struct options {
    double children = 0; // 0 = England's stock as calibrated
    int years = 10;
    std::uint64_t seed = carepath::sim::sim_config{}.seed;
    unsigned threads = 0;
    std::uint32_t replicates = 1;
    std::size_t histories = 10000;
    std::string scenario_file;
    bool parameter_uncertainty = false; // draw the unfitted assumptions per replicate
    std::string out = "carepath-out";
};

// A one-line bar on stderr, redrawn in place; only when stderr is a terminal.
carepath::sim::progress_callback progress_bar() {
    if (!::isatty(STDERR_FILENO))
        return {};
    return [last = -1](const carepath::sim::progress& p) mutable {
        if (p.total == 0)
            return;
        const int pct = static_cast<int>(100 * p.done / p.total);
        if (pct == last)
            return;
        last = pct;
        const int filled = pct * 30 / 100;
        std::cerr << '\r' << std::string(p.stage) << " ["
                  << std::string(static_cast<std::size_t>(filled), '#')
                  << std::string(static_cast<std::size_t>(30 - filled), ' ') << "] " << pct << "%"
                  << (p.done == p.total ? "\n" : "") << std::flush;
    };
}

void write_table_csv(const fs::path& dir, const std::string& name,
                     const carepath::report::data_table& t) {
    std::ofstream f{dir / name, std::ios::binary};
    carepath::report::write_csv(f, t);
}

std::string r_number(double x) { return carepath::report::format_number(x); }

int run_simulate(const options& o) {
    carepath::cli::heap_in_huge_pages(); // a quarter of the run was page faults without it
    namespace sim = carepath::sim;
    namespace r = carepath::report;
    sim::sim_config cfg;
    cfg.years = o.years;
    cfg.seed = o.seed;
    cfg.threads = o.threads;
    cfg.replicates = o.replicates;
    cfg.keep_histories = o.histories;
    cfg.parameter_uncertainty = o.parameter_uncertainty;
    // --children N: each of the authorities starts with a whole number of children (the
    // engine rounds each authority's share), so N is rounded to a multiple of the number of
    // authorities and the scale set to exactly that, so counts are scaled back up by the
    // share really simulated.
    const double stock = cfg.params.stock_count.value;
    long long simulated = 0; // children in care at the start of the run, when --children
    if (o.children > 0) {
        const auto authorities = static_cast<long long>(cfg.authorities);
        const long long each = std::llround(o.children / static_cast<double>(authorities));
        simulated = each * authorities;
        if (o.children > stock || static_cast<double>(simulated) > stock) {
            std::cerr << "carepath simulate: --children " << r_number(o.children)
                      << " is more than England's " << r_number(stock)
                      << " children in care on 31 March 2019, the most the model simulates\n"
                         "  give --children " << r_number(stock)
                      << " or fewer (counts are scaled back up to England), or leave it out\n";
            return 2;
        }
        if (each < 1) {
            std::cerr << "carepath simulate: --children " << r_number(o.children)
                      << " is fewer than one child in each of England's " << authorities
                      << " authorities, which the model runs separately\n  give --children "
                      << r_number(static_cast<double>(authorities) / 2 + 0.5)
                      << " or more; figures are meaningful from "
                      << r_number(meaningful_children) << " (docs/cli.md)\n";
            return 2;
        }
        if (static_cast<double>(simulated) < meaningful_children)
            std::cerr << "carepath simulate: warning: " << r_number(static_cast<double>(simulated))
                      << " children are too few for meaningful figures (at least "
                      << r_number(meaningful_children)
                      << ", docs/cli.md): the figures scaled up to England will be mostly noise\n";
        cfg.scale = static_cast<double>(simulated) / stock;
    }

    std::optional<sim::scenario> alternative;
    if (!o.scenario_file.empty()) {
        std::ifstream in{o.scenario_file};
        if (!in) {
            std::cerr << "carepath simulate: cannot open the scenario file " << o.scenario_file
                      << "\n  give a file of `key = value` lines (see docs/cli.md)\n";
            return 2;
        }
        // named like the baseline, the report would read "baseline minus baseline": refused
        auto s = sim::read_alternative_scenario(in, o.scenario_file);
        if (!s) {
            std::cerr << "carepath simulate: " << s.error() << "\n  keys a scenario may set:";
            for (const auto k : sim::scenario_keys)
                std::cerr << ' ' << k;
            std::cerr << '\n';
            return 2;
        }
        alternative = std::move(s).value();
    }
    // One replicate under parameter uncertainty is one random draw of every unfitted
    // assumption (each within half to one and a half times its value), reported as the
    // model's figures with no interval to show the draw: refused, not run.
    if (o.replicates < 2 && (o.parameter_uncertainty
                             || (alternative && alternative->parameter_uncertainty))) {
        std::cerr << "carepath simulate: parameter uncertainty ("
                  << (o.parameter_uncertainty ? std::string{"--parameter-uncertainty"}
                                              : "parameter_uncertainty = true in "
                                                    + o.scenario_file)
                  << ") with one replicate would report one random draw of the model's "
                     "assumptions as its figures\n  give --replicates 2 or more: each replicate "
                     "draws its own, and the 95% intervals carry them\n";
        return 2;
    }
    std::error_code ec;
    fs::create_directories(o.out, ec);
    if (ec || !fs::is_directory(o.out, ec)) {
        std::cerr << "carepath simulate: cannot create the output folder " << o.out
                  << "\n  give a writable folder with --out DIR\n";
        return 2;
    }
    const fs::path out{o.out};
    // Every episode of every kept child, not one collection year: the return of a simulation
    // covers its whole run.
    auto write_histories = [](const fs::path& dir, const std::vector<carepath::care_history>& hs) {
        if (hs.empty())
            return true;
        const auto ret = carepath::ssda903::histories_to_return(hs, {.collection_year = 0});
        if (auto s = carepath::ssda903::write_return(ret, dir); !s) {
            std::cerr << "carepath simulate: cannot write the histories to " << dir.string()
                      << ": " << s.error() << '\n';
            return false;
        }
        return true;
    };
    const auto t0 = std::chrono::steady_clock::now();
    r::document doc;
    std::string headline; // the last year in a sentence, read from the run's own summary
    auto describe_year = [](const sim::run_result& run) {
        if (run.mean.years.empty())
            return std::string{};
        const auto& y = run.mean.years.back();
        return "On 31 March " + std::to_string(y.year) + ": " + r::format_number(y.in_care)
               + " children in care; " + r::format_number(y.entries) + " started and "
               + r::format_number(y.exits) + " left care in the year (" + run.scenario_name
               + ", scaled to England).\n";
    };
    if (alternative) {
        const auto c = sim::compare(cfg, *alternative, {}, progress_bar());
        doc = r::comparison_document(c);
        headline = describe_year(c.baseline) + describe_year(c.alternative);
        if (!carepath::cli::write_file(
                out / "summary.json", [&](std::ostream& os) { sim::write_json(os, c); }, "simulate")
            || !carepath::cli::write_file(
                out / "summary.csv", [&](std::ostream& os) { sim::write_csv(os, c); }, "simulate")
            || !carepath::cli::write_file(
                out / "baseline.csv", [&](std::ostream& os) { sim::write_csv(os, c.baseline); },
                "simulate")
            || !carepath::cli::write_file(
                out / "scenario.csv", [&](std::ostream& os) { sim::write_csv(os, c.alternative); },
                "simulate")
            || !write_histories(out / "histories" / "baseline", c.baseline.histories)
            || !write_histories(out / "histories" / "scenario", c.alternative.histories))
            return 2;
    } else {
        const auto run = sim::simulate(cfg, {}, progress_bar());
        doc = r::run_document(run);
        headline = describe_year(run);
        if (!carepath::cli::write_file(
                out / "summary.json", [&](std::ostream& os) { sim::write_json(os, run); },
                "simulate")
            || !carepath::cli::write_file(
                out / "summary.csv", [&](std::ostream& os) { sim::write_csv(os, run); },
                "simulate")
            || !write_histories(out / "histories", run.histories))
            return 2;
    }
    for (const auto& s : doc.sections)
        for (std::size_t i = 0; i < s.tables.size(); ++i)
            write_table_csv(
                out, s.id + (s.tables.size() > 1 ? "-" + std::to_string(i + 1) : "") + ".csv",
                s.tables[i]);
    if (!carepath::cli::write_file(
            out / "report.html", [&](std::ostream& os) { r::write_html(os, doc); }, "simulate"))
        return 2;
    const double secs =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    std::string who = "England's children in care";
    if (simulated > 0) {
        who = r::format_number(static_cast<double>(simulated)) + " children in care";
        if (static_cast<double>(simulated) != o.children)
            who += " (--children " + r::format_number(o.children) + " rounded to "
                   + r::format_number(static_cast<double>(simulated / cfg.authorities))
                   + " in each of " + std::to_string(cfg.authorities) + " authorities)";
    }
    std::cout << "Simulated " << o.years << " year" << (o.years == 1 ? "" : "s") << " of " << who
              << (alternative ? ", baseline and scenario \"" + alternative->name + "\""
                              : std::string{})
              << " in " << r::format_number(secs, 1) << " s.\n"
              << headline << "Summary: " << (out / "summary.json").string() << "\n"
              << "Report:  " << (out / "report.html").string() << "  (open it in a web browser)\n";
    if (o.histories > 0)
        std::cout << "Histories: " << (out / "histories").string()
                  << "  (an SSDA903 return: carepath export, validate and analyse read it)\n";
    return 0;
}

const carepath::cli::registrar simulate_command{[](CLI::App& app) {
    auto opt = std::make_shared<options>();
    auto* cmd = app.add_subcommand(
        "simulate", "simulate children's journeys through care (England as calibrated, by "
                    "default) and write summary.json, CSV tables and report.html");
    cmd->footer("Exit status: 0 done, 2 bad options, an unreadable scenario or an unwritable "
                "folder.");
    cmd->add_option("--children", opt->children,
                    "children in care at the start, rounded to a whole number per authority "
                    "(default: England's stock, 78,140 on 31 March 2019, also the most); counts "
                    "are scaled back up to England. Fewer than "
                        + carepath::report::format_number(meaningful_children)
                        + " gives a warning: the figures are mostly noise")
        ->check(CLI::Range(1.0, 1.0e6));
    cmd->add_option("--years", opt->years, "years to simulate")
        ->check(CLI::Range(1, 50))
        ->capture_default_str();
    cmd->add_option("--seed", opt->seed, "random seed (same seed, same results)")
        ->capture_default_str();
    cmd->add_option("--threads", opt->threads,
                    "worker threads (0: all cores); results do not depend on it")
        ->capture_default_str();
    cmd->add_option("--replicates", opt->replicates, "independent replicates, for 95% intervals")
        ->check(CLI::Range(1, 1000))
        ->capture_default_str();
    cmd->add_option("--histories", opt->histories,
                    "about how many children's full histories are kept (replicate 1), for "
                    "continuity, survival curves and the figures from histories (sibling "
                    "separation, school and social worker changes, re-entry, disruption): "
                    "every child of as many whole authorities as fit, so those figures come "
                    "from a sample of authorities, and the report says which; 0 keeps none")
        ->capture_default_str();
    cmd->add_option("--scenario", opt->scenario_file,
                    "a scenario file (`key = value` lines) to run beside the baseline");
    cmd->add_flag("--parameter-uncertainty", opt->parameter_uncertainty,
                  "draw the model's unfitted assumptions from their plausible ranges, once per "
                  "replicate (ranges in the report's 'What this model assumes'), so intervals "
                  "include what the model does not know; needs --replicates 2 or more");
    cmd->add_option("--out", opt->out, "output folder (created if missing)")->capture_default_str();
    cmd->callback([opt] { carepath::cli::exit_code() = run_simulate(*opt); });
}};

} // namespace
