#include "carepath/graph/reachability.hpp"

#include <catch2/catch.hpp>

using namespace carepath;
using namespace carepath::graph;

namespace {
date on(int y, unsigned m, unsigned d) { return *make_date(y, m, d); }
const person_id kid{1}, aunt{2}, gran{3}, cousin{4}, x{5}, y{6};

relationship_graph network() {
    relationship_graph g;
    for (auto p : {kid, aunt, gran, cousin, x, y}) g.add_person(person{p, "", person_role::relative, std::nullopt});
    g.add_contact(kid, aunt, on(2024, 5, 1));
    g.add_contact(aunt, gran, on(2024, 3, 1));   // before the aunt heard: passes nothing on
    g.add_contact(gran, aunt, on(2024, 6, 1));
    g.add_contact(gran, cousin, on(2024, 4, 1)); // before gran heard
    g.add_contact(x, y, on(2024, 7, 1));         // same day, listed first
    g.add_contact(kid, x, on(2024, 7, 1));
    return g;
}
} // namespace

TEST_CASE("reachability: only contacts in time order carry news", "[graph][reachability]") {
    const auto g = network();
    const auto when = earliest_arrival(g, kid, on(2024, 1, 1), on(2025, 1, 1));
    CHECK(when.at(kid) == on(2024, 1, 1));
    CHECK(when.at(aunt) == on(2024, 5, 1));
    CHECK(when.at(gran) == on(2024, 6, 1));
    CHECK_FALSE(when.contains(cousin));
    CHECK(when.at(y) == on(2024, 7, 1)); // contacts on one day chain in any order
}

TEST_CASE("reachability: the window's end is exclusive", "[graph][reachability]") {
    const auto g = network();
    CHECK(reachable_in_time(g, kid, gran, on(2024, 1, 1), on(2024, 6, 2)));
    CHECK_FALSE(reachable_in_time(g, kid, gran, on(2024, 1, 1), on(2024, 6, 1)));
    // Starting from the cousin, news reaches gran in April and the aunt in June.
    CHECK(reachable_in_time(g, cousin, aunt, on(2024, 1, 1), on(2025, 1, 1)));
    CHECK_FALSE(reachable_in_time(g, cousin, kid, on(2024, 1, 1), on(2025, 1, 1)));
}
