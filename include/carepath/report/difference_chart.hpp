#pragma once
/// @file
/// A chart of paired differences (scenario minus baseline), one row per figure, each row on
/// its own scale. Figures differ in unit and size (children in tens of thousands, shares in
/// percentage points, months), so on one shared axis most differences would be a dot on the
/// zero line; here every row runs from -m to +m with m the row's own round bound, printed at
/// both ends, and a dashed line marks no difference. A row whose interval crosses that line
/// shows no difference the replicates can tell apart from zero.
#include "carepath/report/svg.hpp"

#include <algorithm>
#include <cmath>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

namespace carepath::report {

/// One figure's paired difference: the mean of per-replicate differences and its interval
/// (absent with fewer than two pairs).
struct difference_row {
    std::string label; ///< the figure compared
    double mean = 0; ///< mean over replicates of (scenario - baseline)
    /// Lower end of the mean's interval.
    std::optional<double> low, high; ///< upper end
    std::size_t pairs = 0; ///< replicates in which both runs measured the figure
};

namespace detail {
// The round bound of a row's scale: the smallest 1, 2, 2.5 or 5 x 10^k at or above the
// largest magnitude the row shows (1 when everything is 0).
inline double row_bound(const difference_row& r) {
    double m = std::fabs(r.mean);
    if (r.low)
        m = std::max(m, std::fabs(*r.low));
    if (r.high)
        m = std::max(m, std::fabs(*r.high));
    if (!(m > 0) || !std::isfinite(m))
        return 1;
    const double mag = std::pow(10.0, std::floor(std::log10(m)));
    for (const double k : {1.0, 2.0, 2.5, 5.0, 10.0})
        if (m <= k * mag * (1 + 1e-12))
            return k * mag;
    return 10 * mag;
}
inline int bound_decimals(double bound) {
    if (bound >= 10)
        return 0;
    return std::clamp(static_cast<int>(std::ceil(-std::log10(bound))) + 1, 0, 6);
}
} // namespace detail

/// Writes the chart: per row, the label on the left, a dashed zero line, the interval as a
/// bar and the mean as a dot (the mark), and the row's bound at both ends.
inline void write_difference_chart(std::ostream& os, const std::vector<difference_row>& rows,
                                   const chart_options& o) {
    chart_options opt = o;
    constexpr double row_height = 30;
    opt.height = std::max(o.height, 70.0 + row_height * static_cast<double>(rows.size()));
    detail::open_svg(os, "difference", opt, rows.size());
    const double left = 300, right = opt.width - 70, top = 16;
    const double mid = (left + right) / 2;
    for (std::size_t i = 0; i < rows.size(); ++i) {
        const auto& r = rows[i];
        const double y = top + (static_cast<double>(i) + 0.5) * row_height;
        const double m = detail::row_bound(r);
        const int k = detail::bound_decimals(m);
        auto x_of = [&](double v) { return mid + v / m * (right - left) / 2; };
        os << "<g class=\"row\"><text x=\"" << detail::px(left - 46) << "\" y=\""
           << detail::px(y + 4) << "\" text-anchor=\"end\" fill=\"#333333\">"
           << detail::escape_xml(r.label) << "</text>\n"
           << "<text class=\"bound\" x=\"" << detail::px(left - 4) << "\" y=\"" << detail::px(y + 4)
           << "\" text-anchor=\"end\" fill=\"#666666\" font-size=\"10\">-" << detail::fixed(m, k)
           << "</text><text class=\"bound\" x=\"" << detail::px(right + 4) << "\" y=\""
           << detail::px(y + 4) << "\" fill=\"#666666\" font-size=\"10\">+" << detail::fixed(m, k)
           << "</text>\n"
           << "<line x1=\"" << detail::px(left) << "\" y1=\"" << detail::px(y) << "\" x2=\""
           << detail::px(right) << "\" y2=\"" << detail::px(y) << "\" stroke=\"#e4e4e4\"/>"
           << "<line class=\"zero\" x1=\"" << detail::px(mid) << "\" y1=\"" << detail::px(y - 10)
           << "\" x2=\"" << detail::px(mid) << "\" y2=\"" << detail::px(y + 10)
           << "\" stroke=\"#333333\" stroke-dasharray=\"3 2\"/>\n";
        if (r.low && r.high)
            os << "<line class=\"whisker\" x1=\"" << detail::px(x_of(*r.low)) << "\" y1=\""
               << detail::px(y) << "\" x2=\"" << detail::px(x_of(*r.high)) << "\" y2=\""
               << detail::px(y) << "\" stroke=\"" << detail::colour(0) << "\" stroke-width=\"3\"/>";
        os << "<circle class=\"mark\" cx=\"" << detail::px(x_of(r.mean)) << "\" cy=\""
           << detail::px(y) << "\" r=\"4.5\" fill=\"" << detail::colour(r.low ? 0 : 5)
           << "\"><title>" << detail::escape_xml(r.label)
           << ", scenario minus baseline: " << detail::fixed(r.mean, std::max(o.decimals, k));
        if (r.low && r.high)
            os << " (" << detail::fixed(*r.low, std::max(o.decimals, k)) << " to "
               << detail::fixed(*r.high, std::max(o.decimals, k)) << ")";
        else
            os << " (no interval: fewer than 2 replicates)";
        os << ", " << r.pairs << " paired replicates</title></circle></g>\n";
    }
    if (!o.x_label.empty())
        os << "<text x=\"" << detail::px(mid) << "\" y=\"" << detail::px(opt.height - 10)
           << "\" text-anchor=\"middle\" fill=\"#333333\">" << detail::escape_xml(o.x_label)
           << "</text>\n";
    os << "</svg>\n";
}

} // namespace carepath::report
