#include "carepath/sim/engine.hpp"
#include "carepath/sim/outcomes.hpp"

#include "carepath/graph/continuity.hpp"

#include "support/hand_runs.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <map>
#include <sstream>
#include <stdexcept>
#include <thread>
#include <tuple>
#include <vector>

using namespace carepath::sim;
using carepath::date;

namespace {
sim_config small(int years = 2) {
    sim_config c;
    c.scale = 0.05;
    c.years = years;
    return c;
}
std::string json_of(const run_result& r) {
    std::ostringstream os;
    write_json(os, r);
    write_csv(os, r);
    return os.str();
}
double fig(const run_result& r, figure_key k) {
    return r.mean.years.back().figs[k].value();
}
} // namespace

TEST_CASE("engine: the same seed gives the same bytes at 1 and 2 threads", "[sim][engine]") {
    auto cfg = small(3);
    cfg.replicates = 2;
    cfg.threads = 1;
    const auto one = json_of(simulate(cfg));
    cfg.threads = 2;
    const auto two = json_of(simulate(cfg));
    CHECK(one == two);
    cfg.seed += 1;
    CHECK(json_of(simulate(cfg)) != one);
}

TEST_CASE("engine: a default England run is within 2 points or 5% of each published figure",
          "[sim][engine][calibration]") {
    sim_config cfg; // all of England, 2019 stock, the year ending 31 March 2020
    cfg.threads = 2;
    const auto r = simulate(cfg);
    std::ostringstream report;
    write_calibration_report(report, r);
    INFO(report.str());
    std::size_t scored = 0;
    for (const auto& c : check_calibration(r)) {
        if (c.published.conflicting)
            continue;
        CAPTURE(c.published.id, c.simulated);
        REQUIRE(c.simulated.has_value());
        CHECK(c.within);
        ++scored;
    }
    CHECK(scored >= 20);
}

TEST_CASE("engine: counts add up within each year", "[sim][engine]") {
    const auto r = simulate(small(2));
    for (const auto& y : r.mean.years) {
        double homes = 0, legal = 0, ages = 0, routes = 0, moves = 0;
        for (double v : y.stock_by_home)
            homes += v;
        for (double v : y.stock_by_legal)
            legal += v;
        for (double v : y.stock_by_age)
            ages += v;
        for (double v : y.exits_by_route)
            routes += v;
        for (double v : y.children_by_moves)
            moves += v;
        CHECK(homes == Approx(y.in_care));
        CHECK(legal == Approx(y.in_care));
        CHECK(ages == Approx(y.in_care));
        CHECK(moves == Approx(y.in_care));
        CHECK(routes == Approx(y.exits));
        CHECK(y.entries_with_siblings <= y.entries);
        CHECK(y.siblings_apart <= y.with_sibling_in_care);
    }
    CHECK(r.mean.years.size() == 2);
    CHECK(r.mean.years[0].year == 2020);
    CHECK(r.mean.years[1].snapshot == date{std::chrono::year{2021} / std::chrono::March / 31});
}

TEST_CASE("engine: kept children have care histories the core accepts", "[sim][engine]") {
    auto cfg = small(3);
    cfg.keep_histories = 400;
    scenario s;
    s.keep_last_placement_open = true;
    const auto r = simulate(cfg, s);
    // whole authorities: about 97 children each at this scale, so 4 fit in 400
    CHECK(r.history_authorities == 4);
    CHECK(r.histories.size() == r.history_children);
    CHECK(r.history_children < r.first_replicate_children);
    CHECK(r.refused_events == 0);
    std::size_t moves = 0, same_carer_changes = 0, ended = 0;
    for (const auto& h : r.histories) {
        CHECK_FALSE(h.periods().empty());
        for (const auto& t : h.transitions())
            (t.is_move ? moves : same_carer_changes) += 1;
        for (const auto& rel : h.relationships())
            for (const auto& e : rel.endings()) {
                ++ended;
                CHECK(e.reason != carepath::end_reason::not_known); // every ending has a reason
            }
    }
    CHECK(moves > 0);
    CHECK(same_carer_changes > 0); // long-term agreements, fostering to adoption: not moves
    CHECK(ended > 0);
}

