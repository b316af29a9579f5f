#include "carepath/report/graphviz.hpp"

#include <catch2/catch.hpp>

#include <sstream>
#include <string>

using namespace carepath;
using namespace carepath::report;

namespace {
date ymd(int y, unsigned m, unsigned d) {
    return *make_date(y, m, d);
}
std::size_t count(const std::string& s, const std::string& what) {
    std::size_t n = 0;
    for (auto p = s.find(what); p != std::string::npos; p = s.find(what, p + what.size()))
        ++n;
    return n;
}
graph::relationship_graph network() {
    graph::relationship_graph g;
    g.add_person({person_id{1}, "Amira", person_role::child, ymd(2014, 2, 2)});
    g.add_person({person_id{2}, "her \"mum\"", person_role::relative, std::nullopt});
    g.add_person({person_id{3}, "", person_role::carer, std::nullopt});
    g.add_person({person_id{4}, "new carer", person_role::carer, std::nullopt});
    g.add_person({person_id{5}, "later friend", person_role::friend_, std::nullopt});
    g.add_tie(person_id{1}, person_id{2}, {kinds::birth_parent, interval{ymd(2014, 2, 2)}, {}, 0});
    g.add_tie(person_id{1}, person_id{3},
              {kinds::foster_carer, interval{ymd(2022, 1, 1), ymd(2023, 1, 1)},
               end_reason::placement_move, 0});
    g.add_tie(person_id{1}, person_id{4}, {kinds::foster_carer, interval{ymd(2023, 1, 1)}, {}, 0});
    g.add_tie(person_id{1}, person_id{5}, {kinds::friend_, interval{ymd(2025, 1, 1)}, {}, 0});
    return g;
}
} // namespace

TEST_CASE("network dot: ties on the day solid, ended ones dashed with their reason, later ones "
          "left out",
          "[report][graphviz]") {
    std::ostringstream os;
    write_network_dot(os, network(), person_id{1}, ymd(2024, 6, 1));
    const auto dot = os.str();
    CHECK(dot.rfind("graph network {", 0) == 0);
    CHECK(count(dot, "{") == count(dot, "}"));
    CHECK(count(dot, " -- ") == 3);
    CHECK(dot.find("p1 -- p2 [label=\"birth_parent\"") != std::string::npos);
    CHECK(dot.find("p1 -- p3 [label=\"foster_carer (ended: the child moved home)\"")
          != std::string::npos);
    CHECK(count(dot, "style=dashed") == 1);
    CHECK(dot.find("p5") == std::string::npos);                        // the friendship began later
    CHECK(dot.find("label=\"her \\\"mum\\\"\"") != std::string::npos); // quotes escaped
    CHECK(dot.find("label=\"person 3\"") != std::string::npos);        // no name: its id
    CHECK(dot.find("label=\"Amira on 2024-06-01\"") != std::string::npos);
}

TEST_CASE("network dot: without ended ties only the people of the day are drawn",
          "[report][graphviz]") {
    std::ostringstream os;
    write_network_dot(os, network(), person_id{1}, ymd(2024, 6, 1), {.include_ended = false});
    const auto dot = os.str();
    CHECK(count(dot, " -- ") == 2);
    CHECK(dot.find("p3") == std::string::npos);
}

TEST_CASE("network dot: an unknown child is a programming error", "[report][graphviz]") {
    std::ostringstream os;
    CHECK_THROWS_AS(write_network_dot(os, network(), person_id{99}, ymd(2024, 6, 1)),
                    contract_violation);
}
