#pragma once
// Private to carepath::sim: an implementation detail, not part of the API.
// The logs behind the cohort measures: each exit before 18 (and the day the child came back,
// if they did), and each foster placement (kinship or not, and the day it ended). When the run
// ends they are read back per year ending 31 March: re-entry within 5 years, SGO disruption,
// adoption breakdown within 12 years, and foster placements still running 2 years on.
#include "carepath/core/permanence.hpp"
#include "carepath/sim/detail/records.hpp"
#include "carepath/sim/detail/tally.hpp"

#include <cstddef>
#include <cstdint>
#include <vector>

namespace carepath::sim::detail {

template <class = void>
class basic_cohort_logs {
public:
    struct exit_entry {
        std::int32_t day;
        exit_route route;
        std::int32_t back; // the day the child came back into care, or never
    };
    struct placement_entry {
        std::int32_t start;
        bool kinship;
        std::int32_t end; // never while it runs
    };

    /// Logs an exit on `day`; returns its number, for `came_back`.
    std::uint32_t exited(std::int32_t day, exit_route route) {
        exits_.push_back(exit_entry{day, route, never});
        return static_cast<std::uint32_t>(exits_.size() - 1);
    }
    /// The child of exit `n` came back into care on `day` (only the first return counts).
    void came_back(std::uint32_t n, std::int32_t day) {
        if (exits_[n].back == never)
            exits_[n].back = day;
    }
    /// Child `ci` starts a placement in a home of kind `h` on `day`: logged when it is foster
    /// care (kinship or not).
    void placed(std::uint32_t ci, home_kind h, std::int32_t day) {
        if (open_.size() <= ci)
            open_.resize(ci + 1, none);
        if (h != home_kind::foster && h != home_kind::kinship_foster) {
            open_[ci] = none;
            return;
        }
        placements_.push_back({day, h == home_kind::kinship_foster, never});
        open_[ci] = static_cast<std::uint32_t>(placements_.size() - 1);
    }
    /// Child `ci`'s logged placement, if any, ends on `day`.
    void placement_ended(std::uint32_t ci, std::int32_t day) {
        if (ci < open_.size() && open_[ci] != none) {
            placements_[open_[ci]].end = day;
            open_[ci] = none;
        }
    }

    /// Adds the cohort measures to each year: `years[k]` ends on `snapshots[k]`, and the run
    /// starts on `start`. A measure is set only for years whose cohort the run reaches, from
    /// `years[first]` on (the first year after a burn-in).
    void finish(const std::vector<std::int32_t>& snapshots, std::int32_t start,
                std::vector<year_acc>& years, std::size_t first = 0) const {
        using t = tally;
        for (std::size_t k = 0; k < snapshots.size(); ++k) {
            auto& a = years[k];
            auto cohort = [&](int back_years, auto&& fn) {
                // the year ending 31 March `back_years` before this one, if simulated
                if (static_cast<int>(k) - back_years < static_cast<int>(first))
                    return false;
                const auto j = k - static_cast<std::size_t>(back_years);
                fn(j == 0 ? start : snapshots[j - 1], snapshots[j]);
                return true;
            };
            a.cohort5 = cohort(5, [&](std::int32_t lo, std::int32_t hi) {
                for (const auto& e : exits_) {
                    if (e.day <= lo || e.day > hi)
                        continue;
                    const bool back = e.back != never && e.back - e.day <= five_years_days;
                    a[t::reentry_base] += 1;
                    a[t::reentry] += back;
                    if (e.route == exit_route::special_guardianship) {
                        a[t::sgo_base] += 1;
                        a[t::sgo_back] += back;
                    }
                }
            });
            a.cohort12 = cohort(12, [&](std::int32_t lo, std::int32_t hi) {
                for (const auto& e : exits_)
                    if (e.day > lo && e.day <= hi && e.route == exit_route::adoption) {
                        a[t::adoption_base] += 1;
                        a[t::adoption_back] +=
                            e.back != never && e.back - e.day <= twelve_years_days;
                    }
            });
            a.cohort2 = cohort(2, [&](std::int32_t lo, std::int32_t hi) {
                for (const auto& p : placements_)
                    if (p.start > lo && p.start <= hi) {
                        const bool running = p.end == never || p.end - p.start >= two_years_days;
                        if (p.kinship) {
                            a[t::kinship_base] += 1;
                            a[t::kinship_continuing] += running;
                        } else {
                            a[t::unrelated_base] += 1;
                            a[t::unrelated_continuing] += running;
                        }
                    }
            });
        }
    }

    [[nodiscard]] const std::vector<exit_entry>& exits() const noexcept { return exits_; }
    [[nodiscard]] const std::vector<placement_entry>& placements() const noexcept {
        return placements_;
    }

private:
    std::vector<exit_entry> exits_;
    std::vector<placement_entry> placements_;
    std::vector<std::uint32_t> open_; // per child: its open placement entry, or none
};
using cohort_logs = basic_cohort_logs<>;

} // namespace carepath::sim::detail
