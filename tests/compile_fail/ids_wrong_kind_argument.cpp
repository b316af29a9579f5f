// A person's id is not a carer's id: a placement with a carer needs a carer_id.
#include "carepath/core/placement.hpp"

int main() {
    using namespace carepath;
    auto p = placement::with_carer(placement_type::U6, carer_id{4}); // control
#ifdef CAREPATH_COMPILE_FAIL
    p = placement::with_carer(placement_type::U6, person_id{4});
#endif
    return p.carer ? 0 : 1;
}
