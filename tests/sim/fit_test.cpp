#include "carepath/sim/fit.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdio>
#include <limits>
#include <sstream>
#include <stdexcept>
#include <string_view>
#include <utility>
#include <vector>

using namespace carepath::sim;

TEST_CASE("fit: a mis-set hazard is pulled back towards the published figure", "[sim][fit]") {
    auto off = default_england();
    off.move_scale.value *= 2.5; // far too many moves
    fit_options opt;
    opt.rounds = 1;
    opt.scale = 0.2;
    fit_report first;
    (void)fit(off, opt, &first);
    opt.rounds = 4;
    fit_report last;
    const auto fitted = fit(off, opt, &last);
    auto error = [](const fit_report& r) {
        for (const auto& l : r.lines)
            if (l.parameter == "move_scale")
                return std::abs(l.simulated - l.published);
        return 1e9;
    };
    CHECK(error(last) < error(first) / 2);
    CHECK(fitted.move_scale.value < off.move_scale.value);
    CHECK(fitted.move_scale.fitted);
    CHECK(last.rounds == 4);
}

TEST_CASE("fit: the default calibration is already at its fixed point", "[sim][fit]") {
    fit_options opt;
    opt.rounds = 1;
    opt.scale = 0.5;
    fit_report r;
    (void)fit(default_england(), opt, &r);
    CHECK(r.lines.size() == 16);
    // a fit at its fixed point misses by chance (fit_noise_tolerance): at scale 0.5 the
    // default calibration's worst pair over seeds 1007-10007 was 3.7-7.1% before the carer
    // pool's two mends of 7 December 2026 (sixth session) and 3.6-8.6% after them, and 5.7%,
    // 9.4% and 6.8% at the seed used here as the mends came in, so a bound of 6% passed or
    // failed by chance; a calibration off its fixed point misses by far more (move_scale a
    // quarter too high: 39%)
    CHECK(r.worst_relative_error() < fit_noise_tolerance(opt.scale));
}

namespace {
// the line of `lines` for one fitted parameter (a test failure if it is missing)
const fit_line& line_of(const std::vector<fit_line>& lines, std::string_view parameter) {
    for (const auto& l : lines)
        if (l.parameter == parameter)
            return l;
    FAIL("no line for " << parameter);
    return lines.front();
}

// small and quick: a twentieth of England, a short burn-in
fit_options quick_options(int rounds) {
    fit_options opt;
    opt.rounds = rounds;
    opt.scale = 0.05;
    opt.burn_in_years = 1;
    return opt;
}

// a start far from the fixed point: three times the moves
calibration far_start() {
    auto off = default_england();
    off.move_scale.value *= 3;
    return off;
}
} // namespace

TEST_CASE("fit: the report has the worst pair of every round, then of the check run",
          "[sim][fit]") {
    for (int rounds : {0, 1, 2}) {
        INFO("rounds " << rounds);
        const auto opt = quick_options(rounds);
        fit_report r;
        (void)fit(far_start(), opt, &r);
        CHECK(r.rounds == rounds);
        REQUIRE(r.history.size() == static_cast<std::size_t>(rounds) + 1);
        CHECK(r.check.size() == 16);
        CHECK(r.lines.size() == (rounds == 0 ? 0u : 16u));
        CHECK(r.tolerance == fit_noise_tolerance(opt.scale));
        // the last entry is the check's worst pair, the one before it the last round's
        const auto check = worst_pair(r.check);
        CHECK(r.history.back().worst_relative_error == check.worst_relative_error);
        CHECK(r.history.back().worst_parameter == check.worst_parameter);
        CHECK(r.history.back().worst_target == check.worst_target);
        for (const auto& l : r.check)
            if (l.published != 0)
                CHECK(std::abs(l.simulated - l.published) / l.published
                      <= check.worst_relative_error);
        if (rounds > 0) {
            CHECK(r.history[static_cast<std::size_t>(rounds) - 1].worst_relative_error
                  == r.worst_relative_error());
            CHECK(r.worst_relative_error() == worst_pair(r.lines).worst_relative_error);
        }
        CHECK(r.converged == (check.worst_relative_error <= r.tolerance));
    }
}

TEST_CASE("fit: a fit from a far start is not converged after 0 or 1 rounds", "[sim][fit]") {
    for (int rounds : {0, 1}) {
        INFO("rounds " << rounds);
        const auto opt = quick_options(rounds);
        fit_report r;
        (void)fit(far_start(), opt, &r);
        REQUIRE(r.history.size() == static_cast<std::size_t>(rounds) + 1);
        CHECK_FALSE(r.converged);
        CHECK(r.history.back().worst_relative_error > r.tolerance);
        // three times the moves: the share with three or more placements is the worst pair
        CHECK(r.history.back().worst_parameter == "move_scale");
        CHECK(r.history.back().worst_target == "placements_3plus_share_2020");
        const auto& moves = line_of(r.check, "move_scale");
        CHECK(moves.simulated > moves.published * (1 + r.tolerance));
    }
}

