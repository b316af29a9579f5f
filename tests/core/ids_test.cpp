#include "carepath/core/ids.hpp"

#include <catch2/catch.hpp>

#include <sstream>
#include <string>
#include <type_traits>
#include <unordered_set>

using namespace carepath;

// Distinct tags give unrelated types: none converts to another or from a bare integer.
static_assert(!std::is_convertible_v<child_id, person_id>);
static_assert(!std::is_convertible_v<person_id, child_id>);
static_assert(!std::is_convertible_v<carer_id, provider_id>);
static_assert(!std::is_convertible_v<social_worker_id, carer_id>);
static_assert(!std::is_convertible_v<std::uint32_t, child_id>);
static_assert(!std::is_convertible_v<child_id, std::uint32_t>);
static_assert(!std::is_convertible_v<std::uint16_t, local_authority_id>);
static_assert(!std::equality_comparable_with<child_id, person_id>);
static_assert(!std::equality_comparable_with<carer_id, std::uint32_t>);
static_assert(std::is_constructible_v<child_id, std::uint32_t>); // explicit only
static_assert(std::is_trivially_copyable_v<child_id>);
static_assert(sizeof(local_authority_id) == sizeof(std::uint16_t));
static_assert(id_type<child_id> && id_type<local_authority_id>);
static_assert(!id_type<std::uint32_t>);

TEST_CASE("ids: equal values of one id type compare equal and order by value", "[core][ids]") {
    CHECK(child_id{3} == child_id{3});
    CHECK(child_id{3} != child_id{4});
    CHECK(child_id{3} < child_id{4});
    CHECK(child_id{} == child_id{0});
    CHECK(carer_id{9}.value() == 9u);
}

TEST_CASE("ids: an id prints with the name of what it identifies", "[core][ids]") {
    std::ostringstream os;
    os << child_id{12} << ", " << person_id{5} << ", " << carer_id{1} << ", " << provider_id{2}
       << ", " << social_worker_id{3} << ", " << local_authority_id{202};
    CHECK(os.str() == "child 12, person 5, carer 1, provider 2, social worker 3, LA 202");
}

TEST_CASE("ids: ids hash by value so they work as unordered keys", "[core][ids]") {
    std::unordered_set<child_id> seen{child_id{1}, child_id{2}, child_id{1}};
    CHECK(seen.size() == 2);
    CHECK(seen.count(child_id{2}) == 1);
    CHECK(std::hash<carer_id>{}(carer_id{7}) == std::hash<carer_id>{}(carer_id{7}));
}
