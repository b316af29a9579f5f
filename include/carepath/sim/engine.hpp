#pragma once
/// @file
/// Running the microsimulation.
///
/// API (stable; for tools/ and report/):
/// @code
///   carepath::sim::sim_config cfg;            // defaults: synthetic England on 31/03/2019,
///   cfg.years = 10; cfg.replicates = 4;       // one reported year, one replicate, 1 thread
///   cfg.threads = 2; cfg.scale = 0.1;         // 10% of England, counts scaled back up
///   carepath::sim::scenario s;                // baseline, or read_scenario(in, "file.txt")
///   auto r = carepath::sim::simulate(cfg, s, [](const carepath::sim::progress& p) { ... });
///   r.mean.years.back().figs[figure_key::cla_count];  // optional<double>
///   r.estimates[i]                            // figure i of the last year: mean, 95% t CI
///   cfg.parameter_uncertainty = true;         // assumptions drawn from ranges per replicate
///   write_json(os, r);  write_csv(os, r);     // summary.json / summary.csv (std::ostream&)
///   auto c = compare(cfg, s);                 // scenario against the baseline, same seed
///   paired_estimates(c)[i]                    // figure i: scenario - baseline, paired, t CI
///   write_json(os, c);  write_csv(os, c);
///   write_calibration_report(os, r);          // simulated against published figures
///   r.histories                               // core care_history of kept children
///                                             // (cfg.keep_histories = how many)
/// @endcode
/// A run is reproducible: the same config, scenario and seed give the same bytes from the
/// writers at any `threads`. The progress callback is called on the calling thread only.
///
/// The functions here are templates with nothing to choose (`template <class = void>`), called
/// as plain functions: with g++ a file compiles a template's body only if it calls it, and an
/// inline function's in every file that includes the header (issue 14: the model would add
/// about a third to the compile cost of any file including carepath.hpp).
#include "carepath/core/care_history.hpp"
#include "carepath/sim/assumptions.hpp"
#include "carepath/sim/calibration.hpp"
#include "carepath/sim/detail/model.hpp"
#include "carepath/sim/projection.hpp"
#include "carepath/sim/rng.hpp"
#include "carepath/sim/scenario.hpp"
#include "carepath/sim/stats.hpp"
#include "carepath/sim/summary.hpp"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cmath>
#include <cstdint>
#include <functional>
#include <limits>
#include <optional>
#include <ostream>
#include <span>
#include <stdexcept>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

