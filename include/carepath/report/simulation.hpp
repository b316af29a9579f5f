#pragma once
/// @file
/// The report of a simulation run: the yearly series of the run (scaled to England), the
/// relationship and survival parts from the children whose histories the run kept, what the
/// model assumes and how well it reproduces published figures. For a scenario, every chart and
/// table is labelled with the run it shows (baseline, scenario, or the difference), and each
/// figure's paired difference (scenario minus baseline, on common random numbers) is shown
/// with its Student's t interval.
#include "carepath/core/dates.hpp"
#include "carepath/report/care_report.hpp"
#include "carepath/report/difference_chart.hpp"
#include "carepath/report/model_evidence.hpp"
#include "carepath/report/relationships.hpp"
#include "carepath/sim/engine.hpp"
#include "carepath/sim/stats.hpp"
#include "carepath/sim/summary.hpp"

#include <algorithm>
#include <array>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace carepath::report {

/// How the report's intervals are made, for `replicates` replicates, in words.
[[nodiscard]] inline std::string interval_method(std::size_t replicates) {
    if (replicates < 2)
        return "none: one replicate gives no interval (run 2 or more replicates)";
    return "95%, Student's t on " + std::to_string(replicates - 1)
           + " degrees of freedom (multiplier " + format_number(sim::t_critical(replicates - 1), 3)
           + ")";
}

namespace detail {
// "12.3 to 14.5", or why there is no interval.
inline std::string interval_cell(const std::optional<double>& low,
                                 const std::optional<double>& high, std::size_t replicates,
                                 int decimals = 2) {
    if (replicates == 1)
        return "none: 1 replicate";
    if (low && high)
        return format_number(*low, decimals) + " to " + format_number(*high, decimals);
    return "-";
}
} // namespace detail

/// The last year's figures of `r`: what each measures, the mean over replicates and its 95%
/// Student's t interval (none for one replicate: the table says so).
[[nodiscard]] inline data_table figures_table(const sim::run_result& r) {
    data_table figs;
    figs.caption = "Figures for the last year (mean over replicates; 95% interval, Student's t)";
    figs.columns = {"figure", "what it measures", "mean", "95% interval", "replicates"};
    for (std::size_t i = 0; i < sim::figure_count; ++i) {
        const auto key = enum_table<sim::figure_key>::rows[i].value;
        const auto& e = r.estimates[i];
        figs.add_row({std::string{to_string(key)}, figure_definition(key),
                      e.mean ? format_number(*e.mean, 2) : std::string{"-"},
                      detail::interval_cell(e.low, e.high, e.replicates),
                      std::to_string(e.replicates)});
    }
    return figs;
}

