#pragma once
// Private to carepath::sim: an implementation detail, not part of the API.
// Children who left care before the start date and may come back. The published count of
// children starting care includes re-entries, so the model's entries are first entries and
// re-entries come from children followed after care. On the start date nobody has been
// followed yet: without the children who left in the years before, re-entries would start at
// zero and rise for years with no cause in the inputs. These pure functions say how many left
// by each route in the years before, at what age, and whether (and when) one of them comes back
// inside the run.
#include "carepath/core/permanence.hpp"
#include "carepath/sim/calibration.hpp"
#include "carepath/sim/scenario.hpp"
#include "carepath/sim/detail/records.hpp"
#include "carepath/sim/detail/tally.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <optional>

namespace carepath::sim::detail {

/// The routes a child under 18 can come back from, in the order of the after-care tables.
inline constexpr std::array<exit_route, 4> after_care_routes{
    exit_route::return_home, exit_route::special_guardianship,
    exit_route::child_arrangements_order, exit_route::adoption};

/// Leavers a year by route in the years before the start date, for all of England.
[[nodiscard]] inline std::array<double, 4> after_care_leavers_per_year(const calibration& cal) {
    const double ceased = cal.after_care_ceased.value;
    return {ceased * cal.after_care_return_home_share.value / 100, cal.after_care_sgo.value,
            ceased * cal.after_care_cao_share.value, cal.after_care_adoptions.value};
}

/// The hazard of coming back into care after leaving by one route: constant on up to three
/// pieces of a clock, which is the child's age for an adoption (breakdowns cluster in the
/// teenage years) and the years since leaving for the other routes.
struct return_hazard {
    /// Clock value at which each piece starts, increasing; an unused piece starts at infinity.
    std::array<double, 3> starts{0, HUGE_VAL, HUGE_VAL};
    /// Rate per year on each piece.
    std::array<double, 3> rates{0, 0, 0};
    /// The clock on the day the child left: the age then for an adoption, else 0.
    double clock_at_exit = 0;
    /// Some piece has a rate above zero.
    [[nodiscard]] bool any() const noexcept {
        return std::any_of(rates.begin(), rates.end(), [](double r) { return r > 0; });
    }
};

/// The hazard of coming back after leaving by `route` at `age_at_exit` (years), from the
/// calibration: the model uses it for children who leave during the run and for those who
/// left in the years before the start date, so the two agree.
[[nodiscard]] inline return_hazard after_care_hazard(const calibration& cal, exit_route route,
                                                    double age_at_exit) {
    return_hazard h;
    switch (route) {
    case exit_route::return_home:
        h.rates[0] = cal.reentry_after_return_rate.value;
        break;
    case exit_route::special_guardianship:
        h.rates[0] = cal.sgo_disruption_rate.value;
        break;
    case exit_route::child_arrangements_order:
        h.starts[1] = cal.cao_disruption_early_years.value;
        h.rates = {cal.cao_disruption_rate.values[0], cal.cao_disruption_rate.values[1], 0};
        break;
    case exit_route::adoption: {
        const double young = cal.adoption_breakdown_under4_rate.value;
        h.starts = {0, 4, 11};
        h.rates = {young, young * cal.adoption_breakdown_middle_factor.value,
                   young * cal.adoption_breakdown_teen_factor.value};
        h.clock_at_exit = age_at_exit;
        break;
    }
    default:
        break;
    }
    return h;
}

/// The hazard summed (integrated) over the clock from `from` to `to` (`from <= to`).
[[nodiscard]] inline double cumulative_hazard(const return_hazard& h, double from,
                                              double to) noexcept {
    double total = 0;
    for (std::size_t i = 0; i < h.starts.size(); ++i) {
        const double end = i + 1 < h.starts.size() ? h.starts[i + 1] : HUGE_VAL;
        const double lo = std::max(from, h.starts[i]), hi = std::min(to, end);
        if (hi > lo && h.rates[i] > 0)
            total += h.rates[i] * (hi - lo);
    }
    return total;
}

/// Clock time from `from` until the hazard, times `factor`, sums to `target`; infinity if it
/// never does.
[[nodiscard]] inline double time_to_hazard(const return_hazard& h, double from, double target,
                                           double factor = 1.0) noexcept {
    double left = target, clock = from;
    for (std::size_t i = 0; i < h.starts.size(); ++i) {
        const double end = i + 1 < h.starts.size() ? h.starts[i + 1] : HUGE_VAL;
        if (end <= clock)
            continue;
        const double rate = h.rates[i] * factor;
        const double span = end - std::max(clock, h.starts[i]);
        if (rate > 0 && rate * span >= left)
            return std::max(clock, h.starts[i]) + left / rate - from;
        if (rate > 0)
            left -= rate * span;
        clock = end;
    }
    return HUGE_VAL;
}

/// Years from leaving until coming back, for the unit exponential draw `unit_draw` (the
/// cumulative hazard at which the child comes back). From `factor_from` years after leaving
/// on, the hazard is multiplied by `factor` (support after the order, from the run's start).
/// Infinity when the child never comes back.
[[nodiscard]] inline double years_to_return(const return_hazard& h, double unit_draw,
                                            double factor = 1.0,
                                            double factor_from = 0.0) noexcept {
    const double t0 = h.clock_at_exit;
    const double switch_at = t0 + std::max(0.0, factor_from);
    const double before = cumulative_hazard(h, t0, switch_at);
    if (before >= unit_draw)
        return time_to_hazard(h, t0, unit_draw);
    return switch_at - t0 + time_to_hazard(h, switch_at, unit_draw - before, factor);
}

/// Factor on the hazard of coming back after leaving by `route` under `pol`: support after a
/// special guardianship or adoption order (`post_order_support`) lowers those breakdowns; the
/// Adoption Support Fund it stands for covers adoptive and special guardianship families.
[[nodiscard]] inline double post_order_factor(const calibration& cal, const scenario& pol,
                                              exit_route route) noexcept {
    const bool covered =
        route == exit_route::special_guardianship || route == exit_route::adoption;
    return pol.post_order_support && covered ? cal.post_order_support_factor.value : 1.0;
}

/// Years a child who left by `route` is followed for a return: after a return home the
/// published follow-up window; after an order, until 18.
[[nodiscard]] inline double after_care_window_years(const calibration& cal, exit_route route) {
    return route == exit_route::return_home ? cal.reentry_follow_years.value : 18.0;
}

/// The day a child who left on `exit_day` comes back, when the time to return drawn from the
/// route's hazard is `years_to_return`: only a return after `start` (an earlier one is
/// already in the starting stock or its flows), inside the route's window, before the 18th
/// birthday `at18` and no later than `end`.
[[nodiscard]] inline std::optional<std::int32_t>
seeded_return_day(std::int32_t exit_day, double years_to_return, double window_years,
                  std::int32_t start, std::int32_t at18, std::int32_t end) noexcept {
    if (!(years_to_return < window_years))
        return std::nullopt;
    const auto back =
        exit_day + std::max<std::int32_t>(1, static_cast<std::int32_t>(years_to_return
                                                                         * days_per_year));
    if (back <= start || back >= at18 || back > end)
        return std::nullopt;
    return back;
}

} // namespace carepath::sim::detail
