// Regenerates the model columns of docs/validation.md. Runs the default England simulation
// several times (one replicate per seed, every child's history kept), computes every figure of
// tests/data/sim/calibration.csv the model measures with sim::validation_rows (the call the
// report makes, so the two tables agree), pools the replicates (mean with a Student's t 95%
// interval), and prints markdown: that table, a few other denominators and traps, and the
// back-test of the number in care from 2010 and 2015.
//
//   validation_table [replicates=5] [scale=0.25] [threads=2] [outcomes]
//   (a fourth argument `outcomes` prints the outcome table only, without the back-tests)
#include "calibration_file.hpp"
#include "carepath/sim/engine.hpp"
#include "carepath/sim/outcomes.hpp"
#include "carepath/sim/published.hpp"
#include "carepath/sim/stats.hpp"
#include "carepath/sim/validation.hpp"

#include <array>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <iostream>
#include <map>
#include <string>
#include <vector>

using namespace carepath;
using namespace carepath::sim;

namespace {

constexpr int measure_year = 2022; // year measures: 3 years after the 2019 stock date
constexpr int years_run = 12;      // years ending 2020 ... 2031
const date run_end = march_31(2019 + years_run) + days{1};

// Figures with no published row of their own, printed under the table for docs/validation.md:
// other denominators and the definitional traps. The published figures themselves come from
// sim::validation_rows (sim/validation.hpp), the same call the report makes.
struct extra_line {
    std::string measure;
    std::function<std::optional<double>(std::span<const care_history>)> f;
};

// Children in care on 31 March `y` with 1 or more social worker changes in the year to then.
share one_plus_worker_changes(std::span<const care_history> hs, int y) {
    share s;
    for (const auto& h : hs) {
        if (!h.in_care_on(march_31(y)))
            continue;
        ++s.of;
        s.count += social_worker_changes(h, year_ending_march(y)) >= 1;
    }
    return s;
}
std::optional<double> mean_worker_changes(std::span<const care_history> hs, int y) {
    const interval year{march_31(y - 1) + days{1}, march_31(y) + days{1}};
    double n = 0, total = 0;
    for (const auto& h : hs)
        if (h.in_care_on(march_31(y))) {
            ++n;
            total += static_cast<double>(social_worker_changes(h, year));
        }
    return n > 0 ? std::optional<double>{total / n} : std::nullopt;
}

std::vector<extra_line> extra_lines() {
    const date snap = march_31(measure_year);
    const interval five_cohorts{march_31(2019) + days{1}, march_31(2025) + days{1}};
    static const std::array home_or_relative{exit_route::return_home,
                                             exit_route::lives_with_relative};
    static std::vector<exit_route> any;
    if (any.empty())
        for (auto r : all_values<exit_route>())
            any.push_back(r);
    auto stays = [=](std::span<const care_history> hs, stay_end rule) {
        return foster_stays_continuing(hs, interval{march_31(2019) + days{1}, march_31(2025)}, 2,
                                       run_end, rule);
    };
    auto pct = [](const share& s) { return s.percent(); };
    using H = std::span<const care_history>;
    return {
        {"(other denominator) children with a sibling in care apart from at least one, 31 March "
         "2022",
         [=](H hs) { return pct(siblings_on(hs, snap).children_apart_from_any); }},
        {"kinship foster stays still with the same carer after 2 years (%)",
         [=](H hs) { return pct(stays(hs, stay_end::carer_changes).kinship_continuing); }},
        {"unrelated foster stays still with the same carer after 2 years (%)",
         [=](H hs) { return pct(stays(hs, stay_end::carer_changes).unrelated_continuing); }},
        {"(trap) kinship stays, any exit counted as an ending (%)",
         [=](H hs) { return pct(stays(hs, stay_end::any_exit).kinship_continuing); }},
        {"(other definition) returned home or to relatives (E4, E13), back within 5 years",
         [=](H hs) -> std::optional<double> {
             const auto s = reentry_within(hs, home_or_relative, five_cohorts, 5, run_end);
             return s ? s->percent() : std::nullopt;
         }},
        {"(other figure) children in care on 31 March 2022 with 1+ social worker changes in the "
         "year",
         [=](H hs) { return pct(one_plus_worker_changes(hs, measure_year)); }},
        {"(other figure) social worker changes in the year per child in care on 31 March 2022",
         [=](H hs) { return mean_worker_changes(hs, measure_year); }},
        {"(trap) re-entry within 5 years with all leavers as the denominator",
         [=](H hs) -> std::optional<double> {
             const auto s = reentry_within(hs, any, five_cohorts, 5, run_end);
             return s ? s->percent() : std::nullopt;
         }},
    };
}

std::string num(std::optional<double> v, int prec = 1) {
    if (!v)
        return "n/a";
    char b[32];
    std::snprintf(b, sizeof b, "%.*f", prec, *v);
    return b;
}

std::string estimate_cell(const estimate& e) {
    std::string out = num(e.mean, 2);
    if (e.interval)
        out += " [" + num(e.interval->low, 2) + ", " + num(e.interval->high, 2) + "]";
    return out + ", n=" + std::to_string(e.count);
}

void outcome_table(const published_figures& pub, std::uint32_t replicates, double scale,
                   unsigned threads) {
    const auto extras = extra_lines();
    std::vector<std::vector<double>> extra_values(extras.size());
    std::vector<std::vector<validation_row>> per_replicate;
    for (std::uint32_t r = 0; r < replicates; ++r) {
        sim_config cfg;
        cfg.seed = 20200331 + r;
        cfg.scale = scale;
        cfg.years = years_run;
        cfg.threads = threads;
        cfg.keep_histories = 50'000'000; // every child
        const auto run = simulate(cfg);
        std::cerr << "replicate " << r + 1 << ": " << run.histories.size() << " of "
                  << run.first_replicate_children << " histories, " << run.refused_events
                  << " refused events\n";
        // one replicate at a time: every replicate's histories at once would not fit
        per_replicate.push_back(validation_rows(pub, run));
        for (std::size_t i = 0; i < extras.size(); ++i)
            if (auto v = extras[i].f(run.histories))
                extra_values[i].push_back(*v);
        if (r != 0)
            continue;
        std::cout << "\nStock on 31 March by year, default run (replicate 1):\n\n| year "
                     "| in care | starts | of which re-entries | ceased |\n|---|---|---|---|---|\n";
        for (const auto& yy : run.mean.years) {
            // re-entries: periods of care that began by re-entry in the year
            std::size_t back = 0;
            const auto window = year_ending_march(yy.year);
            for (const auto& h : run.histories)
                for (const auto& p : h.periods())
                    back += p.reentry && window.contains(p.period.start());
            std::cout << "| " << yy.year << " | " << num(yy.in_care, 0) << " | "
                      << num(yy.entries, 0) << " | " << num(static_cast<double>(back) / scale, 0)
                      << " | " << num(yy.exits, 0) << " |\n";
        }
    }
    std::cout << "\n| id | role | published | model (mean, 95% t interval, n) | gap | tolerance "
                 "| within | model definition |\n|---|---|---|---|---|---|---|---|\n";
    for (const auto& row : pool_replicates(per_replicate)) {
        const std::string model =
            row.model.mean ? estimate_cell(row.model) : "not computed: " + row.not_computed;
        std::cout << "| " << row.id << " | " << to_string(row.role) << " | "
                  << num(row.published, row.published == std::round(row.published) ? 0 : 1) << " "
                  << row.unit << " | " << model << " | "
                  << (row.gap ? num(row.gap, 1) : std::string{"-"}) << " | " << row.tolerance.words
                  << " | "
                  << (row.within       ? (*row.within ? "yes" : "**no**")
                      : row.model.mean ? "not scored"
                                       : "-")
                  << " | " << row.definition << " |\n";
    }
    std::cout << "\nAlso computed (no published row of their own):\n\n| model (mean, 95% t "
                 "interval, n) | definition |\n|---|---|\n";
    for (std::size_t i = 0; i < extras.size(); ++i)
        std::cout << "| " << estimate_cell(estimate_mean(extra_values[i])) << " | "
                  << extras[i].measure << " |\n";
}

// The share of published starts that are first entries, from the fit: the engine's entries
// are first entries, fitted so that with the simulated re-entries they give cla_starts_2020.
double first_entry_share(const published_figures& pub, const calibration& cal) {
    return cal.entries_per_year.value / pub.find("cla_starts_2020")->value;
}

// First entries per year from published starts (target rows only: the validation rows are
// what the back-test is judged against): known years as published times the first-entry
// share, others interpolated.
population_projection starts_projection(const published_figures& pub, const calibration& cal,
                                        int first, int last) {
    std::map<int, double> known;
    const double first_share = first_entry_share(pub, cal);
    for (int y = 2009; y <= 2021; ++y)
        for (const std::string& id :
             {"cla_starts_" + std::to_string(y), "cla_starts_" + std::to_string(y) + "_peak"})
            if (const auto* p = pub.find(id); p && p->role == figure_role::target)
                known[y] = p->value * first_share;
    population_projection pr;
    pr.first_year = first;
    pr.entry_rate_per_10k.fill(10000);
    for (int y = first; y <= last; ++y) {
        double v;
        if (known.count(y))
            v = known[y];
        else {
            auto hi = known.upper_bound(y);
            auto lo = std::prev(hi);
            v = hi == known.end() ? lo->second
                                  : lo->second
                                        + (hi->second - lo->second) * (y - lo->first)
                                              / double(hi->first - lo->first);
        }
        std::array<double, band_count> c{};
        for (std::size_t b = 0; b < band_count; ++b)
            c[b] = v * cal.entry_age.values[b];
        pr.children.push_back(c);
    }
    return pr;
}

void back_test(const published_figures& pub, int from, const std::string& stock_id,
               bool published_starts, std::uint32_t replicates, unsigned threads) {
    sim_config cfg;
    cfg.start = march_31(from);
    cfg.years = 2020 - from;
    cfg.replicates = replicates;
    cfg.threads = threads;
    cfg.params.stock_count.value = pub.find(stock_id)->value;
    // children who left before the start date: the 2020 exit levels scaled by the stock
    // (the earlier years' ceased counts are validation rows)
    const double level = cfg.params.stock_count.value / pub.find("cla_count_2020")->value;
    cfg.params.after_care_ceased.value *= level;
    cfg.params.after_care_sgo.value *= level;
    cfg.params.after_care_adoptions.value *= level;
    if (published_starts)
        cfg.projection = starts_projection(pub, cfg.params, from + 1, 2020);
    else
        cfg.params.entries_per_year.value = pub.find("cla_starts_" + std::to_string(from))->value
                                            * first_entry_share(pub, cfg.params);
    const auto run = simulate(cfg);
    std::cout
        << "\nBack-test from 31 March " << from << " (stock " << stock_id << " = "
        << num(cfg.params.stock_count.value, 0) << "; entries "
        << (published_starts ? "= published starts each year, interpolated where not found"
                             : "held at the " + std::to_string(from) + " published starts")
        << "; " << replicates << " replicates, full England)\n\n"
        << "| year | in care: model | published | error | starts: model | published | error | "
           "ceased: model | published | error |\n|---|---|---|---|---|---|---|---|---|---|\n";
    for (const auto& y : run.mean.years) {
        auto cell = [&](double model, const std::string& id) {
            const auto* p = pub.find(id);
            if (!p)
                return num(model, 0) + " | - | -";
            return num(model, 0) + " | " + num(p->value, 0) + " | "
                   + num(100 * (model - p->value) / p->value, 1) + "%";
        };
        const auto ys = std::to_string(y.year);
        std::string stock_id_y = "cla_count_" + ys;
        if (y.year == 2010)
            stock_id_y = "cla_count_2010";
        std::string starts_id =
            pub.find("cla_starts_" + ys) ? "cla_starts_" + ys : "cla_starts_" + ys + "_peak";
        std::cout << "| " << y.year << " | " << cell(y.in_care, stock_id_y) << " | "
                  << cell(y.entries, starts_id) << " | " << cell(y.exits, "cla_ceased_" + ys)
                  << " |\n";
    }
}

} // namespace

int main(int argc, char** argv) {
    const std::uint32_t replicates = argc > 1 ? static_cast<std::uint32_t>(std::atoi(argv[1])) : 5;
    const double scale = argc > 2 ? std::atof(argv[2]) : 0.25;
    const unsigned threads = argc > 3 ? static_cast<unsigned>(std::atoi(argv[3])) : 2;
    const auto pub = read_calibration_file();
    if (!pub)
        return 1;
    std::cout << "# validation_table: " << replicates << " replicates at scale " << scale << '\n';
    outcome_table(*pub, replicates, scale, threads);
    if (argc > 4 && std::string{argv[4]} == "outcomes")
        return 0;
    back_test(*pub, 2010, "cla_count_2010", false, 3, threads);
    back_test(*pub, 2010, "cla_count_2010", true, 3, threads);
    back_test(*pub, 2015, "cla_count_2015", true, 3, threads);
    return 0;
}
