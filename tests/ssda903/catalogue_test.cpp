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
    CHECK(catalogue_for_year(2022).empty());
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
