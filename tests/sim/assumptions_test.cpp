#include "carepath/sim/assumptions.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
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
