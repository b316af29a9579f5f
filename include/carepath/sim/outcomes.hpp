#pragma once
/// @file
/// Outcomes computed from care histories under the definitions of the published figures they
/// are compared with (docs/validation.md): the same population, denominator, window and
/// follow-up. Each function names the published measure it follows. They work on any
/// `care_history` values: a simulation's (`run_result::histories`, with `keep_histories` large
/// enough to keep every child) or histories read from data.
///
/// Windows are half-open. The year ending 31 March `y` is [1 April y-1, 1 April y); "in care on
/// 31 March" is `in_care_on(31 March)`. A simulated child's history before the run's start
/// date is a sketch (entry, then the current placement), so every window must begin on or
/// after the first simulated day.
#include "carepath/core/care_history.hpp"

#include <algorithm>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <span>
#include <vector>

namespace carepath::sim {

/// A count out of a denominator: children, sibling groups, placements.
struct share {
    std::size_t count = 0; ///< how many have the outcome
    std::size_t of = 0;    ///< the denominator
    /// 0-100; nullopt when the denominator is empty.
    [[nodiscard]] std::optional<double> percent() const noexcept {
        if (of == 0)
            return std::nullopt;
        return 100.0 * static_cast<double>(count) / static_cast<double>(of);
    }
    /// Same count, same denominator.
    friend bool operator==(const share&, const share&) = default;
};

/// 31 March of `y`.
[[nodiscard]] inline date march_31(int y) {
    return date{std::chrono::year{y} / std::chrono::March / 31};
}
/// The year ending 31 March `y`: [1 April y-1, 1 April y).
[[nodiscard]] inline interval year_ending_march(int y) {
    return interval{march_31(y - 1) + days{1}, march_31(y) + days{1}};
}
/// The two years ending 31 March `y`: [1 April y-2, 1 April y).
[[nodiscard]] inline interval two_years_ending_march(int y) {
    return interval{march_31(y - 2) + days{1}, march_31(y) + days{1}};
}

// ---------------------------------------------------------------------------------------------
// Sibling separation
// ---------------------------------------------------------------------------------------------

/// Children and sibling groups apart. A sibling group is the set of children linked by sibling
/// ties (full, half or step) among those counted; living together means having the same carer
/// (`same_carer`).
struct sibling_separation {
    share children_apart_from_any; ///< apart from at least one sibling counted (CCO 2023)
    share children_with_none;      ///< living with none of them (Family Rights Group 2015)
    share groups_not_all_together; ///< groups not all with one carer (CCO 2023, FRG 2015)
};

namespace detail {
// Sibling groups among `members` (indices into hs): union-find over sibling ties.
inline std::vector<std::vector<std::size_t>>
sibling_groups(std::span<const care_history> hs, const std::vector<std::size_t>& members) {
    std::map<person_id, std::size_t> slot;
    for (std::size_t i = 0; i < members.size(); ++i)
        slot.emplace(hs[members[i]].subject().as_person, i);
    std::vector<std::size_t> parent(members.size());
    for (std::size_t i = 0; i < parent.size(); ++i)
        parent[i] = i;
    auto root = [&](std::size_t x) {
        while (parent[x] != x)
            x = parent[x] = parent[parent[x]];
        return x;
    };
    for (std::size_t i = 0; i < members.size(); ++i) {
        const auto& h = hs[members[i]];
        for (const auto& r : h.relationships()) {
            if (!r.kind().is_sibling())
                continue;
            const auto it = slot.find(r.other(h.subject().as_person));
            if (it != slot.end())
                parent[root(i)] = root(it->second);
        }
    }
    std::map<std::size_t, std::vector<std::size_t>> by_root;
    for (std::size_t i = 0; i < members.size(); ++i)
        by_root[root(i)].push_back(i);
    std::vector<std::vector<std::size_t>> out;
    for (auto& [r, g] : by_root)
        if (g.size() > 1)
            out.push_back(std::move(g));
    return out;
}
// Children apart from siblings, given where each member lives.
inline sibling_separation separation(const std::vector<std::vector<std::size_t>>& groups,
                                     const std::vector<const placement*>& home) {
    sibling_separation s;
    for (const auto& g : groups) {
        bool all_together = true;
        for (const std::size_t a : g) {
            std::size_t with = 0;
            for (const std::size_t b : g)
                if (a != b && same_carer(*home[a], *home[b]))
                    ++with;
            ++s.children_apart_from_any.of;
            ++s.children_with_none.of;
            if (with + 1 < g.size()) {
                ++s.children_apart_from_any.count;
                all_together = false;
            }
            if (with == 0)
                ++s.children_with_none.count;
        }
        ++s.groups_not_all_together.of;
        if (!all_together)
            ++s.groups_not_all_together.count;
    }
    return s;
}
} // namespace detail

/// Snapshot on `on`: children in care with at least one sibling also in care on that day
/// (Family Rights Group 2015, FOI snapshot; the denominators are children and sibling groups).
[[nodiscard]] inline sibling_separation siblings_on(std::span<const care_history> hs, date on) {
    std::vector<std::size_t> members;
    std::vector<const placement*> home;
    for (std::size_t i = 0; i < hs.size(); ++i)
        if (const auto* p = hs[i].placement_on(on)) {
            members.push_back(i);
            home.push_back(&p->where);
        }
    return detail::separation(detail::sibling_groups(hs, members), home);
}

/// Initial placements: children starting a period of care in `window` together with a sibling
/// (same day), each compared with those siblings by the first placement of that period
/// (Children's Commissioner 2023, "separated in their initial placement"). Siblings who came
/// into care on other days are not counted: the CCO counts them, so this is a lower bound.
[[nodiscard]] inline sibling_separation siblings_at_entry(std::span<const care_history> hs,
                                                          interval window) {
    // group by start day first: siblings entering together share it
    std::map<date, std::vector<std::size_t>> by_day;
    std::map<std::size_t, const placement*> first;
    for (std::size_t i = 0; i < hs.size(); ++i)
        for (const auto& p : hs[i].periods()) {
            const date d = p.period.start();
            if (!window.contains(d))
                continue;
            by_day[d].push_back(i);
            for (const auto& pl : hs[i].placements())
                if (pl.period.start() == d) {
                    first[i] = &pl.where;
                    break;
                }
        }
    sibling_separation total;
    for (const auto& [d, members] : by_day) {
        std::vector<const placement*> home;
        for (const std::size_t i : members)
            home.push_back(first.at(i));
        const auto s = detail::separation(detail::sibling_groups(hs, members), home);
        auto add = [](share& a, const share& b) {
            a.count += b.count;
            a.of += b.of;
        };
        add(total.children_apart_from_any, s.children_apart_from_any);
        add(total.children_with_none, s.children_with_none);
        add(total.groups_not_all_together, s.groups_not_all_together);
    }
    return total;
}

// ---------------------------------------------------------------------------------------------
// Changes of home
// ---------------------------------------------------------------------------------------------

/// Placements (homes with different carers) the child lived in during `window`: the home held
/// at the window's start or at each entry inside it, plus one per move of home after its first
/// day. A change of placement type with the same carer is not a new placement, and a move on
/// the window's first day leaves only the new home in it: the one left that day ended where the
/// window starts (half-open), as `carepath analyse` counts a move on 1 April.
[[nodiscard]] inline std::size_t placements_during(const care_history& h, interval window) {
    std::size_t n =
        h.moves_between(window.start() + days{1}, window.end().value_or(date::max()));
    for (const auto& p : h.periods())
        if (p.period.overlaps(window))
            ++n;
    return n;
}

/// DfE placement stability, year ending 31 March `y`: children in care on 31 March by the
/// placements they had during the year (1 placement; 3 or more), and the Children's
/// Commissioner's 2 or more placement moves in the 12 months.
struct placement_stability {
    share one_placement;         ///< 1 placement during the year (DfE)
    share three_plus_placements; ///< 3 or more placements during the year (DfE)
    share two_plus_moves;        ///< 2 or more moves of home in the 12 months (CCO)
};
/// The DfE and CCO placement figures for children in care on 31 March `y`.
[[nodiscard]] inline placement_stability placement_stability_in(std::span<const care_history> hs,
                                                                int y) {
    placement_stability s;
    const auto window = year_ending_march(y);
    for (const auto& h : hs) {
        if (!h.in_care_on(march_31(y)))
            continue;
        const auto n = placements_during(h, window);
        const auto moves = h.moves_between(window.start(), *window.end());
        ++s.one_placement.of;
        ++s.three_plus_placements.of;
        ++s.two_plus_moves.of;
        s.one_placement.count += n == 1;
        s.three_plus_placements.count += n >= 3;
        s.two_plus_moves.count += moves >= 2;
    }
    return s;
}

namespace detail {
// Whether the move of home in (`from`, `on`] was into the placement the child is in on `on`
// and that placement is a placement for adoption.
inline bool moved_only_to_adopters(const care_history& h, date from, date on) {
    for (const auto& t : h.transitions()) {
        if (!t.is_move || t.on <= from || t.on > on)
            continue;
        const auto& to = h.placements()[t.to];
        return to.period.contains(on) && family_of(to.where.type) == placement_family::adoption;
    }
    return false;
}
} // namespace detail

/// DfE long-term stability on 31 March `y`: children under 16 looked after continuously for at
/// least 2.5 years (30 months), and of them those living with the same carer for at least 2
/// years, or placed for adoption with the adoptive placement and the one before it together
/// lasting 2 years (the DfE's rule: the one move in the two years was into the adoptive home).
[[nodiscard]] inline share long_term_stability(std::span<const care_history> hs, int y) {
    using namespace std::chrono;
    share s;
    const date on = march_31(y);
    const date cont_from = date{year{y - 3} / September / 30}; // 30 months before 31 March
    const date same_from = march_31(y - 2);
    for (const auto& h : hs) {
        if (age_on(h.subject().birth_date, on) >= 16)
            continue;
        const auto it = std::ranges::find_if(
            h.periods(), [&](const care_period& p) { return p.period.contains(on); });
        if (it == h.periods().end() || it->period.start() > cont_from)
            continue;
        ++s.of;
        // same carer: no move of home in the last two years (on the day itself included);
        // or one, into the adoptive placement the child is in on the day
        const auto moves = h.moves_between(same_from + days{1}, on + days{1});
        if (moves == 0 || (moves == 1 && detail::moved_only_to_adopters(h, same_from, on)))
            ++s.count;
    }
    return s;
}

/// The DfE's two-year stability group ("CLA 2 years on 31 March"), as the Children's
/// Commissioner's Stability Index drew it: in care on 31 March `y` and on 31 March `y - 1`. It
/// is not "looked after continuously for 2 years": the DfE's 2024 group (60,430) is 72% of the
/// children in care on 31 March (83,630), where a continuous 2 years is about half.
[[nodiscard]] inline bool in_care_two_years_on(const care_history& h, int y) {
    return h.in_care_on(march_31(y)) && h.in_care_on(march_31(y - 1));
}

/// DfE: children in care on 31 March `y` and a year before (`in_care_two_years_on`), by 3 or
/// more placements during the 2 years to 31 March `y` (from entry, for a child who came into
/// care in them).
[[nodiscard]] inline share three_plus_over_two_years(std::span<const care_history> hs, int y) {
    share s;
    const interval two = two_years_ending_march(y);
    for (const auto& h : hs) {
        if (!in_care_two_years_on(h, y))
            continue;
        ++s.of;
        s.count += placements_during(h, two) >= 3;
    }
    return s;
}

// ---------------------------------------------------------------------------------------------
// School and social worker changes (Children's Commissioner Stability Index)
// ---------------------------------------------------------------------------------------------

/// Whose definition of a mid-year school move a measure follows. Both publishers read moves
/// from the school census's start dates at the new school.
enum class midyear_rule : std::uint8_t {
    /// DfE stability measures (2024 release): "a move at any point in the year excluding the
    /// period 1 August to 30 September".
    dfe,
    /// Children's Commissioner, Stability Index 2019 technical report: "the start date at the
    /// new school occurs after the first 3 weeks of September in the relevant academic year".
    cco
};

/// The day a school change on `d` starts the child at the new school: a change in the summer
/// holiday (the model takes it to run from 20 July) starts on the school year's first day,
/// 1 September; any other change starts that day.
[[nodiscard]] inline date new_school_start(date d) {
    using namespace std::chrono;
    const year_month_day ymd{d};
    const auto md = month_day{ymd.month(), ymd.day()};
    if (md >= month_day{July, day{20}} && md <= month_day{August, day{31}})
        return date{ymd.year() / September / 1};
    return d;
}

/// True when a school change on `d` is a mid-year move by `rule`: its start day at the new
/// school (`new_school_start`) is outside 1 August to 30 September (DfE), or outside the
/// first three weeks of September (CCO).
[[nodiscard]] inline bool is_midyear_move(date d, midyear_rule rule) {
    using namespace std::chrono;
    const year_month_day s{new_school_start(d)};
    const auto md = month_day{s.month(), s.day()};
    if (rule == midyear_rule::dfe)
        return md < month_day{August, day{1}} || md > month_day{September, day{30}};
    return md < month_day{September, day{1}} || md > month_day{September, day{21}};
}

/// Mid-year school moves in `window` by `rule` (a teacher tie ended by `school_move`, on a
/// day `is_midyear_move` accepts). A move of school is recorded as the end of the tie with the
/// old school's teacher.
[[nodiscard]] inline std::size_t midyear_school_moves(const care_history& h, interval window,
                                                      midyear_rule rule) {
    std::size_t n = 0;
    for (const auto& r : h.relationships()) {
        if (r.kind() != kinds::teacher)
            continue;
        for (const auto& e : r.endings())
            if (e.reason == end_reason::school_move && window.contains(e.on)
                && is_midyear_move(e.on, rule))
                ++n;
    }
    return n;
}

/// Changes of social worker in `window`: allocations on a day the child was in care and
/// already had a social worker (the first allocation at entry is not a change).
[[nodiscard]] inline std::size_t social_worker_changes(const care_history& h, interval window) {
    std::size_t n = 0;
    for (const auto& w : h.workers()) {
        const date d = w.period.start();
        if (w.role != worker_role::social_worker || !window.contains(d))
            continue;
        if (h.in_care_on(d - days{1}) && h.worker_on(d - days{1}))
            ++n;
    }
    return n;
}

/// True when the child has a school on `d` (an open tie with a teacher): the model's "enrolled
/// in school", for the publishers' children matched to the school census.
[[nodiscard]] inline bool at_school_on(const care_history& h, date d) {
    return std::ranges::any_of(h.relationships(), [&](const auto& r) {
        return r.kind() == kinds::teacher && r.active_on(d);
    });
}

/// Social workers the child had in `window`, each counted once however often the child went
/// back to them (the DfE's count: "social workers are only counted once for each child during
/// the year").
[[nodiscard]] inline std::size_t social_workers_during(const care_history& h, interval window) {
    std::vector<social_worker_id> seen;
    for (const auto& w : h.workers())
        if (w.role == worker_role::social_worker && w.period.overlaps(window)
            && std::ranges::find(seen, w.worker) == seen.end())
            seen.push_back(w.worker);
    return seen.size();
}

/// The Children's Commissioner's year measures for children in care on 31 March `y`, over the
/// 12 months to that day.
struct stability_index {
    /// Of those enrolled in school (a teacher tie on 31 March): a mid-year school move
    /// (`midyear_rule::cco`).
    share midyear_school_move;
    share two_plus_sw_changes; ///< of all children in care on 31 March
    share no_change_of_any;    ///< no move of home, school or social worker in the year
};
/// The Children's Commissioner's year measures for the year ending 31 March `y`.
[[nodiscard]] inline stability_index stability_index_in(std::span<const care_history> hs, int y) {
    stability_index s;
    const date on = march_31(y);
    const auto window = year_ending_march(y);
    for (const auto& h : hs) {
        if (!h.in_care_on(on))
            continue;
        const auto school = midyear_school_moves(h, window, midyear_rule::cco);
        const auto sw = social_worker_changes(h, window);
        const auto moves = h.moves_between(window.start(), *window.end());
        if (at_school_on(h, on)) {
            ++s.midyear_school_move.of;
            s.midyear_school_move.count += school > 0;
        }
        ++s.two_plus_sw_changes.of;
        s.two_plus_sw_changes.count += sw >= 2;
        ++s.no_change_of_any.of;
        s.no_change_of_any.count += moves == 0 && school == 0 && sw == 0;
    }
    return s;
}

/// Children's Commissioner (Stability Index 2018), two years running: children in care on 31
/// March `y`, by 2 or more social worker changes in the year to then and 2 or more in the year
/// before. Shows whether changes fall on the same children year after year.
[[nodiscard]] inline share two_plus_sw_changes_both_years(std::span<const care_history> hs,
                                                          int y) {
    share s;
    const auto year = year_ending_march(y);
    const auto before = year_ending_march(y - 1);
    for (const auto& h : hs) {
        if (!h.in_care_on(march_31(y)))
            continue;
        ++s.of;
        s.count += social_worker_changes(h, year) >= 2 && social_worker_changes(h, before) >= 2;
    }
    return s;
}

/// The DfE's stability measures for children in care on 31 March `y`, over the year to then.
struct dfe_year_stability {
    /// Of those at school on 31 March (a teacher tie; the DfE's are those matched to the
    /// school census): one or more mid-year school moves (`midyear_rule::dfe`).
    share midyear_school_move;
    /// The same for those aged 4-9 on 31 March, the DfE's younger age group.
    share midyear_school_move_4_9;
    /// The same for those aged 10-15 on 31 March.
    share midyear_school_move_10_15;
    /// Of all: 3 or more social workers during the year (`social_workers_during`).
    share three_plus_workers;
};
/// The DfE's year measures for children in care on 31 March `y`.
[[nodiscard]] inline dfe_year_stability dfe_year_stability_in(std::span<const care_history> hs,
                                                               int y) {
    dfe_year_stability s;
    const date on = march_31(y);
    const auto window = year_ending_march(y);
    for (const auto& h : hs) {
        if (!h.in_care_on(on))
            continue;
        if (at_school_on(h, on)) {
            const bool moved = midyear_school_moves(h, window, midyear_rule::dfe) > 0;
            ++s.midyear_school_move.of;
            s.midyear_school_move.count += moved;
            const int age = age_on(h.subject().birth_date, on);
            auto* group = age >= 4 && age <= 9     ? &s.midyear_school_move_4_9
                          : age >= 10 && age <= 15 ? &s.midyear_school_move_10_15
                                                   : nullptr;
            if (group) {
                ++group->of;
                group->count += moved;
            }
        }
        ++s.three_plus_workers.of;
        s.three_plus_workers.count += social_workers_during(h, window) >= 3;
    }
    return s;
}

/// DfE stability measure: children in care on 31 March `y` and a year before
/// (`in_care_two_years_on`) with a teacher tie on 31 March `y`, by one or more mid-year school
/// moves (`midyear_rule::dfe`) in the 2 years to that day.
[[nodiscard]] inline share midyear_school_move_over_two_years(std::span<const care_history> hs,
                                                              int y) {
    share s;
    const date on = march_31(y);
    const interval two = two_years_ending_march(y);
    for (const auto& h : hs) {
        if (!in_care_two_years_on(h, y))
            continue;
        if (!at_school_on(h, on))
            continue;
        ++s.of;
        s.count += midyear_school_moves(h, two, midyear_rule::dfe) > 0;
    }
    return s;
}

/// Children's Commissioner, over two years: children in care on 31 March `y - 1` and `y`, by
/// no move of home, no mid-year school move (`midyear_rule::cco`) and no social worker change
/// in those 2 years.
[[nodiscard]] inline share no_change_over_two_years(std::span<const care_history> hs, int y) {
    share s;
    const interval two = two_years_ending_march(y);
    for (const auto& h : hs) {
        if (!in_care_two_years_on(h, y))
            continue;
        ++s.of;
        s.count += h.moves_between(two.start(), *two.end()) == 0
                   && midyear_school_moves(h, two, midyear_rule::cco) == 0
                   && social_worker_changes(h, two) == 0;
    }
    return s;
}

// ---------------------------------------------------------------------------------------------
// How long foster placements last: kinship against unrelated carers
// ---------------------------------------------------------------------------------------------

/// When a child's stay with a foster carer ends.
enum class stay_end : std::uint8_t {
    carer_changes, ///< only a move to another carer or a return home ends it: an SGO, CAO or
                   ///< adoption order with the same carer, staying put or turning 18 do not
    any_exit       ///< leaving care by any route ends it (the naive reading)
};
} // namespace carepath::sim

