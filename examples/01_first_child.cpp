// Example 01: a first child's care history.
//
// What you learn: how to describe a child, write down what happened to them as typed events
// (entering care, a change of legal status, a move, a new social worker, leaving care), and
// ask the history the questions a social worker or researcher asks first: how long was the
// child in care, how many times did they move home, and who cared for them.
#include <carepath/core.hpp>

#include <chrono>
#include <cstdlib>
#include <iostream>
#include <string>

namespace {
using namespace carepath;
using namespace std::chrono;

// Every event is checked against the history so far; the example's events are all lawful,
// so a refusal here would be a bug worth stopping for.
void record(care_history& history, const care_event& event) {
    if (const auto added = history.add(event); !added) {
        std::cout << "refused: " << to_string(added.error()) << '\n';
        std::exit(1);
    }
}
std::string times(std::size_t n) {
    if (n == 1) return "once";
    if (n == 2) return "twice";
    return std::to_string(n) + " times";
}
} // namespace

int main() {
    // Leo, 7, and his sister Maya. Person ids place them among the people in each other's lives.
    child leo;
    leo.id = child_id{1};
    leo.as_person = person_id{1};
    leo.name = "Leo";
    leo.birth_date = sys_days{2015y / September / 14};
    leo.sex = sex::male;
    leo.ethnicity = ethnicity::white_british;
    const person_id maya{2};
    const carer_id emergency_carer{1}, aunt{2};

    care_history history{leo};
    // His school raised concerns; his mother agreed to him being accommodated (s20).
    record(history, entered_care{sys_days{2023y / February / 3}, legal_status::accommodated_s20,
                                 placement::with_carer(placement_type::U6, emergency_carer)});
    record(history, worker_changed{sys_days{2023y / February / 3}, worker_role::social_worker,
                                   social_worker_id{1}});
    record(history, relationship_begun{relationship{leo.as_person, maya, kinds::full_sibling,
                                                    leo.birth_date}});
    record(history, contact_changed{maya, kinds::full_sibling,
                                    {sys_days{2023y / February / 3}, contact_mode::supervised,
                                     contact_frequency::weekly}});
    // The court makes an interim care order. He stays with the same carer: not a move.
    record(history, legal_status_changed{sys_days{2023y / March / 20},
                                         legal_status::interim_care_order});
    // His aunt is approved as a kinship foster carer and he moves to her.
    record(history, placement_changed{sys_days{2023y / June / 12},
                                      placement::with_carer(placement_type::U3, aunt),
                                      change_reason::care_plan});
    record(history, contact_changed{maya, kinds::full_sibling,
                                    {sys_days{2023y / June / 12}, contact_mode::direct,
                                     contact_frequency::weekly}});
    record(history, worker_changed{sys_days{2023y / October / 1}, worker_role::social_worker,
                                   social_worker_id{2}});
    // His aunt becomes his special guardian, which ends his time in care.
    record(history, left_care{sys_days{2024y / April / 15}, exit_route::special_guardianship});

    // The history cut into episodes: each day care began, or the legal status or home changed.
    std::cout << leo.name << " was born on " << format_long(leo.birth_date) << ".\n";
    for (const auto& episode : history.episode_starts()) {
        const auto status = *history.legal_status_on(episode.on);
        const auto& home = history.placement_on(episode.on)->where;
        const std::string when = "On " + format_long(episode.on);
        switch (episode.change) {
        case episode_change::started:
            std::cout << when << ", aged " << leo.age_on(episode.on)
                      << ", he started to be looked after: " << describe(status)
                      << ". He lived with carer " << home.carer->value() << " (placement type "
                      << to_string(home.type) << ", " << describe(home.type) << ").\n";
            break;
        case episode_change::legal_only:
            std::cout << when << " his legal status became " << describe(status)
                      << ". He stayed with carer " << home.carer->value()
                      << ", so this was not a move.\n";
            break;
        default:
            std::cout << when << " he moved to carer " << home.carer->value()
                      << " (placement type " << to_string(home.type) << ", "
                      << describe(home.type) << ").\n";
            break;
        }
    }

    const auto& period = history.periods().front();
    const date left = *period.period.end();
    std::cout << "On " << format_long(left) << " he left care when the court made a "
              << describe(*history.legal_status_on(left)) << " for his aunt.\n";
    std::cout << "He was in care for " << history.time_in_care(left).count() << " days. He moved home "
              << times(history.moves().size()) << ", lived with "
              << history.distinct_carers().size() << " carers and had "
              << history.worker_changes() << " change of social worker.\n";
    const auto contact =
        history.find_relationship(maya, kinds::full_sibling)->contact_on(left - days{1});
    std::cout << "When he left care he saw his sister Maya " << describe(contact->frequency)
              << " (" << describe(contact->mode) << ").\n";

    std::cout << "\nThe summary a case system would show:\n"
              << summarise(history, sys_days{2024y / June / 1});
    return 0;
}
