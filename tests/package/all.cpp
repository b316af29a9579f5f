// A program outside the carepath tree that uses every module, built against the installed
// package through carepath::carepath. Each line of output depends on one module working.
#include <carepath/carepath.hpp>

#include <chrono>
#include <iostream>
#include <sstream>

int main() {
    using namespace carepath;
    using namespace std::chrono;
    const date start = sys_days{2020y / 1 / 1};

    // graph: two people and a tie between them.
    graph::relationship_graph g;
    g.add_person({person_id{1}, "Ada", person_role::child, start});
    g.add_person({person_id{2}, "Gran", person_role::relative, std::nullopt});
    g.add_relationship(relationship{person_id{1}, person_id{2}, kinds::grandparent, start});
    std::cout << "graph: " << g.person_count() << " people, " << g.tie_count() << " tie\n";

    // ssda903: a Header table read from CSV.
    std::vector<diagnostic> errors;
    std::istringstream header{"CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB\n101,F,14/02/2014,WBRI,A123456789012,0,\n"};
    const auto t = ssda903::read_table(header, "header.csv", "", errors, 2025);
    std::cout << "ssda903: " << t.name << " table, " << t.rows.size() << " row\n";

    // sim: the same key gives the same draws.
    sim::stream a{sim::rng_key{.seed = 7}}, b{sim::rng_key{.seed = 7}};
    std::cout << "sim: streams " << (a.bits() == b.bits() ? "agree" : "differ") << '\n';

    // report: a bar chart with one mark per value.
    std::ostringstream svg;
    report::write_bar_chart(svg, {"2023", "2024"}, {3, 5}, {.title = "Moves"});
    std::cout << "report: " << (svg.str().find("data-points=\"2\"") != std::string::npos ? "2 marks" : "wrong marks")
              << '\n';
}
