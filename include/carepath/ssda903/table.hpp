#pragma once
/// @file
/// An SSDA903 table exactly as read: column names in file order and each row's cells as text,
/// with the line each row came from. Rules and the mapping to care histories read these; nothing
/// in a table is changed by them, so what one rule sees is what the file said.
///
/// A table keeps its cells' text in one block of characters, with a 32-bit start per cell (a
/// cell ends where the next one starts); a row is a small record naming its first cell. A
/// million-episode return then takes about its file size plus 4 bytes a cell, instead of a
/// string and a vector per row (issue 14: that was most of the read time and memory).
#include "carepath/core/result.hpp"

#include <algorithm>
#include <compare>
#include <cstddef>
#include <cstdint>
#include <iterator>
#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace carepath::ssda903 {

/// One data row: where its cells are in the table (one per column, in the table's column order;
/// a short row is padded with empty cells and flagged), the 1-based line it started on, and the
/// surplus cells of a long row. Read its cells with `table::cell` / `table::cells`.
struct row {
    std::size_t line = 0; ///< 1-based line the row started on
    std::uint32_t first = 0; ///< index of its first cell in the table's cell store
    std::uint32_t width = 0; ///< cells in columns: one per column of the table
    /// Cells beyond the last column of a long row, kept (never dropped) and flagged; stored
    /// right after the row's other cells.
    std::uint32_t extra = 0;
    /// Which of the table's `sources` the row came from, when the table merges several files
    /// (returns of several years); 0 otherwise.
    std::uint16_t source = 0;
    bool flagged = false; ///< the reader found something wrong with this row (see diagnostics)
};

/// A run of a table's cells (a row's cells, or its surplus cells) as string views.
class cell_range {
public:
    /// An iterator over the cells, giving std::string_view values.
    class iterator {
    public:
        // The members of any random-access iterator: left out of the API reference.
        /// @cond CAREPATH_ITERATOR_MEMBERS
        using iterator_category = std::random_access_iterator_tag;
        using iterator_concept = std::random_access_iterator_tag;
        using value_type = std::string_view;
        using difference_type = std::ptrdiff_t;
        using reference = std::string_view;
        iterator() = default;
        iterator(const std::string* text, const std::uint32_t* starts, std::size_t i) noexcept
            : text_{text}, starts_{starts}, i_{i} {}
        std::string_view operator*() const noexcept {
            return std::string_view{*text_}.substr(starts_[i_], starts_[i_ + 1] - starts_[i_]);
        }
        std::string_view operator[](difference_type n) const noexcept {
            return *(*this + n);
        }
        iterator& operator++() noexcept { return ++i_, *this; }
        iterator operator++(int) noexcept { auto t = *this; ++i_; return t; }
        iterator& operator--() noexcept { return --i_, *this; }
        iterator operator--(int) noexcept { auto t = *this; --i_; return t; }
        iterator& operator+=(difference_type n) noexcept {
            i_ += static_cast<std::size_t>(n);
            return *this;
        }
        iterator& operator-=(difference_type n) noexcept {
            i_ -= static_cast<std::size_t>(n);
            return *this;
        }
        friend iterator operator+(iterator a, difference_type n) noexcept { return a += n; }
        friend iterator operator+(difference_type n, iterator a) noexcept { return a += n; }
        friend iterator operator-(iterator a, difference_type n) noexcept { return a -= n; }
        friend difference_type operator-(const iterator& a, const iterator& b) noexcept {
            return static_cast<difference_type>(a.i_) - static_cast<difference_type>(b.i_);
        }
        friend bool operator==(const iterator& a, const iterator& b) noexcept {
            return a.i_ == b.i_;
        }
        friend auto operator<=>(const iterator& a, const iterator& b) noexcept {
            return a.i_ <=> b.i_;
        }
        /// @endcond

    private:
        // The store itself, not the range: iterators outlive a temporary range.
        const std::string* text_ = nullptr;
        const std::uint32_t* starts_ = nullptr;
        std::size_t i_ = 0;
    };

    cell_range() = default;
    /// Cells [first, first + n) of a store whose text is `text` and cell starts `starts`.
    cell_range(const std::string* text, const std::uint32_t* starts, std::size_t n) noexcept
        : text_{text}, starts_{starts}, n_{n} {}

