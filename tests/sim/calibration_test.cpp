#include "carepath/sim/calibration.hpp"

#include <catch2/catch.hpp>

#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

using namespace carepath::sim;

namespace {
// calibration.csv: id -> value (fields may be quoted and hold commas)
std::map<std::string, double> published_values() {
    std::ifstream in{std::string{CAREPATH_TEST_DATA} + "/sim/calibration.csv"};
    REQUIRE(in);
    std::map<std::string, double> out;
    std::string line;
    std::getline(in, line); // header
    while (std::getline(in, line)) {
        std::vector<std::string> cells;
        std::string cell;
        bool quoted = false;
        for (char c : line) {
            if (c == '"')
                quoted = !quoted;
            else if (c == ',' && !quoted) {
                cells.push_back(cell);
                cell.clear();
            } else
                cell += c;
        }
        cells.push_back(cell);
        if (cells.size() > 2)
            out[cells[0]] = std::stod(cells[2]);
    }
    return out;
}
std::vector<std::string> split_ids(std::string_view s) {
    std::vector<std::string> out;
    std::string cur;
    for (char c : s) {
        if (c == ',') {
            out.push_back(cur);
            cur.clear();
        } else
            cur += c;
    }
    if (!cur.empty())
        out.push_back(cur);
    return out;
}
} // namespace

TEST_CASE("calibration: published inputs equal their calibration.csv rows", "[sim][calibration]") {
    const auto csv = published_values();
    const auto cal = default_england();
    struct row {
        const sourced* value;
        double factor; // csv unit -> model unit
    };
    const std::vector<row> rows{
        {&cal.stock_count, 1},
        {&cal.stock_long_term, 1},
        {&cal.stock_s20, 1},
        {&cal.stock_placement_order, 1},
        {&cal.stock_uasc, 1},
        {&cal.stock_out_of_area, 1},
        {&cal.placed_within_20_miles, 1},
        {&cal.male, 1},
        {&cal.after_care_ceased, 1},
        {&cal.after_care_return_home_share, 1},
        {&cal.after_care_sgo, 1},
        {&cal.after_care_adoptions, 1},
        {&cal.plo_weeks, 1},
        {&cal.match_months, 1},
        {&cal.sw_caseload, 1},
        {&cal.sw_turnover, 0.01},
        {&cal.sw_agency_share, 0.01},
        {&cal.sw_vacancy_rate, 0.01},
        {&cal.foster_carers, 1},
        {&cal.carer_approvals, 1},
    };
    for (const auto& r : rows) {
        CAPTURE(r.value->source);
        CHECK(r.value->from == provenance::published);
        REQUIRE(csv.count(std::string{r.value->source}) == 1);
        CHECK(r.value->value == Approx(csv.at(std::string{r.value->source}) * r.factor));
    }
    SECTION("the stock's age split is the 2021 one, as its note says") {
        const auto ids = split_ids(cal.stock_age.source);
        REQUIRE(ids.size() == band_count);
        for (std::size_t b = 0; b < band_count; ++b)
            CHECK(cal.stock_age.values[b] == csv.at(ids[b]));
    }
    SECTION("the derived placement split adds up to 100 and keeps foster at 72") {
        double total = 0;
        for (double v : cal.stock_home.values)
            total += v;
        CHECK(total == Approx(100));
        CHECK(cal.stock_home.values[0] + cal.stock_home.values[1]
              == Approx(csv.at("placement_foster_share_2020")));
        CHECK(cal.stock_home.values[1] >= csv.at("kinship_foster_share_cla_2018"));
        CHECK(cal.stock_home.values[1] <= csv.at("kinship_foster_share_cla_2021"));
        CHECK(cal.stock_home.values[2]
              == Approx(100 * csv.at("childrens_homes_count_2020") / csv.at("cla_count_2020"))
                     .margin(0.05));
        for (const auto& id : split_ids(cal.stock_home.source))
            CHECK(csv.count(id) == 1);
    }
    SECTION("the derived share of vacancies covered by agency workers is 4558 / 6522") {
        CHECK(cal.sw_vacancy_cover_share.from == provenance::derived);
        CHECK(cal.sw_vacancy_cover_share.value
              == Approx(csv.at("sw_agency_covering_vacancies_fte_2021")
                        / csv.at("sw_vacancies_fte_2021"))
                     .margin(0.0005));
        for (const auto& id : split_ids(cal.sw_vacancy_cover_share.source))
            CHECK(csv.count(id) == 1);
    }
    SECTION("approved places per household are 88,370 / 44,450, the mean of household_places") {
        CHECK(cal.places_per_household.from == provenance::derived);
        for (const auto& id : split_ids(cal.places_per_household.source))
            CHECK(csv.count(id) == 1);
        CHECK(cal.places_per_household.value
              == Approx(csv.at("fostering_places_2019") / csv.at("fostering_households_2019"))
                     .margin(0.005));
        double total = 0, mean = 0;
        for (std::size_t p = 0; p < cal.household_places.values.size(); ++p) {
            total += cal.household_places.values[p];
            mean += static_cast<double>(p + 1) * cal.household_places.values[p];
        }
        CHECK(total == Approx(1));
        CHECK(mean == Approx(cal.places_per_household.value).margin(0.005));
    }
    SECTION("the derived wait from match to order is 23 - 6 - 8 months") {
        CHECK(cal.placed_to_order_months.value
              == csv.at("adoption_entry_to_order_months_2019")
                     - csv.at("adoption_entry_to_decision_months_2019")
                     - csv.at("adoption_decision_to_match_months_2019"));
    }
    SECTION("the derived 20-mile shares are ratios of the 2015 counts") {
        for (const sourced* s : {&cal.inside_over_20_miles, &cal.distance_not_known}) {
            CHECK(s->from == provenance::derived);
            for (const auto& id : split_ids(s->source))
                CHECK(csv.count(id) == 1);
        }
        const double over = csv.at("cla_inside_over_20_miles_count_2015");
        CHECK(cal.inside_over_20_miles.value
              == Approx(over / (over + csv.at("cla_inside_within_20_miles_count_2015")))
                     .margin(0.0005));
        CHECK(cal.distance_not_known.value
              == Approx(csv.at("cla_distance_not_known_count_2015")
                        / csv.at("cla_distance_total_2015"))
                     .margin(0.0005));
    }
}

