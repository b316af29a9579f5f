#pragma once
/// @file
/// An SSDA903 table exactly as read: column names in file order and each row's cells as text,
/// with the line each row came from. Rules and the mapping to care histories read these; nothing
/// in a table is changed by them, so what one rule sees is what the file said.
///
/// A table keeps its cells' text in one block of characters, with a start per cell (a cell ends
/// where the next one starts), kept in 2 bytes as an offset from a 32-bit start kept every 16
/// cells; a row is a small record naming its first cell. A million-episode return then takes
/// about its file size plus 2.25 bytes a cell, instead of a string and a vector per row (issue
/// 14: that was most of the read time and memory) or a 4-byte start a cell (52 MB).
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
#include <utility>
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

/// Where a table's cells are: their characters one after another, and where each cell starts
/// (it ends where the next one starts). Read it through `table` and `cell_range`.
class cell_store {
public:
    /// Number of cells stored.
    [[nodiscard]] std::size_t size() const noexcept { return offsets_.size() - 1; }
    /// Where cell `k` starts in the text (k <= size(): start(size()) is where the text ends).
    [[nodiscard]] std::size_t start(std::size_t k) const noexcept {
        const std::uint16_t o = offsets_[k];
        if (o != far) [[likely]]
            return std::size_t{bases_[k / block]} + o;
        return far_start(k);
    }
    /// Cell `k` (k < size()).
    [[nodiscard]] std::string_view cell(std::size_t k) const noexcept {
        const std::size_t b = start(k);
        return std::string_view{text_}.substr(b, start(k + 1) - b);
    }

private:
    friend struct table;
    // A start is a 2-byte offset from the start of its block of 16 cells; an offset that does
    // not fit (16 cells of more than 64 KiB: cells far longer than any a return holds) is
    // `far`, its start kept in `far_`, in cell order.
    static constexpr std::size_t block = 16;
    static constexpr std::uint16_t far = UINT16_MAX;

    std::size_t far_start(std::size_t k) const noexcept {
        const auto it = std::ranges::lower_bound(
            far_, k, {}, [](const std::pair<std::uint32_t, std::uint32_t>& f) {
                return std::size_t{f.first};
            });
        return it->second;
    }
    // Appends the start of the next cell (where the last one stored ends).
    void push_start(std::uint32_t s) {
        const std::size_t k = offsets_.size();
        if (k % block == 0) {
            bases_.push_back(s);
            offsets_.push_back(0);
        } else if (const std::uint32_t d = s - bases_[k / block]; d < far) {
            offsets_.push_back(static_cast<std::uint16_t>(d));
        } else {
            offsets_.push_back(far);
            far_.emplace_back(static_cast<std::uint32_t>(k), s);
        }
        end_ = s;
    }

    std::string text_;                       // every cell's characters, one after another
    std::vector<std::uint16_t> offsets_{0};  // cell k starts at bases_[k / 16] + offsets_[k]
    std::vector<std::uint32_t> bases_{0};    // the start of every 16th cell
    std::vector<std::pair<std::uint32_t, std::uint32_t>> far_; // (cell, start), see above
    std::uint32_t end_ = 0;                  // where the last cell ends
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
        iterator(const cell_store* store, std::size_t i) noexcept : store_{store}, i_{i} {}
        std::string_view operator*() const noexcept { return store_->cell(i_); }
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
        const cell_store* store_ = nullptr;
        std::size_t i_ = 0;
    };

    cell_range() = default;
    /// Cells [first, first + n) of `store`.
    cell_range(const cell_store* store, std::size_t first, std::size_t n) noexcept
        : store_{store}, first_{first}, n_{n} {}

    /// Number of cells.
    [[nodiscard]] std::size_t size() const noexcept { return n_; }
    /// True when there are no cells.
    [[nodiscard]] bool empty() const noexcept { return n_ == 0; }
    /// Cell `i` (i < size()).
    [[nodiscard]] std::string_view operator[](std::size_t i) const noexcept {
        return store_->cell(first_ + i);
    }
    /// The first cell.
    [[nodiscard]] iterator begin() const noexcept { return {store_, first_}; }
    /// Past the last cell.
    [[nodiscard]] iterator end() const noexcept { return {store_, first_ + n_}; }
    /// The cells as strings (for tests and for callers that keep them).
    [[nodiscard]] std::vector<std::string> strings() const {
        return {begin(), end()};
    }

