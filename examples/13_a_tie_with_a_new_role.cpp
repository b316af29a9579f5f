// Example 13: a relationship that goes on with a new role.
// You will learn how to record that a foster carer a child moves away from stays in his life as
// a former foster carer, and that an aunt he moves in with becomes his kinship carer: one
// relationship each, changing role (`relationship_role_changed`), never ended and begun again.
// Recorded as an ending and a new start, the same story would count the carer as a loss.
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

const std::map<std::uint32_t, std::string> names{{10, "Ana"}, {20, "Rose"}};

// "former_foster_carer" as words
std::string words(relationship_kind k) {
    std::string s{k.name()};
    for (auto& c : s)
        if (c == '_') c = ' ';
    return s;
}

// Every event below is lawful, so a refusal would be a bug in the example: stop and say why.
void must(const status& s) {
    if (!s) {
        std::cout << "refused: " << to_string(s.error()) << '\n';
        std::exit(1);
    }
}

std::string percent(std::optional<double> x) {
    if (!x) return "not defined";
    char buf[16];
    std::snprintf(buf, sizeof buf, "%.0f%%", *x * 100);
    return buf;
}

// Jay's first year: fostered by Ana, with his aunt Rose visiting every month. The placement
// links Ana's carer number to her as a person, so carepath knows whose home he leaves.
care_history first_year() {
    child jay;
    jay.id = child_id{1};
    jay.as_person = person_id{1};
    jay.name = "Jay";
    jay.birth_date = on(2015, 6, 2);
    care_history h{jay};
    must(h.add(entered_care{on(2024, 1, 8), legal_status::interim_care_order,
                            placement::with_carer(placement_type::U6, carer_id{10},
                                                  person_id{10})}));
    must(h.add(relationship_begun{
        relationship{person_id{1}, person_id{10}, kinds::foster_carer, on(2024, 1, 8)}}));
    relationship rose{person_id{1}, person_id{20}, kinds::other_relative, on(2015, 6, 2)};
    must(rose.set_contact({on(2024, 1, 8), contact_mode::direct, contact_frequency::monthly}));
    must(h.add(relationship_begun{rose}));
    return h;
}

const date move_day = on(2025, 1, 6);
placement with_rose() {
    return placement::with_carer(placement_type::U3, carer_id{20}, person_id{20});
}

void show(const care_history& h) {
    const auto c = cg::continuity_across_moves(h);
    for (const auto& m : c.moves) {
        std::cout << "  Jay moved on " << format_uk(m.on) << ".\n";
        for (const auto& t : m.prior) {
            std::cout << "    " << names.at(t.other.value()) << ", his " << words(t.kind) << ": ";
            switch (t.outcome) {
            case cg::tie_outcome::kept: std::cout << "kept"; break;
            case cg::tie_outcome::ended: std::cout << "ended"; break;
            case cg::tie_outcome::unrecorded: std::cout << "nothing recorded"; break;
            }
            if (t.became) std::cout << ", now his " << words(*t.became);
            if (t.carer_left) std::cout << " (the carer of the home he left)";
            std::cout << '\n';
        }
        for (const auto& t : m.gained)
            std::cout << "    new: " << names.at(t.other.value()) << " as "
                      << words(t.kind) << '\n';
        std::cout << "    Continuity index: " << percent(m.index()) << ".\n";
    }
}
} // namespace

int main() {
    // As it happened: Jay moves to Rose. Rose's relationship goes on as his kinship carer; Ana's
    // goes on as his former foster carer, with a visit every month, and the first visit is
    // recorded as it happens.
    care_history kept = first_year();
    must(kept.add(placement_changed{move_day, with_rose(), change_reason::care_plan}));
    must(kept.add(relationship_role_changed{person_id{20}, kinds::other_relative,
                                            kinds::kinship_carer, move_day}));
    must(kept.add(relationship_role_changed{person_id{10}, kinds::foster_carer,
                                            kinds::former_foster_carer, move_day}));
    must(kept.add(contact_changed{person_id{10}, kinds::former_foster_carer,
                                  {move_day, contact_mode::direct, contact_frequency::monthly}}));
    must(kept.add(contact_recorded{person_id{10}, kinds::former_foster_carer, on(2025, 2, 1)}));
    std::cout << "Recorded as roles that change:\n";
    show(kept);

    // The same year as a case system that can only end and start relationships records it:
    // Ana's tie ends because he moved, and a new "former foster carer" tie begins.
    care_history split = first_year();
    must(split.add(placement_changed{move_day, with_rose(), change_reason::care_plan}));
    must(split.add(relationship_role_changed{person_id{20}, kinds::other_relative,
                                             kinds::kinship_carer, move_day}));
    must(split.add(relationship_ended{person_id{10}, kinds::foster_carer,
                                      {move_day, end_reason::placement_move, true, {}}}));
    relationship again{person_id{1}, person_id{10}, kinds::former_foster_carer, move_day};
    must(again.set_contact({move_day, contact_mode::direct, contact_frequency::monthly}));
    must(split.add(relationship_begun{again}));
    std::cout << "\nRecorded as an ending and a new start:\n";
    show(split);

    std::cout << "\nThe second record counts Ana as lost and found again on the same day; the "
                 "first says what Jay lived: nobody was lost.\n";
}
