// libFuzzer target: the scenario file reader. Any bytes give a scenario or one diagnostic with
// the file and line (never a crash); a scenario that reads, written back and read again, is
// the same scenario.
#include "carepath/sim/scenario.hpp"

#include <cstddef>
#include <cstdint>
#include <sstream>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace carepath::sim;
    std::istringstream in{std::string{reinterpret_cast<const char*>(data), size}};
    const auto first = read_scenario(in, "fuzz.scenario");
    if (!first.ok()) {
        const auto& d = first.error();
        if (d.file != "fuzz.scenario" || d.line == 0 || d.message.empty())
            __builtin_trap();
        return 0;
    }
    std::ostringstream out;
    // A scenario the reader accepts is one the writer can write.
    if (!write_scenario(out, *first))
        __builtin_trap();
    std::istringstream back{out.str()};
    const auto second = read_scenario(back, "again.scenario");
    if (!second.ok())
        __builtin_trap();
    // Numbers are written in their shortest exact form, so everything must come back equal.
    const auto& a = *first;
    const auto& b = *second;
    if (!(a == b))
        __builtin_trap();
    return 0;
}
