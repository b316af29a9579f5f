#include "carepath/sim/detail/siblings.hpp"

#include <catch2/catch.hpp>

using namespace carepath::sim;
using namespace carepath::sim::detail;

TEST_CASE("siblings: a child can join a sibling's foster carer only when there is room",
          "[sim][siblings]") {
    carer_rec h;
    h.kind = home_kind::foster;
    h.places = 2;
    h.used = 1;
    CHECK(can_join_sibling(h, 5, 9));
    CHECK_FALSE(can_join_sibling(h, 5, 5)); // the carer the child is leaving
    CHECK_FALSE(can_join_sibling(h, none, 9));
    h.used = 2;
    CHECK_FALSE(can_join_sibling(h, 5, 9)); // full
    h.used = 1;
    h.active = false;
    CHECK_FALSE(can_join_sibling(h, 5, 9)); // stopped caring
    h.active = true;
    h.kind = home_kind::kinship_foster;
    CHECK_FALSE(can_join_sibling(h, 5, 9)); // relatives are found by family, not by room
    h.kind = home_kind::childrens_home;
    CHECK_FALSE(can_join_sibling(h, 5, 9));
    h.kind = home_kind::foster;
    h.unlimited = true;
    CHECK_FALSE(can_join_sibling(h, 5, 9)); // a provider, not a household
}
