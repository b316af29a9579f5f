// `carepath sweep FILE [--out TABLE] [--threads N] [--resume] [--chart SVG [--figure F]
// [--across KEY] [--difference]]`: runs a sweep (scenarios and parameter values, replicates
// per point, each against the baseline on common random numbers) on threads and writes one
// CSV row per point in point order. The table has the same bytes at any --threads and from
// `carepath-mpi sweep` at any number of ranks. Exit 0 done, 1 a point failed (the rows before
// it are kept; --resume continues), 2 a bad sweep file or option.
#include "command.hpp"
#include "sweep_output.hpp"

#include <carepath/report/sweep.hpp>

#include <chrono>
#include <fstream>
#include <iostream>
#include <memory>
#include <string>
#include <thread>

namespace {

struct options {
    std::string file;
    std::string out = "sweep.csv";
    unsigned threads = 0;
    bool resume = false;
    std::string chart;
    std::string figure;
    std::string across;
    bool difference = false;
};

int write_chart(const options& o) {
    std::ifstream in{o.out, std::ios::binary};
    auto table = carepath::report::read_sweep_table(in, o.out);
    if (!table) {
        std::cerr << "carepath sweep: " << table.error() << '\n';
        return 2;
    }
    std::ofstream svg{o.chart, std::ios::binary};
    if (!svg) {
        std::cerr << "carepath sweep: cannot write " << o.chart << '\n';
        return 2;
    }
    auto drawn = carepath::report::write_sweep_chart(svg, *table, o.figure, o.across, o.difference);
    if (!drawn) {
        std::cerr << "carepath sweep: " << drawn.error() << '\n';
        return 2;
    }
    std::cout << "Chart: " << o.chart << '\n';
    return 0;
}

int run(const options& o) {
    const std::string who = "carepath sweep";
    auto job = carepath::cli::load_sweep(o.file, who);
    if (!job)
        return 2;
    std::size_t first = 0;
    auto out = carepath::cli::open_sweep_table(o.out, *job, o.resume, first, who);
    if (!out)
        return 2;
    const unsigned threads =
        o.threads == 0 ? std::max(1u, std::thread::hardware_concurrency()) : o.threads;
    const auto t0 = std::chrono::steady_clock::now();
    const auto outcome = carepath::sim::run_sweep(job->spec, job->points, first, threads, *out);
    out->close();
    const double secs =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    const int rc = carepath::cli::report_sweep(outcome, *job, first, o.out, secs, who,
                                               std::to_string(threads) + " thread"
                                                   + (threads == 1 ? "" : "s"));
    if (rc == 0 && !o.chart.empty())
        return write_chart(o);
    return rc;
}

const carepath::cli::registrar sweep_command{[](CLI::App& app) {
    auto opt = std::make_shared<options>();
    auto* cmd = app.add_subcommand(
        "sweep", "run a sweep of scenarios and parameter values with replicates, each point "
                 "against the baseline, and write one table row per point");
    cmd->footer("Exit status: 0 done, 1 a point failed (rows before it kept; rerun with "
                "--resume), 2 a bad sweep file or option. The format is in docs/scale-out.md.");
    cmd->add_option("file", opt->file, "the sweep file (`key = value` lines)")->required();
    cmd->add_option("--out", opt->out, "the table to write (CSV)")->capture_default_str();
    cmd->add_option("--threads", opt->threads,
                    "worker threads (0: all cores); the table does not depend on it")
        ->capture_default_str();
    cmd->add_flag("--resume", opt->resume,
                  "keep the complete rows already in --out and run the points after them");
    cmd->add_option("--chart", opt->chart,
                    "also draw an SVG chart of one figure across one varied key");
    cmd->add_option("--figure", opt->figure, "the chart's figure (default: the first)");
    cmd->add_option("--across", opt->across, "the chart's x axis (default: the first varied key)");
    cmd->add_flag("--difference", opt->difference,
                  "chart the difference from the baseline instead of the figure");
    cmd->callback([opt] { carepath::cli::exit_code() = run(*opt); });
}};

} // namespace
