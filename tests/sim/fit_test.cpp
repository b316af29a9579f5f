#include "carepath/sim/fit.hpp"

#include <catch2/catch.hpp>

#include <cmath>
#include <cstdio>
#include <sstream>

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
    CHECK(r.worst_relative_error() < 0.06);
}

TEST_CASE("fit: fitted values print as name = value lines", "[sim][fit]") {
    std::ostringstream os;
    write_fitted_values(os, default_england());
    char want[64];
    std::snprintf(want, sizeof want, "move_scale = %.6g\n", default_england().move_scale.value);
    CHECK(os.str().find(want) != std::string::npos);
    CHECK(os.str().find("entry_home[4] = ") != std::string::npos);
}
