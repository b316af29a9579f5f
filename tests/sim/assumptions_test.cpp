#include "carepath/sim/assumptions.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <array>
#include <cstdint>
#include <map>
#include <set>
#include <string>

using namespace carepath::sim;

TEST_CASE("assumptions: every assumption of the calibration is listed with a range",
          "[sim][assumptions]") {
    const auto cal = default_england();
    const auto rows = assumptions(cal);
    REQUIRE(rows.size() > 30);
    std::set<std::string> names;
    for (const auto& r : rows) {
        CAPTURE(r.name);
        CHECK(names.insert(r.name).second);
        CHECK(r.range.low <= r.value);
        CHECK(r.value <= r.range.high);
        // A definition has no range; a structural zero (no return home from a placement
        // order) stays zero; every other assumption has a range of some width.
        if (r.kind == input_kind::fixed)
            CHECK(r.range == value_range{r.value, r.value});
        else
            CHECK((r.range.low < r.range.high || (r.value == 0 && r.range.high == 0)));
    }
    SECTION("published figures are not assumptions") {
        CHECK(names.count("stock_count") == 0);
        CHECK(names.count("sw_turnover") == 0);
    }
    SECTION("tables give one row per slot, and fitted values say so") {
        CHECK(names.count("move_rate[0]") == 1);
        CHECK(names.count("move_rate[7]") == 1);
        for (const auto& r : rows)
            if (r.name == "move_scale")
                CHECK(r.fitted);
    }
    SECTION("a probability's range stops at 1") {
        for (const auto& r : rows)
            if (r.name == "siblings_together_policy") {
                CHECK(r.value == 0.9);
                CHECK(r.range.high == 1.0);
                CHECK(r.range.low == Approx(0.45));
            }
    }
}

TEST_CASE("assumptions: a definition has no range to draw from", "[sim][assumptions]") {
    CHECK(plausible_range(5, input_kind::fixed) == value_range{5, 5});
    CHECK(plausible_range(5, input_kind::amount) == value_range{2.5, 7.5});
    CHECK(plausible_range(0.8, input_kind::probability) == value_range{0.4, 1.0});
}

TEST_CASE("assumptions: draws differ across replicates and repeat for a seed",
          "[sim][assumptions]") {
    const auto base = default_england();
    const auto a0 = assumptions(draw_assumptions(base, 7, 0));
    const auto a0_again = assumptions(draw_assumptions(base, 7, 0));
    const auto a1 = assumptions(draw_assumptions(base, 7, 1));
    const auto b0 = assumptions(draw_assumptions(base, 8, 0));
    const auto original = assumptions(base);
    REQUIRE(a0.size() == original.size());
    std::size_t moved = 0, differ_by_replicate = 0, differ_by_seed = 0;
    for (std::size_t i = 0; i < original.size(); ++i) {
        CAPTURE(original[i].name);
        CHECK(a0[i].value == a0_again[i].value);
        const auto& r = original[i].range;
        CHECK(a0[i].value >= r.low);
        CHECK(a0[i].value <= r.high);
        if (!original[i].drawn() || original[i].value == 0) {
            CHECK(a0[i].value == original[i].value);
            CHECK(a1[i].value == original[i].value);
            continue;
        }
        moved += a0[i].value != original[i].value;
        differ_by_replicate += a0[i].value != a1[i].value;
        differ_by_seed += a0[i].value != b0[i].value;
    }
    const std::size_t drawn = static_cast<std::size_t>(
        std::count_if(original.begin(), original.end(),
                      [](const assumption_row& r) { return r.drawn() && r.value != 0; }));
    CHECK(moved == drawn);
    CHECK(differ_by_replicate == drawn);
    CHECK(differ_by_seed == drawn);
    SECTION("published and fitted inputs are left alone") {
        const auto d = draw_assumptions(base, 7, 0);
        CHECK(d.stock_count.value == base.stock_count.value);
        CHECK(d.sw_turnover.value == base.sw_turnover.value);
        CHECK(d.move_scale.value == base.move_scale.value);
        CHECK(d.inside_share.values == base.inside_share.values);
    }
}

