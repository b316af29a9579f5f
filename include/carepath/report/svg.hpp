#pragma once
/// @file
/// SVG charts drawn by the library: line, stacked area, stacked bar, bar, step
/// (for survival curves) and interval charts (baseline against scenario). Each
/// writer emits one `<svg>` element with no script, no external reference and
/// no font download, so it can sit inside a self-contained HTML page or be
/// saved as a file on its own.
///
/// Every element that stands for a data value carries `class="mark"` and a
/// `<title>` with the value, and the root carries `data-points="N"`, the number
/// of marks; tests (and the browser test) use both to check that every value
/// was drawn.
#include "carepath/report/detail/text.hpp"
// Index loops, not range-v3's enumerate: its header alone cost every file that includes
// care_report.hpp about 1 s of compile (issue 14).

#include <algorithm>
#include <array>
#include <cmath>
#include <cstddef>
#include <optional>
#include <ostream>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace carepath::report {

/// A named sequence of values, one per category of the chart.
struct series {
    std::string name; ///< legend label
    std::vector<double> values; ///< one per category, in category order
};

/// A step function (a Kaplan-Meier curve): y holds from x[i] until x[i+1].
struct step_series {
    std::string name; ///< legend label
    std::vector<double> x; ///< increasing; x[0] is where the curve starts
    std::vector<double> y; ///< one per x
};

/// A point estimate with its interval (for example a mean over replicates with
/// a 95% interval). A mean from one replicate has no interval: `lower` and `upper` are absent,
/// and charts draw no whisker for it (a zero-width one would claim a certainty nobody has).
struct interval_estimate {
    double estimate = 0; ///< the point estimate
    std::optional<double> lower = 0; ///< lower end of the interval; absent: no interval
    std::optional<double> upper = 0; ///< upper end of the interval; absent: no interval
    /// Values behind the estimate (replicates), said beside "no interval"; 0 when not known.
    std::size_t n = 0;
    /// True when both ends are there.
    [[nodiscard]] bool has_interval() const noexcept { return lower && upper; }
};

/// One row of an interval chart: a measure under the baseline and under a
/// scenario.
struct interval_row {
    std::string label; ///< the measure
    interval_estimate baseline; ///< under the baseline
    interval_estimate scenario; ///< under the scenario
};

/// Size, labels and number format of a chart.
struct chart_options {
    std::string title{};   ///< read out by screen readers; shown as a tooltip
    std::string x_label{}; ///< under the x axis
    std::string y_label{}; ///< beside the y axis
    double width = 720; ///< in SVG user units (pixels)
    double height = 360; ///< in SVG user units (pixels)
    int decimals = 0; ///< decimals in tick labels and value tooltips
};

