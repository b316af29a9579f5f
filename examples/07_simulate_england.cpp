// 07: simulating England's children in care.
// You will learn how to run carepath's microsimulation from the synthetic England of 31 March
// 2019, read the yearly figures it reports, set its first year beside the published statistics
// it was calibrated to, and look at one simulated child's care history.
#include <carepath/sim.hpp>

#include <cstdio>
#include <iostream>

namespace sim = carepath::sim;
using sim::figure_key;

namespace {
double pct(const sim::year_summary& y, figure_key k) {
    return y.figs[k].value_or(0);
}
} // namespace

int main() {
    sim::sim_config cfg;
    cfg.scale = 0.5;        // half of England: fast, and counts are scaled back up
    cfg.years = 2;          // the years ending 31 March 2020 and 2021
    cfg.keep_histories = 1; // keep one child's full care history
    const auto run = sim::simulate(cfg);

    std::printf("We simulated half of England's children in care from 31 March 2019,\n"
                "with their families, carers and social workers, and scaled the counts up.\n\n");
    for (const auto& y : run.mean.years) {
        std::printf("In the year to 31 March %d, %.0f children started to be looked after and "
                    "%.0f left care.\n",
                    y.year, y.entries, y.exits);
        std::printf("  On 31 March %d, %.0f children were in care: %.0f%% in foster care (%.0f%% "
                    "with relatives or friends),\n  %.0f%% in children's homes and %.0f%% placed "
                    "with their parents, who are still in care.\n",
                    y.year, y.in_care, pct(y, figure_key::foster_share),
                    pct(y, figure_key::kinship_foster_share),
                    pct(y, figure_key::childrens_home_share),
                    pct(y, figure_key::placed_with_parents_share));
        std::printf("  Of those who left, %.0f%% went home, %.0f%% were adopted, %.0f%% left on a "
                    "special guardianship order\n  and %.0f%% left at 18.\n",
                    pct(y, figure_key::exit_return_home_share),
                    pct(y, figure_key::exit_adoption_share), pct(y, figure_key::exit_sgo_share),
                    pct(y, figure_key::exit_age18_share));
        std::printf("  A move kept %.0f%% of a child's ties on average; %.0f%% of children with a "
                    "brother or sister in care\n  lived apart from at least one.\n\n",
                    pct(y, figure_key::continuity_index_mean),
                    pct(y, figure_key::siblings_apart_share));
    }

    std::printf("How the first year compares with the published figures (\"input/fitted\" ones\n"
                "were used to set the model, so they are not evidence that it is right):\n");
    sim::write_calibration_report(std::cout, run);

    const auto& h = run.histories.front();
    std::printf("\nOne simulated child, born %s:\n",
                carepath::format_uk(h.subject().birth_date).c_str());
    std::cout << carepath::summarise(h, cfg.start + carepath::days{365 * 2});
}