TEST_CASE("engine: the drawn stock is the published count at the run's scale", "[sim][engine]") {
    // a hundredth of England in 152 authorities: 781 children, where rounding each
    // authority's 5.14 gave 760; every history kept, no burn-in, so the stock's children are
    // those whose care began before the stock date
    sim_config cfg;
    cfg.scale = 0.01;
    cfg.years = 1;
    cfg.burn_in_years = 0;
    cfg.keep_histories = 100'000;
    const auto r = simulate(cfg);
    REQUIRE(r.history_authorities == cfg.authorities);
    std::size_t stock = 0;
    for (const auto& h : r.histories)
        stock += h.periods().front().period.start() < cfg.start;
    CHECK(static_cast<long>(stock) == std::lround(cfg.params.stock_count.value * cfg.scale));
}

TEST_CASE("engine: placements in the year count every period of care in the year",
          "[sim][engine]") {
    // Each child in care on 31 March is counted by its placements in the year ending then,
    // read back from its kept history: in each period of care that overlaps the year, the
    // placement it was in on the year's first day in care, and one more for each move (a
    // change of carer) after that day. A child back in care in the year it left keeps the
    // earlier period's placements (re-entry used to start the count again).
    auto cfg = small(3);
    cfg.keep_histories = 1'000'000; // every authority whole
    const auto r = simulate(cfg);
    REQUIRE(r.history_authorities == cfg.authorities);
    std::size_t reentered_in_year = 0, moved_on_1_april = 0;
    for (const auto& y : r.mean.years) {
        const date last = y.snapshot;
        const date first = last - carepath::days{364 + (y.year % 4 == 0)}; // 1 April
        std::array<double, 4> by_moves{};
        for (const auto& h : r.histories) {
            bool in_care = false;
            std::size_t placements = 0, periods = 0;
            for (const auto& p : h.periods()) {
                const date from = std::max(p.period.start(), first);
                const date to = p.period.end() ? *p.period.end() : date::max(); // not in care
                if (from > last || to <= from)
                    continue;
                ++periods;
                in_care = p.period.contains(last);
                ++placements;
                for (const auto& t : h.transitions()) // a move on 1 April leaves one home
                    placements += t.is_move && t.on > from && t.on < to && t.on <= last;
            }
            if (!in_care)
                continue;
            reentered_in_year += periods > 1;
            moved_on_1_april += h.moves_between(first, first + carepath::days{1}) > 0;
            // the history figure counts the same way
            CHECK(placements_during(h, year_ending_march(y.year)) == placements);
            by_moves[std::min<std::size_t>(placements - 1, 3)] += 1;
        }
        CAPTURE(y.year);
        for (std::size_t m = 0; m < 4; ++m) // the figures are scaled to England
            CHECK(y.children_by_moves[m] * cfg.scale == Approx(by_moves[m]));
    }
    CHECK(reentered_in_year > 0); // the cases the count is about happen in this run
    CHECK(moved_on_1_april > 0);
}

TEST_CASE("engine: a figure needing a long history is null in a short run", "[sim][engine]") {
    const auto r = simulate(small(1));
    const auto& f = r.mean.years.back().figs;
    CHECK_FALSE(f[figure_key::reentry_within_5yr_share].has_value());
    CHECK_FALSE(f[figure_key::adoption_breakdown_12yr_share].has_value());
    CHECK_FALSE(f[figure_key::kinship_foster_continuing_2yr_share].has_value());
    CHECK(f[figure_key::cla_count].has_value());
    SECTION("a warm-up period makes the two-year measures available") {
        auto cfg = small(1);
        cfg.warmup_years = 2;
        const auto w = simulate(cfg);
        CHECK(w.mean.years.size() == 1);
        CHECK(w.mean.years[0].year == 2022);
        CHECK(w.mean.years.back()
                  .figs[figure_key::unrelated_foster_continuing_2yr_share]
                  .has_value());
    }
}

