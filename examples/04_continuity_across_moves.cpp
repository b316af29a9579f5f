// Example 04: which relationships survive a move of home.
// You will learn how carepath follows a child's relationships across each move in a care
// history: kept, ended (with the reason recorded), or unrecorded (nobody wrote anything down:
// a gap to ask about, never counted as kept or lost), and how the continuity index weighs
// them. A change of legal order with the same carer is not a move and costs nothing.
#include <carepath/core.hpp>
#include <carepath/graph/continuity.hpp>

#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <map>
#include <string>

using namespace carepath;
namespace cg = carepath::graph;

namespace {
date on(int y, unsigned m, unsigned d) { return *make_date(y, m, d); }

const std::map<std::uint32_t, std::string> names{
    {2, "her sister Bea"}, {3, "her mum"}, {4, "her friend Sam"}, {5, "her teacher Mr Park"},
    {10, "foster carer Ana"}, {11, "foster carer Dee"}, {12, "her friend Tom"}};

// Every event and change below is lawful, so a refusal would be a bug in the example: stop and
// say why rather than carry on with a history that is not the one described.
void must(const status& s) {
    if (!s) {
        std::cout << "refused: " << to_string(s.error()) << '\n';
        std::exit(1);
    }
}

std::string who(person_id p) { return names.at(p.value()); }
std::string percent(std::optional<double> x) {
    if (!x) return "not defined";
    char buf[16];
    std::snprintf(buf, sizeof buf, "%.0f%%", *x * 100);
    return buf;
}
} // namespace

int main() {
    child amira;
    amira.id = child_id{1};
    amira.as_person = person_id{1};
    amira.name = "Amira";
    amira.birth_date = on(2014, 4, 10);
    care_history h{amira};
    const auto place = [](std::uint32_t carer) {
        return placement::with_carer(placement_type::U4, carer_id{carer});
    };
    const auto rel = [](std::uint32_t other, relationship_kind k, date start) {
        return relationship{person_id{1}, person_id{other}, k, start};
    };

    must(h.add(entered_care{on(2024, 1, 1), legal_status::interim_care_order, place(10)}));
    // Bea lives with their grandmother; the sisters see each other every week, by arrangement.
    auto bea = rel(2, kinds::full_sibling, on(2016, 2, 1));
    must(bea.set_contact({on(2024, 1, 1), contact_mode::direct, contact_frequency::weekly}));
    auto mum = rel(3, kinds::birth_parent, on(2014, 4, 10));
    must(mum.set_contact({on(2024, 1, 1), contact_mode::supervised, contact_frequency::monthly}));
    auto sam = rel(4, kinds::friend_, on(2022, 9, 1));
    must(sam.end({on(2024, 3, 1), end_reason::school_move, false, {}}));
    auto ana = rel(10, kinds::foster_carer, on(2024, 1, 1));
    must(ana.end({on(2024, 3, 1), end_reason::placement_move, true, {}}));
    auto teacher = rel(5, kinds::teacher, on(2023, 9, 1)); // nothing recorded after the move
    for (const auto& r : {bea, mum, sam, ana, teacher}) must(h.add(relationship_begun{r}));

    // The court makes a full care order; Amira stays with Ana. Not a move.
    must(h.add(legal_status_changed{on(2024, 2, 1), legal_status::care_order}));
    // Amira moves to Dee. Bea and Mum count as kept because their contact arrangements go on
    // after the move: that is what carepath sees, not whether anyone moved with her.
    must(h.add(placement_changed{on(2024, 3, 1), place(11), change_reason::care_plan}));
    must(h.add(relationship_begun{rel(11, kinds::foster_carer, on(2024, 3, 1))}));
    must(h.add(relationship_begun{rel(12, kinds::friend_, on(2024, 4, 15))}));

    std::cout << "Amira's history records " << h.transitions().size() << " change of placement and "
              << h.legal_statuses().size() - 1 << " change of legal order; moves of home: "
              << h.moves().size() << ".\n";

    const auto c = cg::continuity_across_moves(h);
    for (const auto& m : c.moves) {
        std::cout << "\nAmira moved on " << format_uk(m.on) << ".\n";
        for (const auto& t : m.prior) {
            std::cout << "  " << who(t.other) << ": ";
            switch (t.outcome) {
            case cg::tie_outcome::kept: std::cout << "kept (contact goes on after the move)\n"; break;
            case cg::tie_outcome::ended:
                if (t.ending->reason) std::cout << "ended (" << describe(*t.ending->reason) << ")\n";
                else std::cout << "ended (no reason recorded)\n";
                break;
            case cg::tie_outcome::unrecorded:
                std::cout << "nothing recorded after the move (a gap to ask about)\n";
                break;
            }
        }
        for (const auto& t : m.gained) std::cout << "  new: " << who(t.other) << '\n';
        std::cout << "  Continuity index, every relationship weighing the same: " << percent(m.index())
                  << ".\n";
        cg::continuity_weights family_first;
        family_first.set(kinds::full_sibling, 3).set(kinds::birth_parent, 3);
        std::cout << "  Counting sister and mum three times: " << percent(m.index(family_first)) << ".\n";
    }
    std::cout << "\nAmira's continuity index over all her moves: " << percent(c.index()) << "; "
              << c.data_gaps() << " relationship had no record either way.\n";
}
