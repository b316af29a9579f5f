#include "carepath/sim/summary.hpp"

#include <catch2/catch.hpp>

#include <chrono>
#include <set>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

using namespace carepath::sim;

TEST_CASE("summary: enum tables are complete and round-trip", "[sim][summary]") {
    CHECK(carepath::table_is_dense<home_kind>());
    CHECK(carepath::table_is_dense<legal_group>());
    CHECK(carepath::table_is_dense<age_band>());
    CHECK(carepath::table_is_dense<figure_key>());
    CHECK(carepath::codes_are_unique<figure_key>());
    for (auto k : carepath::all_values<figure_key>())
        CHECK(carepath::from_string<figure_key>(carepath::to_string(k)) == k);
}

TEST_CASE("summary: the issue's figure keys are all present", "[sim][summary]") {
    for (const char* key : {"cla_count",
                            "entries",
                            "exits",
                            "foster_share",
                            "kinship_foster_share",
                            "long_term_foster_share",
                            "childrens_home_share",
                            "semi_independent_16_17_share",
                            "placed_with_parents_share",
                            "placed_for_adoption_share",
                            "out_of_area_share",
                            "uasc_share",
                            "care_order_share",
                            "placement_order_share",
                            "s20_share",
                            "exit_return_home_share",
                            "exit_adoption_share",
                            "exit_sgo_share",
                            "exit_cao_share",
                            "exit_age18_share",
                            "three_plus_placements_share",
                            "long_term_stability_share",
                            "siblings_apart_share",
                            "sw_changes_per_child_year",
                            "no_change_home_school_sw_1yr_share",
                            "no_change_home_school_sw_2yr_share",
                            "reentry_within_5yr_share",
                            "sgo_disruption_5yr_share",
                            "adoption_breakdown_12yr_share",
                            "kinship_foster_continuing_2yr_share",
                            "unrelated_foster_continuing_2yr_share",
                            "continuity_index_mean",
                            "lifelong_links_at_25_mean"})
        CHECK(carepath::from_string<figure_key>(key).has_value());
}

TEST_CASE("summary: age bands follow the DfE tables", "[sim][summary]") {
    CHECK(band_of(0) == age_band::under_1);
    CHECK(band_of(1) == age_band::age_1_4);
    CHECK(band_of(4) == age_band::age_1_4);
    CHECK(band_of(5) == age_band::age_5_9);
    CHECK(band_of(15) == age_band::age_10_15);
    CHECK(band_of(16) == age_band::age_16_17);
    CHECK(band_of(17) == age_band::age_16_17);
}

TEST_CASE("summary: shares and counts are told apart", "[sim][summary]") {
    CHECK(is_share(figure_key::foster_share));
    CHECK(is_share(figure_key::continuity_index_mean));
    CHECK_FALSE(is_share(figure_key::cla_count));
    CHECK_FALSE(is_share(figure_key::sw_changes_per_child_year));
    CHECK_FALSE(is_share(figure_key::lifelong_links_at_25_mean));
}

TEST_CASE("summary: figures are written as JSON with nulls for unmeasured ones", "[sim][summary]") {
    figures f;
    f.at(figure_key::cla_count) = 80080;
    f.at(figure_key::foster_share) = 72.5;
    std::ostringstream os;
    write_figures_json(os, f);
    const auto s = os.str();
    CHECK(s.starts_with(
        "{\"cla_count\":80080,\"entries\":null,\"exits\":null,\"foster_share\":72.5,"));
    CHECK(s.ends_with("\"adoption_entry_to_order_months\":null}"));
}

TEST_CASE("summary: the CSV series has one row per number", "[sim][summary]") {
    summary s;
    year_summary y;
    y.year = 2020;
    y.in_care = 10;
    y.figs.at(figure_key::cla_count) = 10;
    s.years.push_back(y);
    std::ostringstream os;
    write_series_csv(os, s);
    const auto text = os.str();
    CHECK(text.starts_with("year,measure,category,value\n2020,in_care,,10\n"));
    // rows: in_care + 8 homes + 4 legal + 5 ages + 2 entries + exits + 15 routes + moves
    // + care years + moves per year + 4 move counts + continuity + 2 sibling + sw + links + 1
    // measured figure, plus the header
    std::size_t lines = 0;
    for (char c : text)
        lines += c == '\n';
    CHECK(lines == 1 + 1 + 8 + 4 + 5 + 2 + 1 + exit_route_count + 3 + 4 + 1 + 2 + 1 + 1 + 1);
    CHECK(text.find("2020,figure,cla_count,10\n") != std::string::npos);
}

TEST_CASE("summary: JSON strings are escaped", "[sim][summary]") {
    std::ostringstream os;
    carepath::sim::detail::put_string(os, "a \"b\"\n\\");
    CHECK(os.str() == "\"a \\\"b\\\"\\n\\\\\"");
}

TEST_CASE("summary: one table lists the series, and JSON and CSV follow it", "[sim][summary]") {
    std::vector<std::string_view> names;
    std::size_t numbers = 0;
    year_summary y;
    y.year = 2021;
    y.snapshot = carepath::date{std::chrono::year{2021} / std::chrono::March / 31};
    for_each_series([&](const auto& m) {
        names.push_back(m.name);
        const auto values = detail::series_values(y, m);
        CHECK((m.categories.empty() ? 1 : m.categories.size()) == values.size());
        numbers += values.size();
    });
    REQUIRE(names.size() == 17);
    CHECK(names.front() == "in_care");
    CHECK(std::set<std::string_view>(names.begin(), names.end()).size() == names.size());

    std::ostringstream os;
    write_year_json(os, y);
    // the series come before the figures (whose keys may repeat a series' name)
    const auto json = os.str().substr(0, os.str().find(",\"figures\":"));
    std::size_t at = 0;
    for (auto n : names) { // every series once, in the table's order
        const auto key = "\"" + std::string{n} + "\":";
        const auto found = json.find(key, at);
        REQUIRE(found != std::string::npos);
        CHECK(json.find(key, found + 1) == std::string::npos);
        at = found;
    }
    CHECK(json.find("\"children_by_moves\":{\"0\":0,\"1\":0,\"2\":0,\"3+\":0}")
          != std::string::npos);

    std::ostringstream csv;
    write_series_csv(csv, summary{{y}});
    std::size_t rows = 0;
    for (char c : csv.str())
        rows += c == '\n';
    CHECK(rows == 1 + numbers); // the header, then one row per number (no figures measured)
}

TEST_CASE("summary: series are made from the year's counts by their rule", "[sim][summary]") {
    using t = detail::tally;
    detail::year_acc a;
    a[t::in_care] = 10;
    a.at(t::by_home, 2) = 4;
    a[t::care_days] = 2 * detail::days_per_year;
    a[t::moves] = 3;
    a[t::links_sum] = 9;
    a[t::leavers_at_18] = 3;
    year_summary y;
    detail::fill_series(y, a, 2.0);
    CHECK(y.in_care == 20);         // count x up
    CHECK(y.stock_by_home[2] == 8); // slot by slot
    CHECK(y.stock_by_home[1] == 0);
    CHECK(y.child_years_in_care == 4);       // days / 365.25 x up
    CHECK(y.moves_per_child_year == 1.5);    // per child-year, not scaled
    CHECK(y.lifelong_links_at_25_mean == 3); // a mean
    CHECK(y.continuity_mean == 0);           // no moves: 0, not NaN
}