TEST_CASE("engine: policies move the figures they act on", "[sim][engine]") {
    sim_config cfg;
    cfg.scale = 0.25;
    cfg.years = 2;
    const auto base = simulate(cfg);
    SECTION("halving social worker turnover lowers worker changes") {
        scenario s;
        s.sw_turnover_factor = 0.5;
        CHECK(fig(simulate(cfg, s), figure_key::sw_changes_per_child_year)
              < fig(base, figure_key::sw_changes_per_child_year));
    }
    SECTION("placing siblings together unless a reason is recorded lowers separation") {
        scenario s;
        s.siblings = sibling_policy::together_unless_reason;
        CHECK(fig(simulate(cfg, s), figure_key::siblings_apart_share)
              < fig(base, figure_key::siblings_apart_share) - 5);
    }
    SECTION("keeping the last placement open keeps more ties at a move") {
        scenario s;
        s.keep_last_placement_open = true;
        CHECK(fig(simulate(cfg, s), figure_key::continuity_index_mean)
              > fig(base, figure_key::continuity_index_mean));
    }
    SECTION("staying close to 25 leaves more people there at 25") {
        scenario s;
        s.staying_close_to_25 = true;
        CHECK(fig(simulate(cfg, s), figure_key::lifelong_links_at_25_mean)
              > fig(base, figure_key::lifelong_links_at_25_mean));
    }
    SECTION("placing more children inside the authority lowers the out-of-area share") {
        scenario s;
        s.share_inside_home_authority = 0.9;
        CHECK(fig(simulate(cfg, s), figure_key::out_of_area_share)
              < fig(base, figure_key::out_of_area_share) - 3);
    }
}

TEST_CASE("engine: a scenario starts on the stock date, from the baseline's stock",
          "[sim][engine]") {
    // the state of every child in care on day d: placement type, carer, inside or outside
    // the home authority
    using state = std::tuple<int, std::uint64_t, bool>;
    const auto states_on = [](const run_result& r, date d) {
        std::map<std::uint64_t, state> m;
        for (const auto& h : r.histories)
            if (const auto* p = h.in_care_on(d) ? h.placement_on(d) : nullptr)
                m[h.subject().id.value()] = {static_cast<int>(p->where.type),
                                             p->where.carer ? p->where.carer->value() : 0,
                                             p->where.location.inside_home_authority};
        return m;
    };
    for (const int burn_in : {5, 0}) {
        sim_config cfg = small(1);
        cfg.scale = 0.02;
        cfg.burn_in_years = burn_in;
        cfg.keep_histories = 1'000'000;
        const auto base = simulate(cfg);
        std::vector<scenario> policies(4);
        policies[0].share_inside_home_authority = 1;
        policies[1].kinship_support = true;
        policies[2].siblings = sibling_policy::together_unless_reason;
        policies[3].post_order_support = true;
        policies[3].sw_turnover_factor = 0.5;
        policies[3].carer_recruitment_factor = 2;
        for (const auto& s : policies) {
            const auto run = simulate(cfg, s);
            for (const date d : {cfg.start, cfg.start - std::chrono::days{365}}) {
                INFO("burn-in " << burn_in << ", day " << carepath::format_uk(d));
                const auto a = states_on(base, d), b = states_on(run, d);
                CHECK(a.size() > 500);
                CHECK(a == b);
            }
            CHECK(json_of(run) != json_of(base)); // and it acts after the stock date
        }
    }
}

TEST_CASE("engine: a comparison runs both with the same seed", "[sim][engine]") {
    scenario s;
    s.name = "support";
    s.kinship_support = true;
    const auto c = compare(small(1), s);
    CHECK(c.baseline.scenario_name == "baseline");
    CHECK(c.alternative.scenario_name == "support");
    CHECK(json_of(c.baseline) == json_of(simulate(small(1))));
    std::ostringstream os;
    write_csv(os, c);
    CHECK(os.str().starts_with("figure,baseline,scenario,difference,low,high,pairs\ncla_count,"));
}

TEST_CASE("engine: replicates give confidence intervals around their mean", "[sim][engine]") {
    auto cfg = small(1);
    cfg.replicates = 3;
    const auto r = simulate(cfg);
    CHECK(r.replicates.size() == 3);
    const auto& e = r.estimates[static_cast<std::size_t>(figure_key::cla_count)];
    REQUIRE(e.mean.has_value());
    CHECK(e.replicates == 3);
    CHECK(*e.low <= *e.mean);
    CHECK(*e.high >= *e.mean);
    CHECK(*e.high > *e.low); // replicates differ
    double sum = 0;
    for (const auto& rep : r.replicates)
        sum += *rep.years.back().figs[figure_key::cla_count];
    CHECK(*e.mean == Approx(sum / 3));
    CHECK(fig(r, figure_key::cla_count) == Approx(sum / 3));
}

