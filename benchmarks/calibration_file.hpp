#pragma once
// The published figures of tests/data/sim/calibration.csv, for the benchmark programs that read
// the file itself (validation_table, refit); a problem with it goes to stderr.
#include "carepath/sim/published.hpp"

#include <fstream>
#include <iostream>
#include <optional>
#include <string>
#include <utility>

inline std::optional<carepath::sim::published_figures> read_calibration_file() {
    const std::string path = std::string{CAREPATH_SOURCE_DIR} + "/tests/data/sim/calibration.csv";
    std::ifstream in{path};
    auto pub = carepath::sim::published_figures::read(in, path);
    if (!pub) {
        std::cerr << pub.error() << '\n';
        return std::nullopt;
    }
    return std::move(pub).value();
}
