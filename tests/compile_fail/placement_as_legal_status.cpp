// A placement is where a child lives, a legal status is the order they live under: an event
// that changes the legal status cannot be given a placement.
#include "carepath/core/care_history.hpp"

int main() {
    using namespace carepath;
    const date day = *make_date(2024, 3, 1);
    const placement foster = placement::with_carer(placement_type::U6, carer_id{1});
    care_event e = legal_status_changed{day, legal_status::care_order}; // control
#ifdef CAREPATH_COMPILE_FAIL
    e = legal_status_changed{day, foster};
#endif
    (void)foster;
    return e.index() == 4 ? 0 : 1;
}
