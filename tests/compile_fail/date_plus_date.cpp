// Dates are points, lengths are days: a date plus days is a date, a date plus a date is
// meaningless and must not compile.
#include "carepath/core/dates.hpp"

int main() {
    using namespace carepath;
    const date day = *make_date(2024, 3, 1);
    auto later = day + days{28}; // control: a date plus a length
#ifdef CAREPATH_COMPILE_FAIL
    auto nonsense = day + day;
    (void)nonsense;
#endif
    return later > day ? 0 : 1;
}
