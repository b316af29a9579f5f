#pragma once
/// @file
/// The report of a council's forecast: the children under 18 in care the returns show on past
/// 31 Marches (the population forecast; those 18 or over beside) and each forecast's projection
/// after them (a chart of the total with the spread of the replicates, 2.5th to 97.5th
/// percentile, and tables by placement group, legal group and age band), their yearly cost, and,
/// when run, the
/// back-test against later returns. Projections and back-tests are labelled as what they are:
/// a back-test is validation against returns the fit never saw, never a fitting target.
#include "carepath/core/dates.hpp"
#include "carepath/core/enum_table.hpp"
#include "carepath/report/html.hpp"
#include "carepath/report/svg.hpp"
#include "carepath/report/table.hpp"
#include "carepath/sim/backtest.hpp"
#include "carepath/sim/costs.hpp"
#include "carepath/sim/forecast.hpp"

#include <cctype>
#include <cmath>
#include <cstddef>
#include <ostream>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

namespace carepath::report {

/// What a forecast report shows.
struct forecast_report_data {
    std::string title = "Children in care: forecast"; ///< heading of the page
    std::string subtitle; ///< line under the title (where the data came from)
    /// Facts shown at the top ("years used", "2019-20 to 2021-22").
    std::vector<std::pair<std::string, std::string>> facts;
    /// Children in care on past 31 Marches, as the returns show them (oldest first): under 18
    /// in the counts, 18 or over in `aged_18_or_over`.
    std::vector<sim::stock_count> observed;
    std::vector<sim::forecast> forecasts;   ///< one per method, all from the same snapshot
    std::vector<sim::cost_forecast> costs;  ///< one per forecast; empty: no costs
    std::vector<sim::backtest_summary> backtest; ///< empty: no back-test was run
};

namespace detail {

inline std::string year_of_day(date d) {
    return std::to_string(year_of(d));
}

// "12.3 [10.0-14.5]" with whole numbers for counts; the mean alone with no spread.
inline std::string with_interval(double mean, double low, double high, bool spread = true,
                                 int decimals = 0) {
    if (!spread) return format_number(mean, decimals);
    return format_number(mean, decimals) + " [" + format_number(low, decimals) + "-"
           + format_number(high, decimals) + "]";
}

// True when any past count has children 18 or over (then the totals table shows them).
inline bool any_adults(const forecast_report_data& d) {
    for (const auto& o : d.observed)
        if (o.aged_18_or_over > 0) return true;
    return false;
}

// The chart of the total: observed counts, then each method's mean and interval.
inline std::string total_chart(const forecast_report_data& d) {
    std::vector<std::string> years;
    for (const auto& o : d.observed) years.push_back(year_of_day(o.on));
    const std::size_t past = years.size();
    std::size_t ahead = 0;
    for (const auto& f : d.forecasts) ahead = std::max(ahead, f.points.size());
    const auto& first = d.forecasts.front();
    for (std::size_t i = 0; i < ahead && i < first.points.size(); ++i)
        years.push_back(year_of_day(first.points[i].on));
    const double gap = std::nan("");
    std::vector<series> lines;
    series seen{"returns", std::vector<double>(years.size(), gap)};
    for (std::size_t i = 0; i < past; ++i) seen.values[i] = d.observed[i].total;
    lines.push_back(std::move(seen));
    for (const auto& f : d.forecasts) {
        series mean{f.method, std::vector<double>(years.size(), gap)};
        series low{f.method + " 2.5%", std::vector<double>(years.size(), gap)};
        series high{f.method + " 97.5%", std::vector<double>(years.size(), gap)};
        if (past > 0) // start each line at the snapshot, where the returns end
            mean.values[past - 1] = low.values[past - 1] = high.values[past - 1] =
                d.observed.back().total;
        bool spread = true;
        for (std::size_t i = 0; i < f.points.size() && past + i < years.size(); ++i) {
            mean.values[past + i] = f.points[i].mean.total;
            low.values[past + i] = f.points[i].low.total;
            high.values[past + i] = f.points[i].high.total;
            spread = spread && f.points[i].has_spread;
        }
        lines.push_back(std::move(mean));
        if (spread) { // no lines for a spread one replicate does not have
            lines.push_back(std::move(low));
            lines.push_back(std::move(high));
        }
    }
    std::ostringstream os;
    write_line_chart(os, years, lines,
                     {.title = "Children in care on 31 March: returns and forecasts",
                      .x_label = "31 March of",
                      .y_label = "children in care"});
    return os.str();
}

// One table for one way of counting (total, placement, legal, age): a row per group, a column
// per method and year.
template <class Group, std::size_t N>
data_table groups_table(const forecast_report_data& d, std::string caption,
                        std::array<double, N> sim::stock_count::*member) {
    data_table t;
    t.caption = std::move(caption);
    t.columns = {"group", "on the snapshot"};
    for (const auto& f : d.forecasts)
        for (const auto& p : f.points) t.columns.push_back(f.method + " " + year_of_day(p.on));
    for (std::size_t g = 0; g < N; ++g) {
        std::vector<std::string> row{std::string{describe(static_cast<Group>(g))},
                                     d.observed.empty()
                                         ? std::string{"-"}
                                         : format_number((d.observed.back().*member)[g])};
        for (const auto& f : d.forecasts)
            for (const auto& p : f.points)
                row.push_back(with_interval((p.mean.*member)[g], (p.low.*member)[g],
                                            (p.high.*member)[g], p.has_spread));
        t.add_row(std::move(row));
    }
    return t;
}

inline data_table totals_table(const forecast_report_data& d) {
    data_table t;
    t.caption = "Children under 18 in care on 31 March: mean [2.5th-97.5th percentile of the "
                "replicates] of each forecast";
    const bool adults = any_adults(d);
    t.columns = {"31 March of", "returns"};
    if (adults) t.columns.emplace_back("returns, 18 or over (not forecast)");
    for (const auto& f : d.forecasts) t.columns.push_back(f.method);
    for (const auto& o : d.observed) {
        std::vector<std::string> row{year_of_day(o.on), format_number(o.total)};
        if (adults) row.push_back(format_number(o.aged_18_or_over));
        for (std::size_t i = 0; i < d.forecasts.size(); ++i) row.emplace_back("-");
        t.add_row(std::move(row));
    }
    const auto& first = d.forecasts.front();
    for (std::size_t i = 0; i < first.points.size(); ++i) {
        std::vector<std::string> row{year_of_day(first.points[i].on), "-"};
        if (adults) row.emplace_back("-");
        for (const auto& f : d.forecasts)
            row.push_back(i < f.points.size() ? with_interval(f.points[i].mean.total,
                                                              f.points[i].low.total,
                                                              f.points[i].high.total,
                                                              f.points[i].has_spread)
                                              : std::string{"-"});
        t.add_row(std::move(row));
    }
    return t;
}

inline section costs_section(const forecast_report_data& d) {
    section s{.id = "costs", .title = "Cost", .text = {}, .charts = {}, .tables = {}};
    s.text = "Yearly cost of the children in care on each 31 March: each placement group's count "
             "times its weekly unit cost times 52.18 weeks, in every replicate of the forecast; "
             "mean and 2.5th-97.5th percentile of the replicates in pounds a year. Groups with no published cost are left "
             "out of the totals, and the children in them are counted beside.";
    if (!d.costs.empty()) // the notes come from the cost table and inflation: one set serves
        for (const auto& n : d.costs.front().notes) s.text += " " + n;
    data_table t;
    t.caption = "Yearly cost, pounds a year";
    if (!d.costs.empty() && d.costs.front().price_basis() != "pounds")
        t.caption += " (" + d.costs.front().price_basis() + ")";
    t.caption += ": mean [2.5th-97.5th percentile of the replicates]";
    t.columns = {"method", "31 March of", "cost", "children in groups with no cost"};
    for (const auto& c : d.costs)
        for (const auto& p : c.points)
            t.add_row({c.method, year_of_day(p.on),
                       with_interval(p.mean, p.low, p.high, p.has_spread),
                       format_number(p.children_left_out, 1)});
    s.tables.push_back(std::move(t));
    return s;
}

inline section backtest_section(const forecast_report_data& d) {
    section s{.id = "backtest", .title = "Back-test against later returns", .text = {},
              .charts = {}, .tables = {}};
    s.text = "Each method fitted on the returns up to an earlier 31 March and compared with what "
             "the later returns show. These are validation figures, never fitting targets: "
             "nothing in them feeds back into the forecasts above. The actual counts are of "
             "children under 18, the population the forecasts model. Each measure has its own "
             "n: the mean error is over every comparison, the MAPE over those with an actual "
             "count above 0, and the coverage (actual inside the 2.5th-97.5th percentile of the "
             "replicates, which is not a 95% interval) over comparisons with a spread, leaving "
             "out empty groups (nobody there and a spread of 0 to 0), counted beside.";
    data_table t;
    t.caption = "Back-test: mean absolute percentage error, bias and coverage of the spread";
    t.columns = {"method", "years ahead", "count", "comparisons", "MAPE %", "mean error",
                 "actual inside the spread", "MAPE over", "coverage over",
                 "empty groups (not in coverage)"};
    for (const auto& b : d.backtest)
        t.add_row({b.method, std::to_string(b.horizon), std::string{describe(b.kind)},
                   std::to_string(b.rows),
                   b.mean_absolute_percentage_error
                       ? format_number(*b.mean_absolute_percentage_error, 1)
                       : std::string{"-"},
                   format_number(b.mean_error, 1),
                   b.coverage ? format_number(100 * *b.coverage) + "%" : std::string{"-"},
                   std::to_string(b.percentage_rows), std::to_string(b.coverage_rows),
                   std::to_string(b.empty_rows)});
    s.tables.push_back(std::move(t));
    return s;
}

} // namespace detail

/// The forecast report as a document (see the file comment).
/// @throws std::invalid_argument when `data.forecasts` is empty.
[[nodiscard]] inline document forecast_document(const forecast_report_data& data) {
    if (data.forecasts.empty())
        throw std::invalid_argument{"forecast_document: no forecast to report"};
    document doc{.title = data.title, .subtitle = data.subtitle, .facts = data.facts,
                 .sections = {}};
    section total{.id = "total", .title = "Children in care", .text = {}, .charts = {},
                  .tables = {}};
    total.text = "The returns' count of children under 18 in care on each past 31 March (the "
                 "population the forecasts model; children 18 or over are counted beside when "
                 "there are any), then each forecast's mean and the spread of its replicates "
                 "(2.5th to 97.5th percentile; not a 95% interval, and none with one "
                 "replicate). A forecast is a projection of the rates measured "
                 "in the fit years, not a prediction of policy or demand changes.";
    total.charts.push_back(detail::total_chart(data));
    total.tables.push_back(detail::totals_table(data));
    doc.sections.push_back(std::move(total));

    section groups{.id = "groups", .title = "By placement, legal status and age", .text = {},
                   .charts = {}, .tables = {}};
    groups.text = "The same forecasts by placement group, legal group and age band (mean "
                  "[2.5th-97.5th percentile of the replicates]); the snapshot column counts the "
                  "returns' children under 18.";
    for (const auto& f : data.forecasts)
        if (f.method == "microsimulation")
            groups.text += " The microsimulation has no legal group for emergency and youth "
                           "justice statuses (L1-L3, J1-J3): it runs those children under "
                           "interim or care orders, so its 'other' legal group is not a "
                           "forecast; the Markov forecast carries every group as the returns "
                           "record it.";
    groups.tables.push_back(detail::groups_table<sim::forecast_placement>(
        data, "By placement group", &sim::stock_count::by_placement));
    groups.tables.push_back(detail::groups_table<sim::forecast_legal>(
        data, "By legal group", &sim::stock_count::by_legal));
    groups.tables.push_back(
        detail::groups_table<sim::age_band>(data, "By age band", &sim::stock_count::by_age));
    doc.sections.push_back(std::move(groups));

    if (!data.costs.empty())
        doc.sections.push_back(detail::costs_section(data));
    if (!data.backtest.empty())
        doc.sections.push_back(detail::backtest_section(data));

    for (const auto& f : data.forecasts) {
        std::string id = "notes-" + f.method; // an HTML id: letters, digits and '-' only
        for (char& c : id)
            if (!std::isalnum(static_cast<unsigned char>(c))) c = '-';
        section notes{.id = std::move(id), .title = "How the " + f.method + " forecast was made",
                      .text = {}, .charts = {}, .tables = {}};
        for (const auto& n : f.notes) notes.text += (notes.text.empty() ? "" : " ") + n;
        doc.sections.push_back(std::move(notes));
    }
    return doc;
}

/// Writes the forecast report as one HTML page.
inline void write_forecast_report(std::ostream& os, const forecast_report_data& data) {
    write_html(os, forecast_document(data));
}

} // namespace carepath::report
