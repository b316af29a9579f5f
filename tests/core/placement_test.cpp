#include "carepath/core/placement.hpp"

#include <catch2/catch.hpp>

#include <string>

using namespace carepath;
using t = placement_type;

TEST_CASE("placement: every SSDA903 PLACE code is in the table", "[core][placement]") {
    // The 32 codes in ../shared/data/ssda903/codes.csv (Episodes.PLACE), current and retired.
    const std::string codes[] = {"A3", "A4", "A5", "A6", "H5",  "K1",  "K2",  "K3",
                                 "P1", "P2", "P3", "R1", "R2",  "R3",  "R5",  "S1",
                                 "T0", "T1", "T2", "T3", "T4",  "U1",  "U2",  "U3",
                                 "U4", "U5", "U6", "Z1", "Z11", "Z12", "Z13", "Z14"};
    CHECK(all_values<placement_type>().size() == std::size(codes));
    for (const auto& code : codes) {
        CAPTURE(code);
        const auto type = from_string<placement_type>(code);
        REQUIRE(type);
        CHECK(to_string(*type) == code);
    }
    CHECK_FALSE(from_string<placement_type>("R4").has_value());
}

TEST_CASE("placement: codes are valid only in the collection years they existed",
          "[core][placement]") {
    SECTION("P2 was retired in 2023-24") {
        CHECK(retired_in(t::P2) == 2024);
        CHECK(valid_in_year(t::P2, 2023));
        CHECK_FALSE(valid_in_year(t::P2, 2024));
    }
    SECTION("H5 gave way to K3 in 2024-25") {
        CHECK(retired_in(t::H5) == 2025);
        CHECK(valid_in_year(t::H5, 2024));
        CHECK_FALSE(valid_in_year(t::H5, 2025));
        CHECK(introduced_in(t::K3) == 2025);
        CHECK_FALSE(valid_in_year(t::K3, 2024));
        CHECK(valid_in_year(t::K3, 2025));
    }
    SECTION("Z1 was split into Z11-Z14 in 2025-26") {
        CHECK(valid_in_year(t::Z1, 2025));
        CHECK_FALSE(valid_in_year(t::Z1, 2026));
        for (const auto z : {t::Z11, t::Z12, t::Z13, t::Z14}) {
            CHECK_FALSE(valid_in_year(z, 2025));
            CHECK(valid_in_year(z, 2026));
        }
    }
    SECTION("retired codes stay on the code list until 2024-25") {
        for (const auto old : {t::P2, t::H5, t::Z1}) {
            CHECK(listed_in_year(old, 2025));
            CHECK_FALSE(listed_in_year(old, 2026));
        }
        CHECK_FALSE(listed_in_year(t::K3, 2024));
    }
    SECTION("current codes are valid in every year") {
        CHECK(valid_in_year(t::U6, 2015));
        CHECK(valid_in_year(t::U6, 2030));
        CHECK_FALSE(retired_in(t::K2).has_value());
    }
    SECTION("a code is never retired before it is introduced") {
        for (const auto type : all_values<placement_type>()) {
            const auto in = introduced_in(type);
            const auto out = retired_in(type);
            if (in && out) CHECK(*in < *out);
            if (out) CHECK(*last_listed_in(type) >= *out - 1);
        }
    }
}

TEST_CASE("placement: families, kinship and long-term flags follow the code",
          "[core][placement]") {
    CHECK(family_of(t::U1) == placement_family::kinship_foster);
    CHECK(family_of(t::U6) == placement_family::foster);
    CHECK(family_of(t::A5) == placement_family::adoption);
    CHECK(family_of(t::K2) == placement_family::residential);
    CHECK(family_of(t::K1) == placement_family::secure);
    CHECK(family_of(t::K3) == placement_family::independent);
    CHECK(is_kinship(t::U3));
    CHECK_FALSE(is_kinship(t::U4));
    CHECK(is_long_term_fostering(t::U1));
    CHECK(is_long_term_fostering(t::U4));
    CHECK_FALSE(is_long_term_fostering(t::U6));
    for (const auto tmp : {t::T0, t::T1, t::T2, t::T3, t::T4}) CHECK(is_temporary(tmp));
    CHECK_FALSE(is_temporary(t::U6));
    const auto p = placement::with_carer(t::U1, carer_id{5});
    CHECK(p.kinship);
    CHECK(p.long_term_fostering);
    CHECK(p.carer == carer_id{5});
    const auto home = placement::with_provider(t::K2, provider_id{9});
    CHECK_FALSE(home.carer.has_value());
    CHECK(home.provider == provider_id{9});
}

TEST_CASE("placement: a change of type with the same carer is not a change of carer",
          "[core][placement]") {
    const auto fostered = placement::with_carer(t::U6, carer_id{1});
    const auto adopting = placement::with_carer(t::A5, carer_id{1});
    const auto elsewhere = placement::with_carer(t::U6, carer_id{2});
    CHECK(same_carer(fostered, adopting));
    CHECK_FALSE(same_carer(fostered, elsewhere));
    SECTION("without carers, the same provider at the same place counts") {
        auto home_a = placement::with_provider(t::K2, provider_id{3});
        home_a.location.postcode_district = "LS6";
        auto home_b = home_a;
        home_b.type = t::K1;
        CHECK(same_carer(home_a, home_b));
        home_b.location.postcode_district = "LS7";
        CHECK_FALSE(same_carer(home_a, home_b));
        CHECK_FALSE(same_carer(placement{}, placement{}));
    }
}

TEST_CASE("placement: a placement records where it is", "[core][placement]") {
    auto p = placement::with_carer(t::U4, carer_id{8});
    p.location = {local_authority_id{340}, false, "L8"};
    CHECK_FALSE(p.location.inside_home_authority);
    CHECK(p.location.authority == local_authority_id{340});
    CHECK(to_string(change_reason::status_only) == "PLACE");
    CHECK(from_string<change_reason>("CUSTOD") == change_reason::custody);
}
