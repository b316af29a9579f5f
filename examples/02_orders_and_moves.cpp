// Example 02: legal orders and moves.
//
// What you learn: how a child's legal status changes through care proceedings (police
// protection, emergency protection order, interim care order, care order, placement order,
// adoption order); that a change of legal status, or of placement type, with the same carer is
// not a move; that a placement can be held open while a new one is tried; and that carepath
// refuses an event the law does not allow, saying why, and leaves the history as it was.
#include <carepath/core.hpp>

#include <chrono>
#include <iostream>
#include <string>

namespace {
using namespace carepath;
using namespace std::chrono;

// Records an event and says what happened, in a sentence; refusals are printed, not fatal.
void record(care_history& history, const care_event& event, const std::string& what) {
    const auto added = history.add(event);
    std::cout << format_long(event_date(event)) << ": " << what;
    if (added) std::cout << ".\n";
    else std::cout << " - REFUSED: " << added.error().message << ".\n";
}

// "birth parents, local authority and prospective adopters".
std::string holders(legal_status status) {
    const auto list = parental_responsibility(status).list();
    std::string out;
    for (std::size_t i = 0; i < list.size(); ++i) {
        if (i > 0) out += i + 1 == list.size() ? " and " : ", ";
        out += describe(list[i]);
    }
    return out;
}
} // namespace

int main() {
    child zara;
    zara.id = child_id{2};
    zara.as_person = person_id{20};
    zara.name = "Zara";
    zara.birth_date = sys_days{2019y / July / 1};
    const carer_id emergency_carer{10}, foster_carers{11}, other_carers{13};
    const auto fostered = [](carer_id c) { return placement::with_carer(placement_type::U6, c); };

    care_history history{zara};
    std::cout << "What happened to Zara, event by event:\n";
    record(history, entered_care{sys_days{2023y / January / 9}, legal_status::police_protection,
                                 fostered(emergency_carer)},
           "the police take Zara into police protection; she goes to an emergency foster carer");
    record(history, legal_status_changed{sys_days{2023y / January / 11},
                                         legal_status::emergency_protection_order},
           "the court makes an emergency protection order");
    record(history, legal_status_changed{sys_days{2023y / January / 19},
                                         legal_status::interim_care_order},
           "care proceedings begin with an interim care order");
    record(history, placement_changed{sys_days{2023y / February / 1}, fostered(foster_carers),
                                      change_reason::care_plan, true},
           "she moves to longer-term foster carers; the emergency placement is held open while "
           "she settles");
    record(history, placement_changed{sys_days{2023y / February / 15}, fostered(other_carers),
                                      change_reason::care_plan, true},
           "a second trial placement, holding the first trial open as well, is attempted");
    record(history, held_placement_released{sys_days{2023y / March / 1}},
           "she has settled, so the emergency placement is released");
    record(history, legal_status_changed{sys_days{2023y / July / 10}, legal_status::care_order},
           "the court makes a care order");
    record(history, legal_status_changed{sys_days{2023y / August / 1},
                                         legal_status::interim_care_order},
           "an interim care order is recorded after the final order");
    record(history, legal_status_changed{sys_days{2023y / September / 4},
                                         legal_status::placement_order},
           "the court makes a placement order");
    record(history, placement_changed{sys_days{2023y / November / 20},
                                      placement::with_carer(placement_type::A5, foster_carers),
                                      change_reason::status_only},
           "her foster carers are approved as her adopters, and she is placed with them for "
           "adoption");
    record(history, left_care{sys_days{2024y / June / 1}, exit_route::adoption},
           "the court makes an adoption order and she leaves care");

    std::cout << "\nThe same history as SSDA903 episodes (RNE code: what changed):\n";
    for (const auto& episode : history.episode_starts()) {
        const auto& home = history.placement_on(episode.on)->where;
        std::cout << "  " << format_uk(episode.on) << "  " << to_string(episode.change) << ": "
                  << describe(episode.change) << "; "
                  << to_string(*history.legal_status_on(episode.on)) << " with carer "
                  << home.carer->value() << " (" << to_string(home.type) << ")"
                  << (is_move(episode.change) ? ": a move" : "") << ".\n";
    }

    std::cout << "\nWho held parental responsibility:\n";
    for (const auto& spell : history.legal_statuses())
        std::cout << "  " << describe(spell.status) << ", from "
                  << format_long(spell.period.start()) << ": " << holders(spell.status) << ".\n";

    const date adopted = *history.periods().front().period.end();
    std::cout << "\nZara was in care for " << history.time_in_care(adopted).count()
              << " days, from the age of " << zara.age_on(history.periods().front().period.start())
              << " to " << zara.age_on(adopted) << ". She had "
              << history.legal_statuses().size() - 1 << " legal statuses in care, lived in "
              << history.placements().size() << " placements with "
              << history.distinct_carers().size() << " carers, and moved home "
              << (history.moves().size() == 1 ? std::string{"once"}
                                              : std::to_string(history.moves().size()) + " times")
              << "; every other change kept her with the same carer.\n";
    return 0;
}
