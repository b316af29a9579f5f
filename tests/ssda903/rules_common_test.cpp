#include <carepath/ssda903/rules/common.hpp>

#include "rules_fixture.hpp"

#include <catch2/catch.hpp>

using namespace carepath::ssda903;
using namespace carepath::ssda903::testing;

TEST_CASE("rule helpers: code groups", "[ssda903][rules_common]") {
    CHECK(rules::temporary("T0"));
    CHECK(rules::temporary("T4"));
    CHECK_FALSE(rules::temporary("U4"));
    CHECK(rules::leaves_care("E4A"));
    CHECK_FALSE(rules::leaves_care("X1"));
    CHECK(rules::female("F", 2025));
    CHECK_FALSE(rules::female("F", 2024));
    CHECK(rules::female("2", 2024));
    CHECK(rules::short_break("V4"));
}

TEST_CASE("rule helpers: columns read by name, missing columns read blank", "[ssda903][rules_common]") {
    const auto t = make_table("OC3", "CHILD,DOB,IN_TOUCH", {"A,01/01/2006, YES "});
    const rules::columns col{t, {"CHILD", "IN_TOUCH", "ACCOM"}};
    CHECK(col(t.rows[0], 0) == "A");
    CHECK(col(t.rows[0], 1) == "YES");
    CHECK(col(t.rows[0], 2).empty());
    CHECK_FALSE(col.has(2));
}

TEST_CASE("rule helpers: rows are grouped by child", "[ssda903][rules_common]") {
    const auto data = make_return(2025, {make_table("Missing", "CHILD,MIS_START", {"A,1", "B,2", "A,3"})});
    const context c{data, 2025};
    const rules::by_child m{c, "Missing", {"CHILD", "MIS_START"}};
    REQUIRE(m.present());
    CHECK(m.of("A").size() == 2);
    CHECK(m.of("B").size() == 1);
    CHECK(m.of("C").empty());
    const rules::by_child none{c, "AD1", {"CHILD"}};
    CHECK_FALSE(none.present());
}
