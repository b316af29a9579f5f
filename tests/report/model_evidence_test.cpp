#include "carepath/report/model_evidence.hpp"

#include <catch2/catch.hpp>

#include <string>

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
}

TEST_CASE("reproduction rows: published beside the model, scored by the tolerance",
          "[report][model_evidence]") {
    struct est {
        std::optional<double> mean, low, high;
        std::size_t replicates = 0;
    };
    const std::vector<sim::target> targets{
        {"cla_count_2020", sim::figure_key::cla_count, 2020, 80080, {}, {}, false, ""},
        {"foster_share_2020", sim::figure_key::foster_share, 2020, 72, {}, {}, false, ""},
        {"cla_starts_2020", sim::figure_key::entries, 2020, 30970, {}, {}, true, ""},
    };
    const auto rows = reproduction_rows(targets, [](const sim::target& t) {
        if (t.figure == sim::figure_key::cla_count)
            return est{82000.0, 81000.0, 83000.0, 3}; // within 5%
        if (t.figure == sim::figure_key::foster_share)
            return est{69.0, 68.0, 70.0, 3}; // 3 points off: outside 2
        return est{};
    });
    REQUIRE(rows.size() == 3);
    CHECK(rows[0].within == true);
    CHECK(rows[1].within == false);
    CHECK_FALSE(rows[2].within.has_value()); // not measured
    CHECK(rows[2].note.find("fitted or an input") != std::string::npos);
    const auto s = reproduction_section(rows, {});
    CHECK(s.title == "How well it reproduces published figures");
    REQUIRE(s.tables.size() == 2);
    CHECK(s.tables[0].rows[1][6] == "NO");
    CHECK(s.tables[0].rows[2][4] == "not measured");
    CHECK(s.tables[1].caption.find("Validation") == 0);
    SECTION("validation rows get their own table") {
        const auto v = reproduction_section(rows, {rows[0]});
        CHECK(v.tables[1].rows.size() == 1);
        CHECK(v.tables[1].rows[0][1] == "cla_count_2020");
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