/// Codes and labels of `stay_end`.
template <>
struct carepath::enum_table<carepath::sim::stay_end> {
    /// Short name for the enum in the rows.
    using e = carepath::sim::stay_end;
    /// One row per enumerator: value, code, label.
    static constexpr std::array rows{
        enum_row<e>{e::carer_changes, "carer_changes", "ends when the carer changes"},
        enum_row<e>{e::any_exit, "any_exit", "ends when care ends by any route"},
    };
};

namespace carepath::sim {

/// Foster stays (from a foster placement's start to the first move to another carer) that began
/// in `window`, kinship and unrelated by the placement type at the start, and of them those
/// still with the same carer `years` later. A stay is left out when its follow-up passes
/// `observed_to` or the child turns 18 within it. Returning to care after an order ends the
/// stay on the day of return.
struct foster_stays {
    share kinship_continuing;   ///< stays begun with a relative or friend as foster carer
    share unrelated_continuing; ///< stays begun with an unrelated foster carer
};
/// Foster stays begun in `window`, still with the same carer `years` later (see above).
[[nodiscard]] inline foster_stays foster_stays_continuing(std::span<const care_history> hs,
                                                          interval window, int years,
                                                          date observed_to, stay_end rule) {
    foster_stays out;
    for (const auto& h : hs) {
        const auto& periods = h.periods();
        for (std::size_t k = 0; k < periods.size(); ++k) {
            const auto& p = periods[k];
            std::vector<date> starts{p.period.start()};
            for (const auto& m : h.moves())
                if (p.period.contains(m.on))
                    starts.push_back(m.on);
            for (std::size_t i = 0; i < starts.size(); ++i) {
                const date s = starts[i];
                if (!window.contains(s))
                    continue;
                const auto* pl = h.placement_on(s);
                if (!pl)
                    continue;
                const auto fam = family_of(pl->where.type);
                if (fam != placement_family::foster && fam != placement_family::kinship_foster)
                    continue;
                const date horizon = birthday(s, years);
                if (horizon > observed_to || birthday(h.subject().birth_date, 18) <= horizon)
                    continue;
                std::optional<date> ended;
                if (i + 1 < starts.size())
                    ended = starts[i + 1];
                else if (p.period.end()) {
                    const auto r = p.exit.value_or(exit_route::other);
                    const bool same_carer_goes_on = r == exit_route::special_guardianship
                                                    || r == exit_route::child_arrangements_order
                                                    || r == exit_route::adoption
                                                    || r == exit_route::staying_put;
                    if (rule == stay_end::any_exit || !same_carer_goes_on)
                        ended = *p.period.end();
                    else if (k + 1 < periods.size())
                        ended = periods[k + 1].period.start(); // the order broke down
                }
                share& sh = fam == placement_family::kinship_foster ? out.kinship_continuing
                                                                    : out.unrelated_continuing;
                ++sh.of;
                sh.count += !ended || *ended > horizon;
            }
        }
    }
    return out;
}

// ---------------------------------------------------------------------------------------------
// Re-entry after a return home; disruption after special guardianship, CAO and adoption
// ---------------------------------------------------------------------------------------------

namespace detail {
// The year ending 31 March that `d` falls in.
[[nodiscard]] inline int year_ending_march_of(date d) noexcept {
    const auto f = fields_of(d);
    return f.month <= 3 ? f.year : f.year + 1;
}
// A child's exit by one of `routes` inside a cohort, with the child's index.
struct cohort_exit {
    std::size_t child;
    date on;
    std::optional<date> back; // the next period of care's start, if any
};
// The published cohorts are one year's leavers, each child once; a cohort of several years is
// read as one such cohort per year ending 31 March, pooled: each child's first exit by one of
// `routes` in each year. (Keeping one exit per child over all the years, the last, dropped
// exactly the exits that ended in a return to care when the child left again later.)
inline std::vector<cohort_exit> exits_in(std::span<const care_history> hs,
                                         std::span<const exit_route> routes, interval cohort) {
    std::vector<cohort_exit> out;
    for (std::size_t i = 0; i < hs.size(); ++i) {
        const auto& ps = hs[i].periods();
        int counted_year = 0; // the last year this child was counted in (0: none yet)
        for (std::size_t k = 0; k < ps.size(); ++k) {
            const auto end = ps[k].period.end();
            if (!end || !ps[k].exit || !cohort.contains(*end))
                continue;
            if (std::ranges::find(routes, *ps[k].exit) == routes.end())
                continue;
            const int y = year_ending_march_of(*end);
            if (y == counted_year)
                continue;
            counted_year = y;
            out.push_back(cohort_exit{
                i, *end,
                k + 1 < ps.size() ? std::optional{ps[k + 1].period.start()} : std::nullopt});
        }
    }
    return out;
}
} // namespace detail

/// Fixed cohort (DfE): children who left care by one of `routes` during `cohort`, and of them
/// those back in care within `years` of leaving. Each year ending 31 March of the cohort is a
/// cohort of its own, as published (each child once, at the first such exit of the year); the
/// years are pooled. A child who turns 18 in the follow-up cannot re-enter and stays in the
/// denominator. nullopt when the follow-up of the cohort's last day passes `observed_to`.
[[nodiscard]] inline std::optional<share> reentry_within(std::span<const care_history> hs,
                                                         std::span<const exit_route> routes,
                                                         interval cohort, int years,
                                                         date observed_to) {
    if (!cohort.end() || birthday(*cohort.end() - days{1}, years) > observed_to)
        return std::nullopt;
    share s;
    for (const auto& e : detail::exits_in(hs, routes, cohort)) {
        ++s.of;
        s.count += e.back && *e.back <= birthday(e.on, years);
    }
    return s;
}

/// Kaplan-Meier (Selwyn et al. 2014; Wijedasa and Selwyn 2017): the cumulative percentage of
/// children who left care by one of `routes` during `cohort` and came back into care within
/// `years`, each followed until `observed_to` or their 18th birthday (censored), whichever is
/// first; each child once a year, at the first such exit (as `reentry_within`). nullopt when
/// nobody is followed.
[[nodiscard]] inline std::optional<double> reentry_cumulative(std::span<const care_history> hs,
                                                              std::span<const exit_route> routes,
                                                              interval cohort, int years,
                                                              date observed_to) {
    struct obs {
        long t;     // days from the exit
        bool event; // came back (else censored)
    };
    std::vector<obs> v;
    for (const auto& e : detail::exits_in(hs, routes, cohort)) {
        const date stop = std::min(observed_to, birthday(hs[e.child].subject().birth_date, 18));
        if (stop <= e.on)
            continue;
        if (e.back && *e.back <= stop)
            v.push_back({(*e.back - e.on).count(), true});
        else
            v.push_back({(stop - e.on).count(), false});
    }
    if (v.empty())
        return std::nullopt;
    // events before censoring at equal times, as usual for the product-limit estimator
    std::ranges::sort(
        v, [](const obs& a, const obs& b) { return a.t != b.t ? a.t < b.t : a.event > b.event; });
    const long horizon = (birthday(cohort.start(), years) - cohort.start()).count();
    double survival = 1;
    std::size_t at_risk = v.size();
    for (std::size_t i = 0; i < v.size();) {
        if (v[i].t > horizon)
            break;
        std::size_t j = i, events = 0;
        while (j < v.size() && v[j].t == v[i].t)
            events += v[j++].event;
        survival *= 1.0 - static_cast<double>(events) / static_cast<double>(at_risk);
        at_risk -= j - i;
        i = j;
    }
    return 100.0 * (1.0 - survival);
}

} // namespace carepath::sim