namespace detail {
// Whether the kept histories are whole populations (every child of the first authorities, or
// of the replicate), which the parts from histories need; the first children of each
// authority are its starting stock, not a sample of children in care or entering care.
inline bool whole_histories(const sim::run_result& r) {
    return !r.histories.empty()
           && (r.history_authorities > 0 || r.histories.size() >= r.first_replicate_children);
}
// Which children the parts from kept histories describe, for their sections' text.
inline std::string history_sample(const sim::run_result& r) {
    std::string who = r.history_authorities > 0
                          ? "every child of " + std::to_string(r.history_authorities)
                                + (r.history_authorities == 1 ? " authority" : " authorities")
                                + " of replicate 1 (" + std::to_string(r.history_children)
                                + " of its " + std::to_string(r.first_replicate_children)
                                + " children)"
                          : "every child of replicate 1 (" + std::to_string(r.histories.size())
                                + " children)";
    std::string out = "From the histories kept: " + who
                      + "; counts are of those children, not scaled to England, and have no "
                        "interval over replicates.";
    if (r.config.parameter_uncertainty)
        out += " Under parameter uncertainty replicate 1 ran on one draw of the assumptions, "
               "not on their values.";
    return out;
}
// Why the parts from kept histories are not given when the histories are not whole.
inline std::string partial_histories_note(const sim::run_result& r) {
    return "Not computed: the run kept " + std::to_string(r.histories.size())
           + " histories, the first children made in each authority of replicate 1 (its "
             "starting stock), because no whole authority's children fit in the number asked "
             "for (--histories, keep_histories). Those children are not a sample of the "
             "children in care or entering care. Keep more histories (every child of at least "
             "one authority) for this part.";
}
} // namespace detail

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
    if (!r.histories.empty() && !detail::whole_histories(r)) {
        out.continuity_note = detail::partial_histories_note(r);
        out.survival_note = out.continuity_note;
    } else if (!r.histories.empty()) {
        const int last_year = year_of(r.config.start) + r.config.warmup_years + r.config.years;
        const report_window window{r.config.start + days{1},
                                   *make_date(last_year, 3, 31) + days{1}};
        const auto kept = summarise_histories(r.histories, window);
        out.survival = kept.survival;
        out.continuity = continuity_by_move(r.histories, window);
        out.continuity_note = "The kept children's histories record no relationship before a move.";
    } else {
        out.continuity_note = "The run kept no children's histories (keep_histories = 0).";
        out.survival_note = out.continuity_note;
    }
    out.facts = {
        {"scenario", r.scenario_name},
        {"seed", std::to_string(r.config.seed)},
        {"replicates", std::to_string(r.config.replicates)},
        {"share of England simulated", format_number(100 * r.config.scale, 1) + "%"},
        {"children simulated", std::to_string(r.children)},
        {"child-years simulated", format_number(r.child_years, 0)},
        {"histories kept for continuity and survival",
         std::to_string(r.histories.size())
             + (r.history_authorities > 0
                    ? " (every child of " + std::to_string(r.history_authorities)
                          + (r.history_authorities == 1 ? " authority" : " authorities")
                          + ", replicate 1)"
                    : !r.histories.empty() && !detail::whole_histories(r)
                        ? " (the first children of each authority, replicate 1: not a sample, "
                          "so not used)"
                        : std::string{})}};

    out.facts.emplace_back("intervals", interval_method(r.config.replicates));
    out.extra_tables.push_back(figures_table(r));
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
        // a figure measured in one replicate only has no interval: none is drawn (not a
        // zero-width whisker), and the chart and table say "no interval (n = 1)"
        auto est = [](const sim::figure_estimate& e) {
            return interval_estimate{*e.mean, e.low, e.high, e.replicates};
        };
        d.comparison.push_back({std::string{to_string(key)}, est(a), est(b)});
    }
}

/// Which run a part of a scenario report shows.
enum class shown_run : std::uint8_t { baseline, scenario, difference, both, inputs };

/// The label of a part that shows `run`, naming the runs ("Scenario run: kinship support").
[[nodiscard]] inline std::string run_label(shown_run run, std::string_view baseline_name,
                                           std::string_view scenario_name) {
    switch (run) {
    case shown_run::baseline:
        return "Baseline run: " + std::string{baseline_name};
    case shown_run::scenario:
        return "Scenario run: " + std::string{scenario_name};
    case shown_run::difference:
        return "Difference: " + std::string{scenario_name} + " minus " + std::string{baseline_name};
    case shown_run::both:
        return "Baseline and scenario side by side";
    case shown_run::inputs:
        break;
    }
    return "Model inputs (both runs)";
}

namespace detail {
inline constexpr std::array<std::string_view, 5> run_ids{"baseline", "scenario", "difference",
                                                         "both", "inputs"};
} // namespace detail

/// Labels every part of `s` with the run it shows: the heading, the text, each chart (inside
/// a figure with a visible caption and `data-run`) and each table's caption.
inline void label_section(section& s, shown_run run, const std::string& label) {
    const auto id = detail::run_ids[static_cast<std::size_t>(run)];
    s.title = label + " | " + s.title;
    s.text = "Shows: " + label + ". " + s.text;
    for (auto& c : s.charts)
        c = "<figure class=\"run\" data-run=\"" + std::string{id}
            + "\"><figcaption class=\"run-label\">" + escape_html(label) + "</figcaption>\n" + c
            + "</figure>\n";
    for (auto& t : s.tables)
        t.caption = label + ": " + t.caption;
}

