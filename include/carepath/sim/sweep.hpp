#pragma once
/// @file
/// Sweeps: many runs across scenarios and parameter values, each point with replicates, each
/// replicate of a point run under the baseline and under the point's scenario on the same
/// random numbers. The answer depends only on the sweep: each (point, replicate) is seeded from
/// (sweep seed, point index, replicate index), points are summarised from their replicates in
/// replicate order, and rows are written in point order, so the table has the same bytes on 1
/// thread, 8 threads or 1,024 MPI ranks (sim/mpi.hpp), and after a resumed run.
///
/// @code
///   auto spec = read_sweep(in, "sweep.txt");          // sim/sweep_file.hpp
///   auto points = expand_sweep(*spec).value();
///   write_sweep_header(out, *spec);
///   auto outcome = run_sweep(*spec, points, 0, 2, out); // 2 threads; rows in point order
/// @endcode
#include "carepath/core/enum_table.hpp"
#include "carepath/core/result.hpp"
#include "carepath/sim/engine.hpp"
#include "carepath/sim/rng.hpp"
#include "carepath/sim/scenario.hpp"
#include "carepath/sim/stats.hpp"
#include "carepath/sim/summary.hpp"

#include <algorithm>
#include <array>
#include <atomic>
#include <cstdint>
#include <functional>
#include <mutex>
#include <optional>
#include <ostream>
#include <span>
#include <sstream>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

namespace carepath::sim {

/// How a sweep chooses its points.
enum class sweep_design : std::uint8_t {
    grid,           ///< every combination of the varied keys' values
    latin_hypercube ///< `samples` points, each key's range cut into `samples` strata, one each
};
} // namespace carepath::sim

/// Codes and labels of `sweep_design`.
template <>
struct carepath::enum_table<carepath::sim::sweep_design> {
    using e = carepath::sim::sweep_design; ///< short name for the enum in the rows
    /// One row per enumerator: value, code, label.
    static constexpr std::array rows{
        enum_row<e>{e::grid, "grid", "every combination of the values given"},
        enum_row<e>{e::latin_hypercube, "latin_hypercube", "Latin hypercube sample of the ranges"},
    };
};

