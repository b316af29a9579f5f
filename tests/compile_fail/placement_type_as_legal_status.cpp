// A placement type (U6, foster care) is not a legal status (C2, care order), though both are
// two-letter SSDA903 codes: the law's checks take legal statuses only.
#include "carepath/core/legal_order.hpp"
#include "carepath/core/placement.hpp"

int main() {
    using namespace carepath;
    bool ok = can_change(legal_status::interim_care_order, legal_status::care_order); // control
#ifdef CAREPATH_COMPILE_FAIL
    ok = can_change(legal_status::interim_care_order, placement_type::U6);
#endif
    return ok ? 0 : 1;
}