namespace detail {
// Adds both figures' definitions to the continuity section and a table of the two measures
// per move, so neither is read as the other.
inline void define_continuity(section& s, const care_report_data& d) {
    s.text +=
        " " + std::string{continuity_index_definition} + " " + std::string{ties_kept_definition};
    if (d.continuity.empty())
        return;
    data_table t;
    t.caption = "Continuity index and share of ties kept, per move";
    t.columns = {"move", "continuity index (kept / (kept + ended))",
                 "share of ties kept (kept / all ties before the move)"};
    for (const auto& c : d.continuity) {
        const double known = c.kept + c.ended, all = known + c.unrecorded;
        t.add_row({c.label, known > 0 ? format_number(c.kept / known, 3) : std::string{"-"},
                   all > 0 ? format_number(c.kept / all, 3) : std::string{"-"}});
    }
    s.tables.push_back(std::move(t));
}

// Says which children the parts from kept histories (continuity, survival) describe, where
// they are shown: a sample of authorities of replicate 1, not scaled like the rest.
inline void describe_history_parts(section& s, const care_report_data& d,
                                   const sim::run_result& r) {
    if ((s.id == "continuity" && !d.continuity.empty())
        || (s.id == "survival" && !d.survival.empty()))
        s.text += " " + history_sample(r);
}

// Appends the sections every simulation report has: assumptions and reproduction.
inline void add_model_sections(document& doc, const sim::run_result& r,
                               const sim::published_figures& published) {
    doc.sections.push_back(assumptions_section(r.config.params, r.config.parameter_uncertainty));
    doc.sections.push_back(reproduction_section(sim::validation_rows(published, r),
                                                r.config.parameter_uncertainty));
}
} // namespace detail

/// The report of one run, as a document: the run's parts, with the two continuity figures
/// defined where they appear, then what the model assumes and how well it reproduces
/// `published` (by default the built-in copy of calibration.csv's measured rows).
[[nodiscard]] inline document
run_document(const sim::run_result& r,
             const sim::published_figures& published = sim::compared_figures()) {
    const auto d = summarise_run(r);
    auto doc = make_document(d);
    for (auto& s : doc.sections) {
        if (s.id == "continuity")
            detail::define_continuity(s, d);
        detail::describe_history_parts(s, d, r);
    }
    detail::add_model_sections(doc, r, published);
    return doc;
}

