#include "carepath/core/relationship.hpp"

#include <catch2/catch.hpp>

#include <chrono>
#include <sstream>

using namespace carepath;
using namespace std::chrono;

namespace {
const person_id amira{1}, sami{2}, mum{3};
constexpr date d2020 = sys_days{2020y / January / 1};
constexpr date d2021 = sys_days{2021y / January / 1};
constexpr date d2022 = sys_days{2022y / January / 1};
constexpr date d2023 = sys_days{2023y / January / 1};
} // namespace

TEST_CASE("relationship: kinds belong to families, and a user can add their own",
          "[core][relationship]") {
    CHECK(kinds::half_sibling.is_sibling());
    CHECK(kinds::iro.family() == kind_family::professional);
    CHECK_FALSE(kinds::pet.is_user_defined());
    kind_catalogue cat;
    CHECK(cat.all().size() == kinds::builtin.size());
    const relationship_kind coach{1001, kind_family::chosen, "football_coach"};
    cat.add(coach);
    CHECK(cat.parse("football_coach") == coach);
    CHECK(cat.find(1001)->family() == kind_family::chosen);
    CHECK(cat.parse("grandparent") == kinds::grandparent);
    CHECK_FALSE(cat.parse("stranger").has_value());
    SECTION("user codes start at 1000 and may not clash") {
        CHECK_THROWS_AS(cat.add(relationship_kind{7, kind_family::other, "seven"}),
                        std::invalid_argument);
        CHECK_THROWS_AS(cat.add(relationship_kind{1001, kind_family::other, "again"}),
                        std::invalid_argument);
        CHECK_THROWS_AS(cat.add(relationship_kind{1002, kind_family::other, "football_coach"}),
                        std::invalid_argument);
    }
}

TEST_CASE("relationship: built-in kinds have unique codes and names", "[core][relationship]") {
    for (std::size_t i = 0; i < kinds::builtin.size(); ++i)
        for (std::size_t j = i + 1; j < kinds::builtin.size(); ++j) {
            CHECK(kinds::builtin[i].code() != kinds::builtin[j].code());
            CHECK(kinds::builtin[i].name() != kinds::builtin[j].name());
        }
    std::ostringstream os;
    os << kinds::former_foster_carer;
    CHECK(os.str() == "former_foster_carer");
}

TEST_CASE("relationship: an ending with no reason is refused", "[core][relationship]") {
    relationship r{amira, sami, kinds::full_sibling, d2020};
    const auto refused = r.end(relationship_ending{d2021});
    REQUIRE_FALSE(refused.ok());
    CHECK(refused.error().field == "end_reason");
    CHECK(refused.error().message == "an ending needs a reason");
    CHECK_FALSE(r.has_ended());
    CHECK(r.active_on(d2022));
    SECTION("an empty or unknown reason code is refused too") {
        CHECK(parse_end_reason("").error().message == "an ending needs a reason");
        CHECK(parse_end_reason("bored").error().message == "not a known ending reason");
        CHECK(*parse_end_reason("placement_move") == end_reason::placement_move);
    }
}

TEST_CASE("relationship: an explicit ending closes the spell on its day", "[core][relationship]") {
    relationship r{amira, mum, kinds::birth_parent, d2020};
    REQUIRE(r.end({d2022, end_reason::court_order, true, "contact stopped by the court"}).ok());
    CHECK(r.has_ended());
    CHECK(r.active_on(d2022 - days{1}));
    CHECK_FALSE(r.active_on(d2022));
    REQUIRE(r.last_ending());
    CHECK(r.last_ending()->reason == end_reason::court_order);
    CHECK(r.spells().front() == interval{d2020, d2022});
    SECTION("it cannot end twice") {
        CHECK(r.end({d2023, end_reason::death}).error().message
              == "relationship has already ended");
    }
    SECTION("it can resume, but not before it ended") {
        CHECK_FALSE(r.resume(d2021).ok());
        REQUIRE(r.resume(d2023).ok());
        CHECK(r.spells().size() == 2);
        CHECK(r.active_on(d2023));
        CHECK_FALSE(r.active_on(d2022));
        CHECK(r.ending_after(d2021)->on == d2022);
    }
    SECTION("a planned ending must know its reason") {
        relationship s{amira, sami, kinds::full_sibling, d2020};
        CHECK_FALSE(s.end({d2021, end_reason::not_known, true}).ok());
        CHECK(s.end({d2021, end_reason::not_known, false}).ok());
    }
    SECTION("no ending before the start") {
        relationship s{amira, sami, kinds::full_sibling, d2021};
        CHECK(s.end({d2020, end_reason::lost_contact}).error().message
              == "relationship cannot end before it starts");
    }
}