namespace detail {

// Okabe and Ito's palette (distinguishable with the common colour-vision
// deficiencies), then a few more for charts with many series. Colour carries no
// ranking: it follows input order.
inline constexpr std::array<std::string_view, 12> palette{
    "#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00",
    "#999933", "#882255", "#44AA99", "#332288", "#AA4499", "#777777"};

inline std::string_view colour(std::size_t i) {
    return palette[i % palette.size()];
}

// A "nice" axis: 0 (or a nice minimum) to a nice maximum in steps of 1, 2, 2.5
// or 5 x 10^k.
struct axis {
    double low = 0;
    double high = 1;
    double step = 0.2;
};
inline double nice_step(double span, int target_ticks) {
    const double raw = span / target_ticks;
    const double mag = std::pow(10.0, std::floor(std::log10(raw)));
    for (const double m : {1.0, 2.0, 2.5, 5.0, 10.0})
        if (raw <= m * mag)
            return m * mag;
    return 10 * mag;
}
// With `whole`, ticks are whole numbers (a chart of counts never reads "1.5 children").
inline axis nice_axis(double low, double high, bool whole = false) {
    if (!std::isfinite(low) || !std::isfinite(high))
        low = 0, high = 1;
    low = std::min(low, 0.0);
    if (high <= low)
        high = low + 1;
    axis a;
    a.step = nice_step(high - low, 5);
    if (whole && a.step < 1)
        a.step = 1;
    a.low = std::floor(low / a.step) * a.step;
    a.high = std::ceil(high / a.step) * a.step;
    if (a.high <= a.low)
        a.high = a.low + a.step;
    return a;
}

// The plot area inside a chart, and the mapping of values onto it.
struct frame {
    double left = 64, top = 16, right = 0,
           bottom = 0; // right/bottom: pixel edges
    axis y;
    double y_pixel(double v) const {
        return bottom - (v - y.low) / (y.high - y.low) * (bottom - top);
    }
};
inline std::vector<std::string> names_of(const std::vector<series>& s) {
    std::vector<std::string> out;
    for (const auto& x : s)
        out.push_back(x.name);
    return out;
}

// `legend` holds the legend's names; the plot leaves room for the longest (about 6.5 pixels a
// character at 12 px sans-serif), up to 40% of the chart.
inline frame make_frame(const chart_options& o, const std::vector<std::string>* legend, axis y) {
    frame f;
    double room = 20;
    if (legend) {
        std::size_t longest = 0;
        for (const auto& n : *legend)
            longest = std::max(longest, n.size());
        room = std::min(0.4 * o.width, 40.0 + 6.5 * static_cast<double>(longest));
    }
    f.right = o.width - room;
    f.bottom = o.height - 56;
    f.y = y;
    return f;
}

inline std::string px(double v) {
    return fixed(v, 1);
}

// Appends a path command and its coordinates: `cmd` then x (and y, unless NaN).
inline void path_cmd(std::string& path, std::string_view cmd, double x, double y = std::nan("")) {
    path += cmd;
    path += px(x);
    if (!std::isnan(y)) {
        path += ' ';
        path += px(y);
    }
}

inline void open_svg(std::ostream& os, std::string_view kind, const chart_options& o,
                     std::size_t points) {
    os << "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart chart-" << kind
       << "\" viewBox=\"0 0 " << px(o.width) << ' ' << px(o.height) << "\" width=\"" << px(o.width)
       << "\" height=\"" << px(o.height) << "\" role=\"img\" aria-label=\"" << escape_xml(o.title)
       << "\" data-points=\"" << points << "\" font-family=\"sans-serif\""
       << " font-size=\"12\">\n<title>" << escape_xml(o.title) << "</title>\n"
       << "<rect class=\"background\" x=\"0\" y=\"0\" width=\"" << px(o.width) << "\" height=\""
       << px(o.height) << "\" fill=\"#ffffff\"/>\n";
}

// Horizontal grid lines with labels on the left, axis titles, and the x axis
// line.
inline void draw_y_axis(std::ostream& os, const frame& f, const chart_options& o) {
    os << "<g class=\"axis y-axis\">\n";
    const auto n = static_cast<int>(std::lround((f.y.high - f.y.low) / f.y.step));
    for (int i = 0; i <= n; ++i) {
        const double v = f.y.low + i * f.y.step;
        const double y = f.y_pixel(v);
        os << "<line x1=\"" << px(f.left) << "\" y1=\"" << px(y) << "\" x2=\"" << px(f.right)
           << "\" y2=\"" << px(y) << "\" stroke=\"#dddddd\"/>"
           << "<text x=\"" << px(f.left - 6) << "\" y=\"" << px(y + 4)
           << "\" text-anchor=\"end\" fill=\"#333333\">"
           << fixed(v, std::max(o.decimals, f.y.step < 1 ? (f.y.step < 0.1 ? 2 : 1) : 0))
           << "</text>\n";
    }
    os << "<line x1=\"" << px(f.left) << "\" y1=\"" << px(f.bottom) << "\" x2=\"" << px(f.right)
       << "\" y2=\"" << px(f.bottom) << "\" stroke=\"#333333\"/>\n";
    if (!o.y_label.empty())
        os << "<text x=\"14\" y=\"" << px((f.top + f.bottom) / 2) << "\" transform=\"rotate(-90 14 "
           << px((f.top + f.bottom) / 2) << ")\" text-anchor=\"middle\" fill=\"#333333\">"
           << escape_xml(o.y_label) << "</text>\n";
    if (!o.x_label.empty())
        os << "<text x=\"" << px((f.left + f.right) / 2) << "\" y=\"" << px(o.height - 8)
           << "\" text-anchor=\"middle\" fill=\"#333333\">" << escape_xml(o.x_label) << "</text>\n";
    os << "</g>\n";
}

// Category labels under the x axis, thinned so that they do not overlap.
inline void draw_categories(std::ostream& os, const frame& f,
                            const std::vector<std::string>& categories) {
    if (categories.empty())
        return;
    const double band = (f.right - f.left) / static_cast<double>(categories.size());
    std::size_t longest = 1;
    for (const auto& c : categories)
        longest = std::max(longest, c.size());
    const double label_px = 7.0 * static_cast<double>(longest) + 8;
    const auto every = static_cast<std::size_t>(std::max(1.0, std::ceil(label_px / band)));
    os << "<g class=\"axis x-axis\">\n";
    for (std::size_t i = 0; i < categories.size(); i += every)
        os << "<text x=\"" << px(f.left + (static_cast<double>(i) + 0.5) * band) << "\" y=\""
           << px(f.bottom + 16) << "\" text-anchor=\"middle\" fill=\"#333333\">"
           << escape_xml(categories[i]) << "</text>\n";
    os << "</g>\n";
}

inline void draw_x_ticks(std::ostream& os, const frame& f, axis x, int decimals) {
    os << "<g class=\"axis x-axis\">\n";
    const auto n = static_cast<int>(std::lround((x.high - x.low) / x.step));
    for (int i = 0; i <= n; ++i) {
        const double v = x.low + i * x.step;
        const double xp = f.left + (v - x.low) / (x.high - x.low) * (f.right - f.left);
        os << "<line x1=\"" << px(xp) << "\" y1=\"" << px(f.bottom) << "\" x2=\"" << px(xp)
           << "\" y2=\"" << px(f.bottom + 4) << "\" stroke=\"#333333\"/><text x=\"" << px(xp)
           << "\" y=\"" << px(f.bottom + 16) << "\" text-anchor=\"middle\" fill=\"#333333\">"
           << fixed(v, decimals) << "</text>\n";
    }
    os << "</g>\n";
}

inline void draw_legend(std::ostream& os, const frame& f, const std::vector<std::string>& names) {
    os << "<g class=\"legend\">\n";
    for (std::size_t i = 0; i < names.size(); ++i) {
        const std::string& name = names[i];
        const double y = f.top + 18.0 * static_cast<double>(i);
        os << "<rect x=\"" << px(f.right + 14) << "\" y=\"" << px(y)
           << "\" width=\"12\" height=\"12\" fill=\"" << colour(i) << "\"/><text x=\""
           << px(f.right + 32) << "\" y=\"" << px(y + 10) << "\" fill=\"#333333\">"
           << escape_xml(name) << "</text>\n";
    }
    os << "</g>\n";
}

inline void check_lengths(const std::vector<std::string>& categories,
                          const std::vector<series>& data, std::string_view who) {
    for (const auto& s : data)
        if (s.values.size() != categories.size())
            throw std::invalid_argument{std::string{who} + ": series '" + s.name + "' has "
                                        + std::to_string(s.values.size()) + " values for "
                                        + std::to_string(categories.size()) + " categories"};
}

inline double finite_or_zero(double v) {
    return std::isfinite(v) ? v : 0.0;
}

// "28.0 to 32.0", or "no interval (n = 1)" for an estimate without one.
inline std::string interval_text(const interval_estimate& e, int decimals) {
    if (e.has_interval())
        return fixed(*e.lower, decimals) + " to " + fixed(*e.upper, decimals);
    return e.n > 0 ? "no interval (n = " + std::to_string(e.n) + ")" : std::string{"no interval"};
}

inline void mark_title(std::ostream& os, std::string_view name, std::string_view category,
                       double value, int decimals) {
    os << "<title>" << escape_xml(name);
    if (!category.empty())
        os << (name.empty() ? "" : ", ") << escape_xml(category);
    os << ": " << fixed(value, decimals) << "</title>";
}

} // namespace detail