TEST_CASE("engine: progress is reported on the calling thread up to the total", "[sim][engine]") {
    auto cfg = small(1);
    cfg.threads = 2;
    cfg.authorities = 10;
    const auto caller = std::this_thread::get_id();
    std::size_t last = 0, total = 0;
    bool same_thread = true;
    (void)simulate(cfg, {}, [&](const progress& p) {
        same_thread = same_thread && std::this_thread::get_id() == caller;
        last = p.done;
        total = p.total;
    });
    CHECK(same_thread);
    CHECK(total == 10);
    CHECK(last == 10);
}

TEST_CASE("engine: a run can start from given care histories", "[sim][engine]") {
    using namespace std::chrono;
    auto make = [](std::uint32_t id, date birth, std::uint16_t la) {
        carepath::child c;
        c.id = carepath::child_id{id};
        c.as_person = carepath::person_id{id};
        c.birth_date = birth;
        c.responsible_authority = carepath::local_authority_id{la};
        return carepath::care_history{c};
    };
    // a 17-year-old in foster care, who must leave at 18 within the year
    auto older = make(1, date{year{2001} / June / 1}, 202);
    REQUIRE(older.add(carepath::entered_care{
        date{year{2015} / May / 1}, carepath::legal_status::care_order,
        carepath::placement::with_carer(carepath::placement_type::U6, carepath::carer_id{9})}));
    // a toddler placed for adoption, and a child who left care before the start date
    auto young = make(2, date{year{2017} / January / 10}, 202);
    REQUIRE(young.add(carepath::entered_care{
        date{year{2017} / March / 1}, carepath::legal_status::placement_order,
        carepath::placement::with_carer(carepath::placement_type::A6, carepath::carer_id{8})}));
    auto gone = make(3, date{year{2010} / January / 10}, 202);
    REQUIRE(gone.add(carepath::entered_care{
        date{year{2016} / March / 1}, carepath::legal_status::accommodated_s20,
        carepath::placement::with_carer(carepath::placement_type::U6, carepath::carer_id{7})}));
    REQUIRE(gone.add(
        carepath::left_care{date{year{2017} / March / 1}, carepath::exit_route::return_home}));
    sim_config cfg;
    cfg.initial = {older, young, gone};
    const auto r = simulate(cfg);
    const auto& y = r.mean.years.back();
    CHECK(r.config.initial.empty()); // histories are not copied into the result
    // two children start in care; the 17-year-old leaves at 18
    double aged_out =
        y.exits_by_route[static_cast<std::size_t>(carepath::exit_route::staying_put)]
        + y.exits_by_route[static_cast<std::size_t>(carepath::exit_route::independent_living)];
    CHECK(aged_out >= 1);
    CHECK(y.figs[figure_key::lifelong_links_at_25_mean].has_value());
}

TEST_CASE("engine: a config that cannot run is refused", "[sim][engine]") {
    sim_config cfg;
    cfg.years = 0;
    CHECK_THROWS_AS((void)simulate(cfg), std::invalid_argument);
    cfg = sim_config{};
    cfg.scale = 0;
    CHECK_THROWS_AS((void)simulate(cfg), std::invalid_argument);
    cfg = sim_config{};
    scenario s;
    s.sw_turnover_factor = -1;
    CHECK_THROWS_AS((void)simulate(cfg, s), std::invalid_argument);
}

TEST_CASE("engine: the graph module scores simulated children's moves", "[sim][engine]") {
    auto cfg = small(2);
    cfg.keep_histories = 300;
    const auto r = simulate(cfg);
    std::size_t moves = 0, ended_by_move = 0;
    for (const auto& h : r.histories) {
        const auto c = carepath::graph::continuity_across_moves(h);
        CHECK(c.moves.size() == h.moves().size()); // one report per move of home
        moves += c.moves.size();
        for (const auto& m : c.moves)
            for (const auto& t : m.prior)
                if (t.ending
                    && (t.ending->reason == carepath::end_reason::placement_move
                        || t.ending->reason == carepath::end_reason::school_move))
                    ++ended_by_move;
    }
    CHECK(moves > 0);
    CHECK(ended_by_move > 0); // the last carer or school left behind at a move
}

