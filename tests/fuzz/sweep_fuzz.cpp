// libFuzzer target: the sweep file reader. Any bytes give a sweep or one diagnostic naming a
// file and saying what is wrong (never a crash, never an unbounded expansion); a sweep that
// reads expands to exactly the number of points it announces, within the limit.
#include "carepath/sim/sweep_file.hpp"

#include <cstddef>
#include <cstdint>
#include <sstream>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace carepath::sim;
    std::istringstream in{std::string{reinterpret_cast<const char*>(data), size}};
    // one scenario file exists; any other name is missing
    const auto load = [](const std::string& name) -> carepath::result<scenario> {
        if (name == "kinship.txt")
            return scenario{.name = "kinship", .kinship_support = true};
        return carepath::diagnostic{.file = name, .message = "cannot open the scenario file"};
    };
    const auto spec = read_sweep(in, "fuzz.sweep", load);
    if (!spec.ok()) {
        const auto& d = spec.error();
        if (d.file.empty() || d.message.empty())
            __builtin_trap();
        if (d.file == "fuzz.sweep" && d.line == 0 && size > 0)
            __builtin_trap(); // a non-empty file's error has a line
        return 0;
    }
    const auto points = expand_sweep(*spec);
    if (!points.ok() || points->size() != sweep_point_count(*spec)
        || points->size() > max_sweep_points)
        __builtin_trap();
    for (std::size_t i = 0; i < points->size(); ++i)
        if ((*points)[i].index != i || (*points)[i].values.size() != spec->parameters.size())
            __builtin_trap();
    return 0;
}
