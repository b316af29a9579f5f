#include "carepath/sim/detail/siblings.hpp"

#include <catch2/catch.hpp>

using namespace carepath;
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

TEST_CASE("siblings: a move about one child leaves the siblings; one about the carer or the "
          "plan takes them along",
          "[sim][siblings]") {
    CHECK(move_about_one_child(change_reason::carer_request_behaviour));
    CHECK(move_about_one_child(change_reason::child_request));
    CHECK(move_about_one_child(change_reason::custody));
    CHECK_FALSE(move_about_one_child(change_reason::care_plan));
    CHECK_FALSE(move_about_one_child(change_reason::carer_resigned));
    CHECK_FALSE(move_about_one_child(change_reason::standard_of_care));
    CHECK_FALSE(move_about_one_child(change_reason::allegation));
    CHECK_FALSE(move_about_one_child(change_reason::approval_removed));
    CHECK_FALSE(move_about_one_child(change_reason::carer_request_other));
}

TEST_CASE("siblings: they can move together into a family or children's home only", "[sim][siblings]") {
    CHECK(home_shared_with_siblings(home_kind::foster));
    CHECK(home_shared_with_siblings(home_kind::kinship_foster));
    CHECK(home_shared_with_siblings(home_kind::with_parents));
    CHECK(home_shared_with_siblings(home_kind::childrens_home));
    CHECK_FALSE(home_shared_with_siblings(home_kind::semi_independent));
    CHECK_FALSE(home_shared_with_siblings(home_kind::independent));
    CHECK_FALSE(home_shared_with_siblings(home_kind::placed_for_adoption));
    CHECK_FALSE(home_shared_with_siblings(home_kind::other_residential));
}
