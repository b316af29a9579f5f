#pragma once
/// @file
/// The carepath report: what a set of care histories (read from an SSDA903
/// return or simulated) says about children's journeys through care, as one
/// self-contained HTML page.
///
/// `summarise_histories` computes the parts that need only care histories
/// (children in care by placement type, entries and exits, moves, time to
/// leaving care); continuity per move, sibling separation and a
/// baseline-against-scenario comparison come from the graph and the simulation
/// and are filled in by the caller. `make_document` turns the data into charts
/// with tables beside them; `write_report` writes the page.
///
/// Functions here that begin `template <class = void>` have nothing to deduce and are called
/// as plain functions; they are templates only so that their bodies are compiled in the files
/// that call them, not in every file that includes this header (issue 14, compile cost).
#include "carepath/core/care_history.hpp"
#include "carepath/core/dates.hpp"
#include "carepath/core/legal_order.hpp"
#include "carepath/core/permanence.hpp"
#include "carepath/core/placement.hpp"
#include "carepath/report/html.hpp"
#include "carepath/report/survival.hpp"
#include "carepath/report/svg.hpp"
#include "carepath/report/table.hpp"

#include <algorithm>
#include <array>
#include <chrono>
#include <cmath>
#include <cstddef>
#include <map>
#include <optional>
#include <ostream>
#include <span>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

namespace carepath::report {

/// The days a report looks at: `[from, to)`.
struct report_window {
    /// First day looked at.
    date from;
    /// First day after the window.
    date to;
};

/// What became of a child's relationships at moves of home: kept, ended (an
/// explicit ending) or unrecorded (no ending and no later contact: a gap in the
/// data, never counted as either).
struct continuity_counts {
    std::string label; ///< "1st move", "all moves", ...
    /// Relationships kept.
    double kept = 0;
    /// Relationships with an explicit ending at the move.
    double ended = 0;
    /// Relationships with no ending and no later contact recorded.
    double unrecorded = 0;
};

/// Children in care with a sibling in care, and those of them living apart from
/// at least one.
struct sibling_counts {
    std::string label; ///< a date or year
    /// Children in care with a sibling in care.
    double with_sibling_in_care = 0;
    /// Of those, children living apart from at least one sibling in care.
    double apart = 0;
};

/// Everything the report shows. Parts left empty are shown as "no data" with
/// the reason.
struct care_report_data {
    /// Heading of the page.
    std::string title = "carepath report";
    /// Line under the title.
    std::string subtitle;
    /// Facts listed at the top (label, value).
    std::vector<std::pair<std::string, std::string>> facts;

    /// Children in care on each date (`stock_dates`), one series per placement
    /// family.
    std::vector<std::string> stock_dates;
    /// One series per placement family, one value per date in `stock_dates`.
    std::vector<series> stock_by_placement;
    /// Text of the stock section.
    std::string stock_text = "Children looked after on the first day of each month, by the kind "
                             "of home.";

    /// Entries (by legal status on entry) and exits (by route), per collection
    /// year.
    std::vector<std::string> years;
    /// One series per entry group, one value per year in `years`.
    std::vector<series> entries_by_status;
    /// One series per exit route, one value per year in `years`.
    std::vector<series> exits_by_route;

    /// Children by number of moves of home in the window: index k = k moves; the
    /// last bin is "that many or more".
    std::vector<double> moves_per_child;
    /// Mean moves of home per child counted in `moves_per_child`.
    double moves_per_child_mean = 0;
    /// Text of the moves section; the mean is added after it.
    std::string moves_text = "Children in care at some point in the period, by the number of "
                             "moves of home in it.";

    /// Continuity per move (from the graph module), and sibling separation.
    std::vector<continuity_counts> continuity;
    /// Shown instead of the continuity section when `continuity` is empty.
    std::string continuity_note = "No relationships are recorded in these care histories.";
    /// Sibling counts per date or year.
    std::vector<sibling_counts> siblings;
    /// Shown instead of the sibling section when `siblings` is empty.
    std::string siblings_note = "No sibling relationships are recorded in these care histories.";

    /// Time to leaving care (years) from entry, for periods of care that began in
    /// the window: any route first, then one curve per route (leaving by another
    /// route censors).
    std::vector<survival_curve> survival;
    /// Shown instead of the survival section when `survival` is empty.
    std::string survival_note = "No period of care began in the period covered.";