    /// Number of cells.
    [[nodiscard]] std::size_t size() const noexcept { return n_; }
    /// True when there are no cells.
    [[nodiscard]] bool empty() const noexcept { return n_ == 0; }
    /// Cell `i` (i < size()).
    [[nodiscard]] std::string_view operator[](std::size_t i) const noexcept {
        return std::string_view{*text_}.substr(starts_[i], starts_[i + 1] - starts_[i]);
    }
    /// The first cell.
    [[nodiscard]] iterator begin() const noexcept { return {text_, starts_, 0}; }
    /// Past the last cell.
    [[nodiscard]] iterator end() const noexcept { return {text_, starts_, n_}; }
    /// The cells as strings (for tests and for callers that keep them).
    [[nodiscard]] std::vector<std::string> strings() const {
        return {begin(), end()};
    }

private:
    const std::string* text_ = nullptr;
    const std::uint32_t* starts_ = nullptr;
    std::size_t n_ = 0;
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
    /// Cell `i` of `r` (in column order), as read; empty when `r` has no cell `i`.
    [[nodiscard]] std::string_view cell(const row& r, std::size_t i) const noexcept {
        if (i >= r.width) return {};
        const std::size_t k = std::size_t{r.first} + i;
        return std::string_view{text_}.substr(starts_[k], starts_[k + 1] - starts_[k]);
    }
    /// The cell of `r` in column `col`; empty when the column is missing.
    [[nodiscard]] std::string_view get(const row& r, std::string_view col) const noexcept {
        const auto i = column(col);
        return i ? cell(r, *i) : std::string_view{};
    }
    /// The cells of `r` in its columns.
    [[nodiscard]] cell_range cells(const row& r) const noexcept {
        return {&text_, starts_.data() + r.first, r.width};
    }
    /// The surplus cells of a long row `r`, kept apart from its columns.
    [[nodiscard]] cell_range extra(const row& r) const noexcept {
        return {&text_, starts_.data() + r.first + r.width, r.extra};
    }

    /// Adds a cell to the store; its index. Rows are built from consecutive cells
    /// (`add_row` does this).
    /// @throws std::length_error past 4 GiB of cell text (32-bit starts).
    std::uint32_t push_cell(std::string_view v) {
        const auto index = static_cast<std::uint32_t>(starts_.size() - 1);
        const std::size_t end = starts_.back();
        if (end + v.size() > UINT32_MAX || starts_.size() >= UINT32_MAX)
            throw std::length_error("an SSDA903 table of more than 4 GiB of cell text");
        if (end + v.size() <= text_.size()) {
            v.copy(text_.data() + end, v.size()); // over an adopted file's text (see adopt_text)
        } else {
            text_.resize(end);
            text_.append(v);
        }
        starts_.push_back(static_cast<std::uint32_t>(end + v.size()));
        return index;
    }
    /// For a reader: the table takes `text` (a whole file) as its cell store, and cells added
    /// from now on are written over its start. A reader parsing the returned view may add the
    /// cells of each record it has read: cells never hold more bytes than the text they were
    /// read from, so they never reach the part not yet parsed (`stored_bytes` <= position).
    /// The view stays valid until `finish_text`.
    std::string_view adopt_text(std::string&& text) {
        text_ = std::move(text);
        return text_;
    }
    /// Number of cells stored (the index the next cell gets).
    [[nodiscard]] std::size_t cell_count() const noexcept { return starts_.size() - 1; }
    /// Bytes of cell text stored so far.
    [[nodiscard]] std::size_t stored_bytes() const noexcept { return starts_.back(); }
    /// Ends reading into an adopted text: drops what lies past the last cell.
    void finish_text() { text_.resize(starts_.back()); }
    /// Appends a row with `meta`'s line, flag and source, whose cells are `cells` (one per
    /// column) and surplus cells `surplus`; a reference to the row added.
    template <class Cells, class Surplus = std::initializer_list<std::string_view>>
    row& add_row(row meta, const Cells& cells, const Surplus& surplus = {}) {
        meta.first = static_cast<std::uint32_t>(starts_.size() - 1);
        meta.width = 0;
        meta.extra = 0;
        for (const auto& c : cells) {
            push_cell(std::string_view{c});
            ++meta.width;
        }
        for (const auto& c : surplus) {
            push_cell(std::string_view{c});
            ++meta.extra;
        }
        rows.push_back(meta);
        return rows.back();
    }
    /// Sets cell `i` of row `r` (a row of this table) to `v`, widening the row when it has
    /// fewer cells. The row's cells are stored again after the others (the old text stays
    /// until the table goes), so this is for building and tests, not for every cell.
    void set_cell(row& r, std::size_t i, std::string_view v) {
        const std::size_t width = std::max<std::size_t>(r.width, i + 1);
        const auto first = static_cast<std::uint32_t>(starts_.size() - 1);
        // Copied out first: adding cells may move the text the old cells are in.
        std::vector<std::string> old = cells(r).strings();
        std::vector<std::string> surplus = extra(r).strings();
        old.resize(width);
        old[i] = std::string{v};
        for (const auto& c : old) push_cell(c);
        for (const auto& c : surplus) push_cell(c);
        r.first = first;
        r.width = static_cast<std::uint32_t>(width);
    }
    /// Makes room for `cells` more cells holding `bytes` more characters.
    void reserve_cells(std::size_t cells, std::size_t bytes) {
        starts_.reserve(starts_.size() + cells);
        text_.reserve(text_.size() + bytes);
    }
    /// Bytes the cell store holds (text and starts), for measuring memory.
    [[nodiscard]] std::size_t cell_bytes() const noexcept {
        return text_.capacity() + starts_.capacity() * sizeof(std::uint32_t);
    }

private:
    std::string text_;                          // every cell's characters, one after another
    std::vector<std::uint32_t> starts_{0};      // cell k is [starts_[k], starts_[k + 1])
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
