#include "carepath/core/person.hpp"

#include <catch2/catch.hpp>

#include <chrono>

using namespace carepath;
using namespace std::chrono;

TEST_CASE("person: a child's age and 18th birthday follow the leap-day rule", "[core][person]") {
    child c;
    c.id = child_id{1};
    c.as_person = person_id{100};
    c.birth_date = sys_days{2008y / February / 29};
    CHECK(c.age_on(sys_days{2026y / February / 28}) == 17);
    CHECK(c.age_on(sys_days{2026y / March / 1}) == 18);
    CHECK(c.eighteenth_birthday() == sys_days{2026y / March / 1});
}

TEST_CASE("person: a child carries the attributes the DfE records", "[core][person]") {
    child c{.id = child_id{2},
            .as_person = person_id{200},
            .name = "Amira",
            .birth_date = sys_days{2012y / May / 3},
            .sex = sex::female,
            .ethnicity = ethnicity::black_african,
            .disabled = true,
            .unaccompanied_asylum_seeking = true,
            .responsible_authority = local_authority_id{202},
            .religion = "Muslim",
            .first_language = "Tigrinya"};
    CHECK(to_string(c.sex) == "F");
    REQUIRE(c.ethnicity);
    CHECK(to_string(*c.ethnicity) == "BAFR");
    CHECK(c.disabled);
    CHECK(c.unaccompanied_asylum_seeking);
    CHECK(c.responsible_authority == local_authority_id{202});
    SECTION("the child appears among people with the role child") {
        const person p = c.as_person_record();
        CHECK(p.id == person_id{200});
        CHECK(p.name == "Amira");
        CHECK(p.role == person_role::child);
        CHECK(p.birth_date == c.birth_date);
    }
}

TEST_CASE("person: SSDA903 sex and ethnicity codes parse, others do not", "[core][person]") {
    CHECK(from_string<sex>("U") == sex::not_known);
    CHECK_FALSE(from_string<sex>("1").has_value()); // the pre-2024-25 numeric coding is retired
    CHECK(from_string<ethnicity>("WIRT") == ethnicity::white_irish_traveller);
    CHECK(all_values<ethnicity>().size() == 20); // the DfE's 20 census categories
    CHECK_FALSE(from_string<ethnicity>("wbri").has_value());
}

TEST_CASE("person: the people around a child carry a role", "[core][person]") {
    const person nan{person_id{3}, "Nan", person_role::relative, std::nullopt};
    const person teacher{person_id{4}, "Mr Okoro", person_role::professional, std::nullopt};
    CHECK(to_string(nan.role) == "relative");
    CHECK(describe(teacher.role) == "professional");
    CHECK(from_string<person_role>("friend") == person_role::friend_);
    CHECK(person{}.role == person_role::other);
}
