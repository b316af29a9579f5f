// A date is a day on the calendar, not a number: comparing it with an integer (20240301, or a
// count of days) must not compile.
#include "carepath/core/dates.hpp"

int main() {
    using namespace carepath;
    const date day = *make_date(2024, 3, 1);
    bool later = day > *make_date(2024, 2, 1); // control: dates compare with dates
#ifdef CAREPATH_COMPILE_FAIL
    later = day > 20240201;
#endif
    return later ? 0 : 1;
}
