#pragma once
/// @file
/// The model beside the published figures: one row for every figure of calibration.csv that a
/// run can compute, with its role (a target the fit may read, or validation evidence it never
/// reads), the published value and source, the model's value over replicates with a Student's t
/// interval, the gap and the tolerance. The report's "How well it reproduces published figures"
/// and benchmarks/validation_table (docs/validation.md) both call `validation_rows`, so the two
/// tables cannot drift apart.
///
/// Figures come from two places: the year figures the engine tallies (`summary`, every
/// replicate), and outcomes computed from care histories under the published definitions
/// (sim/outcomes.hpp). A history figure needs every child's history of a replicate: a sample
/// would cut sibling groups and cohorts. When a run cannot give a figure (histories not kept,
/// a year outside the run, a follow-up longer than the run), the row says why instead of
/// showing a number.
#include "carepath/core/enum_table.hpp"
#include "carepath/sim/calibration.hpp"
#include "carepath/sim/detail/published_rows.hpp"
#include "carepath/sim/engine.hpp"
#include "carepath/sim/outcomes.hpp"
#include "carepath/sim/published.hpp"
#include "carepath/sim/stats.hpp"
#include "carepath/sim/summary.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <functional>
#include <limits>
#include <optional>
#include <span>
#include <sstream>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace carepath {

namespace sim {
/// How far the model may sit from a published figure and still count as reproducing it
/// (docs/validation.md, "Tolerance").
enum class tolerance_rule : std::uint8_t {
    worded_ratio, ///< "around 1 in 10": 5 points either way
    share,        ///< a share: 25% of the figure under 10% (rare events), else max(2 points, 10%)
    count,        ///< a count: 5% either way
    at_least,     ///< a lower bound ("more than 12,000"): reached, less 5%
    above,        ///< a direction ("kin placements last longer"): above the figure
    target_band   ///< a fitted or input figure: 2 points for a share, 5% for a count (calibration)
};
} // namespace sim

/// The codes and descriptions of `sim::tolerance_rule`.
template <>
struct enum_table<sim::tolerance_rule> {
    using e = sim::tolerance_rule; ///< the enum
    /// One row per rule: value, code, description.
    static constexpr std::array rows{
        enum_row<e>{e::worded_ratio, "worded_ratio", "within 5 points (a worded ratio)"},
        enum_row<e>{e::share, "share", "within max(2 points, 10%); 25% of the figure under 10%"},
        enum_row<e>{e::count, "count", "within 5%"},
        enum_row<e>{e::at_least, "at_least", "at least the figure, less 5%"},
        enum_row<e>{e::above, "above", "above the figure (a direction only)"},
        enum_row<e>{e::target_band, "target_band", "within 2 points (share) or 5% (count)"},
    };
};

