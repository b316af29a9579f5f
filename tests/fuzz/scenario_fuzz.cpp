// libFuzzer target: the scenario file reader. Any bytes give a scenario or one diagnostic with
// the file and line (never a crash); a scenario that reads, written back and read again, is
// the same scenario.
#include "carepath/sim/scenario.hpp"

#include <cmath>
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
    write_scenario(out, *first);
    std::istringstream back{out.str()};
    const auto second = read_scenario(back, "again.scenario");
    if (!second.ok())
        __builtin_trap();
    // write_scenario prints numbers with the stream's default 6 significant digits, so
    // "0.123456789" comes back as 0.123457 (found by this target; reported to the owner of
    // sim/scenario.hpp). Until it writes the shortest exact form, numbers are compared to
    // that precision and everything else exactly.
    auto near = [](double a, double b) { return std::fabs(a - b) <= 1e-5 * std::fabs(a); };
    auto a = *first;
    auto b = *second;
    if (!near(a.sw_turnover_factor, b.sw_turnover_factor)
        || !near(a.carer_recruitment_factor, b.carer_recruitment_factor)
        || a.share_inside_home_authority.has_value() != b.share_inside_home_authority.has_value()
        || (a.share_inside_home_authority
            && !near(*a.share_inside_home_authority, *b.share_inside_home_authority)))
        __builtin_trap();
    b.sw_turnover_factor = a.sw_turnover_factor;
    b.carer_recruitment_factor = a.carer_recruitment_factor;
    b.share_inside_home_authority = a.share_inside_home_authority;
    if (!(a == b))
        __builtin_trap();
    return 0;
}
