#include "carepath/ssda903/codes.hpp"

#include <catch2/catch.hpp>

#include "carepath/core/placement.hpp"

#include <set>
#include <string>
#include <tuple>

using namespace carepath;
using namespace carepath::ssda903;

TEST_CASE("codes: each code appears once per column", "[ssda903][codes]") {
    std::set<std::tuple<std::string_view, std::string_view, std::string_view>> seen;
    for (const auto& e : code_list) {
        CAPTURE(e.table, e.field, e.code);
        CHECK(seen.insert({e.table, e.field, e.code}).second);
        CHECK_FALSE(e.meaning.empty());
        if (e.first_year != 0 && e.retired_year != 0)
            CHECK(e.first_year < e.retired_year);
    }
    CHECK(code_list.size() == 253);
}

TEST_CASE("codes: validity by collection year follows codes.csv", "[ssda903][codes]") {
    const auto h5 = find_code("Episodes", "PLACE", "H5");
    REQUIRE(h5);
    CHECK(h5->valid_in(2024));
    CHECK_FALSE(h5->valid_in(2025));
    CHECK(h5->valid_in(0)); // any year
    const auto k3 = find_code("Episodes", "PLACE", "K3");
    REQUIRE(k3);
    CHECK_FALSE(k3->valid_in(2024));
    CHECK(k3->valid_in(2025));
    const auto sex1 = find_code("Header", "SEX", "1");
    REQUIRE(sex1);
    CHECK(sex1->valid_in(2024));
    CHECK_FALSE(sex1->valid_in(2025));
    CHECK_FALSE(find_code("Episodes", "PLACE", "Z9"));
    CHECK_FALSE(find_code("Episodes", "LS", "c2"));
    CHECK(find_code_any_case("Episodes", "LS", "c2")->code == "C2");
    CHECK(has_code_list("OC3", "ACCOM"));
    CHECK_FALSE(has_code_list("Episodes", "DECOM"));
}

TEST_CASE("codes: the placement codes agree with core's placement types and their years",
          "[ssda903][codes]") {
    for (const auto t : all_values<placement_type>()) {
        CAPTURE(to_string(t));
        const auto e = find_code("Episodes", "PLACE", to_string(t));
        REQUIRE(e);
        for (int year = 2020; year <= 2027; ++year)
            CHECK(e->valid_in(year) == valid_in_year(t, year));
    }
    std::size_t place_codes = 0;
    for (const auto& e : code_list)
        place_codes += e.table == "Episodes" && e.field == "PLACE";
    CHECK(place_codes == all_values<placement_type>().size());
}
