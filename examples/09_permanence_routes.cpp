// Example 09: routes to permanence, and a user's own order of preference.
//
// What you learn: which ways of leaving care carepath counts as a route to permanence (and which
// it does not), how a care period records its route, and how a user who needs an order of
// preference writes one: a `permanence_preference` (a fixed list) or a policy of their own (any
// type with `rank`). carepath itself never ranks the routes: return home, kinship care, special
// guardianship, adoption, long-term foster care and residential care are all valid.
#include <carepath/core.hpp>

#include <chrono>
#include <cstdlib>
#include <iostream>
#include <optional>
#include <string>
#include <vector>

namespace {
using namespace carepath;
using namespace std::chrono;

void record(care_history& history, const care_event& event) {
    if (const auto added = history.add(event); !added) {
        std::cout << "refused: " << to_string(added.error()) << '\n';
        std::exit(1);
    }
}

// A user's own policy, written without touching carepath: for a young person of 16 or over,
// staying put or staying close comes first and adoption is left unranked; below 16 the local
// plan's list applies. Any type with `rank(permanence_option)` is a policy.
struct by_age {
    int age;
    const permanence_preference* local_plan;
    [[nodiscard]] std::optional<std::size_t> rank(permanence_option o) const {
        if (age < 16) return local_plan->rank(o);
        if (o == permanence_option::staying_put_or_close) return 0;
        if (o == permanence_option::adoption) return std::nullopt;
        const auto r = local_plan->rank(o);
        return r ? std::optional<std::size_t>{*r + 1} : std::nullopt;
    }
};
static_assert(permanence_policy<by_age>);

void print(const std::string& title, const std::vector<permanence_option>& options,
           bool numbered = true) {
    std::cout << title << '\n';
    for (std::size_t i = 0; i < options.size(); ++i) {
        std::cout << "  ";
        if (numbered) std::cout << i + 1 << ". ";
        else std::cout << "- ";
        std::cout << describe(options[i]) << '\n';
    }
}
} // namespace

int main() {
    // 1. Every way of leaving care, and the permanence it achieves, if any.
    std::cout << "Leaving care, and the permanence it achieves:\n";
    for (const auto route : {exit_route::return_home, exit_route::lives_with_relative,
                             exit_route::special_guardianship, exit_route::child_arrangements_order,
                             exit_route::adoption, exit_route::staying_put,
                             exit_route::independent_living, exit_route::custody,
                             exit_route::transferred}) {
        const auto p = permanence_of(route);
        std::cout << "  " << describe(route) << ": " << (p ? describe(*p) : "not a route to permanence")
                  << '\n';
    }

    // 2. A care period records the route by which it ended.
    child noor;
    noor.id = child_id{9};
    noor.as_person = person_id{90};
    noor.name = "Noor";
    noor.birth_date = sys_days{2017y / March / 2};
    care_history history{noor};
    record(history, entered_care{sys_days{2022y / May / 4}, legal_status::interim_care_order,
                                 placement::with_carer(placement_type::U1, carer_id{1})});
    record(history, legal_status_changed{sys_days{2023y / January / 16}, legal_status::care_order});
    record(history, left_care{sys_days{2024y / February / 1}, exit_route::special_guardianship});
    const auto& period = history.periods().back();
    std::cout << "\nNoor lived with her aunt as a kinship foster carer (U1) and left care on "
              << format_uk(*period.period.end()) << ": " << describe(*period.exit) << ", which is "
              << describe(*permanence_of(*period.exit)) << ".\n";

    // 3. Orders of preference are the user's. The same options, three ways.
    const std::vector<permanence_option> options{
        permanence_option::adoption, permanence_option::long_term_foster_care,
        permanence_option::return_home, permanence_option::special_guardianship,
        permanence_option::staying_put_or_close, permanence_option::kinship_care};
    print("\nThe options open to a child, as carepath holds them (in no order of merit):", options,
          false);

    // A local plan's list: family first. Options it leaves out stay unranked, after the rest.
    const permanence_preference local_plan{{permanence_option::return_home,
                                            permanence_option::kinship_care,
                                            permanence_option::special_guardianship,
                                            permanence_option::adoption}};
    print("\nOrdered by the local plan (unranked options last, as they came):",
          order_by(local_plan, options));
    std::cout << "The plan prefers kinship care to adoption: "
              << (local_plan.prefers(permanence_option::kinship_care, permanence_option::adoption)
                      ? "yes" : "no")
              << "; long-term foster care is "
              << (local_plan.rank(permanence_option::long_term_foster_care) ? "ranked" : "unranked")
              << ".\n";

    print("\nOrdered by the user's own policy for a 16-year-old:",
          order_by(by_age{16, &local_plan}, options));

    // A preference that lists an option twice is a mistake, and says so.
    try {
        const permanence_preference twice{{permanence_option::adoption, permanence_option::adoption}};
    } catch (const std::invalid_argument& e) {
        std::cout << "\nA list with an option twice is refused: " << e.what() << ".\n";
    }
}
