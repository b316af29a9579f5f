// An interval is built from dates, never from bare numbers.
#include "carepath/core/interval.hpp"

int main() {
    using namespace carepath;
    const date start = *make_date(2024, 3, 1);
    interval i{start, start + days{10}}; // control
#ifdef CAREPATH_COMPILE_FAIL
    i = interval{19783, 19793};
#endif
    return i.length() == days{10} ? 0 : 1;
}