/// One line per series over the categories; a dot (a mark) at each finite
/// value, and a gap in the line where a value is missing (NaN).
/// @throws std::invalid_argument if a series does not have one value per
/// category.
inline void write_line_chart(std::ostream& os, const std::vector<std::string>& categories,
                             const std::vector<series>& data, const chart_options& o) {
    detail::check_lengths(categories, data, "write_line_chart");
    double lo = 0, hi = 0;
    std::size_t points = 0;
    for (const auto& s : data)
        for (const double v : s.values)
            if (std::isfinite(v))
                lo = std::min(lo, v), hi = std::max(hi, v), ++points;
    const auto names = detail::names_of(data);
    const auto f = detail::make_frame(o, &names, detail::nice_axis(lo, hi, o.decimals == 0));
    detail::open_svg(os, "line", o, points);
    detail::draw_y_axis(os, f, o);
    detail::draw_categories(os, f, categories);
    const double band =
        categories.empty() ? 1 : (f.right - f.left) / static_cast<double>(categories.size());
    for (std::size_t k = 0; k < data.size(); ++k) {
        const series& s = data[k];
        os << "<g class=\"series\" data-series=\"" << detail::escape_xml(s.name) << "\">\n";
        std::string path;
        bool pen_down = false;
        for (std::size_t i = 0; i < s.values.size(); ++i) {
            if (!std::isfinite(s.values[i])) {
                pen_down = false;
                continue;
            }
            detail::path_cmd(path, pen_down ? " L" : " M",
                             f.left + (static_cast<double>(i) + 0.5) * band,
                             f.y_pixel(s.values[i]));
            pen_down = true;
        }
        if (!path.empty())
            os << "<path class=\"line\" d=\"" << path.substr(1) << "\" fill=\"none\" stroke=\""
               << detail::colour(k) << "\" stroke-width=\"2\"/>\n";
        for (std::size_t i = 0; i < s.values.size(); ++i) {
            const double v = s.values[i];
            if (!std::isfinite(v))
                continue;
            os << "<circle class=\"mark\" cx=\""
               << detail::px(f.left + (static_cast<double>(i) + 0.5) * band) << "\" cy=\""
               << detail::px(f.y_pixel(v)) << "\" r=\"3\" fill=\"" << detail::colour(k)
               << "\">";
            detail::mark_title(os, s.name, categories[i], v, o.decimals);
            os << "</circle>\n";
        }
        os << "</g>\n";
    }
    detail::draw_legend(os, f, names);
    os << "</svg>\n";
}

