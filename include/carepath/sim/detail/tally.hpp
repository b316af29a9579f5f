#pragma once
// Private to carepath::sim: an implementation detail, not part of the API.
// The raw yearly counts of the simulation (before scaling to England) and their sum.
#include "carepath/sim/states.hpp"

#include <array>
#include <cstddef>
#include <cstdint>

namespace carepath::sim::detail {
inline constexpr double days_per_year = 365.25;

/// The raw counts of a year ending 31 March, before scaling: one enumerator per count, and a
/// run of slots for a count by category (the next enumerator starts after them). Adding a
/// count is one line here; `year_acc` sums every slot across authorities.
// clang-format off
enum class tally : std::uint16_t {
    in_care,                                  // in care on 31 March ...
    by_home,                                  // ... by kind of home (home_count slots)
    by_legal = by_home + home_count,          // ... by legal group (legal_count slots)
    by_age = by_legal + legal_count,          // ... by age band (band_count slots)
    by_moves = by_age + band_count,           // ... by moves in the year: 0, 1, 2, 3+
    male = by_moves + 4,
    uasc,
    outside,                                  // placed outside the home authority
    long_term,                                // in a long-term foster home
    age_16_17,
    semi_16_17,                               // 16-17 in semi-independent or independent living
    stable_base,                              // under 16, in care 2.5+ years ...
    stable,                                   // ... and in the same home 2+ years
    with_sibling,                             // with a sibling in care ...
    apart,                                    // ... and living apart from one
    no_change_1yr_base,                       // in care a year ...
    no_change_1yr,                            // ... with no change of home, school or worker
    no_change_2yr_base,
    no_change_2yr,
    entries,                                  // children starting care (once a year each)
    entries_with_siblings,
    exits,                                    // children leaving, by last exit's route
    exits_total = exits + exit_route_count,
    adoption_days,                            // days from entry to adoption, summed
    adoptions,
    moves,
    care_days,                                // days in care in the year
    worker_changes,
    continuity_sum,                           // share of ties kept, summed over moves
    continuity_moves,
    links_sum,                                // people still there at 25, over leavers at 18
    leavers_at_18,
    // cohort measures, filled in at the end of the run
    reentry_base, reentry, sgo_base, sgo_back, adoption_base, adoption_back,
    kinship_base, kinship_continuing, unrelated_base, unrelated_continuing,
    count
};
// clang-format on
inline constexpr std::size_t tally_count = static_cast<std::size_t>(tally::count);

/// A year's counts. Sums of integers are exact in double; the few real-valued sums are added
/// in authority order, so a run's bytes do not depend on the number of threads.
struct year_acc {
    std::array<double, tally_count> counts{};
    bool cohort5 = false, cohort12 = false, cohort2 = false; // cohorts the run reaches back to

    double& operator[](tally t) noexcept { return counts[static_cast<std::size_t>(t)]; }
    double operator[](tally t) const noexcept { return counts[static_cast<std::size_t>(t)]; }
    /// Slot `i` of a count by category.
    double& at(tally first, std::size_t i) noexcept {
        return counts[static_cast<std::size_t>(first) + i];
    }
    [[nodiscard]] double at(tally first, std::size_t i) const noexcept {
        return counts[static_cast<std::size_t>(first) + i];
    }
    void add(const year_acc& o) noexcept {
        for (std::size_t i = 0; i < tally_count; ++i)
            counts[i] += o.counts[i];
        cohort5 = cohort5 || o.cohort5;
        cohort12 = cohort12 || o.cohort12;
        cohort2 = cohort2 || o.cohort2;
    }
};
} // namespace carepath::sim::detail
