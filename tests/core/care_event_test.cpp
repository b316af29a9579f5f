#include "carepath/core/care_event.hpp"

#include <catch2/catch.hpp>

#include <string_view>

using namespace carepath;

TEST_CASE("care_event: every event has its own name and its day", "[core][care_event]") {
    const date d = *make_date(2024, 3, 1);
    const person_id other{10};
    CHECK(event_date(relationship_role_changed{other, kinds::foster_carer,
                                               kinds::former_foster_carer, d})
          == d);
    CHECK(event_date(contact_recorded{other, kinds::full_sibling, d}) == d);
    CHECK(event_name(contact_recorded{other, kinds::full_sibling, d}) == "contact_recorded");
    CHECK(event_name(relationship_role_changed{other, kinds::foster_carer,
                                               kinds::former_foster_carer, d})
          == "relationship_role_changed");
    CHECK(event_name(left_care{d, exit_route::adoption}) == "left_care");
}
