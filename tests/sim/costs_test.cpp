#include "carepath/sim/costs.hpp"
#include "carepath/sim/council_fit.hpp"
#include "carepath/sim/detail/stock.hpp"

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

namespace {
// One point, 31 March 2022, of 10 children in foster care and 1 in a children's home (the mean
// of itself: one replicate).
forecast one_point() {
    stock_count r;
    r.add(forecast_placement::foster, forecast_legal::care_order, age_band::age_5_9, 10);
    r.add(forecast_placement::childrens_home, forecast_legal::s20, age_band::age_10_15, 1);
    forecast f;
    f.method = "markov";
    f.points.push_back(summarise_replicates(ymd(2022, 3, 31), {r}));
    return f;
}
} // namespace

TEST_CASE("costs: totals adding costs of different price years without inflation say so",
          "[sim][costs]") {
    const auto costs = read(header + "foster,800,2019,a,\"the agencies' price\"\n"
                            + "childrens_home,4000,2021,b,\n"
                            + "kinship_foster,,,,\"none found\"\nsemi_independent,,,,\n"
                            + "with_parents,,,,\nplaced_for_adoption,,,,\nother,,,,\n")
                           .value();
    const auto f = one_point();
    const auto flat = forecast_costs(f, costs);
    CHECK(flat.price_years == std::vector<int>{2019, 2021});
    CHECK(flat.mixed_prices());
    CHECK(flat.price_basis() == "mixed prices (2019 and 2021), not adjusted");
    // (10 x 800 + 4000) x 52.18: the sum is still given, at mixed prices
    CHECK(flat.points[0].mean == Approx(12000 * 365.25 / 7));
    CHECK(flat.notes.back()
          == "no inflation: each cost stays at its own year's prices, so the totals are at "
             "mixed prices (2019 and 2021), not adjusted: give --inflation to move them to "
             "each date's year");
    // each cost's note goes with its source, and a group left out keeps its note too
    CHECK(flat.notes[0] == "foster: 800 pounds a week at 2019 prices (a; the agencies' price)");
    CHECK(flat.notes[2] == "childrens_home: 4000 pounds a week at 2021 prices (b)");
    CHECK(flat.notes[1] == "kinship_foster: no cost published, left out of the totals (none "
                           "found)");
    SECTION("with inflation every cost is moved to the date's year: not mixed") {
        const auto moved = forecast_costs(f, costs, 0.02);
        CHECK(moved.price_years == std::vector<int>{2019, 2021});
        CHECK_FALSE(moved.mixed_prices());
        CHECK(moved.price_basis() == "pounds, moved to each date's year by inflation");
        // 800 x 1.02^3 x 10 + 4000 x 1.02 = 8,489.664 + 4,080 a week
        CHECK(moved.points[0].mean == Approx((8489.664 + 4080) * 365.25 / 7));
        for (const auto& n : moved.notes) CHECK(n.find("mixed") == std::string::npos);
    }
    SECTION("costs of one price year are not mixed") {
        const auto same = forecast_costs(
            f, read(header + "foster,800,2021,a,\nchildrens_home,4000,2021,b,\n"
                    + "kinship_foster,,,,\nsemi_independent,,,,\nwith_parents,,,,\n"
                    + "placed_for_adoption,,,,\nother,,,,\n")
                   .value());
        CHECK_FALSE(same.mixed_prices());
        CHECK(same.price_basis() == "pounds at 2021 prices");
        CHECK(same.notes.back() == "no inflation: each cost stays at its own year's prices");
    }
    SECTION("three price years are listed in order") {
        const auto three = forecast_costs(
            f, read(header + "other,10,2020,c,\nfoster,800,2021,a,\nchildrens_home,4000,2019,b,\n"
                    + "kinship_foster,,,,\nsemi_independent,,,,\nwith_parents,,,,\n"
                    + "placed_for_adoption,,,,\n")
                   .value());
        CHECK(three.price_basis() == "mixed prices (2019, 2020 and 2021), not adjusted");
    }
    SECTION("the shipped costs are of two price years, financial years named by their end") {
        const auto shipped = forecast_costs(f, default_unit_costs());
        CHECK(shipped.price_basis() == "mixed prices (2019 and 2022), not adjusted");
        // the foster price's scope is printed with its source
        CHECK(shipped.notes[0].find("independent fostering agencies") != std::string::npos);
        CHECK(shipped.notes[0].find("councils' own fostering often cheaper")
              != std::string::npos);
    }
}