/// Series stacked on one another as filled areas (the first at the bottom),
/// with a dot (a mark) at the top of each band at each category. Missing values
/// count as zero.
/// @throws std::invalid_argument if a series does not have one value per
/// category.
inline void write_stacked_area_chart(std::ostream& os, const std::vector<std::string>& categories,
                                     const std::vector<series>& data, const chart_options& o) {
    detail::check_lengths(categories, data, "write_stacked_area_chart");
    std::vector<double> total(categories.size(), 0.0);
    for (const auto& s : data)
        for (std::size_t i = 0; i < s.values.size(); ++i)
            total[i] += detail::finite_or_zero(s.values[i]);
    const double hi = total.empty() ? 0 : *std::max_element(total.begin(), total.end());
    const auto names = detail::names_of(data);
    const auto f = detail::make_frame(o, &names, detail::nice_axis(0, hi, o.decimals == 0));
    detail::open_svg(os, "stacked-area", o, data.size() * categories.size());
    detail::draw_y_axis(os, f, o);
    detail::draw_categories(os, f, categories);
    const double band =
        categories.empty() ? 1 : (f.right - f.left) / static_cast<double>(categories.size());
    std::vector<double> base(categories.size(), 0.0);
    for (std::size_t k = 0; k < data.size(); ++k) {
        const auto& s = data[k];
        std::vector<double> top(base);
        for (std::size_t i = 0; i < top.size(); ++i)
            top[i] += detail::finite_or_zero(s.values[i]);
        os << "<g class=\"series\" data-series=\"" << detail::escape_xml(s.name) << "\">\n";
        if (!categories.empty()) {
            std::string path;
            for (std::size_t i = 0; i < top.size(); ++i)
                detail::path_cmd(path, i == 0 ? "M" : " L",
                                 f.left + (static_cast<double>(i) + 0.5) * band, f.y_pixel(top[i]));
            for (std::size_t i = top.size(); i-- > 0;)
                detail::path_cmd(path, " L", f.left + (static_cast<double>(i) + 0.5) * band,
                                 f.y_pixel(base[i]));
            os << "<path class=\"area\" d=\"" << path << " Z\" fill=\"" << detail::colour(k)
               << "\" fill-opacity=\"0.75\" stroke=\"" << detail::colour(k) << "\"/>\n";
        }
        for (std::size_t i = 0; i < top.size(); ++i) {
            os << "<circle class=\"mark\" cx=\""
               << detail::px(f.left + (static_cast<double>(i) + 0.5) * band) << "\" cy=\""
               << detail::px(f.y_pixel(top[i])) << "\" r=\"2\" fill=\"" << detail::colour(k)
               << "\">";
            detail::mark_title(os, s.name, categories[i], detail::finite_or_zero(s.values[i]),
                               o.decimals);
            os << "</circle>\n";
        }
        os << "</g>\n";
        base = std::move(top);
    }
    detail::draw_legend(os, f, names);
    os << "</svg>\n";
}

