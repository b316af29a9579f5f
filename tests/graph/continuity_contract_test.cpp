#include "carepath/graph/continuity_contract.hpp"

#include <catch2/catch.hpp>

#include <fstream>
#include <iterator>
#include <sstream>
#include <string>

using namespace carepath;
using namespace carepath::graph;

namespace {
date on(int y, unsigned m, unsigned d) { return *make_date(y, m, d); }
const std::string root = std::string{CAREPATH_TEST_DATA} + "/graph/bench_example/";
std::string slurp(const std::string& path) {
    std::ifstream in{path, std::ios::binary};
    return {std::istreambuf_iterator<char>{in}, std::istreambuf_iterator<char>{}};
}
} // namespace

TEST_CASE("continuity_contract: the worked example gives the expected four files byte for byte",
          "[graph][continuity_contract]") {
    const auto c = read_cohort(root + "input");
    REQUIRE(c.ok());
    const auto r = compute_contract(*c);
    std::ostringstream moves, children, by_type, siblings;
    write_moves_csv(moves, *c, r);
    write_children_csv(children, *c, r);
    write_by_type_csv(by_type, r);
    write_siblings_csv(siblings, *c, r);
    CHECK(moves.str() == slurp(root + "expected/moves.csv"));
    CHECK(children.str() == slurp(root + "expected/children.csv"));
    CHECK(by_type.str() == slurp(root + "expected/by_type.csv"));
    CHECK(siblings.str() == slurp(root + "expected/siblings.csv"));
}

TEST_CASE("continuity_contract: C0000001's moves count as worked out by hand", "[graph][continuity_contract]") {
    const auto c = read_cohort(root + "input");
    REQUIRE(c.ok());
    const auto r = compute_contract(*c);
    REQUIRE(r.moves.size() == 7);
    CHECK(c->external_id(r.moves[0].child) == "C0000001");
    CHECK(r.moves[0].on == on(2024, 3, 1));
    CHECK(r.moves[0].kept == 7);
    CHECK(r.moves[0].lost == 3);
    CHECK(r.moves[1].kept == 4);
    CHECK(r.moves[1].lost == 3);
    // C0000003's first move has nothing before it: no index, but still a move.
    CHECK(c->external_id(r.moves[3].child) == "C0000003");
    CHECK_FALSE(r.moves[3].index().has_value());
    REQUIRE(r.siblings.size() == 2);
    CHECK(r.siblings[0].overlap.both_in_care == days{1035});
    CHECK(r.siblings[0].overlap.together == days{274});
}

TEST_CASE("continuity_contract: kept plus lost never exceeds the ties begun before the move",
          "[graph][continuity_contract]") {
    const auto c = read_cohort(root + "input");
    REQUIRE(c.ok());
    const auto r = compute_contract(*c);
    for (const auto& m : r.moves) {
        std::uint32_t before = 0;
        c->graph.for_each_tie(m.child, [&](const tie& t, person_id) { before += t.span.start() < m.on ? 1u : 0u; });
        CHECK(m.kept + m.lost <= before);
    }
    // A wider window can only turn "none" into "lost" and "kept" into "lost".
    const auto wide = compute_contract(*c, {days{365}, days{365}});
    for (std::size_t i = 0; i < r.moves.size(); ++i) {
        CHECK(wide.moves[i].kept <= r.moves[i].kept);
        CHECK(wide.moves[i].kept + wide.moves[i].lost >= r.moves[i].kept + r.moves[i].lost);
    }
}