TEST_CASE("engine: ties kept across a move carry contact, so the graph module agrees with the "
          "engine's continuity",
          "[sim][engine]") {
    namespace g = carepath::graph;
    auto cfg = small(1);
    cfg.scale = 0.02;
    cfg.keep_histories = 1'000'000; // every child, so both figures cover the same moves
    const auto r = simulate(cfg);
    REQUIRE(r.histories.size() == r.children);
    const date horizon = date{std::chrono::year{2020} / std::chrono::March / 31};

    // the default window: kept ties are seen as kept; the only gaps are moves so near the end
    // of the run that the first contact day (at most a month away) falls after it
    std::size_t kept = 0;
    for (const auto& h : r.histories) {
        for (const auto& m : g::continuity_across_moves(h).moves)
            for (const auto& t : m.prior) {
                kept += t.outcome == g::tie_outcome::kept;
                if (t.outcome == g::tie_outcome::unrecorded) {
                    CHECK(m.on + carepath::days{30} > horizon);
                }
            }
        for (const auto& rel : h.relationships())
            for (const auto d : rel.contact_events()) {
                CHECK(rel.active_on(d)); // inside the tie's spell
                CHECK(d <= horizon);
            }
    }
    CHECK(kept > 0);

    // The engine scores a move when it happens: 1 - lost / ties held. The graph module sees
    // the same moves with a one-day window once a foster carer kept as a former carer (an
    // ending and a new tie in the record) is counted as kept, as the engine counts it.
    const g::move_window day{carepath::days{0}, carepath::days{1}};
    double sum = 0, moves = 0;
    for (const auto& h : r.histories)
        for (const auto& m : g::continuity_across_moves(h, day).moves) {
            if (m.on <= cfg.start)
                continue; // a move in the burn-in before the stock date is not reported
            double lost = 0;
            for (const auto& t : m.prior) {
                if (t.outcome != g::tie_outcome::ended)
                    continue;
                const bool former =
                    std::any_of(m.gained.begin(), m.gained.end(), [&](const auto& x) {
                        return x.other == t.other && x.kind == carepath::kinds::former_foster_carer;
                    });
                lost += former ? 0 : 1;
            }
            sum += m.prior.empty() ? 1.0 : 1.0 - lost / static_cast<double>(m.prior.size());
            moves += 1;
        }
    const auto& y = r.mean.years.back();
    REQUIRE(moves > 100);
    CHECK(moves == Approx(y.moves * cfg.scale));
    CHECK(sum / moves == Approx(y.continuity_mean).margin(0.005));
    CHECK(*y.figs[figure_key::continuity_index_mean] > 50);
}

TEST_CASE("engine: intervals use Student's t for the number of replicates", "[sim][engine]") {
    const auto n = GENERATE(2u, 5u);
    CAPTURE(n);
    auto cfg = small(1);
    cfg.replicates = n;
    const auto r = simulate(cfg);
    const auto& e = r.estimates[static_cast<std::size_t>(figure_key::cla_count)];
    REQUIRE(e.values.size() == n);
    REQUIRE(e.low);
    REQUIRE(e.high);
    // Recomputed from the replicates' own values: mean +- t(n - 1) * sd / sqrt(n).
    double mean = 0;
    for (const double v : e.values)
        mean += v;
    mean /= n;
    double squares = 0;
    for (const double v : e.values)
        squares += (v - mean) * (v - mean);
    const double se = std::sqrt(squares / (n - 1) / n);
    const double t = n == 2 ? 12.706205 : 2.7764451; // tabulated 0.975 quantiles
    CHECK(*e.mean == Approx(mean));
    CHECK(*e.high - *e.mean == Approx(t * se).epsilon(1e-6));
    CHECK(*e.mean - *e.low == Approx(t * se).epsilon(1e-6));
    CHECK(*e.high - *e.mean > 1.96 * se * 1.4); // the old normal rule was far too narrow
    SECTION("the values are the replicates' figures, in replicate order") {
        for (std::size_t i = 0; i < n; ++i)
            CHECK(e.values[i] == *r.replicates[i].years.back().figs[figure_key::cla_count]);
    }
    SECTION("summary.json lists the values beside the interval") {
        std::ostringstream os;
        write_json(os, r);
        const auto json = os.str();
        const auto at = json.find("\"figures_ci\":{\"cla_count\":{");
        REQUIRE(at != std::string::npos);
        const auto entry = json.substr(at, json.find('}', at) - at);
        CHECK(entry.find("\"replicates\":" + std::to_string(n) + ",\"values\":[")
              != std::string::npos);
        CHECK(std::count(entry.begin(), entry.end(), ',') >= static_cast<long>(n + 3));
    }
}