/// One bar per category, each divided into the series (the first at the
/// bottom); one rectangle (a mark) per series and category. Negative and
/// missing values count as zero.
/// @throws std::invalid_argument if a series does not have one value per
/// category.
inline void write_stacked_bar_chart(std::ostream& os, const std::vector<std::string>& categories,
                                    const std::vector<series>& data, const chart_options& o) {
    detail::check_lengths(categories, data, "write_stacked_bar_chart");
    auto value = [](double v) { return std::max(0.0, detail::finite_or_zero(v)); };
    std::vector<double> total(categories.size(), 0.0);
    for (const auto& s : data)
        for (std::size_t i = 0; i < s.values.size(); ++i)
            total[i] += value(s.values[i]);
    const double hi = total.empty() ? 0 : *std::max_element(total.begin(), total.end());
    const auto names = detail::names_of(data);
    const auto f = detail::make_frame(o, &names, detail::nice_axis(0, hi, o.decimals == 0));
    detail::open_svg(os, "stacked-bar", o, data.size() * categories.size());
    detail::draw_y_axis(os, f, o);
    detail::draw_categories(os, f, categories);
    const double band =
        categories.empty() ? 1 : (f.right - f.left) / static_cast<double>(categories.size());
    std::vector<double> base(categories.size(), 0.0);
    for (std::size_t k = 0; k < data.size(); ++k) {
        const series& s = data[k];
        os << "<g class=\"series\" data-series=\"" << detail::escape_xml(s.name) << "\">\n";
        for (std::size_t i = 0; i < categories.size(); ++i) {
            const double v = value(s.values[i]);
            const double y_top = f.y_pixel(base[i] + v);
            os << "<rect class=\"mark\" x=\""
               << detail::px(f.left + (static_cast<double>(i) + 0.1) * band) << "\" y=\""
               << detail::px(y_top) << "\" width=\"" << detail::px(band * 0.8) << "\" height=\""
               << detail::px(f.y_pixel(base[i]) - y_top) << "\" fill=\"" << detail::colour(k)
               << "\">";
            detail::mark_title(os, s.name, categories[i], v, o.decimals);
            os << "</rect>\n";
            base[i] += v;
        }
        os << "</g>\n";
    }
    detail::draw_legend(os, f, names);
    os << "</svg>\n";
}

