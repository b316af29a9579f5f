#pragma once
/// @file
/// A children's population projection, to drive a simulation's entries instead of the
/// calibrated yearly figure (`sim_config::projection`).
#include "carepath/sim/states.hpp"

#include <array>
#include <vector>

namespace carepath::sim {

/// Children's population projection: children by age band per year, and entry rates per
/// 10,000 children by band. Entries in year y are the sum over bands of children x rate / 1e4.
struct population_projection {
    int first_year = 2020; ///< the year ending 31 March whose population is `children[0]`
    /// Children by age band, one entry per year from `first_year`.
    std::vector<std::array<double, band_count>> children;
    /// Entries per 10,000 children in each age band.
    std::array<double, band_count> entry_rate_per_10k{};
};

} // namespace carepath::sim