namespace carepath::sim {

/// How far a run has got: `done` of `total` units (authority-replicates).
struct progress {
    std::size_t done = 0; ///< units finished
    std::size_t total = 0; ///< units in the run
    std::string_view stage; ///< "baseline", "scenario", or the scenario's name
};
/// Called on the calling thread as work finishes; may be empty.
using progress_callback = std::function<void(const progress&)>;

/// How to run.
struct sim_config {
    std::uint64_t seed = 20200331; ///< root of every random draw: same seed, same output
    std::uint32_t replicates = 1; ///< independent runs; estimates are over these
    unsigned threads = 1; ///< worker threads (the calling thread works too); 0 = all cores
    /// The stock date: the run starts with the children in care at the end of this day and
    /// reports years ending 31 March after it.
    date start = date{std::chrono::year{2019} / std::chrono::March / 31};
    int years = 1;                   ///< years reported
    int warmup_years = 0;            ///< years simulated before the reported ones (not reported)
    /// Synthetic stock only: years simulated *before* the stock date, with each child leaving
    /// care replaced by a new entry, so that on the stock date the count is the published one
    /// and its mix (ages within the bands, time in care, legal status) is the one the hazards
    /// keep up, not the drawn one (detail/stock.hpp). Not reported; 0 = start from the draw.
    int burn_in_years = 5;
    double scale = 1.0;              ///< share of England simulated; counts are scaled back up
    std::uint32_t authorities = 152; ///< England's 152 authorities, run independently
    /// The rates and shares the model runs on (England's by default).
    calibration params = default_england();
    std::optional<population_projection> projection; ///< entries from a population projection
    /// Children in care on `start` given as care histories (e.g. read from an SSDA903 return by
    /// the program); when non-empty they replace the synthetic stock, one authority per
    /// responsible authority, with entries scaled to their number.
    std::vector<care_history> initial;
    /// Keep care histories of replicate 0, about this many children: every child of whole
    /// authorities (the first ones, as many as their expected children fit), because figures
    /// from histories need whole populations (sibling groups, cohorts); when not even one
    /// authority fits, the first children of each authority (such figures are then not given).
    std::size_t keep_histories = 0;
    /// Parameter uncertainty: each replicate draws the unfitted assumptions of `params` from
    /// their plausible ranges (sim/assumptions.hpp), so intervals include what the model does
    /// not know as well as chance. The draws are keyed on (seed, replicate): a scenario and its
    /// baseline draw the same values, and stay paired. It needs 2 or more replicates in all
    /// (`replicates`, or `combined_replicates`): `simulate` refuses it with one.
    bool parameter_uncertainty = false;
    /// When a caller runs the replicates of one result one call each and combines them (a
    /// sweep's units, a council forecast's bootstrap replicates): how many replicates the
    /// combined result has. 0 when this run is the result, with `replicates` of its own.
    std::uint32_t combined_replicates = 0;
};

/// The result of a run.
struct run_result {
    std::string scenario_name; ///< name of the scenario run ("baseline" by default)
    sim_config config;               ///< as run (histories given are not copied back)
    summary mean;                    ///< the mean over replicates, year by year
    std::vector<summary> replicates; ///< each replicate
    std::array<figure_estimate, figure_count> estimates{}; ///< last year's figures with CIs
    std::vector<care_history> histories; ///< kept children's histories (replicate 0)
    double child_years = 0;   ///< child-years simulated (in care, and followed after care)
    double care_years = 0;    ///< of which in care
    std::uint64_t events = 0; ///< events processed
    /// Children simulated, over all authorities and replicates.
    std::uint64_t children = 0;
    /// Children simulated in replicate 0: `histories` holds every one of them when its size
    /// equals this (figures computed from histories need every child, sim/validation.hpp).
    std::uint64_t first_replicate_children = 0;
    /// The first authorities of replicate 0 whose every child's history is in `histories`
    /// (0 when the histories are the first children of each authority instead).
    std::uint32_t history_authorities = 0;
    /// Children simulated in those authorities: `histories` holds every one of them.
    std::uint64_t history_children = 0;
    /// Events a kept care_history refused (a model bug if not 0; tests check it).
    std::uint64_t refused_events = 0;
};

/// A scenario set beside the baseline with the same seed and config.
struct comparison {
    run_result baseline; ///< the run without the scenario
    run_result alternative; ///< the run with it
};

namespace detail {

// Builds the yearly summary from the counts summed over authorities: the series by the
// table in summary.hpp, then the figures.
template <class = void>
year_summary make_year(const year_acc& a, int year, double scale) {
    year_summary y;
    y.year = year;
    y.snapshot = date{std::chrono::year{year} / std::chrono::March / 31};
    const double up = 1.0 / scale;
    fill_series(y, a, up);

    auto& f = y.figs;
    using k = figure_key;
    using t = tally;
    auto pct = [](double num, double den) -> std::optional<double> {
        if (den <= 0)
            return std::nullopt;
        return 100.0 * num / den;
    };
    auto home = [&](home_kind h) { return a.at(t::by_home, static_cast<std::size_t>(h)); };
    auto legal = [&](legal_group g) { return a.at(t::by_legal, static_cast<std::size_t>(g)); };
    auto exits = [&](exit_route r) { return a.at(t::exits, static_cast<std::size_t>(r)); };
    auto age = [&](std::size_t band) { return a.at(t::by_age, band); };
    auto moved = [&](std::size_t n) { return a.at(t::by_moves, n); };
    const double n = a[t::in_care];
    const double left = a[t::exits_total];
    f.at(k::cla_count) = y.in_care;
    f.at(k::entries) = y.entries;
    f.at(k::exits) = y.exits;
    f.at(k::foster_share) = pct(home(home_kind::foster) + home(home_kind::kinship_foster), n);
    f.at(k::kinship_foster_share) = pct(home(home_kind::kinship_foster), n);
    f.at(k::long_term_foster_share) = pct(a[t::long_term], n);
    f.at(k::childrens_home_share) = pct(home(home_kind::childrens_home), n);
    f.at(k::semi_independent_16_17_share) = pct(a[t::semi_16_17], a[t::age_16_17]);
    f.at(k::placed_with_parents_share) = pct(home(home_kind::with_parents), n);
    f.at(k::placed_for_adoption_share) = pct(home(home_kind::placed_for_adoption), n);
    f.at(k::out_of_area_share) = pct(a[t::outside], n);
    f.at(k::uasc_share) = pct(a[t::uasc], n);
    f.at(k::care_order_share) =
        pct(legal(legal_group::care_order) + legal(legal_group::interim_care_order), n);
    f.at(k::placement_order_share) = pct(legal(legal_group::placement_order), n);
    f.at(k::s20_share) = pct(legal(legal_group::accommodated_s20), n);
    f.at(k::exit_return_home_share) = pct(exits(exit_route::return_home), left);
    f.at(k::exit_adoption_share) = pct(exits(exit_route::adoption), left);
    f.at(k::exit_sgo_share) = pct(exits(exit_route::special_guardianship), left);
    f.at(k::exit_cao_share) = pct(exits(exit_route::child_arrangements_order), left);
    f.at(k::exit_age18_share) = pct(a[t::leavers_at_18], left);
    f.at(k::three_plus_placements_share) = pct(moved(2) + moved(3), n);
    f.at(k::long_term_stability_share) = pct(a[t::stable], a[t::stable_base]);
    f.at(k::siblings_apart_share) = pct(a[t::apart], a[t::with_sibling]);
    if (a[t::care_days] > 0)
        f.at(k::sw_changes_per_child_year) =
            a[t::worker_changes] / (a[t::care_days] / days_per_year);
    f.at(k::no_change_home_school_sw_1yr_share) =
        pct(a[t::no_change_1yr], a[t::no_change_1yr_base]);
    f.at(k::no_change_home_school_sw_2yr_share) =
        pct(a[t::no_change_2yr], a[t::no_change_2yr_base]);
    if (a.cohort5) {
        f.at(k::reentry_within_5yr_share) = pct(a[t::reentry], a[t::reentry_base]);
        f.at(k::sgo_disruption_5yr_share) = pct(a[t::sgo_back], a[t::sgo_base]);
    }
    if (a.cohort12)
        f.at(k::adoption_breakdown_12yr_share) = pct(a[t::adoption_back], a[t::adoption_base]);
    if (a.cohort2) {
        f.at(k::kinship_foster_continuing_2yr_share) =
            pct(a[t::kinship_continuing], a[t::kinship_base]);
        f.at(k::unrelated_foster_continuing_2yr_share) =
            pct(a[t::unrelated_continuing], a[t::unrelated_base]);
    }
    if (a[t::continuity_moves] > 0)
        f.at(k::continuity_index_mean) = 100.0 * y.continuity_mean;
    if (a[t::leavers_at_18] > 0)
        f.at(k::lifelong_links_at_25_mean) = y.lifelong_links_at_25_mean;
    f.at(k::adoptions) = exits(exit_route::adoption) * up;
    f.at(k::male_share) = pct(a[t::male], n);
    f.at(k::age_under_1_share) = pct(age(0), n);
    f.at(k::age_1_4_share) = pct(age(1), n);
    f.at(k::age_5_9_share) = pct(age(2), n);
    f.at(k::age_10_15_share) = pct(age(3), n);
    f.at(k::age_16_plus_share) = pct(age(4), n);
    f.at(k::residential_and_semi_share) =
        pct(home(home_kind::childrens_home) + home(home_kind::semi_independent), n);
    f.at(k::independent_share) = pct(home(home_kind::independent), n);
    f.at(k::other_residential_share) = pct(home(home_kind::other_residential), n);
    f.at(k::one_placement_share) = pct(moved(0), n);
    f.at(k::siblings_apart_count) = a[t::apart] * up;
    f.at(k::childrens_home_count) = home(home_kind::childrens_home) * up;
    f.at(k::uasc_count) = a[t::uasc] * up;
    if (a[t::adoptions] > 0)
        f.at(k::adoption_entry_to_order_months) =
            a[t::adoption_days] / a[t::adoptions] / (days_per_year / 12);
    return y;
}

// Runs `n` tasks on `threads` workers plus the calling thread; `report(done)` is called on
// the calling thread after each task it finishes and once at the end.
template <class Task>
void run_parallel(std::size_t n, unsigned threads, Task&& task,
                  const std::function<void(std::size_t)>& report) {
    std::atomic<std::size_t> next{0}, done{0};
    auto work = [&](bool caller) {
        for (std::size_t i = next++; i < n; i = next++) {
            task(i);
            const auto d = ++done;
            if (caller && report)
                report(d);
        }
    };
    {
        std::vector<std::jthread> pool;
        const unsigned extra = threads > 1 ? threads - 1 : 0;
        for (unsigned t = 0; t < extra; ++t)
            pool.emplace_back([&] { work(false); });
        work(true);
    } // jthreads join here
    if (report)
        report(n);
}

// A keep_histories value meaning every child of the authority.
inline constexpr std::size_t keep_all = std::numeric_limits<std::size_t>::max();

// How many histories each authority of replicate 0 keeps: every child (keep_all) of the first
// authorities whose expected children (the stock plus a year's entries for each year run, by
// the authority's share) fit in `keep_histories`; when not one fits, an equal part of it each.
// Empty when none are kept.
template <class = void>
std::vector<std::size_t> histories_to_keep(const sim_config& config,
                                           std::span<const double> shares, int years) {
    const std::size_t n = shares.size();
    if (config.keep_histories == 0 || n == 0)
        return {};
    const double per_share =
        config.params.stock_count.value + config.params.entries_per_year.value * years;
    std::vector<std::size_t> keep(n, 0);
    double expected = 0;
    for (std::size_t la = 0; la < n; ++la) {
        expected += shares[la] * per_share;
        if (expected > static_cast<double>(config.keep_histories))
            break;
        keep[la] = keep_all;
    }
    if (keep.front() != keep_all)
        std::fill(keep.begin(), keep.end(), (config.keep_histories + n - 1) / n);
    return keep;
}

} // namespace detail

/// Runs the simulation of `policy` under `config`.
/// @throws std::invalid_argument for a config that cannot run (no years, scale <= 0, ...), or
/// parameter uncertainty (asked for by the config or by `policy`) with one replicate in all:
/// that would be one random draw of every unfitted assumption given as the model's figures.
template <class = void>
[[nodiscard]] run_result simulate(const sim_config& config, const scenario& policy = {},
                                  const progress_callback& on_progress = {}) {
    if (config.years < 1)
        throw std::invalid_argument{"sim_config: years must be at least 1"};
    if (config.warmup_years < 0)
        throw std::invalid_argument{"sim_config: warmup_years < 0"};
    if (config.burn_in_years < 0)
        throw std::invalid_argument{"sim_config: burn_in_years < 0"};
    if (!(config.scale > 0 && config.scale <= 1))
        throw std::invalid_argument{"sim_config: scale must be in (0, 1]"};
    if (config.replicates < 1)
        throw std::invalid_argument{"sim_config: replicates must be >= 1"};
    if (config.authorities < 1)
        throw std::invalid_argument{"sim_config: authorities must be >= 1"};
    if (!(policy.sw_turnover_factor >= 0) || !(policy.carer_recruitment_factor >= 0))
        throw std::invalid_argument{"scenario: factors must be >= 0"};
    // One replicate under parameter uncertainty is one random draw of every unfitted assumption
    // (each within half to one and a half times its value), with no interval to show the draw.
    if ((config.parameter_uncertainty || policy.parameter_uncertainty)
        && (config.combined_replicates != 0 ? config.combined_replicates : config.replicates) < 2)
        throw std::invalid_argument{
            "simulate: parameter uncertainty with one replicate would give one random draw of "
            "every unfitted assumption as the model's figures; run 2 or more replicates "
            "(sim_config::replicates, or combined_replicates when each call runs one replicate "
            "of a larger result): each draws its own, and the intervals carry them"};

    run_result out;
    out.scenario_name = policy.name;
    out.config = config;
    out.config.initial.clear();
    const int total_years = config.years + config.warmup_years;
    // a burn-in before the stock date (synthetic stock only): its years come first
    const int burn_in = config.initial.empty() ? config.burn_in_years : 0;
    const auto burn_in_ymd = std::chrono::year_month_day{config.start} - std::chrono::years{burn_in};
    const date run_start =
        burn_in_ymd.ok() ? date{burn_in_ymd}
                         : date{burn_in_ymd.year() / burn_in_ymd.month() / std::chrono::last};
    // Parameter uncertainty: one calibration per replicate, drawn before any child is run.
    const bool draw_inputs = config.parameter_uncertainty || policy.parameter_uncertainty;
    out.config.parameter_uncertainty = draw_inputs;
    std::vector<calibration> drawn;
    if (draw_inputs)
        for (std::uint32_t rep = 0; rep < config.replicates; ++rep)
            drawn.push_back(draw_assumptions(config.params, config.seed, rep));

    // authorities: synthetic England's, or one per responsible authority of given histories
    std::vector<local_authority_id> ids;
    std::vector<std::vector<detail::seed_child>> seeds;
    std::vector<double> shares;
    if (!config.initial.empty()) {
        auto given = detail::seeds_from(config.initial, config.start);
        std::sort(given.begin(), given.end(), [](const auto& a, const auto& b) {
            return a.first < b.first
                   || (a.first == b.first && a.second.subject.id < b.second.subject.id);
        });
        for (auto& [la, s] : given) {
            if (ids.empty() || ids.back() != la) {
                ids.push_back(la);
                seeds.emplace_back();
            }
            seeds.back().push_back(std::move(s));
        }
        for (const auto& s : seeds)
            shares.push_back(static_cast<double>(s.size()) / config.params.stock_count.value);
    } else {
        for (std::uint32_t i = 0; i < config.authorities; ++i) {
            ids.emplace_back(static_cast<std::uint16_t>(std::min<std::uint32_t>(i + 1, 65535)));
            shares.push_back(config.scale / config.authorities);
        }
    }
    const std::size_t n_auth = ids.size();
    const std::size_t tasks = n_auth * config.replicates;
    std::vector<detail::authority_result> results(tasks);
    // each replicate's stock (its calibration's count, or the default's) apportioned once
    std::vector<std::vector<std::uint32_t>> stock;
    for (std::uint32_t rep = 0; rep < (draw_inputs ? config.replicates : 1u); ++rep)
        stock.push_back(detail::stock_parts(
            (draw_inputs ? drawn[rep] : config.params).stock_count.value, shares));
    const auto keep = detail::histories_to_keep(config, shares, burn_in + total_years);
    const bool whole = !keep.empty() && keep.front() == detail::keep_all;
    const unsigned threads =
        config.threads == 0 ? std::max(1u, std::thread::hardware_concurrency()) : config.threads;

    detail::run_parallel(
        tasks, threads,
        [&](std::size_t i) {
            // Last task first: the authorities whose histories are kept (the first ones of
            // replicate 0) run at the end, so that the histories' long-lived memory does not
            // sit among the short-lived memory of every other authority's run, which made
            // each later allocation search a fragmented heap (a 60% longer England run).
            // Results go by task number, so the order changes nothing else.
            const std::size_t task = tasks - 1 - i;
            const std::size_t rep = task / n_auth, la = task % n_auth;
            detail::authority_input in;
            in.index = static_cast<std::uint32_t>(la);
            in.id = ids[la];
            in.seed = config.seed;
            in.replicate = static_cast<std::uint32_t>(rep);
            in.start = run_start;
            in.burn_in_until = config.start;
            in.years = burn_in + total_years;
            in.share = shares[la];
            in.keep_histories = rep == 0 && !keep.empty() ? keep[la] : 0;
            in.cal = draw_inputs ? &drawn[rep] : &config.params;
            in.stock = stock[draw_inputs ? rep : 0][la];
            in.policy = &policy;
            in.projection = config.projection ? &*config.projection : nullptr;
            in.seeds = seeds.empty() ? nullptr : &seeds[la];
            results[task] = detail::authority_model{in}.run();
        },
        [&](std::size_t done) {
            if (on_progress)
                on_progress(progress{done, tasks, policy.name});
        });

    const int first_year = year_of(config.start) + 1;
    const double scale = seeds.empty() ? config.scale : 1.0;
    for (std::uint32_t rep = 0; rep < config.replicates; ++rep) {
        std::vector<detail::year_acc> sum(static_cast<std::size_t>(burn_in + total_years));
        for (std::size_t la = 0; la < n_auth; ++la) {
            auto& r = results[rep * n_auth + la];
            for (std::size_t y = 0; y < sum.size(); ++y)
                sum[y].add(r.years[y]);
            out.child_years += r.child_days / detail::days_per_year;
            out.care_years += r.care_days / detail::days_per_year;
            out.events += r.events;
            out.children += r.children;
            out.refused_events += r.refused_events;
            if (rep == 0) {
                out.first_replicate_children += r.children;
                if (whole && keep[la] == detail::keep_all) {
                    ++out.history_authorities;
                    out.history_children += r.children;
                }
                for (auto& h : r.histories)
                    if (whole || out.histories.size() < config.keep_histories)
                        out.histories.push_back(std::move(h));
            }
        }
        summary s;
        for (int y = config.warmup_years; y < total_years; ++y)
            s.years.push_back(detail::make_year(sum[static_cast<std::size_t>(burn_in + y)],
                                                first_year + y, scale));
        out.replicates.push_back(std::move(s));
    }

    // the mean over replicates, and confidence intervals for the last year's figures
    out.mean = out.replicates.front();
    const double r = static_cast<double>(config.replicates);
    if (config.replicates > 1) {
        for (std::size_t y = 0; y < out.mean.years.size(); ++y) {
            auto& m = out.mean.years[y];
            // every series of the table in summary.hpp, slot by slot
            for_each_series([&](const auto& measure) {
                const auto mean = detail::series_values(m, measure);
                for (std::size_t i = 0; i < mean.size(); ++i) {
                    double s = 0;
                    for (const auto& rep : out.replicates)
                        s += detail::series_values(rep.years[y], measure)[i];
                    mean[i] = s / r;
                }
            });
            for (std::size_t i = 0; i < figure_count; ++i) {
                double s = 0;
                std::size_t n = 0;
                for (const auto& rep : out.replicates)
                    if (rep.years[y].figs.values[i]) {
                        s += *rep.years[y].figs.values[i];
                        ++n;
                    }
                m.figs.values[i] =
                    n ? std::optional<double>{s / static_cast<double>(n)} : std::nullopt;
            }
        }
    }
    // Student's t on replicates - 1 degrees of freedom; no interval from one replicate.
    for (std::size_t i = 0; i < figure_count; ++i) {
        auto& e = out.estimates[i];
        for (const auto& rep : out.replicates)
            if (const auto x = rep.years.back().figs.values[i])
                e.values.push_back(*x);
        // a NaN or infinite figure stops the run, named, rather than print a NaN interval
        require_finite(e.values, "simulate: figure "
                                     + std::string{to_string(enum_table<figure_key>::rows[i].value)});
        const auto est = estimate_mean(e.values);
        e.replicates = est.count;
        e.mean = est.mean;
        if (est.interval) {
            e.low = est.interval->low;
            e.high = est.interval->high;
        }
    }
    return out;
}

/// Runs the baseline and `alternative` with the same config and seed: replicate i of each
/// draws the same random numbers (common random numbers), so their difference in replicate i
/// is the scenario's effect plus far less noise than either run has. Parameter uncertainty
/// asked for by either scenario applies to both, for the same reason.
template <class = void>
[[nodiscard]] comparison compare(const sim_config& config, const scenario& alternative,
                                 const scenario& baseline = {},
                                 const progress_callback& on_progress = {}) {
    sim_config both = config;
    both.parameter_uncertainty = config.parameter_uncertainty || alternative.parameter_uncertainty
                                 || baseline.parameter_uncertainty;
    comparison c;
    c.baseline = simulate(both, baseline, on_progress);
    c.alternative = simulate(both, alternative, on_progress);
    return c;
}

/// Figure `i` of the last year in each replicate of `r` (nullopt where it was not measured).
template <class = void>
[[nodiscard]] std::vector<std::optional<double>> last_year_values(const run_result& r,
                                                                  std::size_t i) {
    std::vector<std::optional<double>> out;
    for (const auto& rep : r.replicates)
        out.push_back(rep.years.empty() ? std::nullopt : rep.years.back().figs.values[i]);
    return out;
}

/// Every last-year figure's paired difference, scenario minus baseline: the mean of the
/// per-replicate differences, with a Student's t interval on pairs - 1 degrees of freedom
/// (none from one pair). Replicates where either run lacks the figure are left out.
template <class = void>
[[nodiscard]] std::array<estimate, figure_count> paired_estimates(const comparison& c) {
    std::array<estimate, figure_count> out{};
    for (std::size_t i = 0; i < figure_count; ++i)
        out[i] =
            paired_difference(last_year_values(c.alternative, i), last_year_values(c.baseline, i));
    return out;
}

/// One figure's two runs, each averaged over the pairs a paired difference uses: the
/// replicates in which both runs measured it.
struct paired_means {
    std::optional<double> baseline; ///< the baseline's mean over the pairs (none without one)
    std::optional<double> scenario; ///< the scenario's mean over the same pairs
};

/// Every last-year figure's two runs, each averaged over the replicates in which both measured
/// it: the pairs `paired_estimates` uses, so its difference is the scenario's mean minus the
/// baseline's (to rounding). Where both runs measured a figure in every replicate, these are
/// the runs' own means (`run_result::mean`), to the last bit.
/// @throws std::invalid_argument if the runs have different numbers of replicates.
template <class = void>
[[nodiscard]] std::array<paired_means, figure_count> paired_run_means(const comparison& c) {
    std::array<paired_means, figure_count> out{};
    for (std::size_t i = 0; i < figure_count; ++i) {
        const auto a = last_year_values(c.baseline, i);
        const auto b = last_year_values(c.alternative, i);
        if (a.size() != b.size())
            throw std::invalid_argument{"paired_run_means: the runs have different numbers of "
                                        "replicates"};
        // summed in replicate order, as simulate sums a run's mean
        double sa = 0, sb = 0;
        std::size_t n = 0;
        for (std::size_t r = 0; r < a.size(); ++r)
            if (a[r] && b[r]) {
                sa += *a[r];
                sb += *b[r];
                ++n;
            }
        if (n > 0)
            out[i] = {sa / static_cast<double>(n), sb / static_cast<double>(n)};
    }
    return out;
}

namespace detail {
// `[v0,v1,...]`.
template <class = void>
void put_numbers(std::ostream& os, const std::vector<double>& values) {
    os << '[';
    for (std::size_t k = 0; k < values.size(); ++k) {
        if (k)
            os << ',';
        put_number(os, values[k]);
    }
    os << ']';
}

template <class = void>
void write_result_body(std::ostream& os, const run_result& r) {
    os << "{\"scenario\":";
    put_string(os, r.scenario_name);
    os << ",\"seed\":" << r.config.seed << ",\"replicates\":" << r.config.replicates
       << ",\"start\":";
    put_string(os, format_iso(r.config.start));
    os << ",\"scale\":";
    put_number(os, r.config.scale);
    os << ",\"figures\":";
    write_figures_json(os, r.mean.years.back().figs);
    os << ",\"figures_ci\":{";
    for (std::size_t i = 0; i < figure_count; ++i) {
        if (i)
            os << ',';
        put_string(os, to_string(enum_table<figure_key>::rows[i].value));
        const auto& e = r.estimates[i];
        os << ":{\"mean\":";
        put_optional(os, e.mean);
        os << ",\"low\":";
        put_optional(os, e.low);
        os << ",\"high\":";
        put_optional(os, e.high);
        os << ",\"replicates\":" << e.replicates << ",\"values\":";
        put_numbers(os, e.values);
        os << '}';
    }
    os << "},\"years\":[";
    for (std::size_t y = 0; y < r.mean.years.size(); ++y) {
        if (y)
            os << ',';
        write_year_json(os, r.mean.years[y]);
    }
    os << "],\"children\":" << r.children << ",\"events\":" << r.events << ",\"child_years\":";
    put_number(os, r.child_years);
    os << '}';
}
} // namespace detail

/// Writes `summary.json`: the last year's `figures` (mean over replicates), their confidence
/// intervals, and the yearly series.
template <class = void>
void write_json(std::ostream& os, const run_result& r) {
    detail::write_result_body(os, r);
    os << '\n';
}
/// Writes the series in long CSV form (`year,measure,category,value`), mean over replicates.
template <class = void>
void write_csv(std::ostream& os, const run_result& r) {
    write_series_csv(os, r.mean);
}

/// Writes `{"baseline": ..., "scenario": ..., "difference": {figure: {"mean", "low", "high",
/// "pairs", "values"}}}`: each figure's paired difference, scenario minus baseline (the mean of
/// the per-replicate differences in `values`, with its 95% Student's t interval; `low` and
/// `high` are null for fewer than 2 pairs, `mean` for none).
template <class = void>
void write_json(std::ostream& os, const comparison& c) {
    os << "{\"baseline\":";
    detail::write_result_body(os, c.baseline);
    os << ",\"scenario\":";
    detail::write_result_body(os, c.alternative);
    os << ",\"difference\":{";
    const auto paired = paired_estimates(c);
    for (std::size_t i = 0; i < figure_count; ++i) {
        if (i)
            os << ',';
        detail::put_string(os, to_string(enum_table<figure_key>::rows[i].value));
        const auto& d = paired[i];
        os << ":{\"mean\":";
        detail::put_optional(os, d.mean);
        os << ",\"low\":";
        detail::put_optional(os, d.interval ? std::optional{d.interval->low} : std::nullopt);
        os << ",\"high\":";
        detail::put_optional(os, d.interval ? std::optional{d.interval->high} : std::nullopt);
        os << ",\"pairs\":" << d.count << ",\"values\":";
        detail::put_numbers(os, paired_differences(last_year_values(c.alternative, i),
                                                   last_year_values(c.baseline, i)));
        os << '}';
    }
    os << "}}\n";
}
/// Writes `figure,baseline,scenario,difference,low,high,pairs` rows for the last year: the
/// runs' means over the `pairs` replicates in which both measured the figure
/// (`paired_run_means`), and the paired difference (scenario minus baseline, so baseline +
/// difference = scenario to rounding) with its 95% Student's t interval; empty cells where
/// there is nothing to show (no interval from one replicate). A figure measured in every
/// replicate has the runs' own means; one that is not can differ from a run's own mean (in
/// summary.json, and over every replicate that measured it).
template <class = void>
void write_csv(std::ostream& os, const comparison& c) {
    os << "figure,baseline,scenario,difference,low,high,pairs\n";
    const auto means = paired_run_means(c);
    const auto paired = paired_estimates(c);
    auto cell = [&](const std::optional<double>& v) {
        os << ',';
        if (v)
            detail::put_number(os, *v);
    };
    for (std::size_t i = 0; i < figure_count; ++i) {
        const auto& d = paired[i];
        os << to_string(enum_table<figure_key>::rows[i].value);
        cell(means[i].baseline);
        cell(means[i].scenario);
        cell(d.mean);
        cell(d.interval ? std::optional{d.interval->low} : std::nullopt);
        cell(d.interval ? std::optional{d.interval->high} : std::nullopt);
        os << ',' << d.count << '\n';
    }
}

/// One line of the calibration report.
struct calibration_check {
    target published; ///< the published target
    std::optional<double> simulated; ///< empty when the run does not cover the target's year
    bool within = false; ///< true when the simulated figure is within the target's tolerance
};

/// Compares a run's figures with each published target whose year the run reports.
template <class = void>
[[nodiscard]] std::vector<calibration_check>
check_calibration(const run_result& r, const std::vector<target>& targets = england_targets()) {
    std::vector<calibration_check> out;
    for (const auto& t : targets) {
        calibration_check c{t, std::nullopt, false};
        for (const auto& y : r.mean.years)
            if (y.year == t.year)
                c.simulated = y.figs[t.figure];
        if (c.simulated)
            c.within = within_tolerance(t, *c.simulated);
        if (t.conflicting)
            c.within = false;
        out.push_back(c);
    }
    return out;
}

/// Prints simulated against published figures, one per line, with the source id and whether
/// the figure was an input (so not evidence that the model is right).
template <class = void>
void write_calibration_report(std::ostream& os, const run_result& r,
                              const std::vector<target>& targets = england_targets()) {
    os << "figure                                   year   published   simulated  ok  source\n";
    for (const auto& c : check_calibration(r, targets)) {
        char line[256];
        const auto name = to_string(c.published.figure);
        std::string pub;
        char num[64];
        std::snprintf(num, sizeof num, "%.1f", c.published.value);
        pub = num;
        if (c.published.low && c.published.high) {
            std::snprintf(num, sizeof num, "%.0f-%.0f", *c.published.low, *c.published.high);
            pub = num;
        } else if (c.published.low) {
            pub = ">=" + pub;
        }
        std::string sim = "-";
        if (c.simulated) {
            std::snprintf(num, sizeof num, "%.1f", *c.simulated);
            sim = num;
        }
        std::snprintf(line, sizeof line, "%-40.*s %4d %11s %11s  %-3s %.*s%s\n",
                      static_cast<int>(name.size()), name.data(), c.published.year, pub.c_str(),
                      sim.c_str(),
                      !c.simulated || c.published.conflicting ? "-"
                      : c.within                              ? "yes"
                                                              : "NO",
                      static_cast<int>(c.published.id.size()), c.published.id.data(),
                      c.published.conflicting ? " (definitions conflict: not scored)"
                      : c.published.input     ? " (input/fitted)"
                                              : "");
        os << line;
    }
}

} // namespace carepath::sim
