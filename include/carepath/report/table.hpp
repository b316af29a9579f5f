#pragma once
/// @file
/// Tables of numbers for people who prefer them to charts: one value type,
/// written as an HTML `<table>` or as CSV (RFC 4180: fields with a comma, quote
/// or line break are quoted, quotes doubled, lines end in CRLF).
#include "carepath/report/detail/text.hpp"

#include <cstddef>
#include <ostream>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace carepath::report {

/// A table with a caption, column headings and rows of cells already formatted
/// as text.
struct data_table {
    std::string caption; ///< what the table shows
    std::vector<std::string> columns; ///< column headings
    std::vector<std::vector<std::string>> rows; ///< cells as text, one per column

    /// Appends a row.
    /// @throws std::invalid_argument if the row does not have one cell per
    /// column.
    void add_row(std::vector<std::string> cells) {
        if (cells.size() != columns.size())
            throw std::invalid_argument{"data_table '" + caption + "': row has "
                                        + std::to_string(cells.size()) + " cells for "
                                        + std::to_string(columns.size()) + " columns"};
        rows.push_back(std::move(cells));
    }
};

/// `v` with `decimals` digits after the point, locale-free ("1234.50").
[[nodiscard]] inline std::string format_number(double v, int decimals = 0) {
    return detail::fixed(v, decimals);
}
/// A count as text.
[[nodiscard]] inline std::string format_count(std::size_t n) {
    return std::to_string(n);
}

namespace detail {
inline void csv_field(std::ostream& os, std::string_view s) {
    if (s.find_first_of(",\"\r\n") == std::string_view::npos) {
        os << s;
        return;
    }
    os << '"';
    for (const char c : s) {
        if (c == '"')
            os << '"';
        os << c;
    }
    os << '"';
}
inline void csv_line(std::ostream& os, const std::vector<std::string>& cells) {
    for (std::size_t i = 0; i < cells.size(); ++i) {
        if (i)
            os << ',';
        csv_field(os, cells[i]);
    }
    os << "\r\n";
}
// A cell that reads as a number is right-aligned, as in a printed table.
inline bool looks_numeric(std::string_view s) {
    if (s.empty())
        return false;
    for (const char c : s)
        if (!((c >= '0' && c <= '9') || c == '.' || c == '-' || c == '%' || c == '+'))
            return false;
    return true;
}
} // namespace detail

/// Writes the header row and the rows as CSV (the caption is not written).
inline void write_csv(std::ostream& os, const data_table& t) {
    detail::csv_line(os, t.columns);
    for (const auto& r : t.rows)
        detail::csv_line(os, r);
}

/// Writes the table as an HTML `<table>` with its caption; all text is escaped.
inline void write_html(std::ostream& os, const data_table& t) {
    os << "<table class=\"data\">\n";
    if (!t.caption.empty())
        os << "<caption>" << detail::escape_xml(t.caption) << "</caption>\n";
    os << "<thead><tr>";
    for (const auto& c : t.columns)
        os << "<th scope=\"col\">" << detail::escape_xml(c) << "</th>";
    os << "</tr></thead>\n<tbody>\n";
    for (const auto& r : t.rows) {
        os << "<tr>";
        for (const auto& c : r)
            os << (detail::looks_numeric(c) ? "<td class=\"num\">" : "<td>")
               << detail::escape_xml(c) << "</td>";
        os << "</tr>\n";
    }
    os << "</tbody>\n</table>\n";
}

} // namespace carepath::report