TEST_CASE("engine: one replicate gives no interval, never a zero-width one", "[sim][engine]") {
    const auto r = simulate(small(1));
    const auto& e = r.estimates[static_cast<std::size_t>(figure_key::cla_count)];
    REQUIRE(e.mean);
    CHECK(e.replicates == 1);
    CHECK(e.values.size() == 1);
    CHECK_FALSE(e.low);
    CHECK_FALSE(e.high);
    std::ostringstream os;
    write_json(os, r);
    CHECK(os.str().find("\"cla_count\":{\"mean\":") != std::string::npos);
    CHECK(os.str().find("\"low\":null,\"high\":null,\"replicates\":1,\"values\":[")
          != std::string::npos);
}

TEST_CASE("engine: compare pairs replicates on common random numbers", "[sim][engine]") {
    auto cfg = small(1);
    cfg.replicates = 3;
    scenario s;
    s.name = "support";
    s.kinship_support = true;
    const auto c = compare(cfg, s);
    const auto paired = paired_estimates(c);
    SECTION("the paired difference is the mean of per-replicate differences") {
        const auto k = static_cast<std::size_t>(figure_key::foster_share);
        double sum = 0;
        for (std::size_t r = 0; r < 3; ++r)
            sum += *c.alternative.replicates[r].years.back().figs.values[k]
                   - *c.baseline.replicates[r].years.back().figs.values[k];
        REQUIRE(paired[k].mean);
        CHECK(*paired[k].mean == Approx(sum / 3));
        CHECK(paired[k].count == 3);
        REQUIRE(paired[k].interval);
        CHECK(paired[k].interval->low <= *paired[k].mean);
    }
    SECTION("the baseline of a comparison is the baseline run alone, replicate by replicate") {
        CHECK(json_of(c.baseline) == json_of(simulate(cfg)));
    }
    SECTION("a scenario equal to the baseline differs by exactly 0 in every replicate") {
        const auto same = compare(cfg, scenario{});
        for (const auto& d : paired_estimates(same))
            if (d.mean) {
                CHECK(*d.mean == 0.0);
                CHECK(d.interval->half_width() == 0.0);
            }
    }
    SECTION("JSON and CSV carry the paired difference with its interval") {
        std::ostringstream js, csv;
        write_json(js, c);
        write_csv(csv, c);
        const auto k = static_cast<std::size_t>(figure_key::cla_count);
        const auto& d = paired[k];
        std::ostringstream expect;
        expect << "\"difference\":{\"cla_count\":{\"mean\":";
        detail::put_number(expect, *d.mean);
        expect << ",\"low\":";
        detail::put_number(expect, d.interval->low);
        CHECK(js.str().find(expect.str()) != std::string::npos);
        std::ostringstream row;
        row << "\ncla_count,";
        detail::put_number(row, *c.baseline.mean.years.back().figs[figure_key::cla_count]);
        row << ',';
        detail::put_number(row, *c.alternative.mean.years.back().figs[figure_key::cla_count]);
        row << ',';
        detail::put_number(row, *d.mean);
        row << ',';
        detail::put_number(row, d.interval->low);
        row << ',';
        detail::put_number(row, d.interval->high);
        row << ",3\n";
        CHECK(csv.str().find(row.str()) != std::string::npos);
    }
}

TEST_CASE("engine: parameter uncertainty draws the assumptions per replicate, reproducibly",
          "[sim][engine]") {
    auto cfg = small(1);
    cfg.replicates = 2;
    cfg.parameter_uncertainty = true;
    const auto a = simulate(cfg);
    const auto again = simulate(cfg);
    CHECK(json_of(a) == json_of(again));
    CHECK(a.config.parameter_uncertainty);
    cfg.parameter_uncertainty = false;
    const auto fixed = simulate(cfg);
    CHECK(json_of(a) != json_of(fixed));
    // Replicate 0 of each run uses the same random numbers; only the inputs differ.
    CHECK(a.replicates[0] != fixed.replicates[0]);
    SECTION("asked for by a scenario, it applies to both runs of a comparison") {
        scenario s;
        s.name = "uncertain";
        s.parameter_uncertainty = true;
        const auto c = compare(cfg, s);
        CHECK(c.baseline.config.parameter_uncertainty);
        CHECK(c.alternative.config.parameter_uncertainty);
        // Same draws, same random numbers, same policy otherwise: no difference at all.
        for (const auto& d : paired_estimates(c))
            if (d.mean)
                CHECK(*d.mean == 0.0);
    }
}

