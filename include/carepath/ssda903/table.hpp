#pragma once
/// @file
/// An SSDA903 table exactly as read: column names in file order and each row's cells as text,
/// with the line each row came from. Rules and the mapping to care histories read these; nothing
/// in a table is ever changed in place, so what one rule sees is what the file said.
#include "carepath/core/result.hpp"

#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace carepath::ssda903 {

/// One data row: its cells (one per column of the table, in the table's column order; a short
/// row is padded with empty cells and flagged) and the 1-based line it started on.
struct row {
    std::size_t line = 0; ///< 1-based line the row started on
    std::vector<std::string> cells; ///< one per column, in the table's column order
    bool flagged = false; ///< the reader found something wrong with this row (see diagnostics)
    /// Which of the table's `sources` the row came from, when the table merges several files
    /// (returns of several years); 0 otherwise.
    std::uint16_t source = 0;
    /// Cells beyond the last column of a long row, kept (never dropped) and flagged.
    std::vector<std::string> extra;
};

/// A table of the return ("Header", "Episodes", ...) as read from one file.
struct table {
    std::string name;                 ///< the table's SSDA903 name, e.g. "Episodes"
    std::string file;                 ///< the file it was read from, e.g. "episodes.csv"
    std::vector<std::string> columns; ///< header names, in file order
    std::vector<row> rows; ///< the data rows, in file order
    /// The files a merged table's rows came from (`row::source` indexes it); empty for a table
    /// read from one file (`file`).
    std::vector<std::string> sources;

    /// The file row `r` was read from.
    [[nodiscard]] const std::string& file_of(const row& r) const noexcept {
        return r.source < sources.size() ? sources[r.source] : file;
    }

    /// The position of column `name`, or nullopt when the file has no such column.
    [[nodiscard]] std::optional<std::size_t> column(std::string_view col) const noexcept {
        for (std::size_t i = 0; i < columns.size(); ++i)
            if (columns[i] == col) return i;
        return std::nullopt;
    }
    /// The cell of `r` in column `col`; empty when the column is missing.
    [[nodiscard]] std::string_view get(const row& r, std::string_view col) const noexcept {
        const auto i = column(col);
        if (!i || *i >= r.cells.size()) return {};
        return r.cells[*i];
    }
};

/// A whole return: its tables by name (the previous year's as "Header_last",
/// "Episodes_last", ...), the collection year (the year of the 31 March it ends on), and the
/// problems found while reading.
struct return_data {
    int collection_year = 0; ///< the year of the 31 March the return ends on
    std::map<std::string, table, std::less<>> tables; ///< the tables, by SSDA903 name
    std::vector<diagnostic> read_errors; ///< problems found while reading
    /// Files that could not be read, or only in part (UTF-16, not comma-separated, columns of
    /// no table, an XML file cut short); why is in `read_errors`. Anything computed from a
    /// return with unread files is incomplete, and says so (`validate`).
    std::vector<std::string> unread_files;

    /// The table called `name`, or nullptr when the return has none.
    [[nodiscard]] const table* find(std::string_view name) const noexcept {
        auto it = tables.find(name);
        return it == tables.end() ? nullptr : &it->second;
    }
};

} // namespace carepath::ssda903
