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
#include "carepath/sim/detail/records.hpp"
#include "carepath/sim/detail/tally.hpp"

#include <algorithm>
#include <array>
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

/// The yearly rate of coming back into care after leaving by `route` (the same hazards the
/// model uses for children who leave during the run).
[[nodiscard]] inline double after_care_rate(const calibration& cal, exit_route route) {
    switch (route) {
    case exit_route::return_home:
        return cal.reentry_after_return_rate.value;
    case exit_route::special_guardianship:
        return cal.sgo_disruption_rate.value;
    case exit_route::child_arrangements_order:
        return cal.cao_disruption_rate.value;
    case exit_route::adoption:
        return cal.adoption_breakdown_rate.value;
    default:
        return 0;
    }
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