TEST_CASE("assumptions: a table of shares is drawn as a whole, keeping its total and ranges",
          "[sim][assumptions]") {
    const auto base = default_england();
    const auto base_rows = assumptions(base);
    std::set<std::string> share_tables;
    for (const auto& r : base_rows)
        if (r.kind == input_kind::share)
            share_tables.insert(r.name.substr(0, r.name.find('[')));
    // the tables the engine uses as weights (rng choose) or as a distribution (a mean)
    CHECK(share_tables == std::set<std::string>{"after_care_age_adoption", "after_care_age_orders",
                                                "after_care_age_return_home", "entry_age",
                                                "household_places", "sibling_group_size"});
    auto totals = [&](const std::vector<assumption_row>& rows) {
        std::map<std::string, double> t;
        for (const auto& r : rows)
            if (r.kind == input_kind::share)
                t[r.name.substr(0, r.name.find('['))] += r.value;
        return t;
    };
    const auto given = totals(base_rows);
    std::size_t moved = 0;
    for (std::uint32_t rep = 0; rep < 200; ++rep) {
        const auto rows = assumptions(draw_assumptions(base, 11, rep));
        for (const auto& [table, total] : totals(rows)) {
            CAPTURE(rep, table);
            CHECK(total == Approx(given.at(table)).margin(1e-12));
        }
        for (std::size_t i = 0; i < rows.size(); ++i) {
            if (rows[i].kind != input_kind::share)
                continue;
            CAPTURE(rep, rows[i].name);
            CHECK(rows[i].value >= base_rows[i].range.low);
            CHECK(rows[i].value <= base_rows[i].range.high);
            if (base_rows[i].value == 0)
                CHECK(rows[i].value == 0); // a structural zero stays zero
            moved += rows[i].value != base_rows[i].value;
        }
    }
    CHECK(moved > 200 * 20); // the shares are drawn, not held
    SECTION("the shortfall goes to the slots with room, in proportion to it") {
        // the audit's case: (0.1, 0.8, 0.1) drawn as (0.15, 0.4, 0.05) sums to 0.6; the ranges
        // are 0.05-0.15, 0.4-1 and 0.05-0.15, so the room is 0, 0.6 and 0.1 of 0.7 in all
        const std::array<double, 3> given3{0.1, 0.8, 0.1};
        std::array<double, 3> drawn3{0.15, 0.4, 0.05};
        detail::keep_total(given3, drawn3);
        CHECK(drawn3[0] == Approx(0.15)); // no room: left where it was drawn
        CHECK(drawn3[1] == Approx(0.4 + 0.4 * 0.6 / 0.7));
        CHECK(drawn3[2] == Approx(0.05 + 0.4 * 0.1 / 0.7));
        std::array<double, 3> over{0.15, 1.0, 0.15}; // 1.3: 0.3 too much, room 0.1 + 0.6 + 0.1
        detail::keep_total(given3, over);
        CHECK(over[0] == Approx(0.15 - 0.3 * 0.1 / 0.8));
        CHECK(over[1] == Approx(1.0 - 0.3 * 0.6 / 0.8));
        CHECK(over[0] + over[1] + over[2] == Approx(1.0));
    }
}

TEST_CASE("assumptions: every input of the calibration is visited", "[sim][assumptions]") {
    // Every member is a multiple of 8 bytes, so the visited members and the home-choice weights
    // fill the struct exactly: a new input that is not listed in visit_inputs fails here.
    const calibration c;
    std::size_t bytes = 0;
    detail::visit_inputs(
        c, [&](std::string_view, const auto& input, input_kind) { bytes += sizeof(input); });
    bytes += sizeof(c.entry_home) + sizeof(c.move_home) + sizeof(c.homes_note);
    CHECK(bytes == sizeof(calibration));
}
