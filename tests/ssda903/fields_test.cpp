#include "carepath/ssda903/fields.hpp"

#include <catch2/catch.hpp>

#include "carepath/ssda903/codes.hpp"

#include <set>
#include <string_view>

using namespace carepath::ssda903;

TEST_CASE("fields: every table starts with CHILD and names each column once", "[ssda903][fields]") {
    for (const auto& t : table_specs) {
        CAPTURE(t.name);
        REQUIRE_FALSE(t.fields.empty());
        CHECK(t.fields.front().name == "CHILD");
        CHECK(t.fields.front().type == field_type::child_id);
        std::set<std::string_view> names;
        for (const auto& f : t.fields)
            CHECK(names.insert(f.name).second);
    }
}

TEST_CASE("fields: every coded column has a code list", "[ssda903][fields]") {
    for (const auto& t : table_specs)
        for (const auto& f : t.fields)
            if (f.type == field_type::code) {
                CAPTURE(t.name, f.name);
                CHECK(has_code_list(f.codes_table, f.codes_field));
            }
}

TEST_CASE("fields: layouts are found by table name, including the previous year's",
          "[ssda903][fields]") {
    const auto* e = find_table_spec("Episodes");
    REQUIRE(e);
    CHECK(e->fields.size() == 13);
    CHECK(find_table_spec("Episodes_last") == e);
    CHECK_FALSE(find_table_spec("episodes"));
    REQUIRE(find_field(*e, "DEC"));
    CHECK(find_field(*e, "DEC")->type == field_type::date);
    CHECK_FALSE(find_field(*e, "DOB"));
    CHECK(find_table_spec("OC2")->fields.size() == 12);
    CHECK(find_field(*find_table_spec("OC2"), "SDQ_SCORE")->max == 40);
}