namespace carepath::sim {

/// Limits that keep a sweep file from asking for more than a machine can hold.
inline constexpr std::size_t max_sweep_points = 100'000;      ///< points in one sweep
inline constexpr std::uint32_t max_sweep_replicates = 10'000; ///< replicates per point

/// A scenario key varied across the sweep: a list of values, or a numeric range.
struct sweep_parameter {
    std::string key;                 ///< one of scenario_keys (never `name`)
    std::vector<std::string> values; ///< a list, as written; empty when a range is given
    double low = 0;                  ///< a range's low end (when `values` is empty)
    double high = 0;                 ///< a range's high end
    std::size_t steps = 0;           ///< grid: values spaced evenly over [low, high], ends included
    std::size_t line = 0;            ///< where the sweep file gave it (0 when built in code)
    /// Equal in every field.
    friend bool operator==(const sweep_parameter&, const sweep_parameter&) = default;
};

/// What a sweep runs. Every run has `replicates = 1` and one thread; the sweep spreads runs.
struct sweep_spec {
    std::uint64_t seed = 1;                   ///< every unit's seed derives from it
    std::uint32_t replicates = 2;             ///< units per point
    int years = 1;                            ///< years reported per run
    int warmup_years = 0;                     ///< years simulated before them
    double scale = 0.01;                      ///< share of England per run
    std::uint32_t authorities = 152;          ///< authorities per run
    sweep_design design = sweep_design::grid; ///< how points are chosen
    std::size_t samples = 0;                  ///< latin_hypercube: points per scenario
    std::vector<figure_key> figures;          ///< the figures each row reports, in order
    scenario baseline{};                      ///< what every point is compared with
    std::vector<scenario> scenarios;          ///< empty: one scenario, the baseline's policies
    std::vector<sweep_parameter> parameters; ///< the scenario keys varied
    /// Equal in every field.
    friend bool operator==(const sweep_spec&, const sweep_spec&) = default;
};

/// One point: a scenario with the varied keys set, the baseline it is compared with, and the
/// keys' values as the table shows them.
struct sweep_point {
    std::size_t index = 0;           ///< the row's number, from 0 in table order
    scenario policy{};               ///< the scenario with the varied keys set
    /// What `policy` is compared with. When the sweep names scenarios, the baseline with the
    /// same varied keys set, so a difference is the scenario's effect at those values and not
    /// the keys' own; when it names none, the sweep's baseline as it is, so a difference is
    /// the effect of the keys' values.
    scenario baseline{};
    std::vector<std::string> values; ///< one per parameter, in the sweep's order
};

namespace detail {
// The table's number form: shortest text that reads back exactly (scenario.hpp).
inline std::string sweep_number(double v) {
    return exact_number(v);
}

// Latin hypercube: for parameter `d`, a permutation of the strata and a position inside each,
// from a stream keyed by the sweep seed and `d` alone, so adding replicates or scenarios
// never moves the points.
inline std::vector<double> hypercube_column(std::uint64_t seed, std::size_t d, std::size_t n) {
    stream s{rng_key{.seed = mix64(seed ^ 0x6c68735f64657369ULL),
                     .replicate = 0,
                     .entity = d,
                     .use = purpose::initial}};
    std::vector<std::size_t> perm(n);
    for (std::size_t i = 0; i < n; ++i)
        perm[i] = i;
    for (std::size_t i = n; i > 1; --i) // Fisher-Yates
        std::swap(perm[i - 1], perm[s.below(static_cast<std::uint32_t>(i))]);
    std::vector<double> u(n);
    for (std::size_t i = 0; i < n; ++i)
        u[i] = (static_cast<double>(perm[i]) + s.uniform()) / static_cast<double>(n);
    return u;
}
} // namespace detail

/// How many points `spec` has (saturating at max_sweep_points + 1).
[[nodiscard]] inline std::size_t sweep_point_count(const sweep_spec& spec) noexcept {
    const std::size_t scenarios = std::max<std::size_t>(1, spec.scenarios.size());
    std::size_t per = 1;
    if (spec.design == sweep_design::latin_hypercube) {
        per = spec.parameters.empty() ? 1 : spec.samples;
    } else {
        for (const auto& p : spec.parameters) {
            const std::size_t n = p.values.empty() ? p.steps : p.values.size();
            if (n != 0 && per > (max_sweep_points + 1) / n)
                return max_sweep_points + 1;
            per *= n;
        }
    }
    if (per != 0 && scenarios > (max_sweep_points + 1) / per)
        return max_sweep_points + 1;
    return scenarios * per;
}

/// The points of `spec` in table order: scenarios in the order given; inside each, grid points
/// with the last key varying fastest, or the Latin hypercube's samples in draw order.
/// A value a scenario key refuses gives the diagnostic with the key, value and line.
[[nodiscard]] inline result<std::vector<sweep_point>> expand_sweep(const sweep_spec& spec) {
    const std::size_t count = sweep_point_count(spec);
    if (count == 0 || count > max_sweep_points)
        return diagnostic{.message = "a sweep must have between 1 and "
                                     + std::to_string(max_sweep_points) + " points"};
    const std::size_t k = spec.parameters.size();
    // the values of each parameter, per point of one scenario
    std::vector<std::vector<std::string>> per_point;
    if (spec.design == sweep_design::latin_hypercube && k > 0) {
        per_point.assign(spec.samples, std::vector<std::string>(k));
        for (std::size_t d = 0; d < k; ++d) {
            const auto& p = spec.parameters[d];
            const auto u = detail::hypercube_column(spec.seed, d, spec.samples);
            for (std::size_t i = 0; i < spec.samples; ++i) {
                if (p.values.empty()) {
                    per_point[i][d] = detail::sweep_number(p.low + (p.high - p.low) * u[i]);
                } else {
                    const auto m = p.values.size();
                    const auto j =
                        std::min(m - 1, static_cast<std::size_t>(u[i] * static_cast<double>(m)));
                    per_point[i][d] = p.values[j];
                }
            }
        }
    } else {
        per_point.emplace_back();
        for (const auto& p : spec.parameters) {
            std::vector<std::string> vals = p.values;
            if (vals.empty())
                for (std::size_t i = 0; i < p.steps; ++i) {
                    const double n1 = static_cast<double>(p.steps - 1);
                    const double t = static_cast<double>(i);
                    // weighted ends, so both ends come out exact
                    vals.push_back(detail::sweep_number(
                        p.steps == 1 ? p.low : (p.low * (n1 - t) + p.high * t) / n1));
                }
            std::vector<std::vector<std::string>> next;
            next.reserve(per_point.size() * vals.size());
            for (const auto& prefix : per_point)
                for (const auto& v : vals) {
                    next.push_back(prefix);
                    next.back().push_back(v);
                }
            per_point = std::move(next);
        }
    }
    std::vector<scenario> bases = spec.scenarios;
    if (bases.empty()) {
        bases.push_back(spec.baseline);
        bases.back().name = "scenario";
    }
    // with named scenarios the varied keys are set in the baseline too, so each point asks
    // what the scenario changes at those values (docs/scale-out.md)
    const bool vary_baseline = !spec.scenarios.empty();
    std::vector<sweep_point> out;
    out.reserve(count);
    for (const auto& base : bases)
        for (const auto& vals : per_point) {
            sweep_point pt{
                .index = out.size(), .policy = base, .baseline = spec.baseline, .values = vals};
            for (std::size_t d = 0; d < k; ++d) {
                auto r = set_scenario_key(pt.policy, spec.parameters[d].key, vals[d]);
                if (r && vary_baseline)
                    r = set_scenario_key(pt.baseline, spec.parameters[d].key, vals[d]);
                if (!r) {
                    auto e = r.error();
                    e.line = spec.parameters[d].line;
                    return e;
                }
            }
            out.push_back(std::move(pt));
        }
    return out;
}

/// The seed of replicate `replicate` of point `point`: a function of the three numbers only,
/// so a unit gives the same runs on any thread or rank, in any order.
[[nodiscard]] constexpr std::uint64_t sweep_unit_seed(std::uint64_t seed, std::size_t point,
                                                      std::uint32_t replicate) noexcept {
    std::uint64_t h = mix64(seed ^ 0x7377656570756e74ULL); // "sweepunt"
    h = mix64(h ^ static_cast<std::uint64_t>(point));
    return mix64(h ^ replicate);
}

/// The figures of one replicate of one point, under the baseline and the point's scenario
/// (same seed, so on common random numbers); one value per spec.figures, absent when a run
/// did not measure it.
struct sweep_unit_values {
    /// Under the baseline, one per `sweep_spec::figures`.
    std::vector<std::optional<double>> baseline;
    /// Under the point's scenario, one per `sweep_spec::figures`.
    std::vector<std::optional<double>> scenario;
    /// Same values.
    friend bool operator==(const sweep_unit_values&, const sweep_unit_values&) = default;
};

/// The config every run of a unit uses.
[[nodiscard]] inline sim_config sweep_unit_config(const sweep_spec& spec, std::size_t point,
                                                  std::uint32_t replicate) {
    sim_config cfg;
    cfg.seed = sweep_unit_seed(spec.seed, point, replicate);
    cfg.replicates = 1;
    cfg.combined_replicates = spec.replicates; // a point's units are combined
    cfg.threads = 1;
    cfg.years = spec.years;
    cfg.warmup_years = spec.warmup_years;
    cfg.scale = spec.scale;
    cfg.authorities = spec.authorities;
    return cfg;
}

/// Runs one unit: the point's baseline and its scenario on the unit's seed.
/// @throws what simulate throws (a config or scenario it cannot run).
[[nodiscard]] inline sweep_unit_values
run_sweep_unit(const sweep_spec& spec, const sweep_point& point, std::uint32_t replicate) {
    const auto cfg = sweep_unit_config(spec, point.index, replicate);
    const auto c = compare(cfg, point.policy, point.baseline);
    sweep_unit_values v;
    for (const auto f : spec.figures) {
        v.baseline.push_back(c.baseline.mean.years.back().figs[f]);
        v.scenario.push_back(c.alternative.mean.years.back().figs[f]);
    }
    return v;
}

/// A point summarised over its replicates: each figure's mean under the scenario with its t
/// interval, and the paired difference from the baseline with its interval. A figure a run did
/// not measure is left out of that figure's summaries only, so each estimate carries its own
/// n (`estimate::count`), which can be below `replicates`: the table writes it beside the
/// figure's interval, as `F_n` and `F_diff_n`.
struct sweep_row {
    std::size_t point = 0;            ///< the point's index
    std::string scenario_name;        ///< its scenario's name
    std::vector<std::string> values;  ///< the varied keys' values, as in sweep_point
    std::uint32_t replicates = 0;     ///< units run (each figure's own n is in its estimates)
    /// One per figure: over the replicates whose scenario run measured it (`count` of them).
    std::vector<estimate> mean;
    /// One per figure: scenario minus baseline per replicate, then averaged, over the
    /// replicates where both runs measured it (`count` pairs).
    std::vector<estimate> difference;
};

/// Summarises `units` (replicate order) of `point`.
[[nodiscard]] inline sweep_row summarise_point(const sweep_spec& spec, const sweep_point& point,
                                               std::span<const sweep_unit_values> units) {
    sweep_row r{.point = point.index,
                .scenario_name = point.policy.name,
                .values = point.values,
                .replicates = static_cast<std::uint32_t>(units.size()),
                .mean = {},
                .difference = {}};
    for (std::size_t f = 0; f < spec.figures.size(); ++f) {
        std::vector<double> present;
        std::vector<std::optional<double>> a, b;
        for (const auto& u : units) {
            if (u.scenario[f])
                present.push_back(*u.scenario[f]);
            a.push_back(u.scenario[f]);
            b.push_back(u.baseline[f]);
        }
        // a NaN or infinite value stops the sweep, naming the figure and point (stats.hpp)
        const std::string where = "sweep point " + std::to_string(point.index) + ", figure "
                                  + std::string{to_string(spec.figures[f])};
        require_finite(a, where + " under the scenario");
        require_finite(b, where + " under the baseline");
        r.mean.push_back(estimate_mean(present));
        r.difference.push_back(paired_difference(a, b));
    }
    return r;
}

namespace detail {
inline void put_csv_cell(std::ostream& os, std::string_view s) {
    if (s.find_first_of(",\"\r\n") == std::string_view::npos) {
        os << s;
        return;
    }
    os << '"';
    for (char c : s)
        os << (c == '"' ? "\"\"" : std::string_view{&c, 1});
    os << '"';
}
// mean, low, high, n: the n is always written (0 when no run measured the figure)
inline void put_estimate(std::ostream& os, const estimate& e) {
    os << ',';
    if (e.mean)
        os << sweep_number(*e.mean);
    os << ',';
    if (e.interval)
        os << sweep_number(e.interval->low);
    os << ',';
    if (e.interval)
        os << sweep_number(e.interval->high);
    os << ',' << e.count;
}
// The start of a point's row, up to its first number: what resume checks a kept row against.
inline std::string row_prefix(const sweep_point& p) {
    std::ostringstream os;
    os << p.index << ',';
    put_csv_cell(os, p.policy.name);
    for (const auto& v : p.values) {
        os << ',';
        put_csv_cell(os, v);
    }
    os << ',';
    return os.str();
}
} // namespace detail

/// The columns each figure F has, in order: F_mean, F_low, F_high (the scenario's mean and
/// its interval), F_n (the replicates whose scenario run measured F: the n behind them), then
/// F_diff, F_diff_low, F_diff_high (the paired difference from the baseline and its interval)
/// and F_diff_n (the replicates where both runs measured F: the pairs behind them).
inline constexpr std::array<std::string_view, 8> sweep_figure_suffixes{
    "_mean", "_low", "_high", "_n", "_diff", "_diff_low", "_diff_high", "_diff_n"};

/// The table's column names: point, scenario, the varied keys, replicates (units run), then
/// for each figure the columns of sweep_figure_suffixes.
[[nodiscard]] inline std::vector<std::string> sweep_columns(const sweep_spec& spec) {
    std::vector<std::string> c{"point", "scenario"};
    for (const auto& p : spec.parameters)
        c.push_back(p.key);
    c.emplace_back("replicates");
    for (const auto f : spec.figures) {
        const std::string n{to_string(f)};
        for (const auto suffix : sweep_figure_suffixes)
            c.push_back(n + std::string{suffix});
    }
    return c;
}

/// Writes the header line.
inline void write_sweep_header(std::ostream& os, const sweep_spec& spec) {
    const auto c = sweep_columns(spec);
    for (std::size_t i = 0; i < c.size(); ++i) {
        if (i)
            os << ',';
        detail::put_csv_cell(os, c[i]);
    }
    os << '\n';
}

/// Writes one row; empty cells where a figure was not measured or has no interval (fewer
/// than 2 values), and each figure's n and pairs as whole numbers (0 when none).
inline void write_sweep_row(std::ostream& os, const sweep_row& r) {
    os << r.point << ',';
    detail::put_csv_cell(os, r.scenario_name);
    for (const auto& v : r.values) {
        os << ',';
        detail::put_csv_cell(os, v);
    }
    os << ',' << r.replicates;
    for (std::size_t f = 0; f < r.mean.size(); ++f) {
        detail::put_estimate(os, r.mean[f]);
        detail::put_estimate(os, r.difference[f]);
    }
    os << '\n';
}

/// How much of an earlier output can be kept: the header and the rows, in point order from 0,
/// that are complete lines and match the sweep's points. `bytes` is where the kept text ends
/// (truncate there and append); `rows` how many points it holds.
struct sweep_resume {
    std::size_t bytes = 0; ///< the kept text's length
    std::size_t rows = 0;  ///< the points it holds
};

/// Reads an earlier output of the same sweep. A header that differs is an error (another
/// sweep's table); a row that is cut short or does not match its point ends the kept part.
[[nodiscard]] inline result<sweep_resume> check_sweep_resume(std::string_view text,
                                                             const sweep_spec& spec,
                                                             const std::vector<sweep_point>& points,
                                                             std::string_view file_name) {
    std::ostringstream header;
    write_sweep_header(header, spec);
    if (text.empty())
        return sweep_resume{};
    const auto h = header.str();
    if (!text.starts_with(h))
        return diagnostic{
            .file = std::string{file_name},
            .line = 1,
            .value = std::string{text.substr(0, std::min<std::size_t>(text.find('\n'), 80))},
            .message = "the table's header is not this sweep's (a different "
                       "sweep file?); remove it or write elsewhere"};
    sweep_resume r{.bytes = h.size(), .rows = 0};
    // replicates and the numbers
    const std::size_t cells = sweep_figure_suffixes.size() * spec.figures.size() + 1;
    while (r.rows < points.size()) {
        const auto end = text.find('\n', r.bytes);
        if (end == std::string_view::npos)
            break;
        const auto line = text.substr(r.bytes, end - r.bytes);
        const auto prefix = detail::row_prefix(points[r.rows]);
        if (!line.starts_with(prefix))
            break;
        // the rest holds numbers only: count its cells and check each reads as a number
        std::size_t n = 0;
        bool numbers = true;
        std::size_t pos = prefix.size();
        while (true) {
            const auto comma = line.find(',', pos);
            const auto cell =
                line.substr(pos, comma == std::string_view::npos ? line.size() - pos : comma - pos);
            ++n;
            if (!cell.empty() && !detail::parse_number(cell))
                numbers = false;
            if (comma == std::string_view::npos)
                break;
            pos = comma + 1;
        }
        if (!numbers || n != cells)
            break;
        r.bytes = end + 1;
        ++r.rows;
    }
    return r;
}

/// Where a sweep stopped when a unit failed.
struct sweep_failure {
    std::size_t point = 0;       ///< the failed unit's point
    std::uint32_t replicate = 0; ///< and replicate
    std::string message;         ///< why (the exception's text)
};
/// What a sweep run did: rows written (this run), and the first failure if one stopped it.
struct sweep_outcome {
    std::size_t rows_written = 0;         ///< rows this run added
    std::optional<sweep_failure> failure; ///< the first failed unit, if any
};

/// Collects units as they finish (from any thread) and writes each point's row once the point
/// and every point before it are complete, so the output is always a prefix of the table.
class sweep_collector {
public:
    /// Rows go to `out` from `first_point` on; `spec` and `points` must outlive the collector.
    sweep_collector(const sweep_spec& spec, const std::vector<sweep_point>& points,
                    std::size_t first_point, std::ostream& out)
        : spec_{&spec}, points_{&points}, next_row_{first_point}, out_{&out},
          units_(points.size() * spec.replicates), done_(points.size(), 0) {}

