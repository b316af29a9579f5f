// A program outside the carepath tree that uses only carepath::core, built against the installed
// package by find_package(carepath COMPONENTS core).
#include <carepath/core.hpp>

#include <chrono>
#include <iostream>

int main() {
    using namespace carepath;
    using namespace std::chrono;
    child c;
    c.id = child_id{7};
    c.as_person = person_id{7};
    c.birth_date = sys_days{2015y / 5 / 1};
    care_history h{c};
    const bool ok1 = h.add(entered_care{sys_days{2022y / 1 / 10}, legal_status::accommodated_s20,
                                        placement::with_carer(placement_type::U6, carer_id{1})})
                         .ok();
    const bool ok2 = h.add(placement_changed{sys_days{2022y / 6 / 1},
                                             placement::with_carer(placement_type::U4, carer_id{2})})
                         .ok();
    if (!ok1 || !ok2) return 1;
    std::cout << "consumer: child " << c.id.value() << " has " << h.moves().size() << " move\n";
    return 0;
}
