// `carepath-mpi sweep FILE [--out TABLE] [--resume]`, started by mpirun or srun: the sweep of
// `carepath sweep` spread over MPI ranks, rank 0 handing out units and writing the table. The
// table has the same bytes as `carepath sweep` at any number of threads. Every rank reads the
// sweep file (clusters share a file system); if any rank cannot, all stop.
// Exit 0 done, 1 a point failed (rows before it kept; rerun with --resume), 2 bad input.
#include "../carepath/sweep_output.hpp"

#include <carepath/sim/mpi.hpp>

#include <CLI/CLI.hpp>
#include <boost/mpi/collectives.hpp>
#include <boost/mpi/communicator.hpp>
#include <boost/mpi/environment.hpp>

#include <chrono>
#include <functional>
#include <iostream>
#include <sstream>

#ifndef CAREPATH_VERSION
#define CAREPATH_VERSION "unknown"
#endif

int main(int argc, char** argv) {
    namespace mpi = boost::mpi;
    // funneled: rank 0 runs units on a second thread that never calls MPI
    mpi::environment env{argc, argv, mpi::threading::funneled};
    mpi::communicator world;
    const bool root = world.rank() == 0;
    const std::string who = "carepath-mpi sweep";

    CLI::App app{"carepath-mpi: carepath's sweeps on MPI ranks (start with mpirun or srun)"};
    app.set_version_flag("--version", std::string{"carepath-mpi "} + CAREPATH_VERSION);
    app.require_subcommand(1);
    std::string file, out_path = "sweep.csv";
    bool resume = false;
    auto* cmd = app.add_subcommand("sweep", "run a sweep file on every rank of the job; rank 0 "
                                            "writes the table (same bytes as `carepath sweep`)");
    cmd->add_option("file", file, "the sweep file (`key = value` lines)")->required();
    cmd->add_option("--out", out_path, "the table to write (CSV)")->capture_default_str();
    cmd->add_flag("--resume", resume,
                  "keep the complete rows already in --out and run the points after them");
    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        // every rank parses the same arguments; rank 0 alone speaks
        if (root)
            return app.exit(e) == 0 ? 0 : 2;
        return e.get_exit_code() == 0 ? 0 : 2;
    }

    // every rank reads the sweep; all stop if one cannot
    std::ostringstream quiet;
    std::streambuf* saved = nullptr;
    if (!root)
        saved = std::cerr.rdbuf(quiet.rdbuf()); // rank 0 reports a bad file once
    auto job = carepath::cli::load_sweep(file, who);
    if (saved)
        std::cerr.rdbuf(saved);
    int usable = job ? 1 : 0;
    usable = mpi::all_reduce(world, usable, mpi::minimum<int>());
    if (!usable) {
        if (root && job)
            std::cerr << who << ": another rank could not read " << file << '\n';
        return 2;
    }

    std::size_t first = 0;
    std::optional<std::ofstream> out;
    int opened = 1;
    if (root) {
        out = carepath::cli::open_sweep_table(out_path, *job, resume, first, who);
        opened = out ? 1 : 0;
    }
    mpi::broadcast(world, opened, 0);
    if (!opened)
        return 2;
    mpi::broadcast(world, first, 0);

    const auto t0 = std::chrono::steady_clock::now();
    std::ostringstream none;
    // Rank 0 runs units too on small jobs; from 5 ranks on it only hands out work, so replies
    // never wait behind a unit it is running (docs/scale-out.md)
    const bool root_runs_units = world.size() <= 4;
    const auto outcome = carepath::sim::run_sweep_mpi(
        world, job->spec, job->points, first,
        root ? static_cast<std::ostream&>(*out) : static_cast<std::ostream&>(none),
        carepath::sim::run_sweep_unit, root_runs_units);
    int rc = 0;
    if (root) {
        out->close();
        const double secs =
            std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
        rc = carepath::cli::report_sweep(outcome, *job, first, out_path, secs, who,
                                         std::to_string(world.size()) + " rank"
                                             + (world.size() == 1 ? "" : "s"));
    }
    mpi::broadcast(world, rc, 0);
    return rc;
}
