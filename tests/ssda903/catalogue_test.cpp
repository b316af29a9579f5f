#include <carepath/ssda903/catalogue.hpp>

#include <catch2/catch.hpp>

#include <fstream>
#include <set>
#include <string>

using namespace carepath::ssda903;

TEST_CASE("catalogue: each collection year has the DfE's number of rules", "[ssda903][catalogue]") {
    // Counts of the validator's year registries (lac2022_23 ... lac2026_27).
    CHECK(catalogue_for_year(2023).size() == 293);
    CHECK(catalogue_for_year(2024).size() == 312);
    CHECK(catalogue_for_year(2025).size() == 305);
    CHECK(catalogue_for_year(2026).size() == 311);
    CHECK(catalogue_for_year(2027).size() == 322);
    // 2021-22: validator903's list of that year's codes (December 2021), 5 fewer than 2022-23.
    CHECK(catalogue_for_year(2022).size() == 288);
    CHECK(catalogue_for_year(2021).size() == 288);
    CHECK(catalogue_for_year(2020).size() == 288);
    CHECK(catalogue_for_year(2019).empty());
    CHECK(catalogue_for_year(2028).empty());
}

TEST_CASE("catalogue: 2019-20 to 2021-22 differ from 2022-23 as documented",
          "[ssda903][catalogue]") {
    // docs/ssda903-rules.md: 392d and 581-584 start in 2022-23; rule 132 has an older version
    // (ACTIV F3/P3) until 2020-21; everything else is the 2022-23 entry.
    const auto codes = [](int year) {
        std::set<std::string_view> out;
        for (const auto* e : catalogue_for_year(year)) out.insert(e->code);
        return out;
    };
    const auto y2023 = codes(2023);
    for (const int year : {2020, 2021, 2022}) {
        CAPTURE(year);
        REQUIRE_FALSE(catalogue_for_year(year).empty());
        const auto old = codes(year);
        std::set<std::string_view> added_2023;
        for (const auto c : y2023)
            if (!old.count(c)) added_2023.insert(c);
        CHECK(added_2023 == std::set<std::string_view>{"392d", "581", "582", "583", "584"});
        for (const auto c : old) CHECK(y2023.count(c) == 1);
        for (const auto* e : catalogue_for_year(year)) {
            CAPTURE(e->code);
            const bool same = find_catalogue_entry(e->code, 2023) == e;
            CHECK(same == (e->code != "132" || year == 2022));
        }
    }
    const auto* old_132 = find_catalogue_entry("132", 2021);
    REQUIRE(old_132);
    CHECK(old_132->first_year == 2020);
    CHECK(old_132->last_year == 2021);
    CHECK(find_catalogue_entry("132", 2022)->first_year == 2022);
    CHECK(find_catalogue_entry("392d", 2022) == nullptr);
    CHECK(find_catalogue_entry("392d", 2023) != nullptr);
    CHECK(first_collection_year == 2020);
}

TEST_CASE("catalogue: a code has at most one version in any year, and versions do not overlap",
          "[ssda903][catalogue]") {
    for (int y = first_collection_year; y <= last_collection_year; ++y) {
        std::set<std::string_view> seen;
        for (const auto* e : catalogue_for_year(y)) {
            CAPTURE(y, e->code);
            CHECK(seen.insert(e->code).second);
            CHECK(!e->message.empty());
            CHECK(!e->tables.empty());
        }
    }
}

TEST_CASE("catalogue: every code in the shared rule list is known, and retired codes stop",
          "[ssda903][catalogue]") {
    std::ifstream in{std::string{CAREPATH_TEST_DATA} + "/ssda903/rules/rules.csv"};
    REQUIRE(in);
    std::string line;
    std::getline(in, line); // header
    std::set<std::string> listed;
    while (std::getline(in, line))
        if (!line.empty()) listed.insert(line.substr(0, line.find(',')));
    CHECK(listed.size() == 337);
    std::set<std::string> known;
    for (const auto code : all_rule_codes()) known.insert(std::string{code});
    // Four codes (SW15STG2, SW16a-cSTG2) are added and deleted in the same 2024-25 release, so
    // they never apply; the rest are in the catalogue.
    for (const auto& code : listed) {
        CAPTURE(code);
        const bool never = code == "SW15STG2" || code.rfind("SW16", 0) == 0;
        CHECK(known.count(code) == (never ? 0u : 1u));
    }
    CHECK(find_catalogue_entry("217t", 2024) != nullptr);
    CHECK(find_catalogue_entry("217t", 2025) == nullptr);
    CHECK(find_catalogue_entry("700", 2026) == nullptr);
    CHECK(find_catalogue_entry("700", 2027) != nullptr);
}

TEST_CASE("catalogue: a changed rule has the wording of its year", "[ssda903][catalogue]") {
    const auto* old_sex = find_catalogue_entry("101", 2024);
    const auto* new_sex = find_catalogue_entry("101", 2025);
    REQUIRE(old_sex);
    REQUIRE(new_sex);
    CHECK(old_sex->message == "Gender code is not valid.");
    CHECK(new_sex->message == "The child or young person's reported sex is not valid.");
}
