#include "carepath/sim/costs.hpp"

#include "support/hand_histories.hpp"

#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

using namespace carepath;
using namespace carepath::sim;
using namespace carepath::testing;

namespace {
const std::string header = "placement_group,weekly_cost,price_year,source,note\n";
std::string rows_except(std::string_view group) {
    std::string out;
    for (const auto g : all_values<forecast_placement>())
        if (to_string(g) != group) out += std::string{to_string(g)} + ",,,,\n";
    return out;
}
result<cost_table> read(const std::string& text) {
    std::istringstream in{text};
    return read_costs(in, "costs.csv");
}
std::string error_of(const std::string& text) {
    const auto r = read(text);
    REQUIRE_FALSE(r.ok());
    return to_string(r.error());
}
} // namespace

TEST_CASE("costs: a cost file is read with sources, and groups without a cost",
          "[sim][costs]") {
    const auto r = read(header + "foster,800.5,2020,\"Council, own accounts\",\"a \"\"note\"\"\"\n"
                        + rows_except("foster"));
    REQUIRE(r.ok());
    const auto& foster = r->of(forecast_placement::foster);
    CHECK(foster.weekly == 800.5);
    CHECK(foster.price_year == 2020);
    CHECK(foster.source == "Council, own accounts");
    CHECK(foster.note == "a \"note\"");
    CHECK_FALSE(r->of(forecast_placement::other).weekly.has_value());
    CHECK(r->of(forecast_placement::other).source == "not published");
    CHECK(r->file == "costs.csv");
}

TEST_CASE("costs: errors name the file, line, field and value", "[sim][costs]") {
    CHECK(error_of(header + "fostr,800,2020,x,\n")
          == "costs.csv:2: placement_group=\"fostr\": not a placement group (foster, "
             "kinship_foster, childrens_home, semi_independent, with_parents, "
             "placed_for_adoption, other)");
    CHECK(error_of(header + "other,,,,\nfoster,8x0,2020,x,\n")
          == "costs.csv:3: weekly_cost=\"8x0\": not a number of pounds");
    CHECK(error_of(header + "foster,-5,2020,x,\n")
          == "costs.csv:2: weekly_cost=\"-5\": a cost cannot be negative");
    CHECK(error_of(header + "foster,800,,x,\n")
          == "costs.csv:2: price_year=\"\": a cost needs the year of its prices");
    CHECK(error_of(header + "foster,800,2020,,\n")
          == "costs.csv:2: source=\"\": a cost needs its source");
    CHECK(error_of(header + "foster,,2020,,\n")
          == "costs.csv:2: weekly_cost=\"\": a price year is given without a cost");
    CHECK(error_of(header + "foster,,,,\nfoster,,,,\n")
          == "costs.csv:3: placement_group=\"foster\": a second row for this group");
    CHECK(error_of(header + "foster,800,2020,x\n")
          == "costs.csv:2: \"foster,800,2020,x\": expected 5 fields, found 4");
    CHECK(error_of(header + rows_except("with_parents"))
          == "costs.csv:7: placement_group=\"with_parents\": no row for this group");
    CHECK(error_of("group,cost\n").starts_with("costs.csv:1: header=\"group,cost\": expected"));
    CHECK(error_of("") == "costs.csv: header=\"\": the file is empty");
    CHECK(error_of(header + "foster,800,2020,\"open,\n").ends_with("a quoted field is not closed"));
}

TEST_CASE("costs: the shipped table is the data file, and every cost has a source",
          "[sim][costs]") {
    std::ifstream file{std::string{CAREPATH_SOURCE_DIR} + "/data/unit_costs_england.csv"};
    REQUIRE(file);
    std::stringstream text;
    text << file.rdbuf();
    CHECK(text.str() == default_unit_costs_csv);
    const auto table = default_unit_costs();
    CHECK(table.of(forecast_placement::foster).weekly == 820);
    CHECK(table.of(forecast_placement::childrens_home).weekly == 4000);
    for (const auto& g : table.groups) {
        CHECK_FALSE(g.source.empty());
        if (g.weekly) CHECK(g.price_year >= 2019);
    }
}

TEST_CASE("costs: each replicate's groups are costed, inflated and summarised",
          "[sim][costs]") {
    const auto costs = read(header + "foster,800,2020,a,\nchildrens_home,4000,2020,b,\n"
                            + "kinship_foster,,,,\nsemi_independent,,,,\nwith_parents,,,,\n"
                            + "placed_for_adoption,,,,\nother,,,,\n")
                           .value();
    stock_count r1, r2;
    r1.add(forecast_placement::foster, forecast_legal::care_order, age_band::age_5_9, 10);
    r1.add(forecast_placement::childrens_home, forecast_legal::s20, age_band::age_10_15, 1);
    r1.add(forecast_placement::with_parents, forecast_legal::care_order, age_band::age_1_4, 5);
    r2.add(forecast_placement::foster, forecast_legal::care_order, age_band::age_5_9, 20);
    r2.add(forecast_placement::childrens_home, forecast_legal::s20, age_band::age_10_15, 3);
    forecast f;
    f.method = "markov";
    f.points.push_back(summarise_replicates(ymd(2022, 3, 31), {r1, r2}));
    // 10% a year from 2020 prices to 2022: x 1.21. Replicate 1: (10 x 800 + 4000) x 52.18 x
    // 1.21 = 757,653.6; replicate 2: (16,000 + 12,000) x 52.18 x 1.21 = 1,767,858.4 (weeks a
    // year 365.25 / 7).
    const double w = 365.25 / 7 * 1.21;
    const auto c = forecast_costs(f, costs, 0.10);
    REQUIRE(c.points.size() == 1);
    CHECK(c.method == "markov");
    CHECK(c.points[0].on == ymd(2022, 3, 31));
    CHECK(c.points[0].mean == Approx((12000 + 28000) * w / 2));
    CHECK(c.points[0].low == Approx(12000 * w + 0.025 * 16000 * w));
    CHECK(c.points[0].high == Approx(12000 * w + 0.975 * 16000 * w));
    CHECK(c.points[0].mean_by_placement[0] == Approx(15 * 800 * w));
    CHECK(c.points[0].children_left_out == Approx(2.5)); // 5 with parents in one of two
    CHECK(c.notes.size() == forecast_placement_count);
    SECTION("without inflation prices stay at their year, and the notes say so") {
        const auto flat = forecast_costs(f, costs);
        CHECK(flat.points[0].mean == Approx(20000 * 365.25 / 7));
        CHECK(flat.notes.back().starts_with("no inflation"));
    }
    SECTION("a point without replicates is costed from its mean") {
        f.points[0].replicates.clear();
        const auto m = forecast_costs(f, costs, 0.10);
        CHECK(m.points[0].low == m.points[0].mean);
        CHECK(m.points[0].mean == Approx(20000 * w));
    }
}
