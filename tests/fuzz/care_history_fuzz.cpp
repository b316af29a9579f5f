// libFuzzer target: care histories built from fuzzed event streams. The input drives the
// random proposer of tests/support/random_history.hpp (each 8 bytes seed one proposal), with
// contact days recorded between events. Oracles: the invariants of care_history.hpp hold, and
// a history rebuilt from its own events() holds the same facts, contact days and role changes
// included (issue 15: a history saved by its events must lose nothing).
#include "support/random_history.hpp"

#include <cstddef>
#include <cstdint>
#include <cstring>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace carepath;
    using carepath::testing::test_rng;
    if (size < 8)
        return 0;
    std::uint64_t first = 0;
    std::memcpy(&first, data, 8);
    test_rng r0{first};
    care_history h{carepath::testing::random_child(r0)};
    for (std::size_t at = 8; at + 8 <= size && at < 8 * 200; at += 8) {
        std::uint64_t word = 0;
        std::memcpy(&word, data + at, 8);
        test_rng r{word};
        (void)h.add(carepath::testing::propose_event(r, h).event);
        if (!h.relationships().empty() && r.chance(40)) {
            const auto& rel = h.relationships()[static_cast<std::size_t>(r.below(h.relationships().size()))];
            const date d = rel.start() + days{r.between(-5, 500)};
            (void)h.record_contact(rel.other(h.subject().as_person), rel.kind_on(d), d);
        }
    }
    if (!carepath::testing::check_invariants(h).empty())
        __builtin_trap();
    care_history rebuilt{h.subject()};
    for (const auto& e : h.events())
        if (!rebuilt.add(e))
            __builtin_trap();
    if (carepath::testing::dump(rebuilt) != carepath::testing::dump(h))
        __builtin_trap();
    return 0;
}
