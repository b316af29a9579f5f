// Example 12: replicates, intervals and a paired scenario difference.
//
// What you learn: why one simulation run is not an answer, how replicates (the same model with
// different random numbers) give a mean and a Student's t confidence interval, and why a
// scenario is compared with the baseline replicate by replicate: replicate i of both runs
// shares its random numbers, so the paired difference is usually narrower than two separate
// intervals would suggest. All figures are model outputs under stated assumptions, not forecasts.
#include <carepath/sim.hpp>

#include <cstdio>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

namespace sim = carepath::sim;
using sim::figure_key;

namespace {
// One figure of the last reported year, one value per replicate.
std::vector<std::optional<double>> per_replicate(const sim::run_result& r, figure_key k) {
    std::vector<std::optional<double>> out;
    for (const auto& rep : r.replicates) out.push_back(rep.years.back().figs[k]);
    return out;
}
std::vector<double> measured(const std::vector<std::optional<double>>& v) {
    std::vector<double> out;
    for (const auto& x : v)
        if (x) out.push_back(*x);
    return out;
}
void print(const char* what, const sim::estimate& e) {
    if (!e.mean) {
        std::printf("  %-34s not measured\n", what);
        return;
    }
    std::printf("  %-34s %8.2f", what, *e.mean);
    if (e.interval) std::printf("   95%% interval %8.2f to %8.2f", e.interval->low, e.interval->high);
    else std::printf("   (no interval from %zu value)", e.count);
    std::printf("\n");
}
} // namespace

int main() {
    sim::sim_config cfg;
    cfg.scale = 0.05; // 5% of England, counts scaled back up: quick, and noisy on purpose
    cfg.years = 1;
    cfg.replicates = 5;

    // 1. The baseline, five times with different random numbers.
    const auto base = sim::simulate(cfg, sim::scenario{});
    const auto apart = per_replicate(base, figure_key::siblings_apart_share);
    std::printf("Children living apart from a sibling in care (%%), one value per replicate:\n ");
    for (const auto& v : apart) std::printf(" %.2f", v.value_or(0));
    std::printf("\n\n");

    // 2. One replicate gives no interval; five give a Student's t interval on 4 degrees of
    //    freedom (wider than mean +- 1.96 standard errors, which is too narrow for so few).
    print("one replicate", sim::estimate_mean(std::vector<double>{*apart.front()}));
    print("five replicates", sim::estimate_mean(measured(apart)));

    // 3. A scenario, run with the same seed and config: replicate i shares its random numbers
    //    with the baseline's replicate i.
    std::istringstream text{"name = siblings together\nsiblings = together_unless_reason\n"};
    const auto together = sim::read_scenario(text, "together.txt");
    if (!together) {
        std::printf("%s\n", carepath::to_string(together.error()).c_str());
        return 1;
    }
    const auto c = sim::compare(cfg, *together);
    const auto b = per_replicate(c.baseline, figure_key::siblings_apart_share);
    const auto s = per_replicate(c.alternative, figure_key::siblings_apart_share);
    std::printf("\nScenario \"%s\" against the baseline:\n", together->name.c_str());
    print("baseline", sim::estimate_mean(measured(b)));
    print("scenario", sim::estimate_mean(measured(s)));
    const auto d = sim::paired_difference(s, b);
    print("paired difference (scenario - base)", d);
    if (d.interval) {
        const bool excludes_zero = d.interval->high < 0 || d.interval->low > 0;
        std::printf("\nThe paired interval %s zero: %s\n", excludes_zero ? "excludes" : "includes",
                    excludes_zero ? "at this size the model shows a difference."
                                  : "at this size the model shows no difference either way.");
    }
}