namespace sim {

/// One replicate of a run as the measures read it.
struct replicate_view {
    const summary* years = nullptr;          ///< its year summaries (counts scaled to England)
    std::span<const care_history> histories; ///< the children's histories it kept
    std::size_t children = 0;                ///< children it simulated (0: not known)
    /// True when `histories` holds every child of the replicate.
    [[nodiscard]] bool every_child() const noexcept {
        return children > 0 && histories.size() == children;
    }
};

/// The years a run reports: the 31 March before its first reported year, and its last.
struct run_years {
    int stock_year = 0; ///< the first reported year is the one ending 31 March stock_year + 1
    int last_year = 0;  ///< the last 31 March reported
};
/// The years `cfg` reports (after any warm-up, so the measures start after it too: before the
/// stock date a simulated history is only a sketch).
[[nodiscard]] inline run_years years_of(const sim_config& cfg) noexcept {
    const int y = year_of(cfg.start) + cfg.warmup_years;
    return {y, y + cfg.years};
}

/// The accepted band around a published figure, and the rule in words.
struct tolerance_band {
    double low = 0;  ///< lowest accepted value (for `above`, the value to exceed)
    double high = 0; ///< highest accepted value (inclusive)
    tolerance_rule rule = tolerance_rule::share; ///< the rule the band follows
    std::string words;                           ///< the band in words, for tables
    /// Whether `model` counts as reproducing the figure.
    [[nodiscard]] bool contains(double model) const noexcept {
        return rule == tolerance_rule::above ? model > low : model >= low && model <= high;
    }
};

namespace detail {
// A number as text with `decimals` places ("5.5"), locale-free.
inline std::string plain_number(double v, int decimals) {
    std::array<char, 48> b{};
    const auto r =
        std::to_chars(b.data(), b.data() + b.size(), v, std::chars_format::fixed, decimals);
    return std::string(b.data(), r.ptr);
}
// At most 2 decimals, no trailing zeros: "13", "3.7", "1.43".
inline std::string points(double v) {
    auto s = plain_number(v, 2);
    while (s.back() == '0')
        s.pop_back();
    if (s.back() == '.')
        s.pop_back();
    return s;
}
} // namespace detail

/// The band of `rule` around `value` (for `target_band`, use `band_of(const target&)`).
[[nodiscard]] inline tolerance_band band_of(tolerance_rule rule, double value) {
    constexpr double inf = std::numeric_limits<double>::infinity();
    tolerance_band b{.low = value, .high = value, .rule = rule, .words = {}};
    switch (rule) {
    case tolerance_rule::worded_ratio:
        b.low = value - 5, b.high = value + 5;
        b.words = "within 5 points (a worded ratio)";
        break;
    case tolerance_rule::share: {
        const bool rare = value < 10;
        const double d = rare ? 0.25 * value : std::max(2.0, 0.1 * value);
        b.low = value - d, b.high = value + d;
        b.words = "within " + detail::points(d) + " points"
                  + (rare    ? " (25% of a figure under 10%)"
                     : d > 2 ? " (10% of the figure)"
                             : "");
        break;
    }
    case tolerance_rule::count:
    case tolerance_rule::target_band:
        b.low = 0.95 * value, b.high = 1.05 * value;
        b.words = "within 5%";
        break;
    case tolerance_rule::at_least:
        b.low = 0.95 * value, b.high = inf;
        b.words = "at least the figure, less 5%";
        break;
    case tolerance_rule::above:
        b.high = inf;
        b.words = "above the figure (a direction only)";
        break;
    }
    return b;
}
/// The calibration band of a fitted or input figure (as `within_tolerance`): 2 points for a
/// share, 5% for a count, around any published bracket.
[[nodiscard]] inline tolerance_band band_of(const target& t) {
    const bool pct = is_share(t.figure);
    const double tol = pct ? 2.0 : 0.05 * t.value;
    tolerance_band b{.low = (t.low ? *t.low : t.value) - tol,
                     .high = t.high  ? *t.high + tol
                             : t.low ? std::numeric_limits<double>::infinity()
                                     : t.value + tol,
                     .rule = tolerance_rule::target_band,
                     .words = pct ? "within 2 points" : "within 5%"};
    if (t.low && t.high)
        b.words += " of " + detail::points(*t.low) + " to " + detail::points(*t.high);
    else if (t.low)
        b.words = "at least the figure, less 5%";
    return b;
}

/// A published figure beside the model's.
struct validation_row {
    std::string id;                             ///< calibration.csv id
    figure_role role = figure_role::validation; ///< target: the fit may read it; else evidence
    std::string published_as;                   ///< what the source measures (`quantity`)
    std::string source;                         ///< where it is published
    double published = 0;                       ///< as published (percent 0-100, count, ratio)
    std::string unit;                           ///< percent, children, ratio, ...
    std::string definition;     ///< how the model measures it, with this run's dates
    estimate model;             ///< mean over replicates, Student's t 95% interval (stats.hpp)
    std::optional<double> gap;  ///< model mean minus published
    tolerance_band tolerance;   ///< the accepted band
    std::optional<bool> within; ///< inside the band; absent when not computed or not scored
    std::string not_computed;   ///< why this run has no model value (empty when it has one)
    std::string note;           ///< e.g. "fitted to it", "definitions conflict: not scored"
    bool scored = true;         ///< false: reported, not judged against the tolerance
};

namespace detail {
// One measure: how to compute a figure, or why this run cannot.
struct measure_plan {
    std::string definition;
    tolerance_band band;
    std::string cannot; // non-empty: the run cannot compute it, and why
    std::string note;
    std::optional<double> published; // compared with this, not the file's value (a bracket)
    bool scored = true;
    // from histories (every child of a replicate) or from a replicate's year figures
    std::function<std::optional<double>(std::span<const care_history>)> from_histories;
    std::function<std::optional<double>(const summary&)> from_years;
};

inline std::string on_31_march(int y) {
    return "31 March " + std::to_string(y);
}
// "2019/20" for the year ending 31 March 2020.
inline std::string school_year(int y) {
    const int yy = y % 100;
    return std::to_string(y - 1) + "/" + (yy < 10 ? "0" : "") + std::to_string(yy);
}
inline std::optional<double> percent_of(const share& s) {
    return s.percent();
}

// The year figure `key` of the year ending 31 March `year` in one replicate.
inline std::function<std::optional<double>(const summary&)> year_figure(figure_key key, int year) {
    return [=](const summary& s) -> std::optional<double> {
        for (const auto& y : s.years)
            if (y.year == year)
                return y.figs[key];
        return std::nullopt;
    };
}
inline std::string outside_run(int year, run_years ys) {
    return "not in this run: it reports the years ending 31 March "
           + std::to_string(ys.stock_year + 1) + " to " + std::to_string(ys.last_year)
           + ", the figure is of " + std::to_string(year);
}

// A figure the engine tallies each year (the calibration targets, sim/calibration.hpp).
inline measure_plan year_plan(const published_figure& p, const target& t, run_years ys) {
    measure_plan m;
    m.definition = std::string{describe(t.figure)} + ", year ending " + on_31_march(t.year)
                   + " (scaled to England)";
    if (p.role == figure_role::target)
        m.band = band_of(t);
    else
        m.band = band_of(t.low && !t.high     ? tolerance_rule::at_least
                         : is_share(t.figure) ? tolerance_rule::share
                                              : tolerance_rule::count,
                         t.value);
    if (t.value != p.value)
        m.published = t.value;
    m.scored = !t.conflicting;
    m.note = std::string{t.conflicting ? "definitions conflict: not scored. " : ""}
             + (t.input ? "fitted or an input: not evidence. " : "") + std::string{t.note};
    if (t.year <= ys.stock_year || t.year > ys.last_year)
        m.cannot = outside_run(t.year, ys);
    m.from_years = year_figure(t.figure, t.year);
    return m;
}

// Stock, starts and ceased of one year (cla_count_2012, cla_starts_2017_peak, ...): the
// back-test, when a run starts early enough to report that year.
inline std::optional<measure_plan> count_plan(const published_figure& p, run_years ys) {
    struct pattern {
        std::string_view prefix;
        figure_key key;
        std::string_view words;
    };
    static constexpr std::array patterns{
        pattern{"cla_count_", figure_key::cla_count, "children in care on 31 March"},
        pattern{"cla_starts_", figure_key::entries,
                "children starting care in the year to 31 March"},
        pattern{"cla_ceased_", figure_key::exits, "children leaving care in the year to 31 March"}};
    for (const auto& pat : patterns) {
        const std::string_view id = p.id;
        if (!id.starts_with(pat.prefix))
            continue;
        std::string_view rest = id.substr(pat.prefix.size());
        if (rest.ends_with("_peak"))
            rest.remove_suffix(5);
        int year = 0;
        const auto [end, ec] = std::from_chars(rest.data(), rest.data() + rest.size(), year);
        if (ec != std::errc{} || end != rest.data() + rest.size())
            return std::nullopt;
        measure_plan m;
        m.definition = std::string{pat.words} + " " + std::to_string(year) + " (scaled to England)";
        m.band = band_of(tolerance_rule::count, p.value);
        if (year <= ys.stock_year || year > ys.last_year)
            m.cannot = outside_run(year, ys);
        m.from_years = year_figure(pat.key, year);
        return m;
    }
    return std::nullopt;
}

using history_value = std::function<std::optional<double>(std::span<const care_history>)>;
// A figure computed from care histories under the published definition (sim/outcomes.hpp).
inline std::optional<measure_plan> history_plan(const published_figure& p, run_years ys) {
    using H = std::span<const care_history>;
    using tr = tolerance_rule;
    // Year measures 3 years after the stock date: a simulated child's history before it is a
    // sketch, and the two-year measures need two simulated years before.
    const int y = ys.stock_year + 3;
    const date snap = march_31(y);
    const date start = march_31(ys.stock_year) + days{1};
    const date end = march_31(ys.last_year) + days{1};
    const int run_length = ys.last_year - ys.stock_year;
    const std::string too_short =
        "the run is too short: it reports " + std::to_string(run_length) + " years";
    measure_plan m;
    auto at = [&](std::string definition, tr rule, history_value f, int needs_year) {
        m.definition = std::move(definition);
        m.band = band_of(rule, p.value);
        m.from_histories = std::move(f);
        if (needs_year > ys.last_year)
            m.cannot = too_short + ", the figure is measured on " + on_31_march(needs_year);
        return std::optional{std::move(m)};
    };
    const std::string in_y = ", " + on_31_march(y);
    // fixed cohorts followed for `years`: at most 6 years of leavers, all followed to the end
    const int cohort_last = std::min(ys.stock_year + 6, ys.last_year - 5);
    const interval cohorts{start, march_31(std::max(cohort_last, ys.stock_year + 1)) + days{1}};
    auto km = [&](std::string what, std::array<exit_route, 1> route, int years) {
        m.definition = what + " " + school_year(ys.stock_year + 1) + "-" + school_year(ys.last_year)
                       + ", back in care within " + std::to_string(years)
                       + " years (Kaplan-Meier, censored at 18 and at the run's end)";
        m.band = band_of(tr::share, p.value);
        m.from_histories = [=](H hs) {
            return reentry_cumulative(hs, route, {start, end}, years, end);
        };
        if (run_length < years)
            m.cannot =
                too_short + ", the figure needs " + std::to_string(years) + " years of follow-up";
        return std::optional{std::move(m)};
    };
    const std::string_view id = p.id;
    if (id == "sib_children_with_none_frg_2014")
        return at(
            "children in care with a sibling in care, living with none of them" + in_y, tr::share,
            [=](H hs) { return percent_of(siblings_on(hs, snap).children_with_none); }, y);
    if (id == "sib_groups_apart_frg_2014")
        return at(
            "sibling groups in care not all with one carer" + in_y, tr::share,
            [=](H hs) { return percent_of(siblings_on(hs, snap).groups_not_all_together); }, y);
    if (id == "sib_sep_children_initial_2023")
        return at(
            "children entering care with a sibling (same day) in " + school_year(y)
                + ", apart from one of them in the first placement",
            tr::share,
            [=](H hs) {
                return percent_of(
                    siblings_at_entry(hs, year_ending_march(y)).children_apart_from_any);
            },
            y);
    if (id == "sib_sep_groups_initial_2023")
        return at(
            "sibling groups entering care together in " + school_year(y)
                + ", not all in one first placement",
            tr::share,
            [=](H hs) {
                return percent_of(
                    siblings_at_entry(hs, year_ending_march(y)).groups_not_all_together);
            },
            y);
    if (id == "placements_2plus_moves_cco_2017")
        return at(
            "children in care" + in_y + ", 2 or more moves of home in the year", tr::worded_ratio,
            [=](H hs) { return percent_of(placement_stability_in(hs, y).two_plus_moves); }, y);
    if (id == "long_term_stability_share_2024")
        return at(
            "under 16, looked after 2.5 years or more, with the same carer 2 years or more (or "
            "placed for adoption, that and the placement before lasting 2 years)" + in_y,
            tr::share, [=](H hs) { return percent_of(long_term_stability(hs, y)); }, y);
    if (id == "placements_3plus_2yr_share_2024")
        return at(
            "in care on " + on_31_march(y) + " and a year before (the DfE's 'CLA 2 years'), 3 or "
            "more placements in the 2 years",
            tr::share, [=](H hs) { return percent_of(three_plus_over_two_years(hs, y)); }, y);
    if (id == "midyear_school_move_cco_2017")
        return at(
            "in care and at school" + in_y + ", a mid-year school move in the year",
            tr::worded_ratio,
            [=](H hs) { return percent_of(stability_index_in(hs, y).midyear_school_move); }, y);
    if (id == "midyear_school_move_2yr_share_2024")
        return at(
            "in care on " + on_31_march(y) + " and a year before (the DfE's 'CLA 2 years') and "
            "at school, a mid-year school move in the 2 years",
            tr::share, [=](H hs) { return percent_of(midyear_school_move_over_two_years(hs, y)); },
            y);
    if (id == "midyear_school_move_1yr_share_2024")
        return at(
            "in care and at school" + in_y
                + ", a mid-year school move in the year (any day outside 1 August to 30 September)",
            tr::share,
            [=](H hs) { return percent_of(dfe_year_stability_in(hs, y).midyear_school_move); }, y);
    if (id == "midyear_school_move_1yr_share_4_9_2024")
        return at(
            "in care and at school" + in_y
                + ", aged 4-9 that day, a mid-year school move in the year (outside 1 August to "
                  "30 September)",
            tr::share,
            [=](H hs) { return percent_of(dfe_year_stability_in(hs, y).midyear_school_move_4_9); },
            y);
    if (id == "midyear_school_move_1yr_share_10_15_2024")
        return at(
            "in care and at school" + in_y
                + ", aged 10-15 that day, a mid-year school move in the year (outside 1 August "
                  "to 30 September)",
            tr::share,
            [=](H hs) {
                return percent_of(dfe_year_stability_in(hs, y).midyear_school_move_10_15);
            },
            y);
    if (id == "sw_3plus_workers_share_2024")
        return at(
            "children in care" + in_y + ", 3 or more social workers in the year (each once)",
            tr::share,
            [=](H hs) { return percent_of(dfe_year_stability_in(hs, y).three_plus_workers); }, y);
    if (id == "sw_changes_2plus_cco_2017")
        return at(
            "children in care" + in_y + ", 2 or more social worker changes in the year",
            tr::worded_ratio,
            [=](H hs) { return percent_of(stability_index_in(hs, y).two_plus_sw_changes); }, y);
    if (id == "sw_changes_2plus_both_years_cco_2017")
        return at("children in care" + in_y
                      + ", 2 or more social worker changes in the year and in the year before",
                  tr::share,
                  [=](H hs) { return percent_of(two_plus_sw_changes_both_years(hs, y)); }, y);
    if (id == "no_change_any_1yr_cco_2017")
        return at(
            "children in care" + in_y
                + ", no move of home, mid-year school move or social worker change in the year",
            tr::worded_ratio,
            [=](H hs) { return percent_of(stability_index_in(hs, y).no_change_of_any); }, y);
    if (id == "no_change_any_2yr_cco_2017")
        return at(
            "in care on " + on_31_march(y - 1) + " and " + on_31_march(y)
                + ", none of the three changes in the 2 years",
            tr::worded_ratio, [=](H hs) { return percent_of(no_change_over_two_years(hs, y)); }, y);
    if (id == "kin_placements_last_longer_farmer_2009") {
        const int last_start = std::min(ys.stock_year + 6, ys.last_year - 2);
        const interval begun{start, march_31(std::max(last_start, ys.stock_year + 1))};
        auto r = at(
            "kinship / unrelated foster stays still with the same carer 2 years after "
            "they began (stays begun "
                + school_year(ys.stock_year + 1) + "-" + school_year(last_start)
                + "; an SGO, CAO or adoption with the same carer "
                  "does not end a stay)",
            tr::above,
            [=](H hs) -> std::optional<double> {
                const auto s = foster_stays_continuing(hs, begun, 2, end, stay_end::carer_changes);
                const auto k = s.kinship_continuing.percent();
                const auto u = s.unrelated_continuing.percent();
                if (!k || !u || *u == 0)
                    return std::nullopt;
                return *k / *u;
            },
            ys.stock_year + 3);
        return r;
    }
    if (id == "reentry_5yr_after_return_home_2007") {
        static constexpr std::array home{exit_route::return_home};
        auto r = at(
            "children who returned home in " + school_year(ys.stock_year + 1) + "-"
                + school_year(cohort_last)
                + " (a cohort a year, each child once a year, at the first return home), back "
                  "in care within 5 years; those turning 18 stay in the denominator",
            tr::share,
            [=](H hs) -> std::optional<double> {
                const auto s = reentry_within(hs, home, cohorts, 5, end);
                return s ? s->percent() : std::nullopt;
            },
            ys.stock_year + 6);
        return r;
    }
    if (id == "sgo_disruption_5yr_2014")
        return km("left care on a special guardianship order", {exit_route::special_guardianship},
                  5);
    if (id == "residence_order_disruption_5yr_2014")
        return km("left care on a child arrangements order", {exit_route::child_arrangements_order},
                  5);
    if (id == "adoption_disruption_5yr_2014")
        return km("adopted", {exit_route::adoption}, 5);
    if (id == "adoption_disruption_12yr_2014")
        return km("adopted", {exit_route::adoption}, 12);
    return std::nullopt;
}

// How to measure `p` in a run over `ys`, or nullopt when the model does not measure it.
inline std::optional<measure_plan> plan_for(const published_figure& p, run_years ys) {
    for (const auto& t : england_targets())
        if (t.id == p.id)
            return year_plan(p, t, ys);
    if (auto m = history_plan(p, ys))
        return m;
    return count_plan(p, ys);
}

// Why no replicate could give a history figure.
inline std::string histories_missing(std::span<const replicate_view> reps) {
    const std::string need = "figures from care histories need every child's history of a "
                             "replicate (keep_histories; --histories on the command line)";
    if (reps.empty() || reps.front().histories.empty())
        return "the run kept no children's histories: " + need;
    const auto& r = reps.front();
    if (r.children == 0)
        return "the run kept " + std::to_string(r.histories.size())
               + " histories and does not say whether that is every child: " + need;
    return "the run kept " + std::to_string(r.histories.size()) + " of "
           + std::to_string(r.children) + " children's histories: " + need + ", of at least "
           + std::to_string(r.children);
}
} // namespace detail

/// The published figures the validation rows compare with: a built-in copy of those rows of
/// tests/data/sim/calibration.csv (a test checks it against the file), for programs that do
/// not ship the file.
[[nodiscard]] inline published_figures compared_figures() {
    std::istringstream in{std::string{detail::published_rows_csv}};
    auto r = published_figures::read(in, "built-in copy of calibration.csv");
    return r ? std::move(r).value() : published_figures{};
}

/// One row for every figure of `published` that the model measures, in file order. Each
/// replicate gives one value where it can (history figures only from a replicate that kept
/// every child's history); the model value is their mean with a Student's t interval.
[[nodiscard]] inline std::vector<validation_row>
validation_rows(const published_figures& published, std::span<const replicate_view> replicates,
                run_years years) {
    std::vector<validation_row> out;
    const auto full = std::ranges::count_if(replicates, &replicate_view::every_child);
    for (const auto& p : published.rows()) {
        auto plan = detail::plan_for(p, years);
        if (!plan)
            continue;
        validation_row r{.id = p.id,
                         .role = p.role,
                         .published_as = p.quantity,
                         .source = p.source,
                         .published = plan->published.value_or(p.value),
                         .unit = p.unit,
                         .definition = std::move(plan->definition),
                         .model = {},
                         .gap = {},
                         .tolerance = std::move(plan->band),
                         .within = {},
                         .not_computed = std::move(plan->cannot),
                         .note = std::move(plan->note),
                         .scored = plan->scored};
        if (r.not_computed.empty() && plan->from_histories && full == 0)
            r.not_computed = detail::histories_missing(replicates);
        if (r.not_computed.empty()) {
            std::vector<double> values;
            for (const auto& rep : replicates) {
                std::optional<double> v;
                if (plan->from_histories && rep.every_child())
                    v = plan->from_histories(rep.histories);
                else if (plan->from_years && rep.years)
                    v = plan->from_years(*rep.years);
                if (v)
                    values.push_back(*v);
            }
            // a NaN or infinite value is a defect in the measure: refused, named (stats.hpp),
            // never dropped (the row would silently rest on fewer replicates)
            require_finite(values, "validation_rows: " + p.id);
            r.model = estimate_mean(values);
            if (!r.model.mean)
                r.not_computed = plan->from_histories ? "no child in this run meets the definition"
                                                      : "the run did not measure it in that year";
        }
        if (r.model.mean) {
            r.gap = *r.model.mean - r.published;
            if (r.scored)
                r.within = r.tolerance.contains(*r.model.mean);
        }
        out.push_back(std::move(r));
    }
    return out;
}

/// Rows measured one replicate at a time (each from `validation_rows` over one replicate, all
/// from the same published figures), pooled: each figure's mean over the replicates that gave
/// it, with its Student's t interval. For runs too large to keep every replicate's histories
/// at once. @throws std::invalid_argument when the replicates' rows differ.
[[nodiscard]] inline std::vector<validation_row>
pool_replicates(std::span<const std::vector<validation_row>> per_replicate) {
    if (per_replicate.empty())
        return {};
    std::vector<validation_row> out = per_replicate.front();
    for (std::size_t i = 0; i < out.size(); ++i) {
        auto& r = out[i];
        std::vector<double> values;
        for (const auto& rows : per_replicate) {
            if (rows.size() != out.size() || rows[i].id != r.id)
                throw std::invalid_argument{"pool_replicates: replicates with different rows"};
            if (rows[i].model.mean)
                values.push_back(*rows[i].model.mean);
            else if (r.not_computed.empty())
                r.not_computed = rows[i].not_computed;
        }
        require_finite(values, "pool_replicates: " + r.id);
        r.model = estimate_mean(values);
        r.gap.reset();
        r.within.reset();
        if (r.model.mean) {
            r.not_computed.clear();
            r.gap = *r.model.mean - r.published;
            if (r.scored)
                r.within = r.tolerance.contains(*r.model.mean);
        }
    }
    return out;
}

/// The rows for `run`: its replicates' year figures, and the histories it kept (replicate 1
/// only, so history figures have no interval unless every replicate is run on its own). When
/// the run kept whole authorities but not all, history figures come from every child of
/// those: their rows say so and are not scored, because a few authorities' figure moves from
/// seed to seed by more than many tolerances (docs/validation.md, "Figures from a sample of
/// authorities") and the run has no estimate of that error to judge it with.
[[nodiscard]] inline std::vector<validation_row> validation_rows(const published_figures& published,
                                                                 const run_result& run) {
    std::vector<replicate_view> reps;
    for (std::size_t i = 0; i < run.replicates.size(); ++i)
        reps.push_back(replicate_view{&run.replicates[i], {}, 0});
    // whole authorities kept: every child of those, a sample of the run's authorities
    const bool part = run.history_authorities > 0;
    if (!reps.empty()) {
        reps.front().histories = run.histories;
        reps.front().children = static_cast<std::size_t>(part ? run.history_children
                                                               : run.first_replicate_children);
    }
    const auto years = years_of(run.config);
    auto rows = validation_rows(published, reps, years);
    if (!part || run.history_children >= run.first_replicate_children)
        return rows;
    const std::string covers =
        "From every child of " + std::to_string(run.history_authorities)
        + (run.history_authorities == 1 ? " authority" : " authorities") + " ("
        + std::to_string(run.history_children) + " of the "
        + std::to_string(run.first_replicate_children)
        + " children of replicate 1; the histories kept). Not scored: a sample of authorities "
          "with no estimate of its error; keep every child's history (--histories "
        + std::to_string(run.first_replicate_children) + " or more) for a scored figure.";
    for (auto& r : rows) {
        const auto* p = published.find(r.id);
        const auto plan = p ? detail::plan_for(*p, years) : std::nullopt;
        if (plan && plan->from_histories && r.model.mean) {
            r.note += (r.note.empty() ? "" : " ") + covers;
            r.scored = false;
            r.within.reset();
        }
    }
    return rows;
}

} // namespace sim
} // namespace carepath