    /// A scenario run: each measure under the baseline and the scenario, with
    /// intervals.
    std::vector<interval_row> comparison;
    /// Name of the baseline in the chart and table.
    std::string baseline_name = "baseline";
    /// Name of the scenario in the chart and table.
    std::string scenario_name = "scenario";
    /// Decimals shown for the comparison's values.
    int comparison_decimals = 1;

    /// More tables shown at the end (indicators, calibration, ...).
    std::vector<data_table> extra_tables;
    /// Heading of the extra tables' section.
    std::string extra_title = "Indicators";
};

/// How entries are grouped: the legal status a child came into care under.
[[nodiscard]] inline std::string entry_group(legal_status s) {
    using l = legal_status;
    switch (s) {
    case l::accommodated_s20:
        return "accommodated, s20 (V2)";
    case l::short_breaks_single:
    case l::short_breaks_series:
        return "short breaks (V3/V4)";
    case l::interim_care_order:
    case l::care_order:
        return "care order (C1/C2)";
    case l::placement_order:
    case l::freeing_order:
        return "placement order (E1/D1)";
    case l::police_protection:
    case l::emergency_protection_order:
    case l::child_assessment_order:
        return "emergency protection (L1-L3)";
    case l::remand:
    case l::pace_detention:
    case l::youth_rehabilitation_order:
        return "youth justice (J1-J3)";
    default:
        return "other";
    }
}

/// The collection year a day falls in, by the year of the 31 March that ends it
/// (2024-03-31 is in 2024, 2024-04-01 in 2025).
[[nodiscard]] inline int collection_year_of(date d) {
    const std::chrono::year_month_day ymd{d};
    const int y = static_cast<int>(ymd.year());
    return ymd.month() >= std::chrono::April ? y + 1 : y;
}
/// "2023-24" for collection year 2024.
[[nodiscard]] inline std::string collection_year_label(int year) {
    const int yy = year % 100;
    return std::to_string(year - 1) + '-' + (yy < 10 ? "0" : "") + std::to_string(yy);
}

namespace detail {
inline date add_months(date d, int months) {
    const std::chrono::year_month_day ymd{d};
    const auto ym = std::chrono::year_month{ymd.year(), ymd.month()} + std::chrono::months{months};
    return date{ym / std::chrono::day{1}};
}
inline std::string month_label(date d) {
    return format_iso(d).substr(0, 7);
}

// Series named in first-seen order from a map key -> per-category counts.
template <class Key>
std::vector<series> to_series(const std::map<Key, std::vector<double>>& counts, auto&& name_of) {
    std::vector<series> out;
    for (const auto& [k, v] : counts)
        out.push_back({std::string{name_of(k)}, v});
    return out;
}
} // namespace detail

/// Computes the history-only parts of the report for `histories` over `window`.
/// Children in care are counted on the first day of each month (every third
/// month over more than 15 years); entries, exits and moves are those in the
/// window; survival uses periods of care that began in the window, censored at
/// their end of follow-up (the window's end).
template <class = void>
[[nodiscard]] care_report_data summarise_histories(std::span<const care_history> histories,
                                                   report_window window) {
    care_report_data out;
    if (window.to <= window.from)
        return out;

    // -- children in care by placement family, monthly
    // ---------------------------------------
    std::vector<date> dates;
    {
        date d = detail::add_months(window.from, 0);
        if (d < window.from)
            d = detail::add_months(d, 1);
        int total = 0;
        for (date x = d; x < window.to; x = detail::add_months(x, 1))
            ++total;
        const int step = total > 180 ? 3 : 1;
        for (date x = d; x < window.to; x = detail::add_months(x, step))
            dates.push_back(x);
    }
    constexpr auto families = all_values<placement_family>();
    std::array<std::vector<double>, families.size()> stock;
    for (auto& s : stock)
        s.assign(dates.size(), 0.0);
    for (const auto& h : histories)
        for (std::size_t i = 0; i < dates.size(); ++i)
            if (h.in_care_on(dates[i]))
                if (const auto* p = h.placement_on(dates[i]))
                    stock[static_cast<std::size_t>(family_of(p->where.type))][i] += 1;
    for (const auto d : dates)
        out.stock_dates.push_back(detail::month_label(d));
    for (std::size_t f = 0; f < families.size(); ++f)
        if (std::any_of(stock[f].begin(), stock[f].end(), [](double v) { return v > 0; }))
            out.stock_by_placement.push_back({std::string{describe(families[f])}, stock[f]});

    // -- entries and exits by collection year
    // -------------------------------------------------
    const int first_year = collection_year_of(window.from);
    const int last_year = collection_year_of(window.to - days{1});
    for (int y = first_year; y <= last_year; ++y)
        out.years.push_back(collection_year_label(y));
    const auto n_years = out.years.size();
    std::map<std::string, std::vector<double>> entries;
    std::map<exit_route, std::vector<double>> exits;
    for (const auto& h : histories) {
        for (const auto& p : h.periods()) {
            const date start = p.period.start();
            if (window.from <= start && start < window.to) {
                const auto s = h.legal_status_on(start);
                auto& v = entries[s ? entry_group(*s) : std::string{"not recorded"}];
                v.resize(n_years, 0.0);
                v[static_cast<std::size_t>(collection_year_of(start) - first_year)] += 1;
            }
            if (p.exit && p.period.end() && window.from <= *p.period.end()
                && *p.period.end() < window.to) {
                auto& v = exits[*p.exit];
                v.resize(n_years, 0.0);
                v[static_cast<std::size_t>(collection_year_of(*p.period.end()) - first_year)] += 1;
            }
        }
    }
    out.entries_by_status = detail::to_series(entries, [](const std::string& k) { return k; });
    out.exits_by_route = detail::to_series(exits, [](exit_route r) { return describe(r); });

    // -- moves per child
    // ----------------------------------------------------------------------
    constexpr std::size_t max_bin = 5;
    out.moves_per_child.assign(max_bin + 1, 0.0);
    std::size_t children = 0, moves = 0;
    for (const auto& h : histories) {
        const auto& periods = h.periods();
        const bool seen = std::any_of(periods.begin(), periods.end(), [&](const care_period& p) {
            return p.period.overlaps(interval{window.from, window.to});
        });
        if (!seen)
            continue;
        const auto n = h.moves_between(window.from, window.to);
        ++children;
        moves += n;
        out.moves_per_child[std::min(n, max_bin)] += 1;
    }
    out.moves_per_child_mean =
        children ? static_cast<double>(moves) / static_cast<double>(children) : 0;

    // -- time to leaving care
    // -----------------------------------------------------------------
    struct spell {
        double years;
        std::optional<exit_route> route;
    };
    std::vector<spell> spells;
    for (const auto& h : histories)
        for (const auto& p : h.periods()) {
            const date start = p.period.start();
            if (start < window.from || start >= window.to)
                continue;
            const bool left = p.exit && p.period.end() && *p.period.end() < window.to;
            const date end = left ? *p.period.end() : window.to;
            spells.push_back({static_cast<double>((end - start).count()) / 365.25,
                              left ? p.exit : std::nullopt});
        }
    if (!spells.empty()) {
        std::vector<survival_observation> obs;
        for (const auto& s : spells)
            obs.push_back({s.years, s.route.has_value()});
        out.survival.push_back(kaplan_meier(obs, "any route"));
        for (const auto r : all_values<exit_route>()) {
            if (std::none_of(spells.begin(), spells.end(),
                             [r](const spell& s) { return s.route == r; }))
                continue;
            obs.clear();
            for (const auto& s : spells)
                obs.push_back({s.years, s.route == r});
            out.survival.push_back(kaplan_meier(obs, std::string{describe(r)}));
        }
    }

    out.facts.emplace_back("period covered",
                           format_iso(window.from) + " to " + format_iso(window.to - days{1}));
    out.facts.emplace_back("children in care at some point", format_count(children));
    out.facts.emplace_back("moves of home", format_count(moves));
    return out;
}

namespace detail {
inline std::string svg_of(auto&& draw) {
    std::ostringstream os;
    draw(os);
    return os.str();
}
inline data_table series_table(std::string caption, std::string first_column,
                               const std::vector<std::string>& categories,
                               const std::vector<series>& data, int decimals, bool with_total) {
    data_table t;
    t.caption = std::move(caption);
    t.columns.push_back(std::move(first_column));
    for (const auto& s : data)
        t.columns.push_back(s.name);
    if (with_total)
        t.columns.push_back("total");
    for (std::size_t i = 0; i < categories.size(); ++i) {
        std::vector<std::string> row{categories[i]};
        double total = 0;
        for (const auto& s : data) {
            row.push_back(fixed(s.values[i], decimals));
            total += finite_or_zero(s.values[i]);
        }
        if (with_total)
            row.push_back(fixed(total, decimals));
        t.add_row(std::move(row));
    }
    return t;
}
// A curve as a step series. A curve from a large cohort has thousands of
// distinct days; above `max_points` steps it is sampled every `resolution`
// years instead (the table keeps detail).
inline step_series thin_curve(const survival_curve& c, double resolution,
                              std::size_t max_points = 400) {
    step_series s;
    s.name = c.name;
    s.x.push_back(0);
    s.y.push_back(1);
    if (c.steps.size() <= max_points) {
        for (const auto& st : c.steps) {
            if (st.time == 0) {
                s.y.back() = st.survival;
                continue;
            }
            s.x.push_back(st.time);
            s.y.push_back(st.survival);
        }
        return s;
    }
    const double last = c.steps.back().time;
    for (double t = resolution; t < last; t += resolution) {
        s.x.push_back(t);
        s.y.push_back(c.survival_at(t));
    }
    s.x.push_back(last);
    s.y.push_back(c.steps.back().survival);
    return s;
}
inline std::string ordinal_move(std::size_t k) {
    static constexpr std::array<const char*, 4> suffix{"th", "st", "nd", "rd"};
    const std::size_t mod100 = k % 100, mod10 = k % 10;
    const char* sfx = (mod100 >= 11 && mod100 <= 13) || mod10 > 3 ? suffix[0] : suffix[mod10];
    return std::to_string(k) + sfx + " move";
}
inline section empty_section(std::string id, std::string title, std::string why) {
    section s;
    s.id = std::move(id);
    s.title = std::move(title);
    s.text = std::move(why);
    return s;
}
} // namespace detail

/// Label for the k-th move (1-based): "1st move", "2nd move", ...
[[nodiscard]] inline std::string move_label(std::size_t k) {
    return detail::ordinal_move(k);
}

/// The report's sections: charts with tables beside them.
template <class = void>
[[nodiscard]] document make_document(const care_report_data& d) {
    document doc;
    doc.title = d.title;
    doc.subtitle = d.subtitle;
    doc.facts = d.facts;

    if (!d.stock_dates.empty() && !d.stock_by_placement.empty()) {
        section s;
        s.id = "in-care";
        s.title = "Children in care over time, by placement type";
        s.text = d.stock_text;
        chart_options o{.title = s.title, .x_label = "date", .y_label = "children in care"};
        s.charts.push_back(detail::svg_of([&](std::ostream& os) {
            write_stacked_area_chart(os, d.stock_dates, d.stock_by_placement, o);
        }));
        s.tables.push_back(detail::series_table("Children in care", "month", d.stock_dates,
                                                d.stock_by_placement, 0, true));
        doc.sections.push_back(std::move(s));
    } else {
        doc.sections.push_back(
            detail::empty_section("in-care", "Children in care over time, by placement type",
                                  "No child was in care in the period covered."));
    }

    if (!d.years.empty() && (!d.entries_by_status.empty() || !d.exits_by_route.empty())) {
        section s;
        s.id = "entries-exits";
        s.title = "Entries and exits by route";
        s.text = "Children starting to be looked after, by legal status on entry, "
                 "and children "
                 "leaving care, by route, in each collection year (1 April to 31 "
                 "March).";
        if (!d.entries_by_status.empty()) {
            chart_options o{.title = "Entries by legal status on entry",
                            .x_label = "collection year",
                            .y_label = "entries"};
            s.charts.push_back(detail::svg_of([&](std::ostream& os) {
                write_stacked_bar_chart(os, d.years, d.entries_by_status, o);
            }));
            s.tables.push_back(
                detail::series_table("Entries", "year", d.years, d.entries_by_status, 0, true));
        }
        if (!d.exits_by_route.empty()) {
            chart_options o{
                .title = "Exits by route", .x_label = "collection year", .y_label = "exits"};
            s.charts.push_back(detail::svg_of([&](std::ostream& os) {
                write_stacked_bar_chart(os, d.years, d.exits_by_route, o);
            }));
            s.tables.push_back(
                detail::series_table("Exits", "year", d.years, d.exits_by_route, 0, true));
        }
        doc.sections.push_back(std::move(s));
    } else {
        doc.sections.push_back(
            detail::empty_section("entries-exits", "Entries and exits by route",
                                  "No child entered or left care in the period covered."));
    }

    {
        section s;
        s.id = "moves";
        s.title = "Moves per child";
        s.text = d.moves_text
                 + " A change of legal status, or of placement type with the same carer, is not "
                   "a move. Mean moves per child: "
                 + format_number(d.moves_per_child_mean, 2) + ".";
        std::vector<std::string> bins;
        for (std::size_t k = 0; k < d.moves_per_child.size(); ++k)
            bins.push_back(std::to_string(k) + (k + 1 == d.moves_per_child.size() ? "+" : ""));
        chart_options o{.title = s.title, .x_label = "moves of home", .y_label = "children"};
        s.charts.push_back(detail::svg_of(
            [&](std::ostream& os) { write_bar_chart(os, bins, d.moves_per_child, o); }));
        data_table t;
        t.caption = "Children by moves of home";
        t.columns = {"moves", "children"};
        for (std::size_t k = 0; k < bins.size(); ++k)
            t.add_row({bins[k], format_number(d.moves_per_child[k])});
        s.tables.push_back(std::move(t));
        doc.sections.push_back(std::move(s));
    }

    if (!d.continuity.empty()) {
        section s;
        s.id = "continuity";
        s.title = "Continuity per move: relationships kept, ended and unrecorded";
        s.text = "For each move, the relationships the child had before it: kept, "
                 "ended (with a "
                 "recorded ending) or unrecorded (no ending and no later contact: "
                 "a gap in the data).";
        std::vector<std::string> labels;
        series kept{"kept", {}}, ended{"ended", {}}, unrec{"unrecorded", {}};
        for (const auto& c : d.continuity) {
            labels.push_back(c.label);
            kept.values.push_back(c.kept);
            ended.values.push_back(c.ended);
            unrec.values.push_back(c.unrecorded);
        }
        const std::vector<series> data{kept, ended, unrec};
        chart_options o{.title = s.title, .x_label = "move", .y_label = "relationships"};
        s.charts.push_back(detail::svg_of(
            [&](std::ostream& os) { write_stacked_bar_chart(os, labels, data, o); }));
        s.tables.push_back(
            detail::series_table("Relationships at moves", "move", labels, data, 0, true));
        doc.sections.push_back(std::move(s));
    } else {
        doc.sections.push_back(detail::empty_section(
            "continuity", "Continuity per move: relationships kept, ended and unrecorded",
            d.continuity_note));
    }

    if (!d.siblings.empty()) {
        section s;
        s.id = "siblings";
        s.title = "Sibling separation";
        s.text = "Children in care with a sibling in care, and those of them "
                 "living apart from at "
                 "least one of their siblings in care.";
        std::vector<std::string> labels;
        series together{"living with all siblings in care", {}},
            apart{"apart from at least one", {}};
        data_table t;
        t.caption = "Sibling separation";
        t.columns = {"date", "with a sibling in care", "apart from at least one",
                     "share apart (%)"};
        for (const auto& c : d.siblings) {
            labels.push_back(c.label);
            together.values.push_back(c.with_sibling_in_care - c.apart);
            apart.values.push_back(c.apart);
            t.add_row({c.label, format_number(c.with_sibling_in_care), format_number(c.apart),
                       c.with_sibling_in_care > 0
                           ? format_number(100.0 * c.apart / c.with_sibling_in_care, 1)
                           : std::string{"-"}});
        }
        const std::vector<series> data{together, apart};
        chart_options o{.title = s.title, .x_label = "date", .y_label = "children"};
        s.charts.push_back(detail::svg_of(
            [&](std::ostream& os) { write_stacked_bar_chart(os, labels, data, o); }));
        s.tables.push_back(std::move(t));
        doc.sections.push_back(std::move(s));
    } else {
        doc.sections.push_back(
            detail::empty_section("siblings", "Sibling separation", d.siblings_note));
    }

    if (!d.survival.empty()) {
        section s;
        s.id = "survival";
        s.title = "Time to leaving care (Kaplan-Meier)";
        s.text = "Share of children still in care after each number of years, for "
                 "periods of care "
                 "that began in the period covered. For each route, leaving by "
                 "another route or "
                 "still being in care at the end counts as censored, so 1 minus a "
                 "route's curve "
                 "overstates how many leave by that route when routes compete.";
        std::vector<step_series> curves;
        for (const auto& c : d.survival)
            curves.push_back(detail::thin_curve(c, 1.0 / 12));
        chart_options o{.title = s.title,
                        .x_label = "years since entering care",
                        .y_label = "share still in care",
                        .decimals = 2};
        s.charts.push_back(
            detail::svg_of([&](std::ostream& os) { write_step_chart(os, curves, o); }));
        data_table t;
        t.caption = "Still in care after (95% interval)";
        t.columns = {"route", "periods", "left by route", "median (years)"};
        const std::array<double, 4> at{0.5, 1, 2, 5};
        for (const double a : at)
            t.columns.push_back(format_number(a, a < 1 ? 1 : 0) + " years");
        bool beyond = false; // a time past every period's follow-up was asked for
        for (const auto& c : d.survival) {
            std::vector<std::string> row{c.name, format_count(c.subjects), format_count(c.events),
                                         c.median() ? format_number(*c.median(), 2)
                                                    : std::string{"-"}};
            for (const double a : at) {
                if (a > c.follow_up) { // beyond every period's follow-up: not known
                    row.emplace_back("-");
                    beyond = true;
                    continue;
                }
                const survival_step* last = nullptr;
                for (const auto& st : c.steps)
                    if (st.time <= a)
                        last = &st;
                row.push_back(last ? format_number(last->survival, 3) + " ("
                                         + format_number(last->lower, 3) + "-"
                                         + format_number(last->upper, 3) + ")"
                                   : std::string{"1.000"});
            }
            t.add_row(std::move(row));
        }
        if (beyond)
            s.text += " A dash in the table: no period was followed that long (the period "
                      "covered ends first), so the share still in care is not known.";
        s.tables.push_back(std::move(t));
        doc.sections.push_back(std::move(s));
    } else {
        doc.sections.push_back(
            detail::empty_section("survival", "Time to leaving care (Kaplan-Meier)",
                                  d.survival_note));
    }

    if (!d.comparison.empty()) {
        section s;
        s.id = "scenario";
        s.title = "Baseline against scenario";
        s.text = "Each measure under the baseline and the scenario: the dot is the "
                 "mean over "
                 "replicates, the bar its 95% interval.";
        if (std::ranges::any_of(d.comparison, [](const interval_row& r) {
                return !r.baseline.has_interval() || !r.scenario.has_interval();
            }))
            s.text += " A measure with no bar was measured in one replicate only: it has no "
                      "interval.";
        chart_options o{.title = s.title, .x_label = "value", .decimals = d.comparison_decimals};
        s.charts.push_back(detail::svg_of([&](std::ostream& os) {
            write_interval_chart(os, d.comparison, o, d.baseline_name, d.scenario_name);
        }));
        data_table t;
        t.caption = "Baseline against scenario (95% interval)";
        t.columns = {"measure", d.baseline_name, "interval", d.scenario_name, "interval"};
        const int k = d.comparison_decimals;
        const auto interval = [k](const interval_estimate& e) {
            if (!e.has_interval()) // one replicate: "no interval (n = 1)", as the chart says
                return detail::interval_text(e, k);
            return format_number(*e.lower, k) + " to " + format_number(*e.upper, k);
        };
        for (const auto& r : d.comparison)
            t.add_row({r.label, format_number(r.baseline.estimate, k), interval(r.baseline),
                       format_number(r.scenario.estimate, k), interval(r.scenario)});
        s.tables.push_back(std::move(t));
        doc.sections.push_back(std::move(s));
    }

    if (!d.extra_tables.empty()) {
        section s;
        s.id = "indicators";
        s.title = d.extra_title;
        s.tables = d.extra_tables;
        doc.sections.push_back(std::move(s));
    }
    return doc;
}

/// Writes the report as one self-contained HTML page.
template <class = void>
void write_report(std::ostream& os, const care_report_data& d) {
    write_html(os, make_document(d));
}

} // namespace carepath::report
