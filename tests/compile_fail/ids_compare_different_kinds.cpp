// A child's id and a person's id are different kinds of thing: comparing them must not compile,
// even when both hold the number 7.
#include "carepath/core/ids.hpp"

int main() {
    const carepath::child_id child{7};
    const carepath::person_id person{7};
    bool same = child == carepath::child_id{7}; // control: same kind compares
#ifdef CAREPATH_COMPILE_FAIL
    same = child == person;
#endif
    (void)person;
    return same ? 0 : 1;
}
