// Example 03: a child's relationships as a graph that changes over time.
// You will learn how to put people and relationships into a carepath::graph::relationship_graph,
// look at it as it stood on one day, find the fragile links (people who are the only way
// through to someone else), ask who is expected to still be there at 25, and draw the network
// with Graphviz. Run with `--dot FILE` to also write the picture's DOT source to FILE.
#include <carepath/core.hpp>
#include <carepath/graph.hpp>
#include <carepath/graph/graphviz.hpp> // not in graph.hpp: include it to draw

#include <fstream>
#include <iostream>
#include <string>
#include <vector>

using namespace carepath;
namespace cg = carepath::graph;

namespace {
date on(int y, unsigned m, unsigned d) { return *make_date(y, m, d); }

const person_id amira{1}, bea{2}, mum{3}, gran{4}, ms_cole{5}, dee{6}, sam{7}, tom{8};

std::string name_of(const cg::relationship_graph& g, person_id p) { return g.person_of(p).name; }

// The whole network on `day` as Graphviz DOT, straight from the Boost graph: everyone in it,
// ties labelled by kind, ended ties dashed. (cg::write_network_dot draws only the child and the
// people she has a tie with, which would leave out Gran, reached only through Ms Cole.)
void write_whole_network_dot(std::ostream& os, const cg::relationship_graph& g, date day) {
    const auto& bg = g.boost_graph();
    const auto vertex = [&](std::ostream& out, auto v) {
        out << "[label=\"" << bg[v].name << '"' << (bg[v].id == amira ? ", shape=box" : "") << ']';
    };
    const auto edge = [&](std::ostream& out, auto e) {
        out << "[label=\"" << bg[e].kind.name() << '"' << (bg[e].ended_by(day) ? ", style=dashed" : "")
            << ']';
    };
    boost::write_graphviz(os, bg, vertex, edge);
}

std::string list(const cg::relationship_graph& g, const std::vector<person_id>& people) {
    std::string out;
    for (std::size_t i = 0; i < people.size(); ++i) {
        if (i > 0) out += i + 1 == people.size() ? " and " : ", ";
        out += name_of(g, people[i]);
    }
    return out.empty() ? "nobody" : out;
}
} // namespace

int main(int argc, char** argv) {
    cg::relationship_graph g;
    g.add_person({amira, "Amira", person_role::child, on(2014, 4, 10)});
    g.add_person({bea, "Bea", person_role::child, on(2016, 2, 1)});
    g.add_person({mum, "Mum", person_role::relative, std::nullopt});
    g.add_person({gran, "Gran", person_role::relative, std::nullopt});
    g.add_person({ms_cole, "Ms Cole (social worker)", person_role::professional, std::nullopt});
    g.add_person({dee, "Dee (foster carer)", person_role::carer, std::nullopt});
    g.add_person({sam, "Sam", person_role::friend_, std::nullopt});
    g.add_person({tom, "Tom", person_role::friend_, std::nullopt});

    // Relationships are core values: a kind, a start, and an explicit ending with a reason.
    std::vector<relationship> rels{
        {amira, bea, kinds::full_sibling, on(2016, 2, 1)},
        {amira, mum, kinds::birth_parent, on(2014, 4, 10)},
        {bea, mum, kinds::birth_parent, on(2016, 2, 1)},
        {amira, ms_cole, kinds::social_worker, on(2023, 6, 1)},
        {ms_cole, gran, kinds::other, on(2023, 6, 1)}, // Ms Cole arranges the visits to Gran
        {amira, dee, kinds::foster_carer, on(2024, 3, 1)},
        {amira, sam, kinds::friend_, on(2022, 9, 1)},
        {amira, tom, kinds::friend_, on(2024, 4, 15)},
    };
    (void)rels[6].end({on(2024, 3, 1), end_reason::school_move, false, "moved school"});
    for (const auto& r : rels) g.add_relationship(r);

    std::cout << "The graph holds " << g.person_count() << " people and " << g.tie_count()
              << " relationships.\n";

    for (date d : {on(2023, 12, 1), on(2024, 6, 1)}) {
        const auto ties = g.ties_on(amira, d);
        std::vector<person_id> who;
        for (const auto& [other, t] : ties) who.push_back(other);
        std::cout << "On " << format_uk(d) << " Amira had " << ties.size()
                  << " relationships: " << list(g, who) << ".\n";
    }

    // A time slice is a Boost graph view, so BGL algorithms run on it directly.
    const auto slice = g.as_at(on(2024, 6, 1));
    std::size_t active = 0;
    for (auto [it, end] = boost::edges(slice); it != end; ++it) ++active;
    std::cout << "On 01/06/2024 the whole graph had " << active << " relationships going on.\n";

    const auto fragile = cg::fragile_links(g, amira, {.as_at = on(2024, 6, 1)});
    for (const auto& p : fragile.articulation_points)
        std::cout << name_of(g, p.who) << " is Amira's only link to " << list(g, p.cut_off) << ".\n";
    // A bridge to someone with no other ties only cuts off that person; show the ones that
    // reach further.
    for (const auto& b : fragile.bridges)
        if (b.cut_off.size() > 1)
            std::cout << "If the " << b.kind << " link between " << name_of(g, b.a) << " and "
                  << name_of(g, b.b) << " broke, Amira would lose touch with " << list(g, b.cut_off)
                  << ".\n";

    const auto at25 = cg::who_will_be_there_at_25(g, amira, on(2024, 6, 1));
    std::cout << "Amira turns 25 on " << format_uk(at25.twenty_fifth_birthday) << ". Expected then:\n";
    for (const auto& l : at25.links)
        std::cout << "  " << name_of(g, l.other) << ": " << (l.lasts ? "yes" : "no") << " (" << l.reason
                  << ")\n";
    std::cout << "That is " << at25.lifelong_count() << " lifelong links.\n";

    std::cout << "\nThe whole network on 01/06/2024 in Graphviz DOT, Gran included (ended "
                 "relationships are dashed):\n";
    write_whole_network_dot(std::cout, g, on(2024, 6, 1));
    if (argc == 3 && std::string{argv[1]} == "--dot") {
        std::ofstream dot{argv[2]};
        write_whole_network_dot(dot, g, on(2024, 6, 1));
    }
}
