#pragma once
/// @file
/// Shapes shared by many DfE rules, so each rule states only what it checks: a code from a
/// list, a valid date, a field that must (not) be filled, a join by CHILD with another table,
/// an age limit, and a walk over each child's episodes in date order.
#include "carepath/ssda903/rule.hpp"

#include <algorithm>
#include <functional>
#include <string_view>
#include <utility>
#include <unordered_set>

namespace carepath::ssda903::rules {

/// Reads named columns of any table by position; missing columns read as blank.
class columns {
public:
    /// Finds `names` in `t`, which must outlive the columns.
    columns(const table& t, std::initializer_list<std::string_view> names) : t_{&t} {
        for (const auto n : names) {
            const auto c = t.column(n);
            idx_.push_back(c ? static_cast<int>(*c) : -1);
        }
    }
    /// Cell `i` (the i-th name given) of row `r`, trimmed.
    [[nodiscard]] std::string_view operator()(const row& r, std::size_t i) const noexcept {
        const int c = idx_[i];
        if (c < 0) return {};
        return detail::cell_trim(t_->cell(r, static_cast<std::size_t>(c)));
    }
    /// True when the table has column `i` (the i-th name given).
    [[nodiscard]] bool has(std::size_t i) const noexcept { return idx_[i] >= 0; }
    /// The table read.
    [[nodiscard]] const table& tab() const noexcept { return *t_; }

private:
    const table* t_;
    std::vector<int> idx_;
};

/// A date cell: nullopt when blank or not a date.
[[nodiscard]] inline std::optional<date> to_date(std::string_view s) noexcept {
    return detail::cell_date(s);
}
/// True when the cell is filled but is not a dd/mm/yyyy date.
[[nodiscard]] inline bool bad_date(std::string_view s) noexcept {
    return !s.empty() && !detail::cell_date(s);
}
/// A date or the collection end when blank (an episode still open at 31 March).
[[nodiscard]] inline std::optional<date> dec_or_end(const context& c, const episode& e) {
    if (c.get(e, ep::dec).empty()) return c.collection_end();
    return e.dec;
}

/// The temporary placement codes (T0-T4).
[[nodiscard]] constexpr bool temporary(std::string_view place) noexcept {
    return one_of(place, {"T0", "T1", "T2", "T3", "T4"});
}
/// Short-break (respite) legal statuses V3 and V4.
[[nodiscard]] constexpr bool short_break(std::string_view ls) noexcept {
    return one_of(ls, {"V3", "V4"});
}
/// Every "care ends" reason (E codes).
[[nodiscard]] constexpr bool leaves_care(std::string_view rec) noexcept {
    return one_of(rec, {"E2", "E3", "E4A", "E4B", "E5", "E6", "E7", "E8", "E9", "E11", "E12",
                        "E13", "E14", "E15", "E16", "E17", "E41", "E45", "E46", "E47", "E48"});
}
/// Female in the coding of collection year `year` (2 before 2024-25, F from then).
[[nodiscard]] constexpr bool female(std::string_view sex, int year) noexcept {
    return year >= 2025 ? sex == "F" : sex == "2";
}
/// Male in the coding of collection year `year`.
[[nodiscard]] constexpr bool male(std::string_view sex, int year) noexcept {
    return year >= 2025 ? sex == "M" : sex == "1";
}

/// Reports every episode for which `bad` is true.
template <class Pred>
void each_episode(const context& c, const sink& s, Pred bad) {
    for (const auto& e : c.episodes())
        if (bad(e)) s.add(c, e);
}
/// Reports every Header row for which `bad` is true.
template <class Pred>
void each_header(const context& c, const sink& s, Pred bad) {
    for (const auto& h : c.headers())
        if (bad(h)) s.add(c, h);
}
/// Reports episodes whose `f` is filled and not in `codes`.
inline void episode_code(const context& c, const sink& s, ep f,
                         std::initializer_list<std::string_view> codes) {
    if (!c.episodes_table() || !c.has_column(f)) return;
    each_episode(c, s, [&](const episode& e) {
        const auto v = c.get(e, f);
        return !v.empty() && !one_of(v, codes);
    });
}
/// Calls `fn(child number, episodes in date order)` for each child with episodes.
template <class Fn>
void each_child(const context& c, Fn fn) {
    for (std::uint32_t k = 0; k < c.child_count(); ++k) {
        const auto eps = c.episodes_of(k);
        if (!eps.empty()) fn(k, eps);
    }
}
/// Calls `fn(previous, current)` for each consecutive pair of a child's episodes in date order.
template <class Fn>
void each_pair(const context& c, Fn fn) {
    each_child(c, [&](std::uint32_t, std::span<const episode* const> eps) {
        for (std::size_t i = 1; i < eps.size(); ++i) fn(*eps[i - 1], *eps[i]);
    });
}
/// Episodes with PLACE `place` that start before the child's `years`th birthday (the DfE
/// checks only episodes that have ended and children with a Header date of birth).
inline void placement_min_age(const context& c, const sink& s, std::string_view place,
                              int years) {
    each_episode(c, s, [&](const episode& e) {
        if (c.get(e, ep::place) != place || !e.decom || !e.dec) return false;
        const auto dob = c.dob_of(e.child);
        return dob && *e.decom < add_years(*dob, years);
    });
}
/// Ended episodes with PLACE `place` longer than `max_days`.
inline void placement_max_days(const context& c, const sink& s, std::string_view place,
                               int max_days) {
    each_episode(c, s, [&](const episode& e) {
        if (c.get(e, ep::place) != place || !e.decom || !e.dec || !c.dob_of(e.child))
            return false;
        return *e.dec > *e.decom + days{max_days};
    });
}

/// Calls `fn(row, cols)` for each row of table `name` (nothing when the table is absent).
template <class Fn>
void each_row(const context& c, std::string_view name, std::initializer_list<std::string_view> cols,
              Fn fn) {
    const auto* t = c.find(name);
    if (!t) return;
    const columns col{*t, cols};
    for (const auto& r : t->rows) fn(r, col);
}
/// Reports rows of `name` (first column must be CHILD) for which `bad(row, cols)` is true.
template <class Pred>
void each_bad_row(const context& c, const sink& s, std::string_view name,
                  std::initializer_list<std::string_view> cols, Pred bad) {
    each_row(c, name, cols, [&](const row& r, const columns& col) {
        if (bad(r, col)) s.add(col.tab(), r, col(r, 0));
    });
}
/// Rows of `name` whose `field` is filled and not in `codes`.
inline void row_code(const context& c, const sink& s, std::string_view name, std::string_view field,
                     std::initializer_list<std::string_view> codes, bool blank_ok = true) {
    const auto* t = c.find(name);
    if (!t || !t->column(field)) return;
    each_bad_row(c, s, name, {"CHILD", field}, [&](const row& r, const columns& col) {
        const auto v = col(r, 1);
        return v.empty() ? !blank_ok : !one_of(v, codes);
    });
}
/// Rows of `name` whose `field` is not a valid date (blank is an error unless `blank_ok`).
inline void row_date(const context& c, const sink& s, std::string_view name, std::string_view field,
                     bool blank_ok) {
    each_bad_row(c, s, name, {"CHILD", field}, [&](const row& r, const columns& col) {
        const auto v = col(r, 1);
        return v.empty() ? !blank_ok : !to_date(v);
    });
}
/// The set of CHILD values in table `name` (empty when absent).
[[nodiscard]] inline std::unordered_set<std::string_view> children_in(const context& c,
                                                                       std::string_view name) {
    std::unordered_set<std::string_view> out;
    each_row(c, name, {"CHILD"}, [&](const row& r, const columns& col) { out.insert(col(r, 0)); });
    return out;
}

} // namespace carepath::ssda903::rules

