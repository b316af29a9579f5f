#pragma once
/// @file
/// The calibration's inputs by name, the plausible range of each assumption, and draws of the
/// assumptions from those ranges for parameter uncertainty. An assumption (`provenance::
/// assumption`) is a number no source gives; its range is an assumption too: half to one and
/// a half times its value (a probability capped at 1), stated here once, because nothing
/// published says how wrong these numbers may be. A fitted number is not drawn: it is pinned
/// by the published targets it was fitted to, and drawing the other assumptions already moves
/// the run away from those targets, which is part of what a wider interval then shows.
/// `assumptions` and `draw_assumptions` are templates with nothing to choose, compiled only in
/// the files that call them (issue 14; sim/engine.hpp says why).
#include "carepath/sim/calibration.hpp"
#include "carepath/sim/rng.hpp"

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace carepath::sim {

/// What kind of number an input is, for the bounds of its range.
enum class input_kind : std::uint8_t {
    probability, ///< a chance or share, 0-1: a range never passes 1
    amount,      ///< a rate, factor, count or duration: any non-negative value
    fixed,       ///< a definition (a follow-up window, a count of slots): listed, never drawn
    share        ///< one slot of a table of shares of a whole (a distribution, used as
                 ///< weights): a range as a probability's; the table is drawn as a whole
};

/// A closed range of plausible values `[low, high]`.
struct value_range {
    /// Lowest plausible value.
    double low = 0;
    /// Highest plausible value.
    double high = 0;
    /// Same ends.
    friend bool operator==(const value_range&, const value_range&) = default;
};

/// How wide an assumption's plausible range is, relative to its value: the range is
/// `value * [1 - spread, 1 + spread]`. An assumption: see the file's comment.
inline constexpr double assumption_spread = 0.5;

/// The plausible range of `value` under the rule above.
[[nodiscard]] inline value_range plausible_range(double value, input_kind kind) noexcept {
    if (kind == input_kind::fixed)
        return {value, value};
    value_range r{value * (1 - assumption_spread), value * (1 + assumption_spread)};
    if (r.low > r.high)
        std::swap(r.low, r.high);
    if (kind == input_kind::probability || kind == input_kind::share)
        r.high = std::min(r.high, 1.0);
    return r;
}

namespace detail {
// Calls f(name, member, kind, fitted) for every sourced input of a calibration (const or
// not), in the order calibration.hpp declares them. `fitted` for a table is read from its note,
// since sourced_table has no flag of its own.
template <class Cal, class F>
void visit_inputs(Cal& c, F&& f) {
    using k = input_kind;
    f("stock_count", c.stock_count, k::amount);
    f("stock_age", c.stock_age, k::probability);
    f("stock_home", c.stock_home, k::amount);
    f("stock_long_term", c.stock_long_term, k::amount);
    f("stock_s20", c.stock_s20, k::amount);
    f("stock_placement_order", c.stock_placement_order, k::amount);
    f("stock_interim_of_care_orders", c.stock_interim_of_care_orders, k::probability);
    f("stock_uasc", c.stock_uasc, k::amount);
    f("stock_out_of_area", c.stock_out_of_area, k::amount);
    f("male", c.male, k::amount);
    f("entries_per_year", c.entries_per_year, k::amount);
    f("entry_age", c.entry_age, k::share);
    f("entry_s20", c.entry_s20, k::probability);
    f("entry_uasc", c.entry_uasc, k::probability);
    f("sibling_group_size", c.sibling_group_size, k::share);
    f("move_rate", c.move_rate, k::amount);
    f("move_duration", c.move_duration, k::amount);
    f("long_term_move_factor", c.long_term_move_factor, k::amount);
    f("move_scale", c.move_scale, k::amount);
    f("planned_move_share", c.planned_move_share, k::probability);
    f("plo_weeks", c.plo_weeks, k::amount);
    f("proceedings_extra_weeks", c.proceedings_extra_weeks, k::amount);
    f("placement_order_at_final_under5", c.placement_order_at_final_under5, k::probability);
    f("care_to_placement_order_rate", c.care_to_placement_order_rate, k::amount);
    f("s20_to_proceedings_rate", c.s20_to_proceedings_rate, k::amount);
    f("match_months", c.match_months, k::amount);
    f("placed_to_order_months", c.placed_to_order_months, k::amount);
    f("adoption_with_current_carers", c.adoption_with_current_carers, k::probability);
    f("placement_order_revoked_rate", c.placement_order_revoked_rate, k::amount);
    f("long_term_rate", c.long_term_rate, k::amount);
    f("return_home_rate", c.return_home_rate, k::amount);
    f("with_parents_return_factor", c.with_parents_return_factor, k::amount);
    f("return_home_scale", c.return_home_scale, k::amount);
    f("sgo_kinship_rate", c.sgo_kinship_rate, k::amount);
    f("sgo_foster_rate", c.sgo_foster_rate, k::amount);
    f("cao_rate", c.cao_rate, k::amount);
    f("independent_living_rate", c.independent_living_rate, k::amount);
    f("other_exit_rate", c.other_exit_rate, k::amount);
    f("staying_put_share", c.staying_put_share, k::probability);
    f("staying_close_share", c.staying_close_share, k::probability);
    f("reentry_after_return_rate", c.reentry_after_return_rate, k::amount);
    f("sgo_disruption_rate", c.sgo_disruption_rate, k::amount);
    f("cao_disruption_rate", c.cao_disruption_rate, k::amount);
    f("cao_disruption_early_years", c.cao_disruption_early_years, k::amount);
    f("adoption_breakdown_under4_rate", c.adoption_breakdown_under4_rate, k::amount);
    f("adoption_breakdown_middle_factor", c.adoption_breakdown_middle_factor, k::amount);
    f("adoption_breakdown_teen_factor", c.adoption_breakdown_teen_factor, k::amount);
    f("after_care_ceased", c.after_care_ceased, k::amount);
    f("after_care_return_home_share", c.after_care_return_home_share, k::amount);
    f("after_care_sgo", c.after_care_sgo, k::amount);
    f("after_care_adoptions", c.after_care_adoptions, k::amount);
    f("after_care_cao_share", c.after_care_cao_share, k::probability);
    f("after_care_age_return_home", c.after_care_age_return_home, k::share);
    f("after_care_age_orders", c.after_care_age_orders, k::share);
    f("after_care_age_adoption", c.after_care_age_adoption, k::share);
    f("siblings_apart_reason", c.siblings_apart_reason, k::probability);
    f("sibling_search_households", c.sibling_search_households, k::amount);
    f("siblings_reunite_on_move", c.siblings_reunite_on_move, k::probability);
    f("siblings_together_policy", c.siblings_together_policy, k::probability);
    f("sw_caseload", c.sw_caseload, k::amount);
    f("sw_turnover", c.sw_turnover, k::probability);
    f("sw_agency_share", c.sw_agency_share, k::probability);
    f("sw_agency_turnover_factor", c.sw_agency_turnover_factor, k::amount);
    f("sw_transfer_rate", c.sw_transfer_rate, k::amount);
    f("sw_vacancy_rate", c.sw_vacancy_rate, k::probability);
    f("sw_vacancy_cover_share", c.sw_vacancy_cover_share, k::probability);
    f("sw_care_team_share", c.sw_care_team_share, k::probability);
    f("sw_care_team_days", c.sw_care_team_days, k::amount);
    f("sw_sixteen_team_share", c.sw_sixteen_team_share, k::probability);
    f("foster_carers", c.foster_carers, k::amount);
    f("carers_per_household", c.carers_per_household, k::amount);
    f("places_per_household", c.places_per_household, k::amount);
    f("household_places", c.household_places, k::share);
    f("household_available", c.household_available, k::probability);
    f("carer_approvals", c.carer_approvals, k::amount);
    f("household_leaving_rate", c.household_leaving_rate, k::amount);
    f("home_capacity", c.home_capacity, k::amount);
    f("inside_share", c.inside_share, k::probability);
    f("former_carer_kept", c.former_carer_kept, k::probability);
    f("placed_within_20_miles", c.placed_within_20_miles, k::amount);
    f("distance_not_known", c.distance_not_known, k::probability);
    f("inside_over_20_miles", c.inside_over_20_miles, k::probability);
    f("school_kept_far", c.school_kept_far, k::probability);
    f("school_change_near", c.school_change_near, k::probability);
    f("school_change_deferred", c.school_change_deferred, k::probability);
    f("held_open_days", c.held_open_days, k::amount);
    f("kinship_support_factor", c.kinship_support_factor, k::amount);
    f("post_order_support_factor", c.post_order_support_factor, k::amount);
    f("stock_adoption_seed", c.stock_adoption_seed, k::amount);
    f("stock_legal_by_home", c.stock_legal_by_home, k::amount);
    f("stock_long_term_share", c.stock_long_term_share, k::probability);
    f("stock_care_years_max", c.stock_care_years_max, k::amount);
    f("stock_placement_share", c.stock_placement_share, k::probability);
    f("father_recorded", c.father_recorded, k::probability);
    f("grandparents_max", c.grandparents_max, k::fixed);
    f("sibling_age_gap_years", c.sibling_age_gap_years, k::amount);
    f("uasc_entry_age", c.uasc_entry_age, k::fixed);
    f("sibling_entry_age_max", c.sibling_entry_age_max, k::fixed);
    f("caseload_hire_factor", c.caseload_hire_factor, k::amount);
    f("kinship_placement_factor", c.kinship_placement_factor, k::amount);
    f("unplanned_carer_request_share", c.unplanned_carer_request_share, k::probability);
    f("reentry_follow_years", c.reentry_follow_years, k::fixed);
    f("adviser_to_25_factor", c.adviser_to_25_factor, k::amount);
    f("tie_kept_to_25", c.tie_kept_to_25, k::probability);
}

[[nodiscard]] constexpr bool note_says_fitted(std::string_view note) noexcept {
    return note.find("fitted to") != std::string_view::npos;
}
[[nodiscard]] constexpr bool is_fitted(const sourced& s) noexcept {
    return s.fitted;
}
template <class Input>
[[nodiscard]] constexpr bool is_fitted(const Input& t) noexcept {
    return note_says_fitted(t.note);
}

// Calls f(label, value&) for every number of a table (`name[i]`) or a grid (`name[i][j]`).
template <class Values, class F>
void for_each_slot(std::string_view name, Values& values, F&& f) {
    for (std::size_t i = 0; i < values.size(); ++i) {
        const std::string label = std::string{name} + "[" + std::to_string(i) + "]";
        if constexpr (requires { values[i].size(); }) {
            for (std::size_t j = 0; j < values[i].size(); ++j)
                f(label + "[" + std::to_string(j) + "]", values[i][j]);
        } else {
            f(label, values[i]);
        }
    }
}
} // namespace detail

namespace detail {
// A table of shares drawn slot by slot no longer sums to its total, and the engine's weights
// would then scale every share, moving some outside their printed ranges. Spreading the
// excess (or the shortfall) over the slots in proportion to each one's room within its range
// keeps the total and every slot in range: the ranges' lows sum to at most the total and their
// highs to at least it, so the room always suffices. A zero slot has no room and stays zero.
template <std::size_t N>
void keep_total(const std::array<double, N>& given, std::array<double, N>& drawn) {
    double total = 0, sum = 0, room = 0;
    for (std::size_t i = 0; i < N; ++i) {
        total += given[i];
        sum += drawn[i];
    }
    const double gap = total - sum; // > 0: shares to add; < 0: to take away
    std::array<value_range, N> range{};
    std::array<double, N> free{};
    for (std::size_t i = 0; i < N; ++i) {
        range[i] = plausible_range(given[i], input_kind::share);
        free[i] = gap > 0 ? range[i].high - drawn[i] : drawn[i] - range[i].low;
        room += free[i];
    }
    if (!(room > 0))
        return;
    for (std::size_t i = 0; i < N; ++i) // the clamp only absorbs rounding
        drawn[i] = std::clamp(drawn[i] + gap * free[i] / room, range[i].low, range[i].high);
}
} // namespace detail

/// One assumption of the model: a value (one slot of a table gets its own row, named
/// `table[i]`), its plausible range, and what it is for.
struct assumption_row {
    /// The input's name; `table[i]` for one slot of a table.
    std::string name;
    /// The value the calibration uses.
    double value = 0;
    /// Plausible values; under parameter uncertainty a drawn value comes from here.
    value_range range;
    /// The calibration's note on the input: what it is and why this value.
    std::string_view note;
    bool fitted = false; ///< fitted to published targets: held at its value, never drawn
    /// Probability, amount or fixed: how its range is set.
    input_kind kind = input_kind::amount;
    /// Drawn under parameter uncertainty: neither fitted nor a definition.
    [[nodiscard]] bool drawn() const noexcept { return !fitted && kind != input_kind::fixed; }
};

/// Every assumption of `c` (`provenance::assumption`), in declaration order.
template <class = void>
[[nodiscard]] std::vector<assumption_row> assumptions(const calibration& c) {
    std::vector<assumption_row> out;
    auto add = [&](std::string name, double v, std::string_view note, bool fitted,
                   input_kind kind) {
        out.push_back({std::move(name), v, plausible_range(v, kind), note, fitted, kind});
    };
    detail::visit_inputs(c, [&](std::string_view name, const auto& input, input_kind kind) {
        if (input.from != provenance::assumption)
            return;
        if constexpr (requires { input.values; }) {
            detail::for_each_slot(name, input.values, [&](std::string label, double v) {
                add(std::move(label), v, input.note, detail::is_fitted(input), kind);
            });
        } else {
            add(std::string{name}, input.value, input.note, detail::is_fitted(input), kind);
        }
    });
    return out;
}

/// `base` with every assumption that is not fitted drawn uniformly from its plausible range,
/// a table of shares (`input_kind::share`) then moved back to its total within its slots'
/// ranges (detail::keep_total), by a stream keyed on (seed, replicate): the same seed and replicate give the same draws on
/// any thread or rank, and each replicate gets its own. Published and derived figures and
/// fitted values are left as they are.
template <class = void>
[[nodiscard]] calibration draw_assumptions(const calibration& base, std::uint64_t seed,
                                           std::uint32_t replicate) {
    calibration out = base;
    stream draws{
        rng_key{.seed = seed, .replicate = replicate, .entity = 0, .use = purpose::parameters}};
    auto draw = [&](double v, input_kind kind) {
        const auto r = plausible_range(v, kind);
        return r.low + (r.high - r.low) * draws.uniform();
    };
    detail::visit_inputs(out, [&](std::string_view name, auto& input, input_kind kind) {
        if (input.from != provenance::assumption || detail::is_fitted(input)
            || kind == input_kind::fixed)
            return;
        if constexpr (requires { input.values; }) {
            const auto before = input.values;
            detail::for_each_slot(name, input.values,
                                  [&](const std::string&, double& v) { v = draw(v, kind); });
            if constexpr (requires { detail::keep_total(before, input.values); })
                if (kind == input_kind::share)
                    detail::keep_total(before, input.values);
        } else {
            input.value = draw(input.value, kind);
        }
    });
    return out;
}

} // namespace carepath::sim
