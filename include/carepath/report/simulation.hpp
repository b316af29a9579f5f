#pragma once
/// @file
/// The report of a simulation run: the yearly series of the run (scaled to England), the
/// relationship and survival parts from the children whose histories the run kept, and, for a
/// scenario, each share beside the baseline's with its 95% interval over replicates.
#include "carepath/report/care_report.hpp"
#include "carepath/report/relationships.hpp"
#include "carepath/sim/engine.hpp"
#include "carepath/sim/summary.hpp"

#include <cstddef>
#include <string>
#include <vector>

namespace carepath::report {

/// The report data of `r`: children in care on each 31 March by kind of home, entries and
/// exits by route, children by moves at the last 31 March, sibling separation; continuity per
/// move and time to leaving care from the kept histories (`sim_config::keep_histories`).
[[nodiscard]] inline care_report_data summarise_run(const sim::run_result& r) {
    care_report_data out;
    out.title = "carepath simulation: " + r.scenario_name;
    out.subtitle = "Simulated children's journeys through care in England, scaled to England's "
                   "numbers. Colours and order follow the data, not merit.";
    const auto& years = r.mean.years;
    if (!years.empty()) {
        out.stock_text = "Children looked after on 31 March of each year, by the kind of home.";
        for (const auto& y : years) {
            out.stock_dates.push_back(format_iso(y.snapshot));
            out.years.push_back(collection_year_label(y.year));
        }
        for (const auto k : all_values<sim::home_kind>()) {
            series s{std::string{describe(k)}, {}};
            for (const auto& y : years)
                s.values.push_back(y.stock_by_home[static_cast<std::size_t>(k)]);
            out.stock_by_placement.push_back(std::move(s));
        }
        series entries{"all entries", {}};
        for (const auto& y : years)
            entries.values.push_back(y.entries);
        out.entries_by_status.push_back(std::move(entries));
        const auto routes = all_values<exit_route>();
        for (std::size_t i = 0; i < routes.size(); ++i) {
            series s{std::string{describe(routes[i])}, {}};
            double total = 0;
            for (const auto& y : years) {
                s.values.push_back(y.exits_by_route[i]);
                total += y.exits_by_route[i];
            }
            if (total > 0)
                out.exits_by_route.push_back(std::move(s));
        }
        const auto& last = years.back();
        out.moves_per_child.assign(last.children_by_moves.begin(), last.children_by_moves.end());
        out.moves_per_child_mean = last.moves_per_child_year;
        out.moves_text = "Children in care on 31 March " + std::to_string(last.year)
                         + ", by moves of home in the year before (mean given: moves per "
                           "child-year in care).";
        for (const auto& y : years)
            out.siblings.push_back(
                {format_iso(y.snapshot), y.with_sibling_in_care, y.siblings_apart});
        if (std::ranges::all_of(
                out.siblings, [](const sibling_counts& s) { return s.with_sibling_in_care == 0; }))
            out.siblings.clear();
    }
    if (!r.histories.empty()) {
        const int last_year = year_of(r.config.start) + r.config.warmup_years + r.config.years;
        const report_window window{r.config.start + days{1},
                                   *make_date(last_year, 3, 31) + days{1}};
        const auto kept = summarise_histories(r.histories, window);
        out.survival = kept.survival;
        out.continuity = continuity_by_move(r.histories, window);
        out.continuity_note = "The kept children's histories record no relationship before a move.";
    } else {
        out.continuity_note = "The run kept no children's histories (keep_histories = 0).";
    }
    out.facts = {
        {"scenario", r.scenario_name},
        {"seed", std::to_string(r.config.seed)},
        {"replicates", std::to_string(r.config.replicates)},
        {"share of England simulated", format_number(100 * r.config.scale, 1) + "%"},
        {"children simulated", std::to_string(r.children)},
        {"child-years simulated", format_number(r.child_years, 0)},
        {"histories kept for continuity and survival", std::to_string(r.histories.size())}};

    data_table figs;
    figs.caption = "Figures for the last year (mean over replicates, 95% interval)";
    figs.columns = {"figure", "mean", "low", "high", "replicates"};
    for (std::size_t i = 0; i < sim::figure_count; ++i) {
        const auto& e = r.estimates[i];
        auto cell = [](const std::optional<double>& v) {
            return v ? format_number(*v, 2) : std::string{"-"};
        };
        figs.add_row({std::string{to_string(enum_table<sim::figure_key>::rows[i].value)},
                      cell(e.mean), cell(e.low), cell(e.high), std::to_string(e.replicates)});
    }
    out.extra_tables.push_back(std::move(figs));
    out.extra_title = "Figures";
    return out;
}

/// Adds a scenario's comparison: every share (0-100) measured in both runs, baseline against
/// scenario with 95% intervals over replicates.
inline void add_comparison(care_report_data& d, const sim::comparison& c) {
    d.baseline_name = c.baseline.scenario_name;
    d.scenario_name = c.alternative.scenario_name;
    d.title = "carepath simulation: " + c.alternative.scenario_name + " against "
              + c.baseline.scenario_name;
    d.comparison.clear();
    for (std::size_t i = 0; i < sim::figure_count; ++i) {
        const auto key = enum_table<sim::figure_key>::rows[i].value;
        if (!sim::is_share(key))
            continue;
        const auto& a = c.baseline.estimates[i];
        const auto& b = c.alternative.estimates[i];
        if (!a.mean || !b.mean)
            continue;
        auto est = [](const sim::figure_estimate& e) {
            return interval_estimate{*e.mean, e.low.value_or(*e.mean), e.high.value_or(*e.mean)};
        };
        d.comparison.push_back({std::string{to_string(key)}, est(a), est(b)});
    }
}

} // namespace carepath::report
