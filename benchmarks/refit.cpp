// Refits the fitted inputs of the default England calibration after a change to the model's
// mechanisms, reading the target rows of tests/data/sim/calibration.csv (a validation row
// stops it, as in every fit). Prints each fitted pair as the last round left it and the
// values to paste into default_england() (sim/calibration.hpp) by hand, so a refit is
// reviewed like any other change. docs/calibration.md, "Fitting", says when to run it.
//
//   refit [rounds=20] [scale=1.0] [threads=2]
#include "calibration_file.hpp"
#include "carepath/sim/fit.hpp"

#include <cstdio>
#include <cstdlib>
#include <iostream>

int main(int argc, char** argv) {
    using namespace carepath::sim;
    fit_options o;
    o.rounds = argc > 1 ? std::atoi(argv[1]) : 20;
    o.scale = argc > 2 ? std::atof(argv[2]) : 1.0;
    o.threads = argc > 3 ? static_cast<unsigned>(std::atoi(argv[3])) : 2;
    const auto pub = read_calibration_file();
    if (!pub)
        return 1;
    fit_report report;
    const auto fitted = fit(default_england(), *pub, o, &report);
    if (!fitted) {
        std::cerr << fitted.error() << '\n';
        return 1;
    }
    std::printf("# refit: %d rounds at scale %g; last round, simulated against published\n",
                report.rounds, o.scale);
    for (const auto& l : report.lines)
        std::printf("%-28.*s %-28.*s %12.4g %12.4g\n", static_cast<int>(l.parameter.size()),
                    l.parameter.data(), static_cast<int>(l.target_id.size()), l.target_id.data(),
                    l.published, l.simulated);
    std::printf("# worst relative error %.4f\n", report.worst_relative_error());
    write_fitted_values(std::cout, *fitted);
    return 0;
}
