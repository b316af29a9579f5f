#include "carepath/graph/graphviz.hpp"

#include <catch2/catch.hpp>

#include <sstream>

using namespace carepath;
using namespace carepath::graph;

namespace {
date on(int y, unsigned m, unsigned d) { return *make_date(y, m, d); }
std::size_t count(const std::string& s, const std::string& what) {
    std::size_t n = 0;
    for (auto at = s.find(what); at != std::string::npos; at = s.find(what, at + 1)) ++n;
    return n;
}
relationship_graph network() {
    relationship_graph g;
    g.add_person(person{person_id{1}, "Amira", person_role::child, std::nullopt});
    g.add_person(person{person_id{2}, "Bea \"B\"", person_role::child, std::nullopt});
    g.add_person(person{person_id{3}, "Cal", person_role::friend_, std::nullopt});
    g.add_person(person{person_id{4}, "Dee", person_role::carer, std::nullopt});
    g.add_tie(person_id{1}, person_id{2}, tie{kinds::full_sibling, interval{on(2016, 1, 1)}, std::nullopt, 0});
    g.add_tie(person_id{1}, person_id{3}, tie{kinds::friend_, interval{on(2023, 9, 1), on(2024, 3, 1)}, end_reason::school_move, 0});
    g.add_tie(person_id{1}, person_id{4}, tie{kinds::foster_carer, interval{on(2024, 3, 1)}, std::nullopt, 0});
    return g;
}
} // namespace

TEST_CASE("graphviz: the network on a day names people and kinds and dashes ended ties",
          "[graph][graphviz]") {
    const auto g = network();
    std::ostringstream os;
    write_network_dot(os, g, person_id{1}, on(2024, 6, 1));
    const auto dot = os.str();
    CHECK(dot.rfind("graph G {", 0) == 0);
    CHECK(count(dot, "label=\"Amira\", shape=box") == 1);
    CHECK(count(dot, "label=\"Bea \\\"B\\\"\"") == 1); // quotes escaped
    CHECK(count(dot, "label=\"full_sibling\", color=\"#1b9e77\"") == 1);
    CHECK(count(dot, "style=dashed") == 1); // the friendship had ended
    CHECK(count(dot, "--") == 3);
    CHECK(count(dot, "label=\"Amira on 2024-06-01\"") == 1);
}

TEST_CASE("graphviz: a tie that has not begun yet is left out", "[graph][graphviz]") {
    const auto g = network();
    std::ostringstream os;
    write_network_dot(os, g, person_id{1}, on(2024, 1, 1));
    const auto dot = os.str();
    CHECK(count(dot, "--") == 2);
    CHECK(count(dot, "Dee") == 0);
    CHECK(count(dot, "style=dashed") == 0);
}

TEST_CASE("graphviz: before and after a move sit side by side", "[graph][graphviz]") {
    const auto g = network();
    std::ostringstream os;
    write_move_dot(os, g, person_id{1}, on(2024, 3, 1));
    const auto dot = os.str();
    CHECK(count(dot, "subgraph cluster_b {") == 1);
    CHECK(count(dot, "subgraph cluster_a {") == 1);
    CHECK(count(dot, "label=\"before (2024-02-29)\"") == 1);
    // Before: sibling and friend, solid. After: sibling, friend (now dashed) and the new carer.
    CHECK(count(dot, "b0 -- b1") == 1);
    CHECK(count(dot, "a0 -- a3") == 1);
    CHECK(count(dot, "b0 -- b3") == 0);
    CHECK(count(dot, "style=dashed") == 1);
}