    /// Units in the whole sweep (points x replicates).
    [[nodiscard]] std::size_t unit_count() const noexcept { return units_.size(); }

    /// Records unit `u` (point u / replicates, replicate u % replicates).
    void add(std::size_t u, sweep_unit_values v) {
        std::lock_guard lock{mutex_};
        units_[u] = std::move(v);
        ++done_[u / spec_->replicates];
        flush();
    }
    /// Records a failed unit; later rows are not written.
    void fail(std::size_t u, std::string message) {
        std::lock_guard lock{mutex_};
        const sweep_failure f{.point = u / spec_->replicates,
                              .replicate = static_cast<std::uint32_t>(u % spec_->replicates),
                              .message = std::move(message)};
        if (!outcome_.failure || f.point < outcome_.failure->point)
            outcome_.failure = f;
        stopped_ = true;
    }
    /// True once a unit has failed: hand out no more work.
    [[nodiscard]] bool stopped() const {
        std::lock_guard lock{mutex_};
        return stopped_;
    }
    /// Rows written so far, and the failure if one stopped the sweep.
    [[nodiscard]] sweep_outcome outcome() const {
        std::lock_guard lock{mutex_};
        return outcome_;
    }

private:
    void flush() {
        const auto reps = spec_->replicates;
        while (next_row_ < points_->size() && done_[next_row_] == reps
               && (!outcome_.failure || next_row_ < outcome_.failure->point)) {
            const std::span<const sweep_unit_values> mine{units_.data() + next_row_ * reps, reps};
            write_sweep_row(*out_, summarise_point(*spec_, (*points_)[next_row_], mine));
            out_->flush(); // a row on disk is a row a resumed run keeps
            units_[next_row_ * reps] = {};
            ++next_row_;
            ++outcome_.rows_written;
        }
    }
    const sweep_spec* spec_;
    const std::vector<sweep_point>* points_;
    std::size_t next_row_;
    std::ostream* out_;
    std::vector<sweep_unit_values> units_;
    std::vector<std::uint32_t> done_;
    sweep_outcome outcome_;
    bool stopped_ = false;
    mutable std::mutex mutex_;
};

/// Runs one unit for the collector: a callable (spec, point, replicate) -> sweep_unit_values.
using sweep_unit_runner =
    std::function<sweep_unit_values(const sweep_spec&, const sweep_point&, std::uint32_t)>;

/// Runs points [first_point, points.size()) on `threads` threads (the calling thread waits),
/// writing rows to `out` in point order as they complete (the header is the caller's).
/// A unit that throws stops new work; the rows before its point are written, and the outcome
/// names the point, replicate and reason.
inline sweep_outcome run_sweep(const sweep_spec& spec, const std::vector<sweep_point>& points,
                               std::size_t first_point, unsigned threads, std::ostream& out,
                               const sweep_unit_runner& runner = run_sweep_unit) {
    sweep_collector c{spec, points, first_point, out};
    const std::size_t total = c.unit_count();
    std::atomic<std::size_t> next{first_point * spec.replicates};
    auto work = [&] {
        // check before taking: a unit taken is always run, so every unit before a failed one
        // (taken earlier) completes and its row is written
        while (!c.stopped()) {
            const std::size_t u = next++;
            if (u >= total)
                break;
            const auto& p = points[u / spec.replicates];
            const auto rep = static_cast<std::uint32_t>(u % spec.replicates);
            try {
                c.add(u, runner(spec, p, rep));
            } catch (const std::exception& e) {
                c.fail(u, e.what());
            }
        }
    };
    {
        // every unit runs on a pool thread, even with one thread: glibc gives each thread its
        // own malloc arena, and the main arena's trimming after each run cost a third more
        // CPU time (measured; docs/scale-out.md)
        std::vector<std::jthread> pool;
        for (unsigned t = 0; t < std::max(1u, threads); ++t)
            pool.emplace_back(work);
    }
    return c.outcome();
}

} // namespace carepath::sim
