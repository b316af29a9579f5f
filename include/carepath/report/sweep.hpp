#pragma once
/// @file
/// A sweep's table (sim/sweep.hpp) in the report: read back from its CSV, and one figure drawn
/// across one varied key, each point a dot at its mean with a bar over its 95% interval, one
/// line per scenario and combination of the other keys. Reading the CSV rather than taking
/// the rows in memory lets a table written by `carepath-mpi` or a resumed run be charted alike.
#include "carepath/core/result.hpp"
#include "carepath/report/svg.hpp"
#include "carepath/sim/scenario.hpp"

#include <algorithm>
#include <cmath>
#include <istream>
#include <map>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

namespace carepath::report {

/// A sweep table as read: the header's names and each row's cells, as text.
struct sweep_table {
    std::vector<std::string> columns;           ///< the header's names
    std::vector<std::vector<std::string>> rows; ///< one per point, a cell per column
    /// The varied keys: the columns between `scenario` and `replicates`.
    [[nodiscard]] std::vector<std::string> parameters() const {
        std::vector<std::string> out;
        for (std::size_t i = 2; i < columns.size() && columns[i] != "replicates"; ++i)
            out.push_back(columns[i]);
        return out;
    }
    /// The position of column `name`, if the table has it.
    [[nodiscard]] std::optional<std::size_t> column(std::string_view name) const {
        const auto it = std::ranges::find(columns, name);
        if (it == columns.end())
            return std::nullopt;
        return static_cast<std::size_t>(it - columns.begin());
    }
};

namespace detail {
// One CSV record from `line` (RFC 4180 quotes; a record does not span lines in a sweep table).
inline std::optional<std::vector<std::string>> split_csv(std::string_view line) {
    std::vector<std::string> cells(1);
    bool quoted = false;
    for (std::size_t i = 0; i < line.size(); ++i) {
        const char c = line[i];
        if (quoted) {
            if (c == '"' && i + 1 < line.size() && line[i + 1] == '"')
                cells.back() += '"', ++i;
            else if (c == '"')
                quoted = false;
            else
                cells.back() += c;
        } else if (c == '"') {
            quoted = true;
        } else if (c == ',') {
            cells.emplace_back();
        } else if (c != '\r') {
            cells.back() += c;
        }
    }
    if (quoted)
        return std::nullopt;
    return cells;
}
} // namespace detail

/// Reads a sweep table. Errors name the file, line and what was wrong.
[[nodiscard]] inline result<sweep_table> read_sweep_table(std::istream& in,
                                                          std::string_view file_name) {
    sweep_table t;
    std::string line;
    std::size_t line_no = 0;
    auto fail = [&](std::string field, std::string value, std::string message) {
        return diagnostic{.file = std::string{file_name},
                          .line = line_no,
                          .field = std::move(field),
                          .value = std::move(value),
                          .message = std::move(message)};
    };
    while (std::getline(in, line)) {
        ++line_no;
        auto cells = detail::split_csv(line);
        if (!cells)
            return fail("", line.substr(0, 80), "a quoted cell is not closed");
        if (line_no == 1) {
            if (cells->size() < 3 || (*cells)[0] != "point" || (*cells)[1] != "scenario"
                || std::ranges::find(*cells, "replicates") == cells->end())
                return fail("", line.substr(0, 80),
                            "not a sweep table (the header starts point,scenario)");
            t.columns = std::move(*cells);
            continue;
        }
        if (cells->size() != t.columns.size())
            return fail("", std::to_string(cells->size()) + " cells",
                        "expected " + std::to_string(t.columns.size()) + " cells");
        t.rows.push_back(std::move(*cells));
    }
    if (line_no == 0)
        return diagnostic{.file = std::string{file_name}, .message = "the sweep table is empty"};
    return t;
}

/// Draws `figure` (its mean, or with `difference` its difference from the baseline) against
/// `across` (a varied key, or `scenario`); empty names take the first figure and the first
/// varied key. A numeric key gets a numeric x axis; any other, one category per value.
/// Points missing the figure are left out. Errors name the figure or key not in the table.
inline status write_sweep_chart(std::ostream& os, const sweep_table& t, std::string figure = {},
                                std::string across = {}, bool difference = false,
                                chart_options o = {}) {
    const auto params = t.parameters();
    if (figure.empty())
        for (const auto& c : t.columns)
            if (c.ends_with("_mean")) {
                figure = c.substr(0, c.size() - 5);
                break;
            }
    if (across.empty())
        across = params.empty() ? "scenario" : params.front();
    const std::string stem = figure + (difference ? "_diff" : "");
    const auto mean = t.column(figure + (difference ? "_diff" : "_mean"));
    const auto low = t.column(stem + "_low");
    const auto high = t.column(stem + "_high");
    if (!mean || !low || !high)
        return diagnostic{
            .field = "figure", .value = figure, .message = "the sweep table has no such figure"};
    const auto x_col = t.column(across);
    if (!x_col || (across != "scenario" && std::ranges::find(params, across) == params.end()))
        return diagnostic{
            .field = "across", .value = across, .message = "not a varied key of the sweep table"};

    // x positions: numbers when every value reads as one, else categories in order of appearance
    std::vector<std::string> categories;
    bool numeric = true;
    for (const auto& r : t.rows) {
        if (!sim::detail::parse_number(r[*x_col]))
            numeric = false;
        if (std::ranges::find(categories, r[*x_col]) == categories.end())
            categories.push_back(r[*x_col]);
    }
    struct dot {
        double x, y, lo, hi;
        std::string label;
    };
    std::vector<std::string> names;
    std::vector<std::vector<dot>> groups;
    double y_lo = 0, y_hi = 0, x_lo = 0, x_hi = 1;
    bool first_x = true;
    std::size_t marks = 0;
    for (const auto& r : t.rows) {
        const auto y = sim::detail::parse_number(r[*mean]);
        if (!y)
            continue;
        std::string name = r[1];
        for (const auto& p : params)
            if (p != across)
                name += ", " + p + "=" + r[*t.column(p)];
        if (across == "scenario")
            name = figure;
        auto it = std::ranges::find(names, name);
        if (it == names.end()) {
            names.push_back(name);
            groups.emplace_back();
            it = names.end() - 1;
        }
        const double x = numeric ? *sim::detail::parse_number(r[*x_col])
                                 : static_cast<double>(std::ranges::find(categories, r[*x_col])
                                                       - categories.begin());
        const double lo = sim::detail::parse_number(r[*low]).value_or(*y);
        const double hi = sim::detail::parse_number(r[*high]).value_or(*y);
        groups[static_cast<std::size_t>(it - names.begin())].push_back(
            {x, *y, lo, hi, across + "=" + r[*x_col]});
        y_lo = std::min({y_lo, lo, *y});
        y_hi = std::max({y_hi, hi, *y});
        x_lo = first_x ? x : std::min(x_lo, x);
        x_hi = first_x ? x : std::max(x_hi, x);
        first_x = false;
        ++marks;
    }
    if (o.title.empty())
        o.title = (difference ? "Difference from the baseline in " : "") + figure + " across "
                  + across + " (95% intervals)";
    if (o.x_label.empty())
        o.x_label = across;
    if (o.y_label.empty())
        o.y_label = difference ? figure + " minus baseline" : figure;
    if (o.decimals == 0)
        o.decimals = 2;
    const auto f = detail::make_frame(o, &names, detail::nice_axis(y_lo, y_hi));
    detail::axis xa;
    if (numeric) {
        const double pad = x_hi > x_lo ? 0.05 * (x_hi - x_lo) : 0.5;
        xa = {x_lo - pad, x_hi + pad, detail::nice_step(x_hi - x_lo + 2 * pad, 5)};
    } else {
        xa = {-0.5, static_cast<double>(categories.size()) - 0.5, 1};
    }
    auto x_pixel = [&](double x) {
        return f.left + (x - xa.low) / (xa.high - xa.low) * (f.right - f.left);
    };
    detail::open_svg(os, "sweep", o, marks);
    detail::draw_y_axis(os, f, o);
    if (numeric) {
        // ticks on the step grid inside the padded range
        detail::axis ticks{std::ceil(xa.low / xa.step) * xa.step,
                           std::floor(xa.high / xa.step) * xa.step, xa.step};
        os << "<g class=\"axis x-axis\">\n";
        for (double v = ticks.low; v <= ticks.high + 1e-9 * xa.step; v += xa.step)
            os << "<text x=\"" << detail::px(x_pixel(v)) << "\" y=\"" << detail::px(f.bottom + 16)
               << "\" text-anchor=\"middle\" fill=\"#333333\">"
               << detail::fixed(v, xa.step < 1 ? 2 : 0) << "</text>\n";
        os << "</g>\n";
    } else {
        os << "<g class=\"axis x-axis\">\n";
        for (std::size_t i = 0; i < categories.size(); ++i)
            os << "<text x=\"" << detail::px(x_pixel(static_cast<double>(i))) << "\" y=\""
               << detail::px(f.bottom + 16) << "\" text-anchor=\"middle\" fill=\"#333333\">"
               << detail::escape_xml(categories[i]) << "</text>\n";
        os << "</g>\n";
    }
    for (std::size_t g = 0; g < groups.size(); ++g) {
        auto& d = groups[g];
        std::ranges::stable_sort(d, {}, &dot::x);
        os << "<g class=\"series\" data-series=\"" << detail::escape_xml(names[g]) << "\">\n";
        std::string path;
        for (const auto& p : d)
            detail::path_cmd(path, path.empty() ? "M" : " L", x_pixel(p.x), f.y_pixel(p.y));
        if (d.size() > 1)
            os << "<path class=\"line\" d=\"" << path << "\" fill=\"none\" stroke=\""
               << detail::colour(g) << "\" stroke-width=\"1.5\"/>\n";
        for (const auto& p : d) {
            const auto xp = detail::px(x_pixel(p.x));
            os << "<line class=\"interval\" x1=\"" << xp << "\" y1=\""
               << detail::px(f.y_pixel(p.lo)) << "\" x2=\"" << xp << "\" y2=\""
               << detail::px(f.y_pixel(p.hi)) << "\" stroke=\"" << detail::colour(g)
               << "\" stroke-width=\"2\"/>\n<circle class=\"mark\" cx=\"" << xp << "\" cy=\""
               << detail::px(f.y_pixel(p.y)) << "\" r=\"3.5\" fill=\"" << detail::colour(g)
               << "\"><title>" << detail::escape_xml(names[g]) << ", "
               << detail::escape_xml(p.label) << ": " << detail::fixed(p.y, o.decimals) << " ("
               << detail::fixed(p.lo, o.decimals) << " to " << detail::fixed(p.hi, o.decimals)
               << ")</title></circle>\n";
        }
        os << "</g>\n";
    }
    detail::draw_legend(os, f, names);
    os << "</svg>\n";
    return ok;
}

} // namespace carepath::report