/// One bar (a mark) per category, labelled with its value when there is room.
/// @throws std::invalid_argument if there is not one value per category.
inline void write_bar_chart(std::ostream& os, const std::vector<std::string>& categories,
                            const std::vector<double>& values, const chart_options& o) {
    if (values.size() != categories.size())
        throw std::invalid_argument{"write_bar_chart: one value per category needed"};
    double lo = 0, hi = 0;
    for (const double v : values)
        if (std::isfinite(v))
            lo = std::min(lo, v), hi = std::max(hi, v);
    const auto f = detail::make_frame(o, nullptr, detail::nice_axis(lo, hi, o.decimals == 0));
    detail::open_svg(os, "bar", o, values.size());
    detail::draw_y_axis(os, f, o);
    detail::draw_categories(os, f, categories);
    const double band =
        categories.empty() ? 1 : (f.right - f.left) / static_cast<double>(categories.size());
    os << "<g class=\"series\">\n";
    for (std::size_t i = 0; i < values.size(); ++i) {
        const double v = detail::finite_or_zero(values[i]);
        const double y0 = f.y_pixel(0), y1 = f.y_pixel(v);
        const double x = f.left + (static_cast<double>(i) + 0.15) * band;
        os << "<rect class=\"mark\" x=\"" << detail::px(x) << "\" y=\""
           << detail::px(std::min(y0, y1)) << "\" width=\"" << detail::px(band * 0.7)
           << "\" height=\"" << detail::px(std::abs(y0 - y1)) << "\" fill=\"" << detail::colour(0)
           << "\">";
        detail::mark_title(os, "", categories[i], v, o.decimals);
        os << "</rect>\n";
        if (band >= 28)
            os << "<text class=\"value\" x=\"" << detail::px(x + band * 0.35) << "\" y=\""
               << detail::px(std::min(y0, y1) - 4) << "\" text-anchor=\"middle\" fill=\"#333333\">"
               << detail::fixed(v, o.decimals) << "</text>\n";
    }
    os << "</g>\n</svg>\n";
}

/// Step functions (survival curves) on a numeric x axis and a y axis from 0 to
/// 1: one path per series, drawn right then down at each step, with a dot (a
/// mark) at each step.
/// @throws std::invalid_argument if a series' x and y differ in length or x
/// decreases.
inline void write_step_chart(std::ostream& os, const std::vector<step_series>& data,
                             const chart_options& o) {
    double x_max = 0;
    std::size_t points = 0;
    for (const auto& s : data) {
        if (s.x.size() != s.y.size())
            throw std::invalid_argument{"write_step_chart: series '" + s.name + "' has "
                                        + std::to_string(s.x.size()) + " x and "
                                        + std::to_string(s.y.size()) + " y values"};
        if (!std::is_sorted(s.x.begin(), s.x.end()))
            throw std::invalid_argument{"write_step_chart: x must not decrease in '" + s.name
                                        + "'"};
        if (!s.x.empty())
            x_max = std::max(x_max, s.x.back());
        points += s.x.size();
    }
    const auto x_axis = detail::nice_axis(0, x_max);
    std::vector<std::string> names;
    for (const auto& s : data)
        names.push_back(s.name);
    const auto f = detail::make_frame(o, &names, detail::axis{0, 1, 0.2});
    auto x_pixel = [&](double v) {
        return f.left + (v - x_axis.low) / (x_axis.high - x_axis.low) * (f.right - f.left);
    };
    detail::open_svg(os, "step", o, points);
    detail::draw_y_axis(os, f, o);
    detail::draw_x_ticks(os, f, x_axis, x_axis.step < 1 ? 1 : 0);
    // Drawn last to first, so the first series (the overall curve) lies on top.
    for (std::size_t k = data.size(); k-- > 0;) {
        const auto& s = data[k];
        os << "<g class=\"series\" data-series=\"" << detail::escape_xml(s.name) << "\">\n";
        if (!s.x.empty()) {
            std::string path;
            detail::path_cmd(path, "M", x_pixel(s.x[0]), f.y_pixel(s.y[0]));
            for (std::size_t i = 1; i < s.x.size(); ++i) {
                detail::path_cmd(path, " H", x_pixel(s.x[i]));
                detail::path_cmd(path, " V", f.y_pixel(s.y[i]));
            }
            detail::path_cmd(path, " H", x_pixel(x_axis.high));
            os << "<path class=\"line\" d=\"" << path << "\" fill=\"none\" stroke=\""
               << detail::colour(k) << "\" stroke-width=\"2\"/>\n";
        }
        for (std::size_t i = 0; i < s.x.size(); ++i) {
            os << "<circle class=\"mark\" cx=\"" << detail::px(x_pixel(s.x[i])) << "\" cy=\""
               << detail::px(f.y_pixel(s.y[i])) << "\" r=\"1.5\" fill=\"" << detail::colour(k)
               << "\">";
            os << "<title>" << detail::escape_xml(s.name) << ", " << detail::fixed(s.x[i], 2)
               << ": " << detail::fixed(s.y[i], 3) << "</title></circle>\n";
        }
        os << "</g>\n";
    }
    detail::draw_legend(os, f, names);
    os << "</svg>\n";
}

