// An id never comes from a bare integer without saying which kind of id it is.
#include "carepath/core/ids.hpp"

namespace {
unsigned read(carepath::carer_id id) { return id.value(); }
} // namespace

int main() {
    unsigned n = read(carepath::carer_id{3}); // control: an explicit carer id is accepted
#ifdef CAREPATH_COMPILE_FAIL
    n = read(3u);
#endif
    return n == 3 ? 0 : 1;
}
