#pragma once
// Private to carepath::sim: an implementation detail, not part of the API.
// Whether a move of home changes the child's school, and when. Distance decides, not the
// council boundary (a placement over the boundary can be a few miles away): each new home is
// within 20 miles of the child's home or further, drawn so that the stock has the published
// share within 20 miles. A move out of reach of the school nearly always changes it; a move
// within reach keeps it unless the plan says otherwise. A planned move that changes school
// within reach may keep the old school until the next school year, so the change falls in the
// summer, not mid-year (the statutory guidance asks that education not be disrupted; an
// emergency move cannot wait).
#include "carepath/core/dates.hpp"
#include "carepath/sim/calibration.hpp"
#include "carepath/sim/rng.hpp"

#include <algorithm>
#include <chrono>
#include <cstdint>

namespace carepath::sim::detail {

/// Chance a placement outside the home authority is within 20 miles of home: the published
/// share within 20 miles (of children with a distance recorded), less the placements inside the
/// boundary that are within 20 miles, spread over the placements outside it.
[[nodiscard]] inline double outside_within_20_miles(const calibration& cal) noexcept {
    const double outside = cal.stock_out_of_area.value / 100;
    const double known = 1 - cal.distance_not_known.value;
    if (outside <= 0 || known <= 0)
        return 1;
    const double near = cal.placed_within_20_miles.value / 100 / known;
    const double inside_near = (1 - outside) * (1 - cal.inside_over_20_miles.value);
    return std::clamp((near - inside_near) / outside, 0.0, 1.0);
}

/// Chance a new placement inside (`inside`) or outside the home authority is within 20 miles
/// of home.
[[nodiscard]] inline double within_20_miles(const calibration& cal, bool inside) noexcept {
    return inside ? 1 - cal.inside_over_20_miles.value : outside_within_20_miles(cal);
}

/// What a move of home does to the child's school.
enum class school_change : std::uint8_t {
    kept,            ///< the child stays at their school
    now,             ///< a new school from the day of the move
    next_school_year ///< the old school until the next school year starts, then a new one
};

/// The school after a move. `within_reach`: the new home is within 20 miles of the school (the
/// model's test: both the school and the new home are within 20 miles of the child's home).
/// `planned`: a move in the care plan, not an emergency or a breakdown.
[[nodiscard]] inline school_change school_on_move(const calibration& cal, bool within_reach,
                                                  bool planned, stream& rng) noexcept {
    if (!within_reach)
        return rng.bernoulli(cal.school_kept_far.value) ? school_change::kept
                                                        : school_change::now;
    if (!rng.bernoulli(cal.school_change_near.value))
        return school_change::kept;
    return planned && rng.bernoulli(cal.school_change_deferred.value)
               ? school_change::next_school_year
               : school_change::now;
}

/// The first day of a school year: schools and authorities set their own dates in the first
/// week of September; the model takes 1 September.
inline constexpr std::chrono::month_day school_year_start{std::chrono::September,
                                                         std::chrono::day{1}};

/// The day a child born on `birth` stops being of compulsory school age: the school leaving
/// date (the last Friday in June) of the school year in which they turn 16, or the one before
/// the 16th birthday when it falls in the summer holiday (Education Act 1996 s8; Education
/// (School Leaving Date) Order 1997). A sixth form at school after it is not modelled.
[[nodiscard]] inline date school_leaving_day(date birth) noexcept {
    using namespace std::chrono;
    const year_month_day b{birth};
    const year at16 = b.year() + years{16};
    return date{(b.month() >= September ? at16 + years{1} : at16) / June / Friday[last]};
}

/// The first day of the first school year that starts after `d`.
[[nodiscard]] inline date next_school_year_start(date d) noexcept {
    using namespace std::chrono;
    const year y = year_month_day{d}.year();
    const date this_year{y / school_year_start};
    return d < this_year ? this_year : date{(y + years{1}) / school_year_start};
}

} // namespace carepath::sim::detail
