#pragma once
// What `carepath sweep` and `carepath-mpi sweep` share: reading the sweep file, opening the
// table (fresh, or kept up to the last complete row with --resume), and the closing message.
#include <carepath/sim/sweep.hpp>
#include <carepath/sim/sweep_file.hpp>

#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

namespace carepath::cli {

struct sweep_job {
    sim::sweep_spec spec;
    std::vector<sim::sweep_point> points;
};

/// Reads and expands the sweep file; prints the located error and returns nothing on failure.
inline std::optional<sweep_job> load_sweep(const std::string& file, const std::string& who) {
    std::ifstream in{file};
    if (!in) {
        std::cerr << who << ": cannot open the sweep file " << file
                  << "\n  give a file of `key = value` lines (see docs/scale-out.md)\n";
        return std::nullopt;
    }
    auto spec = sim::read_sweep(in, file);
    if (!spec) {
        std::cerr << who << ": " << spec.error() << '\n';
        return std::nullopt;
    }
    auto points = sim::expand_sweep(*spec);
    if (!points) {
        std::cerr << who << ": " << points.error() << '\n';
        return std::nullopt;
    }
    return sweep_job{std::move(spec).value(), std::move(points).value()};
}

/// Opens the table for writing. Fresh: the header is written. With `resume`: the rows already
/// there that are complete and match the sweep are kept (the file is cut after them) and the
/// first point to run is returned through `first_point`.
inline std::optional<std::ofstream> open_sweep_table(const std::filesystem::path& path,
                                                     const sweep_job& job, bool resume,
                                                     std::size_t& first_point,
                                                     const std::string& who) {
    first_point = 0;
    std::error_code ec;
    if (path.has_parent_path())
        std::filesystem::create_directories(path.parent_path(), ec);
    if (resume && std::filesystem::exists(path, ec)) {
        std::string text;
        {
            std::ifstream in{path, std::ios::binary};
            text.assign(std::istreambuf_iterator<char>{in}, {});
        }
        const auto kept = sim::check_sweep_resume(text, job.spec, job.points, path.string());
        if (!kept) {
            std::cerr << who << ": " << kept.error() << '\n';
            return std::nullopt;
        }
        if (kept->bytes > 0) {
            std::filesystem::resize_file(path, kept->bytes, ec);
            if (ec) {
                std::cerr << who << ": cannot cut " << path.string() << ": " << ec.message()
                          << '\n';
                return std::nullopt;
            }
            std::ofstream out{path, std::ios::binary | std::ios::app};
            if (!out) {
                std::cerr << who << ": cannot write " << path.string() << '\n';
                return std::nullopt;
            }
            first_point = kept->rows;
            std::cerr << who << ": resuming after " << kept->rows << " of " << job.points.size()
                      << " points already in " << path.string() << '\n';
            return out;
        }
    }
    std::ofstream out{path, std::ios::binary | std::ios::trunc};
    if (!out) {
        std::cerr << who << ": cannot write " << path.string()
                  << "\n  check that the folder exists and is writable\n";
        return std::nullopt;
    }
    sim::write_sweep_header(out, job.spec);
    out.flush();
    return out;
}

/// The closing lines; returns the exit code (0 done, 1 a point failed).
inline int report_sweep(const sim::sweep_outcome& o, const sweep_job& job, std::size_t first_point,
                        const std::filesystem::path& path, double seconds, const std::string& who,
                        const std::string& where) {
    const std::size_t done = first_point + o.rows_written;
    if (o.failure) {
        std::cerr << who << ": point " << o.failure->point << " (replicate " << o.failure->replicate
                  << ") failed: " << o.failure->message << "\n  points 0-"
                  << (done == 0 ? std::string{"none"} : std::to_string(done - 1)) << " are in "
                  << path.string() << "; run again with --resume to continue from point " << done
                  << '\n';
        return 1;
    }
    const double runs = 2.0 * static_cast<double>(o.rows_written) * job.spec.replicates;
    std::ostringstream rate;
    rate.precision(3);
    rate << (seconds > 0 ? runs / seconds : 0.0);
    std::cout << "Swept " << job.points.size() << " points x " << job.spec.replicates
              << " replicates (" << o.rows_written << " points this run, " << where << ") in "
              << static_cast<long long>(seconds * 10 + 0.5) / 10.0 << " s: " << rate.str()
              << " runs/s (a run is one replicate under the baseline or the scenario).\n"
              << "Table: " << path.string() << '\n';
    return 0;
}

} // namespace carepath::cli