/// The difference section: a table and a chart of every figure's paired difference, beside the
/// two runs' means over the same pairs of replicates (`sim::paired_run_means`).
[[nodiscard]] inline section difference_section(const sim::comparison& c) {
    const auto paired = sim::paired_estimates(c);
    section s;
    s.id = "difference";
    s.title = "Paired differences, figure by figure";
    s.text = "For each figure of the last year: the scenario's value minus the baseline's in the "
             "same replicate (both runs use the same random numbers in replicate i), averaged "
             "over replicates, with a 95% Student's t interval on replicates - 1 degrees of "
             "freedom. Each row of the chart has its own scale, from minus to plus the bound "
             "printed at its ends, so small and large differences are both visible; the dashed "
             "line is no difference. Both runs start from the same children in the same "
             "placements on the stock date, "
             + format_uk(c.baseline.config.start)
             + ", and the scenario applies from the next day (anything before it, the drawn "
               "stock and a burn-in, is run under the baseline's policy).";
    if (c.baseline.config.replicates < 2)
        s.text += " This run has one replicate: there is no interval (run 2 or more).";
    // the runs' columns over the same pairs as the difference, so that it is their difference
    const auto means = sim::paired_run_means(c);
    s.text += " The two runs' columns are each run's mean over the same replicates as the "
              "difference (the pairs in which both runs measured the figure), so the difference "
              "is the one column minus the other.";
    std::string fewer; // figures a run measured in a replicate the pairs leave out
    for (std::size_t i = 0; i < sim::figure_count; ++i)
        if (std::max(c.baseline.estimates[i].replicates, c.alternative.estimates[i].replicates)
            > paired[i].count)
            fewer += (fewer.empty() ? "" : ", ")
                     + std::string{to_string(enum_table<sim::figure_key>::rows[i].value)};
    if (!fewer.empty())
        s.text += " Not every replicate measured " + fewer
                  + " in both runs: there the columns can differ from each run's own figures "
                    "elsewhere in this report, which are over every replicate that measured "
                    "them.";
    data_table t;
    t.caption = "Scenario minus baseline, per figure (paired, 95% interval)";
    t.columns = {"figure",
                 "what it measures",
                 c.baseline.scenario_name,
                 c.alternative.scenario_name,
                 "difference",
                 "95% interval",
                 "pairs"};
    std::vector<difference_row> rows;
    for (std::size_t i = 0; i < sim::figure_count; ++i) {
        const auto key = enum_table<sim::figure_key>::rows[i].value;
        const auto& d = paired[i];
        auto cell = [](const std::optional<double>& v) {
            return v ? format_number(*v, 2) : std::string{"-"};
        };
        const std::optional<double> low =
            d.interval ? std::optional<double>{d.interval->low} : std::nullopt;
        const std::optional<double> high =
            d.interval ? std::optional<double>{d.interval->high} : std::nullopt;
        t.add_row({std::string{to_string(key)}, figure_definition(key), cell(means[i].baseline),
                   cell(means[i].scenario),
                   cell(d.mean), detail::interval_cell(low, high, d.count),
                   std::to_string(d.count)});
        if (d.mean)
            rows.push_back({std::string{to_string(key)}, *d.mean, low, high, d.count});
    }
    chart_options o{.title = "Scenario minus baseline, per figure",
                    .x_label = "difference (own scale "
                               "per row)"};
    s.charts.push_back(
        detail::svg_of([&](std::ostream& os) { write_difference_chart(os, rows, o); }));
    s.tables.push_back(std::move(t));
    return s;
}

/// The report of a scenario against its baseline: the scenario run's parts, the two runs side
/// by side, the paired differences, the baseline's figures, then what the model assumes and
/// how well the baseline reproduces `published`. Every part is labelled with the run it shows.
[[nodiscard]] inline document
comparison_document(const sim::comparison& c,
                    const sim::published_figures& published = sim::compared_figures()) {
    auto d = summarise_run(c.alternative);
    add_comparison(d, c);
    if (c.baseline.config.replicates < 2)
        d.comparison.clear(); // one replicate: no intervals to set side by side
    auto doc = make_document(d);
    const auto& base = c.baseline.scenario_name;
    const auto& alt = c.alternative.scenario_name;
    for (auto& s : doc.sections) {
        if (s.id == "continuity")
            detail::define_continuity(s, d);
        detail::describe_history_parts(s, d, c.alternative);
        const auto run = s.id == "scenario" ? shown_run::both : shown_run::scenario;
        label_section(s, run, run_label(run, base, alt));
        if (s.id == "scenario") // its table would overwrite the scenario run's scenario.csv
            s.id = "side-by-side";
    }
    auto diff = difference_section(c);
    label_section(diff, shown_run::difference, run_label(shown_run::difference, base, alt));
    section base_figs;
    base_figs.id = "baseline-figures";
    base_figs.title = "Figures of the baseline run";
    base_figs.tables.push_back(figures_table(c.baseline));
    label_section(base_figs, shown_run::baseline, run_label(shown_run::baseline, base, alt));
    auto assumed =
        assumptions_section(c.baseline.config.params, c.baseline.config.parameter_uncertainty);
    label_section(assumed, shown_run::inputs, run_label(shown_run::inputs, base, alt));
    auto reproduced = reproduction_section(sim::validation_rows(published, c.baseline),
                                           c.baseline.config.parameter_uncertainty);
    label_section(reproduced, shown_run::baseline, run_label(shown_run::baseline, base, alt));
    // The difference first: it is the number a researcher quotes.
    doc.sections.insert(doc.sections.begin(), std::move(diff));
    doc.sections.push_back(std::move(base_figs));
    doc.sections.push_back(std::move(assumed));
    doc.sections.push_back(std::move(reproduced));
    return doc;
}

} // namespace carepath::report