TEST_CASE("fit: the check run is the returned calibration simulated with the fit's seed",
          "[sim][fit]") {
    auto opt = quick_options(2);
    opt.seed = 11;
    fit_report r;
    const auto fitted = fit(far_start(), opt, &r);
    // the documented configuration of every round and of the check
    sim_config cfg;
    cfg.seed = opt.seed;
    cfg.scale = opt.scale;
    cfg.threads = opt.threads;
    cfg.years = 1;
    cfg.burn_in_years = opt.burn_in_years;
    cfg.params = fitted;
    const auto run = simulate(cfg);
    const auto& fig = run.mean.years.back().figs;
    using f = figure_key;
    auto get = [&](f k) {
        REQUIRE(fig[k]);
        return *fig[k];
    };
    CHECK(line_of(r.check, "move_scale").simulated == get(f::three_plus_placements_share));
    CHECK(line_of(r.check, "placement_order_rates").simulated == get(f::adoptions));
    CHECK(line_of(r.check, "return_home_scale").simulated == get(f::exits));
    CHECK(line_of(r.check, "other_exit_rate").simulated == get(f::exit_return_home_share));
    CHECK(line_of(r.check, "inside_share").simulated == get(f::out_of_area_share));
    CHECK(line_of(r.check, "long_term_rate").simulated == get(f::long_term_foster_share));
    CHECK(line_of(r.check, "entry_uasc").simulated == get(f::uasc_count));
    CHECK(line_of(r.check, "entries_per_year").simulated == get(f::entries));
    CHECK(line_of(r.check, "entry_s20").simulated == get(f::s20_share));
    CHECK(line_of(r.check, carepath::to_string(home_kind::with_parents)).simulated
          == get(f::placed_with_parents_share));
    CHECK(line_of(r.check, carepath::to_string(home_kind::kinship_foster)).simulated
          == get(f::kinship_foster_share));
    // and it is not the last round's simulation, which ran the calibration before its step
    CHECK(line_of(r.check, "move_scale").simulated != line_of(r.lines, "move_scale").simulated);
}

TEST_CASE("fit: convergence is the check run within the tolerance", "[sim][fit]") {
    auto opt = quick_options(0);
    opt.tolerance = std::numeric_limits<double>::max();
    fit_report r;
    (void)fit(far_start(), opt, &r);
    CHECK(r.converged);
    CHECK(r.tolerance == *opt.tolerance);
    // the default: above the chance miss, which grows as 1 / sqrt(scale)
    CHECK(fit_noise_tolerance(1.0) == Approx(0.10));
    CHECK(fit_noise_tolerance(0.25) == Approx(0.20));
    // the same run judged against a tolerance just under its worst pair is not converged
    const double worst = r.history.back().worst_relative_error;
    REQUIRE(worst > 0);
    opt.tolerance = worst * 0.999;
    fit_report tight;
    (void)fit(far_start(), opt, &tight);
    CHECK(tight.history.back().worst_relative_error == worst);
    CHECK_FALSE(tight.converged);
    opt.tolerance = worst;
    fit_report exact;
    (void)fit(far_start(), opt, &exact);
    CHECK(exact.converged);
}

TEST_CASE("fit: fitted values print as name = value lines", "[sim][fit]") {
    std::ostringstream os;
    write_fitted_values(os, default_england());
    char want[64];
    std::snprintf(want, sizeof want, "move_scale = %.6g\n", default_england().move_scale.value);
    CHECK(os.str().find(want) != std::string::npos);
    CHECK(os.str().find("entry_home[4] = ") != std::string::npos);
}

TEST_CASE("fit: each input is adjusted by its own pair, in whatever order the pairs come",
          "[sim][fit]") {
    fit_report r;
    (void)fit(default_england(), quick_options(0), &r);
    REQUIRE(r.check.size() == 16);
    // every pair its own ratio, so an input adjusted by another's pair shows
    auto lines = r.check;
    for (std::size_t i = 0; i < lines.size(); ++i) {
        lines[i].published = 100;
        lines[i].simulated = 100 * (1.0 + 0.03 * static_cast<double>(i + 1));
    }
    const auto adjusted = [](std::vector<fit_line> ls) {
        auto c = default_england();
        adjust_fitted_inputs(c, ls, 0.8);
        std::ostringstream os;
        write_fitted_values(os, c);
        return std::pair{c, os.str()};
    };
    const auto [in_order, in_order_text] = adjusted(lines);
    auto reversed = lines;
    std::reverse(reversed.begin(), reversed.end());
    CHECK(adjusted(reversed).second == in_order_text);
    // entries_per_year is fitted to cla_starts_2020, whichever place its pair has
    std::size_t starts = 0;
    while (lines[starts].target_id != "cla_starts_2020")
        ++starts;
    const double k = std::pow(1.0 / (1.0 + 0.03 * static_cast<double>(starts + 1)), 0.8);
    CHECK(in_order.entries_per_year.value
          == Approx(default_england().entries_per_year.value * k).epsilon(1e-12));
    CHECK(adjusted(reversed).first.entries_per_year.value == in_order.entries_per_year.value);

    SECTION("a missing pair stops the fit, naming the input and the figure") {
        auto missing = lines;
        missing.erase(missing.begin() + static_cast<std::ptrdiff_t>(starts));
        auto c = default_england();
        CHECK_THROWS_WITH(adjust_fitted_inputs(c, missing, 0.8),
                          "fit: no simulated pair fits entries_per_year to the published "
                          "figure cla_starts_2020");
    }
    SECTION("a pair there twice stops it too") {
        auto twice = lines;
        twice.push_back(lines[starts]);
        auto c = default_england();
        CHECK_THROWS_AS(adjust_fitted_inputs(c, twice, 0.8), std::invalid_argument);
    }
}
