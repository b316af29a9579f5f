// `carepath continuity DIR --out OUT`: reads a cohort written as people/relationships/
// placements/meta CSV files and writes the relationship benchmark's four result files
// (moves.csv, children.csv, by_type.csv, siblings.csv; definitions in
// ../shared/bench/CONTINUITY.md), computed with carepath::graph.
#include "command.hpp"
#include "huge_pages.hpp"

#include <carepath/graph/continuity_contract.hpp>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>
#include <string>

namespace {

bool write_file(const std::filesystem::path& path, const auto& write) {
    std::ofstream out{path, std::ios::binary};
    if (!out) return false;
    write(out);
    return static_cast<bool>(out.flush());
}

int run_continuity(const std::string& dir, const std::string& out_dir, bool timings,
                   std::size_t max_problems) {
    namespace cg = carepath::graph;
    using clock = std::chrono::steady_clock;
    // The run keeps about 40 MiB (80,000 children) in vectors of a few MiB each: in huge pages
    // it takes hundreds of page faults instead of about 10,000, a quarter of the process's
    // time on this project's virtual machines (docs/benchmarks.md, Continuity). What it keeps
    // is less than people.csv and placements.csv together, so twice that is reserved (address
    // space only: pages not touched are never faulted in).
    {
        std::error_code size_ec;
        std::uintmax_t kept = 0;
        for (const char* name : {"people.csv", "placements.csv"}) {
            const auto n = std::filesystem::file_size(std::filesystem::path{dir} / name, size_ec);
            if (!size_ec) kept += n;
        }
        carepath::cli::heap_for_input(kept, 2, std::uintmax_t{1} << 30);
    }
    const auto t0 = clock::now();
    // Read and counted in one pass: the relationship rows are counted at each child's moves as
    // they are read and never held (graph/continuity_contract.hpp, run_contract).
    const auto run = cg::run_contract(dir);
    if (!run) {
        std::cerr << "carepath continuity: " << run.error() << '\n';
        return 2;
    }
    const auto t1 = clock::now();
    std::error_code ec;
    std::filesystem::create_directories(out_dir, ec);
    const std::filesystem::path out{out_dir};
    const bool written =
        write_file(out / "moves.csv", [&](std::ostream& os) { cg::write_moves_csv(os, *run); })
        && write_file(out / "children.csv", [&](std::ostream& os) { cg::write_children_csv(os, *run); })
        && write_file(out / "by_type.csv",
                      [&](std::ostream& os) { cg::write_by_type_csv(os, run->results); })
        && write_file(out / "siblings.csv", [&](std::ostream& os) { cg::write_siblings_csv(os, *run); });
    const auto t2 = clock::now();
    if (!written) {
        std::cerr << "carepath continuity: cannot write the results in " << out_dir << '\n';
        return 2;
    }
    std::size_t kept = 0, lost = 0;
    for (const auto& m : run->results.moves) {
        kept += m.kept;
        lost += m.lost;
    }
    std::cout << "children=" << run->children << " moves=" << run->results.moves.size()
              << " kept=" << kept << " lost=" << lost
              << " sibling_pairs=" << run->results.siblings.size() << " nodes=" << run->people()
              << " edges=" << run->ties << " skipped_rows=" << run->skipped_rows
              << " problems=" << run->problems.size();
    if (timings) {
        const auto s = [](auto a, auto b) { return std::chrono::duration<double>(b - a).count(); };
        char buf[160];
        std::snprintf(buf, sizeof buf, " read_and_count=%.3fs write=%.3fs total=%.3fs", s(t0, t1),
                      s(t1, t2), s(t0, t2));
        std::cout << buf;
    }
    std::cout << '\n';
    for (std::size_t i = 0; i < run->problems.size() && i < max_problems; ++i)
        std::cerr << run->problems[i] << '\n';
    if (max_problems > 0 && run->problems.size() > max_problems) // 0: --quiet
        std::cerr << "... and " << run->problems.size() - max_problems << " more problems\n";
    return run->problems.empty() ? 0 : 1;
}

const carepath::cli::registrar continuity_command{[](CLI::App& app) {
    auto* cmd = app.add_subcommand(
        "continuity", "relationship continuity across placement moves of a CSV cohort");
    struct options {
        std::string dir, out;
        bool timings = false;
        std::size_t max_problems = 20;
        bool quiet = false;
    };
    auto opt = std::make_shared<options>();
    cmd->footer("Exit status: 0 done, 1 done but some rows had problems (skipped, and printed "
                "unless --quiet), 2 bad options, an unreadable cohort or results that cannot be "
                "written.");
    cmd->add_option("DIR", opt->dir, "folder with people.csv, relationships.csv, placements.csv, meta.csv")
        ->required();
    cmd->add_option("--out", opt->out, "folder for moves.csv, children.csv, by_type.csv, siblings.csv")
        ->required();
    cmd->add_flag("--timings", opt->timings, "print read-and-count and write times");
    cmd->add_option("--max-problems", opt->max_problems, "how many bad rows to print");
    cmd->add_flag("--quiet", opt->quiet, "do not print problems met while reading the files");
    cmd->callback([opt] {
        carepath::cli::exit_code() = run_continuity(opt->dir, opt->out, opt->timings,
                                                    opt->quiet ? 0 : opt->max_problems);
    });
}};

} // namespace
