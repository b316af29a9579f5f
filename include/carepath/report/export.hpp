#pragma once
/// @file
/// Care histories in the forms R users carry on with:
/// - TraMineR's state-sequence format (`seqdef`): one row per child, one column
/// per month,
///   the child's state on the first day of the month;
/// - mstate's long format (as `msprep` makes it): one row per stay and possible
/// next state,
///   columns `id,from,to,trans,Tstart,Tstop,status`, times in days since the
///   child's first entry to care in the window.
///
/// States: while in care, the placement family (`foster`, `kinship_foster`,
/// `residential`, ...); after leaving, `left_<route>` (`left_adoption`,
/// `left_return_home`, ...) until the child comes back; before the first entry,
/// missing (`NA`, which R reads as missing).
#include "carepath/core/care_history.hpp"
#include "carepath/core/dates.hpp"
#include "carepath/core/permanence.hpp"
#include "carepath/core/placement.hpp"
#include "carepath/report/table.hpp"

#include <algorithm>
#include <chrono>
#include <cstddef>
#include <optional>
#include <ostream>
#include <span>
#include <stdexcept>
#include <string>
#include <vector>

namespace carepath::report {

/// A state of a child's journey, numbered for mstate: 1..F are the placement
/// families in their table order, F+1.. the exit routes in theirs.
struct journey_state {
    std::size_t number = 0; ///< 1-based; 0 = not yet in care (missing)
    std::string name;       ///< "foster", "left_adoption"; "NA" when number is 0
    /// Same number and name.
    friend bool operator==(const journey_state&, const journey_state&) = default;
};

/// How many in-care states (placement families) and states after leaving (exit
/// routes).
inline constexpr std::size_t care_state_count = all_values<placement_family>().size();
/// Number of states after leaving care (exit routes).
inline constexpr std::size_t exit_state_count = all_values<exit_route>().size();

/// The state numbered `n` (1-based).
/// @throws std::out_of_range if there is no such state.
[[nodiscard]] inline journey_state state_by_number(std::size_t n) {
    if (n >= 1 && n <= care_state_count)
        return {n, std::string{to_string(all_values<placement_family>()[n - 1])}};
    if (n > care_state_count && n <= care_state_count + exit_state_count)
        return {n,
                "left_"
                    + std::string{to_string(all_values<exit_route>()[n - care_state_count - 1])}};
    throw std::out_of_range{"state_by_number: no state " + std::to_string(n)};
}

/// The child's state on `d`.
[[nodiscard]] inline journey_state state_on(const care_history& h, date d) {
    if (h.in_care_on(d)) {
        if (const auto* p = h.placement_on(d))
            return state_by_number(static_cast<std::size_t>(family_of(p->where.type)) + 1);
    }
    const care_period* last_left = nullptr;
    for (const auto& p : h.periods())
        if (p.exit && p.period.end() && *p.period.end() <= d)
            last_left = &p;
    if (last_left)
        return state_by_number(care_state_count + static_cast<std::size_t>(*last_left->exit) + 1);
    return {0, "NA"};
}

/// The allowed transitions, numbered as mstate's `trans` column: from each
/// in-care state to every other in-care state and to every exit state; from
/// each exit state back to every in-care state (re-entry). Numbered row by row
/// (by `from`, then `to`).
struct transition {
    std::size_t number; ///< mstate's `trans` number, from 1
    std::size_t from; ///< state number the transition leaves
    std::size_t to; ///< state number it enters
};
/// Every allowed transition, numbered.
[[nodiscard]] inline std::vector<transition> mstate_transitions() {
    std::vector<transition> out;
    const std::size_t all = care_state_count + exit_state_count;
    for (std::size_t from = 1; from <= all; ++from)
        for (std::size_t to = 1; to <= all; ++to) {
            const bool from_care = from <= care_state_count, to_care = to <= care_state_count;
            if (from == to || (!from_care && !to_care))
                continue;
            out.push_back({out.size() + 1, from, to});
        }
    return out;
}

/// The child's stays in `[from, to)`: each state with the day it began, in
/// order.
struct stay {
    journey_state state; ///< the state held
    date start; ///< first day in it
    date end; ///< first day after it, or `to` for the last stay
};
/// The child's stays in `[from, to)`, in date order.
[[nodiscard]] inline std::vector<stay> stays(const care_history& h, date from, date to) {
    // The state can only change on a day some placement, period or exit begins or
    // ends.
    std::vector<date> days_of_change{from};
    for (const auto& p : h.placements()) {
        days_of_change.push_back(p.period.start());
        if (p.period.end())
            days_of_change.push_back(*p.period.end());
    }
    for (const auto& p : h.periods()) {
        days_of_change.push_back(p.period.start());
        if (p.period.end())
            days_of_change.push_back(*p.period.end());
    }
    std::ranges::sort(days_of_change);
    const auto dup = std::ranges::unique(days_of_change);
    days_of_change.erase(dup.begin(), dup.end());
    std::vector<stay> out;
    for (const date d : days_of_change) {
        if (d < from || d >= to)
            continue;
        auto s = state_on(h, d);
        if (!out.empty() && out.back().state == s)
            continue;
        if (!out.empty())
            out.back().end = d;
        out.push_back({std::move(s), d, to});
    }
    // Time before the first entry is not a stay.
    while (!out.empty() && out.front().state.number == 0)
        out.erase(out.begin());
    return out;
}

namespace detail {
// The id column of the i-th history: the caller's id (an SSDA903 return's CHILD, as written)
// when given, so rows join back to the source; else the numeric child id.
inline std::string export_id(std::span<const care_history> histories,
                             std::span<const std::string> ids, std::size_t i) {
    if (ids.empty())
        return std::to_string(histories[i].subject().id.value());
    if (ids.size() != histories.size())
        throw std::invalid_argument{"export: " + std::to_string(ids.size()) + " ids for "
                                    + std::to_string(histories.size()) + " histories"};
    return ids[i];
}
} // namespace detail

/// Writes TraMineR's state-sequence CSV: `id` then one column per month from
/// `from`'s month to the last month starting before `to`, headed `YYYY-MM`. The id is `ids[i]`
/// for the i-th history when `ids` is given (one per history), else the child's number.
/// @throws std::invalid_argument if `ids` is given with another length than `histories`.
inline void write_traminer(std::ostream& os, std::span<const care_history> histories, date from,
                           date to, std::span<const std::string> ids = {}) {
    std::vector<date> months;
    const std::chrono::year_month_day f{from};
    for (auto ym = std::chrono::year_month{f.year(), f.month()};; ym += std::chrono::months{1}) {
        const date d{ym / std::chrono::day{1}};
        if (d >= to)
            break;
        if (d >= from)
            months.push_back(d);
    }
    data_table t;
    t.columns.push_back("id");
    for (const auto d : months)
        t.columns.push_back(format_iso(d).substr(0, 7));
    for (std::size_t i = 0; i < histories.size(); ++i) {
        const auto& h = histories[i];
        std::vector<std::string> row{detail::export_id(histories, ids, i)};
        for (const auto d : months)
            row.push_back(state_on(h, d).name);
        t.add_row(std::move(row));
    }
    write_csv(os, t);
}

/// Writes mstate's long format for `histories` over `[from, to)`. Each child's
/// clock starts at their first stay in the window; the last stay is censored at
/// `to` (all its rows status 0). Ids as write_traminer gives them.
/// @throws std::invalid_argument if `ids` is given with another length than `histories`.
inline void write_mstate(std::ostream& os, std::span<const care_history> histories, date from,
                         date to, std::span<const std::string> ids = {}) {
    const auto trans = mstate_transitions();
    data_table t;
    t.columns = {"id", "from", "to", "trans", "Tstart", "Tstop", "status"};
    for (std::size_t child = 0; child < histories.size(); ++child) {
        const auto s = stays(histories[child], from, to);
        if (s.empty())
            continue;
        const std::string id = detail::export_id(histories, ids, child);
        const date origin = s.front().start;
        for (std::size_t i = 0; i < s.size(); ++i) {
            const auto next = i + 1 < s.size() ? s[i + 1].state.number : 0;
            const auto t0 = (s[i].start - origin).count();
            const auto t1 = (s[i].end - origin).count();
            for (const auto& tr : trans) {
                if (tr.from != s[i].state.number)
                    continue;
                t.add_row({id, std::to_string(tr.from),
                           std::to_string(tr.to), std::to_string(tr.number), std::to_string(t0),
                           std::to_string(t1), tr.to == next ? "1" : "0"});
            }
        }
    }
    write_csv(os, t);
}

} // namespace carepath::report