namespace carepath::ssda903::rules {

/// Rows of table `name` grouped by CHILD (first column of `cols` must be CHILD).
class by_child {
public:
    /// Groups the rows of `name` in `c`; a missing table gives no rows.
    by_child(const context& c, std::string_view name, std::initializer_list<std::string_view> cols)
        : t_{c.find(name)} {
        if (!t_) return;
        col_.emplace(*t_, cols);
        for (const auto& r : t_->rows) rows_[(*col_)(r, 0)].push_back(&r);
    }
    /// True when the return has the table.
    [[nodiscard]] bool present() const noexcept { return t_ != nullptr; }
    /// The table; only when `present()`.
    [[nodiscard]] const table& tab() const noexcept { return *t_; }
    /// Its columns, in the order given; only when `present()`.
    [[nodiscard]] const columns& col() const noexcept { return *col_; }
    /// The rows of `child` (empty when none).
    [[nodiscard]] const std::vector<const row*>& of(std::string_view child) const {
        const auto it = rows_.find(child);
        return it == rows_.end() ? none_ : it->second;
    }
    /// True when `child` has at least one row.
    [[nodiscard]] bool has(std::string_view child) const { return rows_.count(child) != 0; }
    /// Reports row `r` of this table.
    void add(const sink& s, const row& r) const { s.add(*t_, r, (*col_)(r, 0)); }

private:
    const table* t_;
    std::optional<columns> col_;
    std::unordered_map<std::string_view, std::vector<const row*>> rows_;
    std::vector<const row*> none_;
};

/// One child's periods `rows` of table `t` (date columns `start` and `end`, end blank while
/// open): reports each period that starts while the one before it is open or before it ended.
/// Periods are taken in order of end (an open one by its start), then start. Rules 574 (Missing)
/// and 705 (DoLo) are this check on two tables.
inline void flag_overlapping_periods(const by_child& t, std::vector<const row*>& rows,
                                     std::size_t start, std::size_t end, const sink& s) {
    const auto key = [&](const row* r) {
        const auto a = to_date(t.col()(*r, start));
        const auto b = to_date(t.col()(*r, end));
        return std::pair{b ? b : a, a};
    };
    std::stable_sort(rows.begin(), rows.end(), [&](const row* x, const row* y) {
        const auto kx = key(x);
        const auto ky = key(y);
        if (kx.first.has_value() != ky.first.has_value()) return kx.first.has_value();
        if (kx.first && *kx.first != *ky.first) return *kx.first < *ky.first;
        if (kx.second.has_value() != ky.second.has_value()) return kx.second.has_value();
        return kx.second && *kx.second < *ky.second;
    });
    for (std::size_t i = 1; i < rows.size(); ++i) {
        const auto prev_end = to_date(t.col()(*rows[i - 1], end));
        const auto next_start = to_date(t.col()(*rows[i], start));
        if (!prev_end || (next_start && *next_start < *prev_end)) t.add(s, *rows[i]);
    }
}

/// Every field of `fields` (column positions in `col`) blank / any filled.
[[nodiscard]] inline bool any_filled(const columns& col, const row& r, std::size_t from,
                                     std::size_t to) {
    for (std::size_t i = from; i < to; ++i)
        if (!col(r, i).empty()) return true;
    return false;
}
/// True when the cells at positions [from, to) of `col` are all filled in `r`.
[[nodiscard]] inline bool all_filled(const columns& col, const row& r, std::size_t from,
                                     std::size_t to) {
    for (std::size_t i = from; i < to; ++i)
        if (col(r, i).empty()) return false;
    return true;
}

} // namespace carepath::ssda903::rules