TEST_CASE("relationship: contact arrangements change over time", "[core][relationship]") {
    relationship r{amira, mum, kinds::birth_parent, d2020};
    REQUIRE(r.set_contact({d2020, contact_mode::supervised, contact_frequency::weekly}).ok());
    REQUIRE(r.set_contact({d2022, contact_mode::indirect, contact_frequency::quarterly}).ok());
    CHECK(r.contact_on(d2021)->mode == contact_mode::supervised);
    CHECK(r.contact_on(d2022)->frequency == contact_frequency::quarterly);
    CHECK(r.contact().size() == 2);
    SECTION("arrangements are appended in date order, never rewritten") {
        CHECK_FALSE(r.set_contact({d2021, contact_mode::direct}).ok());
        CHECK_FALSE(r.set_contact({d2020 - days{1}, contact_mode::direct}).ok());
    }
    SECTION("a second arrangement on the same day replaces the first") {
        REQUIRE(r.set_contact({d2022, contact_mode::none}).ok());
        CHECK(r.contact().size() == 2);
        CHECK(r.contact_on(d2023)->mode == contact_mode::none);
    }
    SECTION("after the relationship ends there is no arrangement in force") {
        REQUIRE(r.end({d2023, end_reason::adoption}).ok());
        CHECK_FALSE(r.contact_on(d2023).has_value());
        CHECK_FALSE(r.set_contact({d2023, contact_mode::indirect}).ok());
    }
}

TEST_CASE("relationship: contact that happened is recorded by day", "[core][relationship]") {
    relationship r{amira, sami, kinds::full_sibling, d2020};
    REQUIRE(r.record_contact(d2022).ok());
    REQUIRE(r.record_contact(d2021).ok());
    CHECK(r.contact_events().front() == d2021);
    CHECK(r.contact_between(d2021, d2022));
    CHECK_FALSE(r.contact_between(d2021 + days{1}, d2022));
    CHECK_FALSE(r.record_contact(d2020 - days{1}).ok());
}

TEST_CASE("relationship: joins two different people", "[core][relationship]") {
    CHECK_THROWS_AS((relationship{amira, amira, kinds::friend_, d2020}), std::invalid_argument);
    const relationship r{amira, sami, kinds::full_sibling, d2020};
    CHECK(r.involves(sami));
    CHECK(r.other(amira) == sami);
    CHECK(r.other(sami) == amira);
    CHECK_THROWS_AS(r.other(mum), contract_violation);
}

// Issue 15, item 5: a relationship goes on with a new kind, by an explicit dated change.
TEST_CASE("relationship: a role changes on a day and the relationship goes on",
          "[core][relationship]") {
    const date start = *make_date(2024, 1, 1);
    const date move = *make_date(2024, 3, 1);
    relationship r{person_id{1}, person_id{10}, kinds::foster_carer, start};
    CHECK_FALSE(r.change_role(move, kinds::foster_carer).ok()); // nothing changes
    CHECK_FALSE(r.change_role(start, kinds::former_foster_carer).ok()); // begin it so instead
    REQUIRE(r.change_role(move, kinds::former_foster_carer).ok());
    CHECK(r.kind() == kinds::former_foster_carer);
    CHECK(r.kind_on(move - days{1}) == kinds::foster_carer);
    CHECK(r.kind_on(move) == kinds::former_foster_carer);
    CHECK(r.kind_on(start - days{100}) == kinds::foster_carer);
    CHECK_FALSE(r.has_ended()); // a change of role is not an ending
    CHECK(r.spells().size() == 1);
    REQUIRE(r.role_changes().size() == 1);
    CHECK(r.role_changes()[0] == role_change{move, kinds::foster_carer, kinds::former_foster_carer});
    // Later changes come later; an ended relationship keeps its last role.
    CHECK_FALSE(r.change_role(move, kinds::special_guardian).ok());
    REQUIRE(r.end({*make_date(2025, 1, 1), end_reason::lost_contact}).ok());
    CHECK_FALSE(r.change_role(*make_date(2025, 2, 1), kinds::special_guardian).ok());
    CHECK(r.kind() == kinds::former_foster_carer);
}
