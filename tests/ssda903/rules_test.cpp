#include <carepath/ssda903/rules.hpp>

#include <catch2/catch.hpp>

#include <set>
#include <string>

using namespace carepath::ssda903;

TEST_CASE("rules: every implemented rule has a catalogue entry in each year it runs",
          "[ssda903][rules]") {
    for (const auto& r : all_rules()) {
        CAPTURE(r.code, r.first_year, r.last_year);
        CHECK(r.check != nullptr);
        for (int y = r.first_year; y <= r.last_year; ++y) CHECK(find_catalogue_entry(r.code, y));
    }
}

TEST_CASE("rules: no code runs twice in one year", "[ssda903][rules]") {
    for (int y = first_collection_year; y <= last_collection_year; ++y) {
        std::set<std::string_view> seen;
        for (const auto& r : rules_for_year(y)) {
            CAPTURE(y, r.code);
            CHECK(seen.insert(r.code).second);
        }
    }
}

TEST_CASE("rules: at least 250 codes and all but a documented few are implemented",
          "[ssda903][rules]") {
    std::set<std::string_view> implemented;
    for (const auto& r : all_rules()) implemented.insert(r.code);
    CHECK(implemented.size() >= 250);
    std::set<std::string_view> missing;
    for (const auto code : all_rule_codes())
        if (!implemented.count(code)) missing.insert(code);
    for (const auto code : missing) {
        CAPTURE(code);
        CHECK(!not_implemented_reason(code).empty());
    }
    CHECK(not_implemented_reason("434").empty());
    CHECK(is_implemented("434", 2025));
    CHECK_FALSE(is_implemented("217t", 2025));
}

TEST_CASE("rules: 2021-22 runs the 2022-23 rules but those new in 2022-23", "[ssda903][rules]") {
    std::set<std::string_view> in2022;
    std::set<std::string_view> in2023;
    for (const auto& r : rules_for_year(2022)) in2022.insert(r.code);
    for (const auto& r : rules_for_year(2023)) in2023.insert(r.code);
    std::set<std::string_view> only2023;
    for (const auto code : in2023)
        if (!in2022.count(code)) only2023.insert(code);
    CHECK(only2023 == std::set<std::string_view>{"392d", "581", "582", "583", "584"});
    for (const auto code : in2022) {
        CAPTURE(code);
        CHECK(in2023.count(code) == 1);
    }
    CHECK(is_implemented("392d", 2023));
    CHECK_FALSE(is_implemented("392d", 2022));
    // 2019-20 and 2020-21 run what 2021-22 runs (rule 132 in its older version).
    for (const int year : {2020, 2021}) {
        CAPTURE(year);
        std::set<std::string_view> codes;
        for (const auto& r : rules_for_year(year)) codes.insert(r.code);
        CHECK(codes == in2022);
        CHECK(find_catalogue_entry("132", year) != find_catalogue_entry("132", 2022));
    }
    CHECK(rules_for_year(2019).empty());
}