// s15 audit 4: simulate() ran parameter uncertainty with one replicate, giving one random draw
// of every unfitted assumption as the model's figures (the CLI refused it; the library not).
TEST_CASE("engine: parameter uncertainty with one replicate is refused, saying why",
          "[sim][engine]") {
    auto cfg = small(1);
    cfg.scale = 0.001;
    cfg.authorities = 2;
    cfg.replicates = 1;
    auto refused = [](auto&& run) {
        try {
            run();
        } catch (const std::invalid_argument& e) {
            const std::string what = e.what();
            return what.find("one random draw") != std::string::npos
                   && what.find("2 or more replicates") != std::string::npos;
        }
        return false;
    };
    scenario uncertain;
    uncertain.name = "uncertain";
    uncertain.parameter_uncertainty = true;
    CHECK(refused([&] { (void)simulate(cfg, uncertain); })); // asked for by the scenario
    CHECK(refused([&] { (void)compare(cfg, uncertain); }));
    auto drawn = cfg;
    drawn.parameter_uncertainty = true; // asked for by the config
    CHECK(refused([&] { (void)simulate(drawn); }));
    scenario other;
    other.name = "other";
    CHECK(refused([&] { (void)compare(drawn, other); }));
    // two replicates, or one without uncertainty, run
    drawn.replicates = 2;
    CHECK(simulate(drawn).replicates.size() == 2);
    CHECK(simulate(cfg).replicates.size() == 1);
}

TEST_CASE("engine: one replicate of a larger result may draw its assumptions",
          "[sim][engine]") {
    // A caller running one replicate per call and combining them (a sweep's units, a council
    // forecast's bootstrap replicates) says how many it combines.
    auto cfg = small(1);
    cfg.scale = 0.001;
    cfg.authorities = 2;
    cfg.parameter_uncertainty = true;
    cfg.combined_replicates = 4;
    const auto part = simulate(cfg);
    CHECK(part.replicates.size() == 1);
    CHECK(part.config.parameter_uncertainty);
    cfg.combined_replicates = 1; // combined, still one draw: refused
    CHECK_THROWS_AS(simulate(cfg), std::invalid_argument);
}

using carepath::testing::hand_run;

// s15 audit 8: summary.csv set each run's mean over the replicates that measured a figure
// beside the difference over the pairs where both did, so for a figure missing in some
// replicates the difference was not the scenario's column minus the baseline's.
TEST_CASE("engine: a comparison's run columns are over the pairs its difference uses",
          "[sim][engine]") {
    comparison c;
    c.baseline = hand_run("baseline", {10.0, 20.0, 40.0});
    c.alternative = hand_run("support", {12.0, std::nullopt, 43.0}); // not in replicate 2
    const auto k = static_cast<std::size_t>(figure_key::foster_share);
    const auto means = paired_run_means(c);
    REQUIRE(means[k].baseline);
    REQUIRE(means[k].scenario);
    CHECK(*means[k].baseline == 25.0); // replicates 1 and 3, not the run's 23.33
    CHECK(*means[k].scenario == 27.5);
    const auto d = paired_estimates(c)[k];
    REQUIRE(d.mean);
    CHECK(*d.mean == Approx(*means[k].scenario - *means[k].baseline));
    CHECK_FALSE(means[static_cast<std::size_t>(figure_key::cla_count)].baseline); // no pair
    std::ostringstream csv;
    write_csv(csv, c);
    CHECK(csv.str().find("\nfoster_share,25,27.5,2.5,") != std::string::npos);
    CHECK(csv.str().find("\ncla_count,,,,,,0\n") != std::string::npos);
    SECTION("measured in every replicate, the columns are the runs' own means") {
        c.alternative = hand_run("support", {12.0, 21.0, 43.0});
        CHECK(paired_run_means(c)[k].baseline == c.baseline.mean.years.back().figs.values[k]);
        CHECK(paired_run_means(c)[k].scenario == c.alternative.mean.years.back().figs.values[k]);
    }
}
