#pragma once
/// @file
/// A simulation run built by hand, for tests of what is made from runs (comparisons, their
/// tables and files) without simulating.
#include "carepath/sim/engine.hpp"

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace carepath::testing {

/// A run with one reported year whose foster share is `values` replicate by replicate
/// (nullopt: not measured), and the run's mean and estimate over the replicates that measured
/// it, as `simulate` makes them.
inline sim::run_result hand_run(std::string name,
                                const std::vector<std::optional<double>>& values) {
    const auto k = static_cast<std::size_t>(sim::figure_key::foster_share);
    sim::run_result r;
    r.scenario_name = std::move(name);
    r.config.replicates = static_cast<std::uint32_t>(values.size());
    for (const auto& v : values) {
        sim::summary s;
        s.years.emplace_back();
        s.years.back().year = 2020;
        s.years.back().figs.values[k] = v;
        r.replicates.push_back(std::move(s));
    }
    r.mean = r.replicates.front();
    double sum = 0;
    for (const auto& v : values)
        if (v) {
            sum += *v;
            r.estimates[k].values.push_back(*v);
        }
    const auto n = static_cast<double>(r.estimates[k].values.size());
    r.mean.years.back().figs.values[k] = sum / n;
    r.estimates[k].mean = sum / n;
    r.estimates[k].replicates = r.estimates[k].values.size();
    return r;
}

} // namespace carepath::testing
