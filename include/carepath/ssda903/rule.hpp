#pragma once
/// @file
/// The pieces every SSDA903 validation rule is built from: a `finding` (what a rule reports),
/// a read-only `context` over a return (cells, parsed dates, each child's episodes in date
/// order, the Header row of each child), a `sink` that collects one rule's findings, and the
/// `rule` itself: a DfE code, the collection years it applies to and a check function.
///
/// Rules receive the context by const reference: nothing a rule does can change what another
/// rule sees. The context is built once per validation, so dates are parsed once, not per rule.
#include "carepath/core/dates.hpp"
#include "carepath/core/detail/names.hpp"
#include "carepath/core/result.hpp"
#include "carepath/ssda903/catalogue.hpp"
#include "carepath/ssda903/table.hpp"

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace carepath::ssda903 {

/// One thing a rule found wrong: which rule, where, which child, which fields, and why.
struct finding {
    std::string rule;    ///< DfE rule code, e.g. "434"
    std::string table;   ///< "Episodes"
    std::string file;    ///< the file the row came from ("episodes.csv"); empty if not known
    std::size_t line = 0; ///< 1-based line of the row in its file (the header row is line 1)
    std::string child;   ///< CHILD of the row
    std::string fields;  ///< fields the rule reads, ';'-separated ("DEC;REC")
    std::string message; ///< the DfE message
    std::string value;   ///< the row's cell of the first field, as read ("" if no such column)

    /// Equal in every field.
    friend bool operator==(const finding&, const finding&) = default;

    /// The finding as a `diagnostic`: field = the first field the rule reads, value = that
    /// field's cell as read; the child is named at the end of the message.
    [[nodiscard]] diagnostic to_diagnostic() const {
        return diagnostic{.file = file.empty() ? table : file,
                          .line = line,
                          .field = fields.substr(0, fields.find(';')),
                          .value = value,
                          .message = child.empty() ? message : message + " (child " + child + ")",
                          .rule = rule};
    }
};

namespace detail {
/// Reads `dd/mm/yyyy` (one- or two-digit day and month, four-digit year, as the DfE's
/// validator accepts); nullopt for anything else. No allocation: it runs on every date cell.
[[nodiscard]] constexpr std::optional<date> cell_date(std::string_view s) noexcept {
    int part[3] = {0, 0, 0};
    int digits[3] = {0, 0, 0};
    int k = 0;
    for (const char c : s) {
        if (c == '/') {
            if (++k > 2) return std::nullopt;
        } else if (c >= '0' && c <= '9') {
            if (++digits[k] > 4) return std::nullopt;
            part[k] = part[k] * 10 + (c - '0');
        } else {
            return std::nullopt;
        }
    }
    if (k != 2 || digits[0] < 1 || digits[0] > 2 || digits[1] < 1 || digits[1] > 2
        || digits[2] != 4 || part[2] < 1800 || part[2] > 2200 || part[1] < 1 || part[1] > 12
        || part[0] < 1)
        return std::nullopt;
    return make_date(part[2], static_cast<unsigned>(part[1]), static_cast<unsigned>(part[0]));
}

/// The cell without the spaces around it: the DfE treats a blank cell as missing.
[[nodiscard]] constexpr std::string_view cell_trim(std::string_view s) noexcept {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r'))
        s.remove_suffix(1);
    return s;
}
} // namespace detail

namespace detail {
using carepath::detail::same_text; // cells and codes are compared millions of times
} // namespace detail

/// True when `s` is one of `list`.
[[nodiscard]] constexpr bool one_of(std::string_view s,
                                    std::initializer_list<std::string_view> list) noexcept {
    for (const auto x : list)
        if (detail::same_text(x, s)) return true;
    return false;
}

/// The day `years` years after `d`, for age limits: someone born on 29 February reaches an age
/// on 1 March in a common year (core `birthday`).
[[nodiscard]] constexpr date add_years(date d, int years) noexcept { return birthday(d, years); }

/// The Episodes columns rules read, by position in `context::episode_fields`.
enum class ep : std::uint8_t {
    child, decom, rne, ls, cin, place, place_provider, dec, rec, reason_place_change,
    home_post, pl_post, urn, pl_la, pl_location, pl_distance
};
/// The Header columns rules read.
enum class hd : std::uint8_t { child, sex, dob, ethnic, upn, mother, mc_dob, uasc, uasc_status };

/// A date or none, in 4 bytes (a `std::optional<date>` takes 16): the context keeps two for
/// each of a million episodes (issue 14). Read it as an optional: `if (d)`, `*d`, `d.value_or`,
/// and it converts to `std::optional<date>`.
class packed_date {
public:
    /// No date.
    constexpr packed_date() noexcept = default;
    /// No date (as `std::nullopt` for an optional).
    constexpr packed_date(std::nullopt_t) noexcept {}
    /// `d`, or none when `d` is empty. A cell's date is between the years 1800 and 2200
    /// (`detail::cell_date`), well inside 32 bits of days.
    constexpr packed_date(std::optional<date> d) noexcept // implicit, so rules assign optionals
        : days_{d ? static_cast<std::int32_t>(d->time_since_epoch().count()) : none} {}

    /// True when it holds a date.
    [[nodiscard]] constexpr bool has_value() const noexcept { return days_ != none; }
    /// True when it holds a date.
    constexpr explicit operator bool() const noexcept { return has_value(); }
    /// The date (it must hold one).
    [[nodiscard]] constexpr date operator*() const noexcept {
        return date{std::chrono::days{days_}};
    }
    /// The date, or `other` when it holds none.
    [[nodiscard]] constexpr date value_or(date other) const noexcept {
        return has_value() ? **this : other;
    }
    /// As an optional.
    constexpr operator std::optional<date>() const noexcept { // implicit, as above
        return has_value() ? std::optional<date>{**this} : std::nullopt;
    }
    /// Equal when both are none or both hold the same date (as optionals compare).
    friend constexpr bool operator==(packed_date, packed_date) noexcept = default;

private:
    static constexpr std::int32_t none = INT32_MIN;
    std::int32_t days_ = none;
};

/// One Episodes row with its dates parsed: 16 bytes (its row is `context::row_of`).
struct episode {
    std::uint32_t index = 0; ///< position in the Episodes table's data rows
    std::uint32_t child = 0; ///< the child's number in `context` (same across tables)
    packed_date decom;       ///< nullopt when blank or not a date
    packed_date dec;         ///< nullopt when blank (open) or not a date
};

/// One Header row with its dates parsed (its row is `context::row_of`).
struct header_row {
    std::uint32_t index = 0; ///< position in the Header table's data rows
    std::uint32_t child = 0; ///< the child's number in `context` (same across tables)
    packed_date dob;         ///< DOB; nullopt when blank or not a date
};

/// A read-only view of a return prepared for the rules. Build it once, then run many rules.
class context {
public:
    /// Episodes column headers, in `ep` order.
    static constexpr std::array<std::string_view, 16> episode_fields{
        "CHILD", "DECOM", "RNE", "LS", "CIN", "PLACE", "PLACE_PROVIDER", "DEC", "REC",
        "REASON_PLACE_CHANGE", "HOME_POST", "PL_POST", "URN", "PL_LA", "PL_LOCATION",
        "PL_DISTANCE"};
    /// Header column headers, in `hd` order.
    static constexpr std::array<std::string_view, 9> header_fields{
        "CHILD", "SEX", "DOB", "ETHNIC", "UPN", "MOTHER", "MC_DOB", "UASC", "UASC_STATUS"};

    /// @param data the return to check; it must outlive the context.
    /// @param year collection year (the year of the 31 March it ends on, e.g. 2025).
    /// @param local_authority the LA's code (E08000003), for the rules that compare PL_LA
    ///        with it; empty = those rules do nothing.
    context(const return_data& data, int year, std::string local_authority = {})
        : data_{&data}, year_{year}, la_{std::move(local_authority)} {
        collection_start_ = make_date(year - 1, 4, 1).value_or(date{});
        collection_end_ = make_date(year, 3, 31).value_or(date{});
        episodes_table_ = data.find("Episodes");
        header_table_ = data.find("Header");
        if (episodes_table_) {
            map_columns(*episodes_table_, episode_fields, ep_col_);
            build_episodes();
        }
        if (header_table_) {
            map_columns(*header_table_, header_fields, hd_col_);
            build_header();
        }
    }

    /// The return being checked.
    [[nodiscard]] const return_data& data() const noexcept { return *data_; }
    /// The collection year (the year of the 31 March it ends on).
    [[nodiscard]] int year() const noexcept { return year_; }
    /// 1 April of the year before `year()`: first day of the collection year.
    [[nodiscard]] date collection_start() const noexcept { return collection_start_; }
    /// 31 March of `year()`: last day of the collection year.
    [[nodiscard]] date collection_end() const noexcept { return collection_end_; }
    /// The LA code rules compare PL_LA with; empty when not given.
    [[nodiscard]] const std::string& local_authority() const noexcept { return la_; }

    /// The table `name`, or nullptr.
    [[nodiscard]] const table* find(std::string_view name) const noexcept {
        return data_->find(name);
    }
    /// The Episodes table, or nullptr when the return has none.
    [[nodiscard]] const table* episodes_table() const noexcept { return episodes_table_; }
    /// The Header table, or nullptr when the return has none.
    [[nodiscard]] const table* header_table() const noexcept { return header_table_; }
    /// True when the Episodes table has column `f`.
    [[nodiscard]] bool has_column(ep f) const noexcept {
        return ep_col_[static_cast<std::size_t>(f)] >= 0;
    }
    /// True when the Header table has column `f`.
    [[nodiscard]] bool has_column(hd f) const noexcept {
        return hd_col_[static_cast<std::size_t>(f)] >= 0;
    }

    /// Episodes in file order.
    [[nodiscard]] std::span<const episode> episodes() const noexcept { return episodes_; }
    /// Header rows in file order.
    [[nodiscard]] std::span<const header_row> headers() const noexcept { return headers_; }

    /// Number of distinct children met in Episodes and Header.
    [[nodiscard]] std::size_t child_count() const noexcept { return children_.size(); }
    /// The CHILD text of child number `c`.
    [[nodiscard]] std::string_view child_name(std::uint32_t c) const noexcept {
        return children_.name(c);
    }
    /// The child number of a CHILD value, or nullopt when neither Episodes nor Header has it.
    [[nodiscard]] std::optional<std::uint32_t> child_number(std::string_view id) const {
        return children_.find(detail::cell_trim(id));
    }
    /// Child `c`'s episodes sorted by DECOM (undated ones last, then file order).
    [[nodiscard]] std::span<const episode* const> episodes_of(std::uint32_t c) const noexcept {
        if (c + 1 >= child_start_.size()) return {};
        return std::span<const episode* const>{by_child_}.subspan(
            child_start_[c], child_start_[c + 1] - child_start_[c]);
    }
    /// The first Header row of child `c`, or nullptr.
    [[nodiscard]] const header_row* header_of(std::uint32_t c) const noexcept {
        if (c >= header_of_.size() || header_of_[c] == no_header) return nullptr;
        return &headers_[header_of_[c]];
    }
    /// The child's date of birth from Header, or nullopt.
    [[nodiscard]] std::optional<date> dob_of(std::uint32_t c) const noexcept {
        const auto* h = header_of(c);
        if (!h) return std::nullopt;
        return h->dob;
    }

    /// The Episodes row of `e`.
    [[nodiscard]] const row& row_of(const episode& e) const noexcept {
        return episodes_table_->rows[e.index];
    }
    /// The Header row of `h`.
    [[nodiscard]] const row& row_of(const header_row& h) const noexcept {
        return header_table_->rows[h.index];
    }

    /// An Episodes cell, trimmed ("" when blank or the column is missing).
    [[nodiscard]] std::string_view get(const episode& e, ep f) const noexcept {
        if (f == ep::child) return children_.name(e.child);
        return cell(*episodes_table_, row_of(e), ep_col_[static_cast<std::size_t>(f)]);
    }
    /// A Header cell, trimmed.
    [[nodiscard]] std::string_view get(const header_row& h, hd f) const noexcept {
        return cell(*header_table_, row_of(h), hd_col_[static_cast<std::size_t>(f)]);
    }

private:
    template <std::size_t N>
    static void map_columns(const table& t, const std::array<std::string_view, N>& names,
                            std::array<int, 16>& out) {
        out.fill(-1);
        for (std::size_t i = 0; i < N; ++i)
            if (const auto c = t.column(names[i])) out[i] = static_cast<int>(*c);
    }
    // Cells are read from the table's store, where a row's cells sit side by side: no copy
    // per column is needed to keep the rules' reads sequential (issue 14).
    static std::string_view cell(const table& t, const row& r, int col) noexcept {
        if (col < 0) return {};
        return detail::cell_trim(t.cell(r, static_cast<std::size_t>(col)));
    }
    void build_episodes() {
        const auto& rows = episodes_table_->rows;
        episodes_.reserve(rows.size());
        const int c_child = ep_col_[static_cast<std::size_t>(ep::child)];
        const int c_decom = ep_col_[static_cast<std::size_t>(ep::decom)];
        const int c_dec = ep_col_[static_cast<std::size_t>(ep::dec)];
        children_.reserve(rows.size() / 3 + 16); // a first guess: the table grows as children come
        // A child's episodes are almost always next to each other in the file: the previous
        // row's child number is reused instead of a hash lookup per row.
        std::string_view last_id;
        std::uint32_t last_child = 0;
        for (std::size_t i = 0; i < rows.size(); ++i) {
            episode e;
            e.index = static_cast<std::uint32_t>(i);
            const auto id = cell(*episodes_table_, rows[i], c_child);
            if (i == 0 || !detail::same_text(id, last_id)) {
                last_id = id;
                last_child = children_.intern(id);
            }
            e.child = last_child;
            e.decom = detail::cell_date(cell(*episodes_table_, rows[i], c_decom));
            e.dec = detail::cell_date(cell(*episodes_table_, rows[i], c_dec));
            episodes_.push_back(e);
        }
        // Counting sort by child, then each child's few episodes by date.
        std::vector<std::uint32_t> count(children_.size() + 1, 0);
        for (const auto& e : episodes_) ++count[e.child + 1];
        for (std::size_t c = 1; c < count.size(); ++c) count[c] += count[c - 1];
        child_start_ = count;
        by_child_.resize(episodes_.size());
        for (const auto& e : episodes_) by_child_[count[e.child]++] = &e;
        for (std::size_t c = 0; c + 1 < child_start_.size(); ++c) {
            auto first = by_child_.begin() + child_start_[c];
            auto last = by_child_.begin() + child_start_[c + 1];
            std::stable_sort(first, last, [](const episode* a, const episode* b) {
                if (a->decom.has_value() != b->decom.has_value()) return a->decom.has_value();
                return a->decom && *a->decom < *b->decom;
            });
        }
    }
    void build_header() {
        const auto& rows = header_table_->rows;
        headers_.reserve(rows.size());
        const int c_child = hd_col_[static_cast<std::size_t>(hd::child)];
        const int c_dob = hd_col_[static_cast<std::size_t>(hd::dob)];
        // Header usually lists the children in the order Episodes first met them: try the
        // child after the previous row's before a hash lookup.
        std::size_t guess = 0;
        for (std::size_t i = 0; i < rows.size(); ++i) {
            header_row h;
            h.index = static_cast<std::uint32_t>(i);
            const auto id = cell(*header_table_, rows[i], c_child);
            if (guess < children_.size() && detail::same_text(children_.name(guess), id))
                h.child = static_cast<std::uint32_t>(guess);
            else
                h.child = children_.intern(id);
            guess = std::size_t{h.child} + 1;
            h.dob = detail::cell_date(cell(*header_table_, rows[i], c_dob));
            headers_.push_back(h);
        }
        header_of_.assign(children_.size(), no_header);
        for (const auto& h : headers_)
            if (header_of_[h.child] == no_header) header_of_[h.child] = h.index;
        // Children only in Header have no episodes: give them empty episode ranges.
        if (child_start_.empty()) child_start_.assign(1, 0);
        while (child_start_.size() < children_.size() + 1)
            child_start_.push_back(child_start_.back());
    }

    const return_data* data_;
    int year_;
    std::string la_;
    date collection_start_{};
    date collection_end_{};
    const table* episodes_table_ = nullptr;
    const table* header_table_ = nullptr;
    std::array<int, 16> ep_col_{};
    std::array<int, 16> hd_col_{};
    std::vector<episode> episodes_;
    std::vector<header_row> headers_;
    std::vector<const episode*> by_child_;
    std::vector<std::uint32_t> child_start_;
    static constexpr std::uint32_t no_header = UINT32_MAX;
    std::vector<std::uint32_t> header_of_; // index in headers_, or no_header
    carepath::detail::name_index children_; // child ids numbered as first met
};

/// Collects the findings of one rule; the rule names only the row, the sink adds the code,
/// fields and message from the rule's catalogue entry.
class sink {
public:
    /// A sink adding `entry`'s findings to `out`; both must outlive the sink.
    sink(const catalogue_entry& entry, std::vector<finding>& out) : entry_{&entry}, out_{&out} {}

    /// Reports row `r` of table `t` for child `child`.
    void add(const table& t, const row& r, std::string_view child) const {
        finding f;
        f.rule = std::string{entry_->code};
        f.table = t.name;
        f.file = t.file_of(r);
        f.line = r.line;
        f.child = std::string{child};
        f.fields = std::string{entry_->fields};
        f.message = std::string{entry_->message};
        if (const auto col = t.column(f.fields.substr(0, f.fields.find(';'))))
            f.value = t.cell(r, *col);
        out_->push_back(std::move(f));
    }
    /// Reports an Episodes row.
    void add(const context& ctx, const episode& e) const {
        add(*ctx.episodes_table(), ctx.row_of(e), ctx.get(e, ep::child));
    }
    /// Reports a Header row.
    void add(const context& ctx, const header_row& h) const {
        add(*ctx.header_table(), ctx.row_of(h), ctx.get(h, hd::child));
    }

private:
    const catalogue_entry* entry_;
    std::vector<finding>* out_;
};

/// A rule's check: reads the context, reports to the sink.
using check_function = void (*)(const context&, const sink&);

/// One DfE rule as carepath implements it: its code, the collection years this implementation
/// is for, and the check. Code, tables, fields and message come from the catalogue.
struct rule {
    std::string_view code; ///< the DfE rule code, e.g. "434"
    int first_year = first_collection_year; ///< first collection year this implementation is for
    int last_year = last_collection_year; ///< last collection year this implementation is for
    check_function check = nullptr; ///< the check itself

    /// True when this implementation is for collection year `year`.
    [[nodiscard]] constexpr bool applies_in(int year) const noexcept {
        return first_year <= year && year <= last_year;
    }
};

} // namespace carepath::ssda903