/// Baseline against scenario: one row per measure, each with two horizontal
/// interval bars (lower to upper) and a dot (a mark) at each estimate.
inline void write_interval_chart(std::ostream& os, const std::vector<interval_row>& rows,
                                 const chart_options& o,
                                 std::string_view baseline_name = "baseline",
                                 std::string_view scenario_name = "scenario") {
    double lo = 0, hi = 0;
    for (const auto& r : rows)
        for (const auto& e : {r.baseline, r.scenario})
            for (const auto& v : {e.lower, std::optional<double>{e.estimate}, e.upper})
                if (v && std::isfinite(*v))
                    lo = std::min(lo, *v), hi = std::max(hi, *v);
    const auto x_axis = detail::nice_axis(lo, hi);
    chart_options opt = o;
    opt.height = std::max(o.height, 90.0 + 40.0 * static_cast<double>(rows.size()));
    const std::vector<std::string> legend{std::string{baseline_name}, std::string{scenario_name}};
    auto f = detail::make_frame(opt, &legend, detail::axis{0, 1, 1});
    f.left = 210; // room for the measures' names
    auto x_pixel = [&](double v) {
        return f.left + (v - x_axis.low) / (x_axis.high - x_axis.low) * (f.right - f.left);
    };
    detail::open_svg(os, "interval", opt, 2 * rows.size());
    os << "<line x1=\"" << detail::px(f.left) << "\" y1=\"" << detail::px(f.bottom) << "\" x2=\""
       << detail::px(f.right) << "\" y2=\"" << detail::px(f.bottom) << "\" stroke=\"#333333\"/>\n";
    detail::draw_x_ticks(os, f, x_axis, std::max(o.decimals, x_axis.step < 1 ? 1 : 0));
    if (!o.x_label.empty())
        os << "<text x=\"" << detail::px((f.left + f.right) / 2) << "\" y=\""
           << detail::px(opt.height - 8) << "\" text-anchor=\"middle\" fill=\"#333333\">"
           << detail::escape_xml(o.x_label) << "</text>\n";
    const double band = rows.empty() ? 1 : (f.bottom - f.top) / static_cast<double>(rows.size());
    const std::array<std::string_view, 2> names{baseline_name, scenario_name};
    for (std::size_t i = 0; i < rows.size(); ++i) {
        const double y_mid = f.top + (static_cast<double>(i) + 0.5) * band;
        os << "<g class=\"row\"><text x=\"" << detail::px(f.left - 8) << "\" y=\""
           << detail::px(y_mid + 4) << "\" text-anchor=\"end\" fill=\"#333333\">"
           << detail::escape_xml(rows[i].label) << "</text>\n";
        const std::array<interval_estimate, 2> est{rows[i].baseline, rows[i].scenario};
        for (std::size_t k = 0; k < 2; ++k) {
            const double y = y_mid + (k == 0 ? -6.0 : 6.0);
            const auto& e = est[k];
            if (e.has_interval()) // no whisker without an interval, not a zero-width one
                os << "<line class=\"whisker\" x1=\""
                   << detail::px(x_pixel(detail::finite_or_zero(*e.lower))) << "\" y1=\""
                   << detail::px(y) << "\" x2=\""
                   << detail::px(x_pixel(detail::finite_or_zero(*e.upper))) << "\" y2=\""
                   << detail::px(y) << "\" stroke=\"" << detail::colour(k)
                   << "\" stroke-width=\"3\"/>";
            os << "<circle class=\"mark\" cx=\""
               << detail::px(x_pixel(detail::finite_or_zero(e.estimate))) << "\" cy=\""
               << detail::px(y) << "\" r=\"4\" fill=\"" << detail::colour(k) << "\"><title>"
               << detail::escape_xml(rows[i].label) << ", " << detail::escape_xml(names[k]) << ": "
               << detail::fixed(e.estimate, o.decimals) << " ("
               << detail::interval_text(e, o.decimals) << ")</title></circle>\n";
        }
        os << "</g>\n";
    }
    detail::draw_legend(os, f, {std::string{baseline_name}, std::string{scenario_name}});
    os << "</svg>\n";
}

} // namespace carepath::report
