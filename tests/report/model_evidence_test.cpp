#include "carepath/report/model_evidence.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <span>
#include <string>
#include <vector>

using namespace carepath;
using namespace carepath::report;

TEST_CASE("assumptions section: every assumption with its value and range",
          "[report][model_evidence]") {
    const auto cal = sim::default_england();
    const auto rows = sim::assumptions(cal);
    const auto s = assumptions_section(cal, false);
    CHECK(s.id == "assumptions");
    CHECK(s.title == "What this model assumes");
    REQUIRE(s.tables.size() == 1);
    const auto& t = s.tables[0];
    REQUIRE(t.rows.size() == rows.size() + 1); // + the home-choice weights
    for (std::size_t i = 0; i < rows.size(); ++i) {
        CAPTURE(rows[i].name);
        CHECK(t.rows[i][0] == rows[i].name);
        CHECK(t.rows[i][2].find(" to ") != std::string::npos);
    }
    SECTION("the text says whether this run drew them") {
        CHECK(s.text.find("parameter uncertainty off") != std::string::npos);
        CHECK(assumptions_section(cal, true).text.find("drew every assumption")
              != std::string::npos);
    }
    SECTION("the text says a table of shares is drawn as a whole") {
        CHECK(s.text.find("keeps its total and every share its range") != std::string::npos);
        const auto slot = std::find_if(t.rows.begin(), t.rows.end(), [](const auto& r) {
            return r.front() == "sibling_group_size[1]";
        });
        REQUIRE(slot != t.rows.end());
        CHECK((*slot)[3] == "drawn with its table");
    }
}

namespace {
sim::validation_row measured(std::string id, sim::figure_role role, double published,
                             std::vector<double> values) {
    sim::validation_row r;
    r.id = std::move(id);
    r.role = role;
    r.published = published;
    r.unit = "percent";
    r.published_as = "what the source counts";
    r.source = "https://example.org/source";
    r.definition = "how the model counts it";
    r.tolerance = sim::band_of(sim::tolerance_rule::share, published);
    r.model = sim::estimate_mean(values);
    if (r.model.mean) {
        r.gap = *r.model.mean - published;
        r.within = r.tolerance.contains(*r.model.mean);
    }
    return r;
}
} // namespace

TEST_CASE("reproduction section: targets and validation figures in two labelled tables",
          "[report][model_evidence]") {
    using sim::figure_role;
    std::vector<sim::validation_row> rows{
        measured("foster_share_2020", figure_role::target, 72, {71, 73, 72}),
        measured("sib_children_with_none_frg_2014", figure_role::validation, 37, {70, 72}),
        measured("reentry_5yr_after_return_home_2007", figure_role::validation, 30, {29.4}),
        measured("adoption_disruption_12yr_2014", figure_role::validation, 3.2, {})};
    rows.back().not_computed = "the run is too short";
    const auto s = reproduction_section(rows);
    CHECK(s.text.find("replicate 1 alone") == std::string::npos);
    // under parameter uncertainty the figures from histories rest on replicate 1's draw
    CHECK(reproduction_section(rows, true).text.find(
              "the figures from care histories come from replicate 1 alone, which ran on one "
              "draw of them")
          != std::string::npos);
    CHECK(s.id == "reproduction");
    CHECK(s.title == "How well it reproduces published figures");
    CHECK(s.text.find("fitted, not evidence") != std::string::npos);
    CHECK(s.text.find("never read by the fit") != std::string::npos);
    REQUIRE(s.tables.size() == 2);
    const auto& targets = s.tables[0];
    const auto& evidence = s.tables[1];
    CHECK(targets.caption == target_table_caption);
    CHECK(evidence.caption == validation_table_caption);
    CHECK(targets.caption.find("Fitted, not evidence") != std::string::npos);
    CHECK(evidence.caption.find("Evidence") != std::string::npos);

    // each row in its role's table only
    REQUIRE(targets.rows.size() == 1);
    REQUIRE(evidence.rows.size() == 3);
    CHECK(targets.rows[0][0] == "foster_share_2020");
    // the role on every row, not only in the caption: a table written as CSV has no caption
    CHECK(targets.columns[1] == "role");
    CHECK(targets.rows[0][1] == "target: fitted or an input, not evidence");
    for (const auto& r : evidence.rows)
        CHECK(r[1] == "validation: never read by the fit, evidence");
    CHECK(targets.rows[0][10] == "yes");

    // definition and source on every row
    for (const auto& r : evidence.rows) {
        CHECK(r[4] == "https://example.org/source");
        CHECK(r[5] == "how the model counts it");
    }
    const auto& sib = evidence.rows[0];
    CHECK(sib[2] == "37.0 percent");
    CHECK(sib[6] == "71.0");
    CHECK(sib[7].find(" to ") != std::string::npos);
    CHECK(sib[7].find("n = 2") != std::string::npos);
    CHECK(sib[8] == "+34.0");
    CHECK(sib[9].find("3.7 points") != std::string::npos);
    CHECK(sib[10] == "NO");
    // one replicate: a value, no interval, said in words
    CHECK(evidence.rows[1][7] == "none: 1 replicate");
    CHECK(evidence.rows[1][10] == "yes");
    // not computed: the reason instead of a number
    CHECK(evidence.rows[2][6] == "not computed: the run is too short");
    CHECK(evidence.rows[2][8] == "-");
    CHECK(evidence.rows[2][10] == "-");

    SECTION("a role with no measured figure says so") {
        const auto only_targets = reproduction_section(std::span{rows}.first(1));
        REQUIRE(only_targets.tables[1].rows.size() == 1);
        CHECK(only_targets.tables[1].rows[0][6].find("no published figure") != std::string::npos);
        CHECK(only_targets.tables[1].rows[0][1].find("validation:") == 0);
    }
}

TEST_CASE("figure definitions: the share of ties kept is not the continuity index",
          "[report][model_evidence]") {
    const auto d = figure_definition(sim::figure_key::continuity_index_mean);
    CHECK(d.find("Share of ties kept") == 0);
    CHECK(d.find("not the continuity index") != std::string::npos);
    CHECK(continuity_index_definition.find("kept or ended") != std::string_view::npos);
    CHECK(figure_definition(sim::figure_key::foster_share)
          == describe(sim::figure_key::foster_share));
}
