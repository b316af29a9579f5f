#include "carepath/core/enum_table.hpp"

#include "carepath/core/care_history.hpp"
#include "carepath/core/legal_order.hpp"
#include "carepath/core/permanence.hpp"
#include "carepath/core/person.hpp"
#include "carepath/core/placement.hpp"
#include "carepath/core/relationship.hpp"

#include <catch2/catch.hpp>

#include <sstream>
#include <string>

using namespace carepath;

namespace {
enum class colour : unsigned char { red, green, blue };
enum class gappy : unsigned char { a, b, c };
} // namespace
template <>
struct carepath::enum_table<colour> {
    static constexpr std::array rows{
        enum_row<colour>{colour::red, "R", "red"},
        enum_row<colour>{colour::green, "G", "green"},
        enum_row<colour>{colour::blue, "B", "blue"},
    };
};
// A table that forgets `b` and repeats a code: the checks must notice both.
template <>
struct carepath::enum_table<gappy> {
    static constexpr std::array rows{
        enum_row<gappy>{gappy::a, "x", "a"},
        enum_row<gappy>{gappy::c, "x", "c"},
    };
};
static_assert(tabled_enum<colour>);
static_assert(!tabled_enum<int>);

TEST_CASE("enum_table: to_string, describe and from_string read the table", "[core][enum_table]") {
    CHECK(to_string(colour::green) == "G");
    CHECK(describe(colour::green) == "green");
    CHECK(from_string<colour>("B") == colour::blue);
    CHECK_FALSE(from_string<colour>("b").has_value()); // codes are case-sensitive
    CHECK_FALSE(from_string<colour>("").has_value());
    CHECK(to_string(static_cast<colour>(9)).empty());
    static_assert(to_string(colour::red) == "R");
}

TEST_CASE("enum_table: all_values lists the table in order", "[core][enum_table]") {
    constexpr auto values = all_values<colour>();
    static_assert(values.size() == 3);
    CHECK(values[0] == colour::red);
    CHECK(values[2] == colour::blue);
}

TEST_CASE("enum_table: the checks catch a repeated code and a missing enumerator",
          "[core][enum_table]") {
    static_assert(codes_are_unique<colour>() && table_is_dense<colour>());
    CHECK_FALSE(codes_are_unique<gappy>());
    CHECK_FALSE(table_is_dense<gappy>());
}

TEST_CASE("enum_table: enum_io streams the code", "[core][enum_table]") {
    using namespace carepath::enum_io;
    std::ostringstream os;
    os << colour::blue << ' ' << legal_status::care_order;
    CHECK(os.str() == "B C2");
}

// Every enum carepath's core defines: each code round-trips, codes are unique, no enumerator
// is missing from its table and every row has a label.
TEMPLATE_TEST_CASE("enum_table: every core enum table round-trips with unique codes",
                   "[core][enum_table]", sex, ethnicity, person_role, kind_family, contact_mode,
                   contact_frequency, end_reason, legal_status, placement_family,
                   placement_type, change_reason, permanence_option, exit_route, worker_role,
                   episode_change) {
    STATIC_REQUIRE(codes_are_unique<TestType>());
    STATIC_REQUIRE(table_is_dense<TestType>());
    for (const auto v : all_values<TestType>()) {
        CAPTURE(std::string{to_string(v)});
        CHECK_FALSE(to_string(v).empty());
        CHECK_FALSE(describe(v).empty());
        CHECK(from_string<TestType>(to_string(v)) == v);
    }
}

TEST_CASE("enum_table: the PR holder table, whose values are bit flags, round-trips",
          "[core][enum_table]") {
    STATIC_REQUIRE(codes_are_unique<pr_holder>());
    CHECK(all_values<pr_holder>().size() == 7);
    for (const auto v : all_values<pr_holder>()) CHECK(from_string<pr_holder>(to_string(v)) == v);
}
