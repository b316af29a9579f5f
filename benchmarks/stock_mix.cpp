// The number in care and the mix of the stock year by year, for docs/validation.md ("the number
// in care over the years"): a stock whose mix is not the one its hazards keep up re-settles in
// the first years, and this shows where (single-year ages, time in the current period of care,
// legal status, leavers aged 17 on their last day in care).
//
//   stock_mix [scale=0.1] [years=8] [burn_in_years=5] [seed=20200331]
//   (burn_in_years 0 starts from the drawn stock)
#include "carepath/sim/engine.hpp"
#include "carepath/sim/outcomes.hpp"

#include <algorithm>
#include <array>
#include <cstdio>
#include <cstdlib>

using namespace carepath;
using namespace carepath::sim;

int main(int argc, char** argv) {
    sim_config cfg;
    cfg.scale = argc > 1 ? std::atof(argv[1]) : 0.1;
    cfg.years = argc > 2 ? std::atoi(argv[2]) : 8;
    cfg.burn_in_years = argc > 3 ? std::atoi(argv[3]) : 5;
    cfg.seed = argc > 4 ? std::strtoull(argv[4], nullptr, 10) : 20200331;
    cfg.threads = 2;
    cfg.keep_histories = 50'000'000; // every child
    const auto r = simulate(cfg);
    std::printf("# stock_mix: scale %g, %d years, burn-in %d years, seed %llu\n\n", cfg.scale,
                cfg.years, cfg.burn_in_years, static_cast<unsigned long long>(cfg.seed));
    std::printf("| year | in care | starts | ceased | under 1 | 1-4 | 5-9 | 10-15 | 16+ |\n"
                "|---|---|---|---|---|---|---|---|---|\n");
    for (const auto& y : r.mean.years) {
        std::printf("| %d | %.0f | %.0f | %.0f |", y.year, y.in_care, y.entries, y.exits);
        for (double a : y.stock_by_age)
            std::printf(" %.1f |", 100 * a / y.in_care);
        std::printf("\n");
    }
    // from the histories: the stock on 31 March of the stock year and later ones
    const int first = year_of(cfg.start);
    std::array<int, 6> years{first, first + 1, first + 2, first + 3, first + 5, first + 8};
    std::array<std::array<double, 18>, 6> ages{};
    std::array<std::array<double, 6>, 6> in_period{}; // <0.5, 0.5-1, 1-2, 2-3, 3-5, 5+ years
    std::array<std::array<double, 4>, 6> legal{};     // s20, interim, care order, placement order
    std::array<double, 6> n{};
    for (std::size_t k = 0; k < years.size(); ++k) {
        const date on = march_31(years[k]);
        for (const auto& h : r.histories) {
            if (!h.in_care_on(on))
                continue;
            n[k] += 1;
            ages[k][static_cast<std::size_t>(std::clamp(h.subject().age_on(on), 0, 17))] += 1;
            for (const auto& p : h.periods())
                if (p.period.contains(on)) {
                    const double t = static_cast<double>((on - p.period.start()).count()) / 365.25;
                    in_period[k][t < 0.5 ? 0 : t < 1 ? 1 : t < 2 ? 2 : t < 3 ? 3 : t < 5 ? 4 : 5] += 1;
                }
            switch (h.legal_status_on(on).value_or(legal_status::care_order)) {
            case legal_status::accommodated_s20:
                legal[k][0] += 1;
                break;
            case legal_status::interim_care_order:
                legal[k][1] += 1;
                break;
            case legal_status::placement_order:
                legal[k][3] += 1;
                break;
            default:
                legal[k][2] += 1;
            }
        }
    }
    auto header = [&](const char* what) {
        std::printf("\n| %s |", what);
        for (int y : years)
            std::printf(" 31 March %d |", y);
        std::printf("\n|---|---|---|---|---|---|---|\n");
    };
    auto row = [&](const char* label, auto&& value) {
        std::printf("| %s |", label);
        for (std::size_t k = 0; k < years.size(); ++k)
            std::printf(" %.1f |", n[k] > 0 ? 100 * value(k) / n[k] : 0.0);
        std::printf("\n");
    };
    header("% of the stock aged");
    for (std::size_t a = 0; a < 18; ++a) {
        char label[8];
        std::snprintf(label, sizeof label, "%zu", a);
        row(label, [&](std::size_t k) { return ages[k][a]; });
    }
    header("% in this period of care");
    const std::array<const char*, 6> spans{"< 6 months", "6-12 months", "1-2 years",
                                           "2-3 years",  "3-5 years",   "5+ years"};
    for (std::size_t b = 0; b < spans.size(); ++b)
        row(spans[b], [&](std::size_t k) { return in_period[k][b]; });
    header("% by legal status");
    const std::array<const char*, 4> groups{"s20", "interim care order", "care order",
                                            "placement order"};
    for (std::size_t g = 0; g < groups.size(); ++g)
        row(groups[g], [&](std::size_t k) { return legal[k][g]; });
    // leavers by age on their last day in care (17 includes those leaving at 18)
    std::printf("\n| year ending 31 March | leavers aged under 16 | 16 | 17 |\n|---|---|---|---|\n");
    for (int y = first + 1; y <= first + cfg.years; ++y) {
        const auto window = year_ending_march(y);
        std::array<double, 3> c{};
        for (const auto& h : r.histories)
            for (const auto& p : h.periods()) {
                if (!p.exit || !p.period.end())
                    continue;
                const date last = *p.period.end() - days{1};
                if (!window.contains(last))
                    continue;
                const int a = h.subject().age_on(last);
                c[a < 16 ? 0 : a == 16 ? 1 : 2] += 1;
            }
        std::printf("| %d | %.0f | %.0f | %.0f |\n", y, c[0] / cfg.scale, c[1] / cfg.scale,
                    c[2] / cfg.scale);
    }
    return 0;
}