TEST_CASE("calibration: assumptions say so and carry no source", "[sim][calibration]") {
    const auto cal = default_england();
    for (const sourced* s :
         {&cal.entry_s20, &cal.entry_uasc, &cal.move_scale, &cal.return_home_scale,
          &cal.long_term_rate, &cal.staying_put_share, &cal.former_carer_kept}) {
        CHECK(s->from == provenance::assumption);
        CHECK(s->source.empty());
        CHECK_FALSE(s->note.empty());
    }
    CHECK(cal.move_scale.fitted);
    CHECK(cal.return_home_scale.fitted);
    CHECK_FALSE(cal.staying_put_share.fitted);
    CHECK(cal.entry_age.from == provenance::assumption);
}

TEST_CASE("calibration: every target is a calibration.csv row with its value",
          "[sim][calibration]") {
    const auto csv = published_values();
    for (const auto& t : england_targets()) {
        CAPTURE(t.id);
        REQUIRE(csv.count(std::string{t.id}) == 1);
        if (t.low && t.high) {
            // a bracket between two rows: the 2018 and 2021 kinship shares
            CHECK(*t.low == csv.at("kinship_foster_share_cla_2018"));
            CHECK(*t.high == csv.at(std::string{t.id}));
        } else {
            CHECK(t.value == csv.at(std::string{t.id}));
        }
    }
}

TEST_CASE("calibration: tolerance is 2 points for shares and 5% for counts", "[sim][calibration]") {
    const target share{"x", figure_key::foster_share, 2020, 72, {}, {}, false, "", false};
    CHECK(within_tolerance(share, 70.0));
    CHECK(within_tolerance(share, 74.0));
    CHECK_FALSE(within_tolerance(share, 74.1));
    const target count{"y", figure_key::cla_count, 2020, 80000, {}, {}, false, "", false};
    CHECK(within_tolerance(count, 84000));
    CHECK_FALSE(within_tolerance(count, 75999));
    const target bracket{"z",  figure_key::kinship_foster_share, 2020, 14, 13.0, 15.0, false, "",
                         false};
    CHECK(within_tolerance(bracket, 16.9));
    CHECK_FALSE(within_tolerance(bracket, 17.1));
    const target bound{"w",  figure_key::siblings_apart_count, 2020, 12000, 12000.0, {}, false, "",
                       false};
    CHECK(within_tolerance(bound, 50000));
    CHECK(within_tolerance(bound, 11400));
    CHECK_FALSE(within_tolerance(bound, 11399));
}