private:
    const cell_store* store_ = nullptr;
    std::size_t first_ = 0;
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
        return cells_.cell(std::size_t{r.first} + i);
    }
    /// The cell of `r` in column `col`; empty when the column is missing.
    [[nodiscard]] std::string_view get(const row& r, std::string_view col) const noexcept {
        const auto i = column(col);
        return i ? cell(r, *i) : std::string_view{};
    }
    /// The cells of `r` in its columns.
    [[nodiscard]] cell_range cells(const row& r) const noexcept {
        return {&cells_, r.first, r.width};
    }
    /// The surplus cells of a long row `r`, kept apart from its columns.
    [[nodiscard]] cell_range extra(const row& r) const noexcept {
        return {&cells_, std::size_t{r.first} + r.width, r.extra};
    }

    /// Adds a cell to the store; its index. Rows are built from consecutive cells
    /// (`add_row` does this).
    /// @throws std::length_error past 4 GiB of cell text (32-bit starts).
    std::uint32_t push_cell(std::string_view v) {
        const auto index = static_cast<std::uint32_t>(cells_.size());
        const std::size_t end = cells_.end_;
        if (end + v.size() > UINT32_MAX || cells_.offsets_.size() >= UINT32_MAX)
            throw std::length_error("an SSDA903 table of more than 4 GiB of cell text");
        auto& text = cells_.text_;
        if (end + v.size() <= text.size()) {
            v.copy(text.data() + end, v.size()); // over an adopted file's text (see adopt_text)
        } else {
            text.resize(end);
            text.append(v);
        }
        cells_.push_start(static_cast<std::uint32_t>(end + v.size()));
        return index;
    }
    /// For a reader: the table takes `text` (a whole file) as its cell store, and cells added
    /// from now on are written over its start. A reader parsing the returned view may add the
    /// cells of each record it has read: cells never hold more bytes than the text they were
    /// read from, so they never reach the part not yet parsed (`stored_bytes` <= position).
    /// The view stays valid until `finish_text`.
    std::string_view adopt_text(std::string&& text) {
        cells_.text_ = std::move(text);
        return cells_.text_;
    }
    /// Number of cells stored (the index the next cell gets).
    [[nodiscard]] std::size_t cell_count() const noexcept { return cells_.size(); }
    /// Bytes of cell text stored so far.
    [[nodiscard]] std::size_t stored_bytes() const noexcept { return cells_.end_; }
    /// Ends reading into an adopted text: drops what lies past the last cell, and gives back
    /// the room it took when that is more than an eighth (a CSV file's commas and line ends:
    /// 13 MB of a million-episode Episodes file, issue 14).
    void finish_text() {
        auto& text = cells_.text_;
        text.resize(cells_.end_);
        if (text.capacity() - text.size() > text.size() / 8) text.shrink_to_fit();
    }
    /// Appends a row with `meta`'s line, flag and source, whose cells are `cells` (one per
    /// column) and surplus cells `surplus`; a reference to the row added.
    template <class Cells, class Surplus = std::initializer_list<std::string_view>>
    row& add_row(row meta, const Cells& cells, const Surplus& surplus = {}) {
        meta.first = static_cast<std::uint32_t>(cells_.size());
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
        const auto first = static_cast<std::uint32_t>(cells_.size());
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
        cells_.offsets_.reserve(cells_.offsets_.size() + cells);
        cells_.bases_.reserve(cells_.bases_.size() + cells / cell_store::block + 1);
        cells_.text_.reserve(cells_.text_.size() + bytes);
    }
    /// Bytes the cell store holds (text and starts), for measuring memory.
    [[nodiscard]] std::size_t cell_bytes() const noexcept {
        return cells_.text_.capacity() + cells_.offsets_.capacity() * sizeof(std::uint16_t)
               + cells_.bases_.capacity() * sizeof(std::uint32_t)
               + cells_.far_.capacity() * sizeof(cells_.far_[0]);
    }

private:
    cell_store cells_;
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
