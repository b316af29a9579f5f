#include "carepath/core/legal_order.hpp"

#include <catch2/catch.hpp>

#include <string>

using namespace carepath;
using s = legal_status;

TEST_CASE("legal_order: each SSDA903 LS code maps to one status and back", "[core][legal_order]") {
    const std::string codes[] = {"C1", "C2", "D1", "E1", "V2", "V3", "V4",
                                 "L1", "L2", "L3", "J1", "J2", "J3"};
    for (const auto& code : codes) {
        CAPTURE(code);
        const auto status = from_ssda903_code(code);
        REQUIRE(status);
        CHECK(ssda903_code(*status) == code);
        CHECK(is_looked_after(*status));
    }
    CHECK(from_ssda903_code("C2") == s::care_order);
    CHECK(from_ssda903_code("E1") == s::placement_order);
    CHECK(from_ssda903_code("J1") == s::remand);
    // Orders outside care have no LS code, even though carepath gives them a code of its own.
    CHECK_FALSE(from_ssda903_code("SGO").has_value());
    CHECK_FALSE(ssda903_code(s::adoption_order).has_value());
    CHECK_FALSE(from_ssda903_code("C3").has_value());
}

TEST_CASE("legal_order: orders a child leaves care by are not looked-after statuses",
          "[core][legal_order]") {
    CHECK_FALSE(is_looked_after(s::special_guardianship_order));
    CHECK_FALSE(is_looked_after(s::child_arrangements_order));
    CHECK_FALSE(is_looked_after(s::adoption_order));
    CHECK_FALSE(is_looked_after(s::supervision_order));
    CHECK_FALSE(is_looked_after(s::no_order));
    CHECK(is_looked_after(s::accommodated_s20));
    CHECK(is_looked_after(s::remand)); // s21(2)(c): remand makes a child looked after
}

TEST_CASE("legal_order: parental responsibility follows the order", "[core][legal_order]") {
    using h = pr_holder;
    SECTION("a care order shares PR between parents and the authority (s33(3))") {
        const auto pr = parental_responsibility(s::care_order);
        CHECK(pr.has(h::birth_parents));
        CHECK(pr.has(h::local_authority));
        CHECK_FALSE(pr.has(h::special_guardian));
    }
    SECTION("under s20 the authority gets no PR") {
        CHECK(parental_responsibility(s::accommodated_s20) == pr_holders{h::birth_parents});
    }
    SECTION("an adoption order gives the adopters sole PR (s46 ACA 2002)") {
        CHECK(parental_responsibility(s::adoption_order).list()
              == std::vector<pr_holder>{h::adopters});
    }
    SECTION("a special guardian shares PR with the parents (s14C)") {
        CHECK(parental_responsibility(s::special_guardianship_order)
              == pr_holders{h::birth_parents, h::special_guardian});
    }
    SECTION("a placement order adds prospective adopters once the child is placed") {
        CHECK(parental_responsibility(s::placement_order).has(h::prospective_adopters));
    }
    SECTION("every status leaves someone holding PR") {
        for (const auto st : all_values<legal_status>()) CHECK_FALSE(parental_responsibility(st).empty());
    }
}

TEST_CASE("legal_order: each status names its statute", "[core][legal_order]") {
    CHECK(statute(s::care_order) == "s31 Children Act 1989");
    CHECK(statute(s::interim_care_order) == "s38 Children Act 1989");
    CHECK(statute(s::emergency_protection_order) == "s44 Children Act 1989");
    CHECK(statute(s::police_protection) == "s46 Children Act 1989");
    CHECK(statute(s::child_assessment_order) == "s43 Children Act 1989");
    CHECK(statute(s::special_guardianship_order) == "s14A Children Act 1989");
    CHECK(statute(s::child_arrangements_order) == "s8 Children Act 1989");
    CHECK(statute(s::placement_order) == "s21 Adoption and Children Act 2002");
    CHECK(statute(s::adoption_order) == "s46 Adoption and Children Act 2002");
    CHECK(statute(s::remand).starts_with("s21(2)(c) Children Act 1989"));
    for (const auto st : all_values<legal_status>())
        if (st != s::no_order) CHECK_FALSE(statute(st).empty());
}

TEST_CASE("legal_order: emergency statuses carry their time limits", "[core][legal_order]") {
    CHECK(statutory_max_days(s::police_protection) == 3);
    CHECK(statutory_max_days(s::emergency_protection_order) == 15);
    CHECK(statutory_max_days(s::child_assessment_order) == 7);
    CHECK_FALSE(statutory_max_days(s::care_order).has_value());
    CHECK(is_emergency(s::emergency_protection_order));
    CHECK_FALSE(is_emergency(s::interim_care_order));
}

TEST_CASE("legal_order: the usual route through proceedings is accepted", "[core][legal_order]") {
    CHECK(check_transition(s::police_protection, s::emergency_protection_order).ok());
    CHECK(check_transition(s::emergency_protection_order, s::interim_care_order).ok());
    CHECK(check_transition(s::accommodated_s20, s::interim_care_order).ok());
    CHECK(check_transition(s::interim_care_order, s::care_order).ok());
    CHECK(check_transition(s::care_order, s::placement_order).ok());
    CHECK(check_transition(s::placement_order, s::adoption_order).ok());
    // Revoking a placement order revives the care order (s24 ACA 2002).
    CHECK(check_transition(s::placement_order, s::care_order).ok());
    CHECK(check_transition(s::care_order, s::special_guardianship_order).ok());
    CHECK(can_change(s::care_order, s::supervision_order));
}

TEST_CASE("legal_order: an impossible change of status is refused with its reason",
          "[core][legal_order]") {
    SECTION("back to an interim order after the final order") {
        const auto r = check_transition(s::care_order, s::interim_care_order);
        REQUIRE_FALSE(r.ok());
        CHECK(r.error().field == "legal_status");
        CHECK(r.error().value == "C2 -> C1");
        CHECK(r.error().message
              == "an interim order is made while proceedings are pending, not after the final "
                 "order");
    }
    SECTION("out of an adoption order") {
        const auto r = check_transition(s::adoption_order, s::care_order);
        REQUIRE_FALSE(r.ok());
        CHECK(r.error().message.starts_with("an adoption order is permanent"));
    }
    SECTION("an emergency order for a child the authority already has PR for") {
        CHECK(check_transition(s::care_order, s::emergency_protection_order)
                  .error()
                  .message.ends_with("an emergency order adds nothing"));
    }
    SECTION("an adoption order straight from an interim order") {
        CHECK_FALSE(can_change(s::interim_care_order, s::adoption_order));
    }
    SECTION("from a placement order to s20 accommodation") {
        CHECK(check_transition(s::placement_order, s::accommodated_s20)
                  .error()
                  .message.find("s24 ACA 2002") != std::string::npos);
    }
    SECTION("to a freeing order, abolished in 2005") {
        CHECK_FALSE(can_change(s::care_order, s::freeing_order));
    }
    SECTION("to the same status") {
        CHECK(check_transition(s::care_order, s::care_order).error().message
              == "the status does not change");
    }
}
