// Refits the fitted inputs of the default England calibration after a change to the model's
// mechanisms, reading the target rows of tests/data/sim/calibration.csv (a validation row
// stops it, as in every fit). Prints the worst pair of every round, each fitted pair as the
// check run of the returned calibration gives it, whether that check is within the tolerance,
// and the values to paste into default_england() (sim/calibration.hpp) by hand, so a refit is
// reviewed like any other change. docs/calibration.md, "Fitting", says when to run it.
// Exits 2 when the fit has not converged (its values are still printed, for review; do not
// paste them in as they are), 1 on a bad calibration file.
//
//   refit [rounds=20] [scale=1.0] [threads=2] [tolerance=fit_noise_tolerance(scale)]
#include "calibration_file.hpp"
#include "carepath/sim/fit.hpp"

#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <string>

int main(int argc, char** argv) {
    using namespace carepath::sim;
    fit_options o;
    o.rounds = argc > 1 ? std::atoi(argv[1]) : 20;
    o.scale = argc > 2 ? std::atof(argv[2]) : 1.0;
    o.threads = argc > 3 ? static_cast<unsigned>(std::atoi(argv[3])) : 2;
    if (argc > 4)
        o.tolerance = std::atof(argv[4]);
    const auto pub = read_calibration_file();
    if (!pub)
        return 1;
    fit_report report;
    const auto fitted = fit(default_england(), *pub, o, &report);
    if (!fitted) {
        std::cerr << fitted.error() << '\n';
        return 1;
    }
    auto name = [](std::string_view s) { return std::string(s); };
    std::printf("# refit: %d rounds at scale %g, seed %llu; worst pair of each round, then of "
                "the check run (the returned calibration simulated)\n",
                report.rounds, o.scale, static_cast<unsigned long long>(o.seed));
    for (std::size_t i = 0; i < report.history.size(); ++i) {
        const auto& h = report.history[i];
        const std::string label =
            i + 1 < report.history.size() ? "round " + std::to_string(i + 1) : "check";
        std::printf("%-9s worst %7.2f%%  %s\n", label.c_str(), 100 * h.worst_relative_error,
                    name(h.worst_parameter).c_str());
    }
    std::printf("# check run, simulated against published\n");
    for (const auto& l : report.check)
        std::printf("%-28.*s %-28.*s %12.4g %12.4g\n", static_cast<int>(l.parameter.size()),
                    l.parameter.data(), static_cast<int>(l.target_id.size()), l.target_id.data(),
                    l.published, l.simulated);
    const auto& c = report.history.back();
    if (report.converged)
        std::printf("# converged: worst pair %s at %.2f%% <= tolerance %.2f%%\n",
                    name(c.worst_parameter).c_str(), 100 * c.worst_relative_error,
                    100 * report.tolerance);
    else
        std::printf("# NOT converged: worst pair %s at %.2f%% > tolerance %.2f%%\n",
                    name(c.worst_parameter).c_str(), 100 * c.worst_relative_error,
                    100 * report.tolerance);
    write_fitted_values(std::cout, *fitted);
    return report.converged ? 0 : 2;
}