TEST_CASE("costs: both forecasts put and cost residential care homes (R1) alike",
          "[sim][costs]") {
    // every placement type the microsimulation can start a child in falls in the same group
    // in the Markov chain's counts (the temporary and other types in the model's other
    // residential settings, the forecasts' other)
    int compared = 0;
    for (const auto t : all_values<placement_type>()) {
        const auto kind = sim::detail::home_of(t);
        if (!kind) continue;
        CHECK(sim::detail::forecast_group(*kind) == forecast_placement_of(t));
        ++compared;
    }
    CHECK(compared >= 20);
    // one child in R1: the Markov chain counts it from its history, the microsimulation from
    // its kind of home; with children's homes at 4,000 and other at 1,000 a week both cost
    // 1,000 x 52.18 a year
    auto h = child_born(1, ymd(2010, 1, 1));
    add(h, entered_care{ymd(2020, 1, 1), legal_status::care_order, with(placement_type::R1, 1)});
    const std::vector<care_history> hs{h};
    const auto markov_count = count_in_care(hs, ymd(2021, 3, 31));
    year_summary y;
    y.snapshot = ymd(2021, 3, 31);
    y.in_care = 1;
    y.stock_by_home[static_cast<std::size_t>(*sim::detail::home_of(placement_type::R1))] = 1;
    y.stock_by_legal[static_cast<std::size_t>(legal_group::care_order)] = 1;
    const auto micro_count = sim::detail::count_of(y);
    CHECK(markov_count.by_placement == micro_count.by_placement);
    const auto costs = read(header + "childrens_home,4000,2021,b,\nother,1000,2021,c,\n"
                            + "foster,,,,\nkinship_foster,,,,\nsemi_independent,,,,\n"
                            + "with_parents,,,,\nplaced_for_adoption,,,,\n")
                           .value();
    forecast markov, micro;
    markov.points.push_back(summarise_replicates(ymd(2021, 3, 31), {markov_count}));
    micro.points.push_back(summarise_replicates(ymd(2021, 3, 31), {micro_count}));
    CHECK(forecast_costs(markov, costs).points[0].mean == Approx(1000 * 365.25 / 7));
    CHECK(forecast_costs(micro, costs).points[0].mean == Approx(1000 * 365.25 / 7));
}

TEST_CASE("costs: both forecasts put a temporary stay (T1) and an other placement (Z1) alike",
          "[sim][costs]") {
    // child 1 lives in a children's home and is in hospital (T1) on 31 March 2021, back on 10
    // April: its home is still the children's home (SSDA903 rule 383); child 2 is in an other
    // placement (Z1); child 3 in foster care on holiday (T2)
    const date on = ymd(2021, 3, 31);
    auto hospital = child_born(1, ymd(2010, 1, 1));
    add(hospital, entered_care{ymd(2020, 1, 1), legal_status::care_order,
                               with(placement_type::K2, 1)});
    add(hospital, placement_changed{ymd(2021, 3, 20), with(placement_type::T1, 91)});
    add(hospital, placement_changed{ymd(2021, 4, 10), with(placement_type::K2, 1)});
    auto other = child_born(2, ymd(2010, 1, 1));
    add(other, entered_care{ymd(2020, 1, 1), legal_status::care_order,
                            with(placement_type::Z1, 2)});
    auto holiday = child_born(3, ymd(2012, 1, 1));
    add(holiday, entered_care{ymd(2020, 1, 1), legal_status::care_order,
                              with(placement_type::U4, 3)});
    add(holiday, placement_changed{ymd(2021, 3, 25), with(placement_type::T2, 93)});
    const std::vector<care_history> hs{hospital, other, holiday};
    for (const auto& h : hs) {
        INFO("child " << h.subject().id.value());
        const std::vector<care_history> one{h};
        // the Markov chain's count (and the back-test's actuals) ...
        const auto markov_count = count_in_care(one, on);
        REQUIRE(markov_count.total == 1);
        // ... and the microsimulation's start: the kind of home it seeds the child in
        const auto seeds = sim::detail::seeds_from(one, on);
        REQUIRE(seeds.size() == 1);
        year_summary y;
        y.snapshot = on;
        y.in_care = 1;
        y.stock_by_home[static_cast<std::size_t>(seeds.front().second.home)] = 1;
        y.stock_by_legal[static_cast<std::size_t>(seeds.front().second.legal)] = 1;
        CHECK(markov_count.by_placement == sim::detail::count_of(y).by_placement);
    }
    CHECK(count_in_care(std::vector<care_history>{hospital}, on).of(
              forecast_placement::childrens_home)
          == 1);
    CHECK(count_in_care(std::vector<care_history>{other}, on).of(forecast_placement::other) == 1);
    CHECK(count_in_care(std::vector<care_history>{holiday}, on).of(forecast_placement::foster)
          == 1);
    // so both cost columns cost them alike: the child in hospital at the children's home's
    // price, the child on holiday at the foster price, the Z1 child in other (no cost here)
    year_summary y;
    y.snapshot = on;
    y.in_care = 3;
    for (const auto& [la, seed] : sim::detail::seeds_from(hs, on)) {
        y.stock_by_home[static_cast<std::size_t>(seed.home)] += 1;
        y.stock_by_legal[static_cast<std::size_t>(seed.legal)] += 1;
    }
    const auto costs = read(header + "childrens_home,4000,2021,b,\nfoster,800,2021,c,\n"
                            + "other,,,,\nkinship_foster,,,,\nsemi_independent,,,,\n"
                            + "with_parents,,,,\nplaced_for_adoption,,,,\n")
                           .value();
    forecast markov, micro;
    markov.points.push_back(summarise_replicates(on, {count_in_care(hs, on)}));
    micro.points.push_back(summarise_replicates(on, {sim::detail::count_of(y)}));
    CHECK(forecast_costs(markov, costs).points[0].mean == Approx(4800 * 365.25 / 7));
    CHECK(forecast_costs(micro, costs).points[0].mean == Approx(4800 * 365.25 / 7));
}
