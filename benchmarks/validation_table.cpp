// Regenerates the model columns of docs/validation.md. Runs the default England simulation
// several times (one replicate per seed, every child's history kept), computes each validation
// figure of tests/data/sim/calibration.csv under its published definition with
// carepath/sim/outcomes.hpp, and prints markdown: the outcome table (mean over replicates with a
// Student's t 95% interval) and the back-test of the number in care from 2010 and 2015.
//
//   validation_table [replicates=5] [scale=0.25] [threads=2]
#include "carepath/sim/engine.hpp"
#include "carepath/sim/outcomes.hpp"
#include "carepath/sim/published.hpp"
#include "carepath/sim/stats.hpp"

#include <array>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <functional>
#include <iostream>
#include <map>
#include <string>
#include <vector>

using namespace carepath;
using namespace carepath::sim;

namespace {

constexpr int measure_year = 2022; // year measures: 3 years after the 2019 stock date
constexpr int run_years = 12;      // years ending 2020 ... 2031
const date run_end = march_31(2019 + run_years) + days{1};

struct line {
    std::string id;      // calibration.csv row ("" for a figure with no published row)
    std::string measure; // the model's definition
    std::function<std::optional<double>(std::span<const care_history>, double scale)> f;
};

std::optional<double> pct(const share& s) {
    return s.percent();
}

share two_year_school(std::span<const care_history> hs, int y) {
    // in care on 31 March for 2 years, at school then: one or more mid-year moves in 2 years
    share s;
    const date on = march_31(y);
    const interval two{march_31(y - 2) + days{1}, on + days{1}};
    for (const auto& h : hs) {
        const auto it = std::ranges::find_if(
            h.periods(), [&](const care_period& p) { return p.period.contains(on); });
        if (it == h.periods().end() || it->period.start() > two.start())
            continue;
        const bool in_school = std::ranges::any_of(h.relationships(), [&](const auto& r) {
            return r.kind() == kinds::teacher && r.active_on(on);
        });
        if (!in_school)
            continue;
        ++s.of;
        s.count += midyear_school_moves(h, two) > 0;
    }
    return s;
}
share no_change_two_years(std::span<const care_history> hs, int y) {
    share s;
    const date on = march_31(y);
    const interval two{march_31(y - 2) + days{1}, on + days{1}};
    for (const auto& h : hs) {
        if (!h.in_care_on(on) || !h.in_care_on(march_31(y - 1)))
            continue;
        ++s.of;
        s.count += h.moves_between(two.start(), *two.end()) == 0
                   && midyear_school_moves(h, two) == 0 && social_worker_changes(h, two) == 0;
    }
    return s;
}

std::vector<line> lines() {
    const int y = measure_year;
    const date snap = march_31(y);
    const interval entry_year = year_ending_march(y);
    const interval five_cohorts{march_31(2019) + days{1}, march_31(2025) + days{1}};
    const interval all_cohorts{march_31(2019) + days{1}, run_end};
    static const std::array home{exit_route::return_home};
    static const std::array home_or_relative{exit_route::return_home,
                                             exit_route::lives_with_relative};
    static const std::array sgo{exit_route::special_guardianship};
    static const std::array cao{exit_route::child_arrangements_order};
    static const std::array adopted{exit_route::adoption};
    static std::vector<exit_route> any;
    if (any.empty())
        for (auto r : all_values<exit_route>())
            any.push_back(r);
    auto stays = [=](std::span<const care_history> hs, stay_end rule) {
        return foster_stays_continuing(hs, interval{march_31(2019) + days{1}, march_31(2025)}, 2,
                                       run_end, rule);
    };
    using H = std::span<const care_history>;
    return {
        {"sib_children_with_none_frg_2014",
         "children in care with a sibling in care, living with none of them, 31 March 2022",
         [=](H hs, double) { return pct(siblings_on(hs, snap).children_with_none); }},
        {"", "(other denominator) the same children, apart from at least one sibling",
         [=](H hs, double) { return pct(siblings_on(hs, snap).children_apart_from_any); }},
        {"sib_groups_apart_frg_2014",
         "sibling groups in care not all with one carer, 31 March 2022",
         [=](H hs, double) { return pct(siblings_on(hs, snap).groups_not_all_together); }},
        {"sib_sep_children_initial_2023",
         "children entering with a sibling (same day) apart from one in the first placement, "
         "entries 2021/22",
         [=](H hs, double) {
             return pct(siblings_at_entry(hs, entry_year).children_apart_from_any);
         }},
        {"sib_sep_groups_initial_2023",
         "sibling groups entering together not all in one first placement, entries 2021/22",
         [=](H hs, double) {
             return pct(siblings_at_entry(hs, entry_year).groups_not_all_together);
         }},
        {"siblings_apart_count",
         "children in care apart from at least one sibling in care, 31 March 2020 (count)",
         [=](H hs, double scale) {
             return static_cast<double>(
                        siblings_on(hs, march_31(2020)).children_apart_from_any.count)
                    / scale;
         }},
        {"placements_one_share_2020",
         "children in care on 31 March 2020 with 1 placement in the year",
         [=](H hs, double) { return pct(placement_stability_in(hs, 2020).one_placement); }},
        {"placements_3plus_share_2020",
         "(target, fitted) ... with 3 or more placements in the year",
         [=](H hs, double) { return pct(placement_stability_in(hs, 2020).three_plus_placements); }},
        {"placements_2plus_moves_cco_2017",
         "children in care on 31 March 2022 with 2+ moves of home in the year",
         [=](H hs, double) { return pct(placement_stability_in(hs, y).two_plus_moves); }},
        {"long_term_stability_share_2024",
         "under 16, in care 2.5 years+, same carer 2 years+, 31 March 2022",
         [=](H hs, double) { return pct(long_term_stability(hs, y)); }},
        {"placements_3plus_2yr_share_2024",
         "in care 2 years on 31 March 2022, 3+ placements in the 2 years",
         [=](H hs, double) { return pct(three_plus_over_two_years(hs, y)); }},
        {"midyear_school_move_cco_2017",
         "in care and at school on 31 March 2022, a mid-year school move in the year",
         [=](H hs, double) { return pct(stability_index_in(hs, y).midyear_school_move); }},
        {"midyear_school_move_2yr_share_2024",
         "in care 2 years and at school on 31 March 2022, a mid-year move in the 2 years",
         [=](H hs, double) { return pct(two_year_school(hs, y)); }},
        {"sw_changes_2plus_cco_2017",
         "in care on 31 March 2022, 2+ social worker changes in the year",
         [=](H hs, double) { return pct(stability_index_in(hs, y).two_plus_sw_changes); }},
        {"no_change_any_1yr_cco_2017",
         "in care on 31 March 2022, no move of home, mid-year school move or worker change in the "
         "year",
         [=](H hs, double) { return pct(stability_index_in(hs, y).no_change_of_any); }},
        {"no_change_any_2yr_cco_2017",
         "in care on 31 March 2021 and 2022, none of the three in the 2 years",
         [=](H hs, double) { return pct(no_change_two_years(hs, y)); }},
        {"kin_placements_last_longer_farmer_2009",
         "ratio: kinship / unrelated foster stays still with the same carer after 2 years (stays "
         "begun 2019/20-2024/25; SGO/CAO with the same carer continue)",
         [=](H hs, double) -> std::optional<double> {
             const auto s = stays(hs, stay_end::carer_changes);
             const auto k = s.kinship_continuing.percent(), u = s.unrelated_continuing.percent();
             if (!k || !u || *u == 0)
                 return std::nullopt;
             return *k / *u;
         }},
        {"", "kinship foster stays still with the same carer after 2 years (%)",
         [=](H hs, double) { return pct(stays(hs, stay_end::carer_changes).kinship_continuing); }},
        {"", "unrelated foster stays still with the same carer after 2 years (%)",
         [=](H hs, double) {
             return pct(stays(hs, stay_end::carer_changes).unrelated_continuing);
         }},
        {"", "(trap) kinship stays, any exit counted as an ending (%)",
         [=](H hs, double) { return pct(stays(hs, stay_end::any_exit).kinship_continuing); }},
        {"reentry_5yr_after_return_home_2007",
         "children who returned home (E4A/E4B) in 2019/20-2024/25, back in care within 5 years",
         [=](H hs, double) -> std::optional<double> {
             const auto s = reentry_within(hs, home, five_cohorts, 5, run_end);
             return s ? s->percent() : std::nullopt;
         }},
        {"", "(other definition) returned home or to relatives (E4, E13)",
         [=](H hs, double) -> std::optional<double> {
             const auto s = reentry_within(hs, home_or_relative, five_cohorts, 5, run_end);
             return s ? s->percent() : std::nullopt;
         }},
        {"", "(trap) all leavers as the denominator",
         [=](H hs, double) -> std::optional<double> {
             const auto s = reentry_within(hs, any, five_cohorts, 5, run_end);
             return s ? s->percent() : std::nullopt;
         }},
        {"sgo_disruption_5yr_2014",
         "left care on an SGO 2019/20-2030/31, back in care within 5 years (Kaplan-Meier, censored "
         "at 18)",
         [=](H hs, double) { return reentry_cumulative(hs, sgo, all_cohorts, 5, run_end); }},
        {"residence_order_disruption_5yr_2014",
         "left care on a CAO, back within 5 years (Kaplan-Meier)",
         [=](H hs, double) { return reentry_cumulative(hs, cao, all_cohorts, 5, run_end); }},
        {"adoption_disruption_5yr_2014", "adopted, back in care within 5 years (Kaplan-Meier)",
         [=](H hs, double) { return reentry_cumulative(hs, adopted, all_cohorts, 5, run_end); }},
        {"adoption_disruption_12yr_2014",
         "adopted, back in care within 12 years (Kaplan-Meier; run gives at most 12 years)",
         [=](H hs, double) { return reentry_cumulative(hs, adopted, all_cohorts, 12, run_end); }},
    };
}

// Within the figure's tolerance: worded ratios ("1 in 10") 5 points; shares under 10% within
// 25% of the figure (rare events); other shares within the larger of 2 points and 10%; counts
// 5%; a lower bound must be reached.
bool within(const published_figure& p, double model) {
    if (p.unit == "ratio")
        return model >= p.value;
    if (p.id == "siblings_apart_count")
        return model >= p.value * 0.95;
    if (p.unit == "percent") {
        const double tol = p.note.find("worded") != std::string::npos ? 5.0
                           : p.value < 10                             ? 0.25 * p.value
                                          : std::max(2.0, 0.1 * p.value);
        return std::abs(model - p.value) <= tol;
    }
    return std::abs(model - p.value) <= 0.05 * p.value;
}

std::string num(std::optional<double> v, int prec = 1) {
    if (!v)
        return "n/a";
    char b[32];
    std::snprintf(b, sizeof b, "%.*f", prec, *v);
    return b;
}

void outcome_table(const published_figures& pub, std::uint32_t replicates, double scale,
                   unsigned threads) {
    const auto ls = lines();
    std::vector<std::vector<double>> values(ls.size());
    std::vector<double> stock_growth;
    for (std::uint32_t r = 0; r < replicates; ++r) {
        sim_config cfg;
        cfg.seed = 20200331 + r;
        cfg.scale = scale;
        cfg.years = run_years;
        cfg.threads = threads;
        cfg.keep_histories = 50'000'000; // every child
        const auto run = simulate(cfg);
        std::cerr << "replicate " << r + 1 << ": " << run.histories.size() << " histories, "
                  << run.refused_events << " refused events\n";
        for (std::size_t i = 0; i < ls.size(); ++i)
            if (auto v = ls[i].f(run.histories, scale))
                values[i].push_back(*v);
        const auto& ys = run.mean.years;
        std::cout
            << (r == 0
                    ? "\nStock on 31 March by year, default run (replicate 1):\n\n| year "
                      "| in care | starts | of which re-entries | ceased |\n|---|---|---|---|---|\n"
                    : "");
        if (r == 0)
            for (const auto& yy : ys) {
                // re-entries: periods of care that began by re-entry in the year
                std::size_t back = 0;
                const auto window = year_ending_march(yy.year);
                for (const auto& h : run.histories)
                    for (const auto& p : h.periods())
                        back += p.reentry && window.contains(p.period.start());
                std::cout << "| " << yy.year << " | " << num(yy.in_care, 0) << " | "
                          << num(yy.entries, 0) << " | "
                          << num(static_cast<double>(back) / scale, 0) << " | " << num(yy.exits, 0)
                          << " |\n";
            }
    }
    std::cout << "\n| id | role | published | model (mean, 95% t interval, n) | within tolerance | "
                 "model definition |\n|---|---|---|---|---|---|\n";
    for (std::size_t i = 0; i < ls.size(); ++i) {
        const auto e = estimate_mean(values[i]);
        std::string model = num(e.mean, 2);
        if (e.interval)
            model += " [" + num(e.interval->low, 2) + ", " + num(e.interval->high, 2) + "]";
        model += ", n=" + std::to_string(e.count);
        const auto* p = ls[i].id.empty() ? nullptr : pub.find(ls[i].id);
        std::cout << "| " << (p ? p->id : std::string{"-"}) << " | "
                  << (p ? std::string{to_string(p->role)} : std::string{"-"}) << " | "
                  << (p ? num(p->value, p->value < 10 ? 1 : 0) + " " + p->unit : std::string{"-"})
                  << " | " << model << " | "
                  << (p && e.mean ? (within(*p, *e.mean) ? "yes" : "**no**") : "-") << " | "
                  << ls[i].measure << " |\n";
    }
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
    const std::string path = std::string{CAREPATH_SOURCE_DIR} + "/tests/data/sim/calibration.csv";
    std::ifstream in{path};
    auto pub = published_figures::read(in, path);
    if (!pub) {
        std::cerr << pub.error() << '\n';
        return 1;
    }
    std::cout << "# validation_table: " << replicates << " replicates at scale " << scale << '\n';
    outcome_table(*pub, replicates, scale, threads);
    back_test(*pub, 2010, "cla_count_2010", false, 3, threads);
    back_test(*pub, 2010, "cla_count_2010", true, 3, threads);
    back_test(*pub, 2015, "cla_count_2015", true, 3, threads);
    return 0;
}
