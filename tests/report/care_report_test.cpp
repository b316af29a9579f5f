#include "carepath/report/care_report.hpp"

#include "sample_histories.hpp"

#include <catch2/catch.hpp>

#include <regex>
#include <sstream>

using namespace carepath;
using namespace carepath::report;
using carepath::testing::ymd;

namespace {
const report_window window{ymd(2022, 4, 1), ymd(2024, 4, 1)};

const series* find(const std::vector<series>& s, std::string_view name) {
    for (const auto& x : s)
        if (x.name == name)
            return &x;
    return nullptr;
}
std::size_t count(const std::string& s, const std::string& what) {
    std::size_t n = 0;
    for (auto p = s.find(what); p != std::string::npos; p = s.find(what, p + what.size()))
        ++n;
    return n;
}
} // namespace

TEST_CASE("collection years: a year runs 1 April to 31 March and is named by its end",
          "[report][care_report]") {
    CHECK(collection_year_of(ymd(2024, 3, 31)) == 2024);
    CHECK(collection_year_of(ymd(2024, 4, 1)) == 2025);
    CHECK(collection_year_label(2024) == "2023-24");
    CHECK(collection_year_label(2010) == "2009-10");
    CHECK(move_label(1) == "1st move");
    CHECK(move_label(2) == "2nd move");
    CHECK(move_label(11) == "11th move");
    CHECK(move_label(23) == "23rd move");
}

TEST_CASE("summarise_histories: three hand-worked children", "[report][care_report]") {
    const auto histories = carepath::testing::sample_histories();
    const auto d = summarise_histories(histories, window);

    SECTION("children in care on the first of each month, by placement family") {
        REQUIRE(d.stock_dates.size() == 24);
        CHECK(d.stock_dates.front() == "2022-04");
        const auto* foster = find(d.stock_by_placement, "foster care (unrelated carer)");
        const auto* residential = find(d.stock_by_placement, "residential care");
        const auto* kinship = find(d.stock_by_placement, "foster care with a relative or friend");
        REQUIRE(foster);
        REQUIRE(residential);
        REQUIRE(kinship);
        // 1 April 2022: child 2 in a children's home (from that day), child 3 with
        // carer 5 (U4).
        CHECK(foster->values[0] == 1);
        CHECK(residential->values[0] == 1);
        // 1 June 2022: child 1 fostered (U6), child 2 in the home, child 3 now U1
        // (kinship).
        CHECK(foster->values[2] == 1);
        CHECK(kinship->values[2] == 1);
        // 1 March 2023: child 1 (U6), child 2 back in care (U6); child 3 (U1).
        CHECK(foster->values[11] == 2);
        CHECK(residential->values[11] == 0);
        // 1 June 2023: child 1 was adopted that day, so is not in care.
        CHECK(foster->values[14] == 1);
    }
    SECTION("entries by legal status on entry and exits by route, per collection "
            "year") {
        REQUIRE(d.years == std::vector<std::string>{"2022-23", "2023-24"});
        const auto* s20 = find(d.entries_by_status, "accommodated, s20 (V2)");
        const auto* co = find(d.entries_by_status, "care order (C1/C2)");
        REQUIRE(s20);
        REQUIRE(co);
        CHECK(s20->values == std::vector<double>{2, 0}); // child 2, twice (entry and re-entry)
        CHECK(co->values == std::vector<double>{1, 0});  // child 1; child 3 entered before
        const auto* adopted = find(d.exits_by_route, "adopted");
        const auto* home = find(d.exits_by_route, "returned home to parents");
        REQUIRE(adopted);
        REQUIRE(home);
        CHECK(adopted->values == std::vector<double>{0, 1});
        CHECK(home->values == std::vector<double>{1, 0});
    }
    SECTION("moves per child: a change of type with the same carer is not a move") {
        REQUIRE(d.moves_per_child.size() == 6);
        CHECK(d.moves_per_child[0] == 2); // children 2 and 3
        CHECK(d.moves_per_child[1] == 1); // child 1
        CHECK(d.moves_per_child_mean == Approx(1.0 / 3));
    }
    SECTION("time to leaving care: periods that began in the window, censored at "
            "its end") {
        // Periods: 183 days to return home; 387 days to adoption; 425 days still in
        // care.
        REQUIRE(d.survival.size() == 3);
        const auto& any = d.survival[0];
        CHECK(any.name == "any route");
        CHECK(any.subjects == 3);
        REQUIRE(any.steps.size() == 2);
        CHECK(any.steps[0].time == Approx(183 / 365.25));
        CHECK(any.steps[0].survival == Approx(2.0 / 3));
        CHECK(any.steps[1].survival == Approx(1.0 / 3));
        // Routes in exit_route order: return home first, then adoption.
        CHECK(d.survival[1].name == "returned home to parents");
        CHECK(d.survival[1].steps[0].survival == Approx(2.0 / 3));
        CHECK(d.survival[2].name == "adopted");
        REQUIRE(d.survival[2].steps.size() == 1);
        CHECK(d.survival[2].steps[0].at_risk == 2); // the return home censored at 183 days
        CHECK(d.survival[2].steps[0].survival == Approx(0.5));
    }
}

TEST_CASE("write_report: every section, each chart's marks equal to its data "
          "points, nothing "
          "loaded from elsewhere",
          "[report][care_report]") {
    const auto histories = carepath::testing::sample_histories();
    auto d = summarise_histories(histories, window);
    d.continuity = {{"1st move", 4, 1, 2}, {"2nd move", 2, 0, 1}};
    d.siblings = {{"2023-03-31", 10, 4}};
    d.comparison = {{"siblings apart (%)", {40, 35, 45}, {30, 26, 34}}};
    std::ostringstream os;
    write_report(os, d);
    const auto html = os.str();
    for (const auto* id :
         {"in-care", "entries-exits", "moves", "continuity", "siblings", "survival", "scenario"})
        CHECK(html.find(std::string{"<section id=\""} + id + "\">") != std::string::npos);
    // Charts: stock, entries, exits, moves, continuity, siblings, survival,
    // scenario.
    CHECK(count(html, "<svg ") == 8);
    std::size_t declared = 0;
    const std::regex points{"data-points=\"([0-9]+)\""};
    for (auto it = std::sregex_iterator(html.begin(), html.end(), points);
         it != std::sregex_iterator(); ++it)
        declared += std::stoul((*it)[1]);
    CHECK(declared == count(html, "class=\"mark\""));
    CHECK(html.find("<td>1st move</td><td class=\"num\">4</td><td "
                    "class=\"num\">1</td><td class=\"num\">2</td><td "
                    "class=\"num\">7</td>")
          != std::string::npos);
    CHECK(html.find("<td class=\"num\">40.0</td>") != std::string::npos); // 4 of 10 apart
    std::string rest = html;
    for (auto p = rest.find("http://www.w3.org/2000/svg"); p != std::string::npos;
         p = rest.find("http://www.w3.org/2000/svg"))
        rest.erase(p, 26);
    CHECK(rest.find("http") == std::string::npos);
    CHECK(rest.find("<script") == std::string::npos);
    CHECK(rest.find("src=") == std::string::npos);
}

TEST_CASE("write_report: parts without data say why instead of drawing an "
          "empty chart",
          "[report][care_report]") {
    const auto d = summarise_histories({}, window);
    std::ostringstream os;
    write_report(os, d);
    const auto html = os.str();
    CHECK(html.find("No relationships are recorded") != std::string::npos);
    CHECK(html.find("No period of care began") != std::string::npos);
    CHECK(count(html, "<svg ") == 1); // moves per child: all zero, still drawn
}

TEST_CASE("survival table: a time past every period's follow-up is a dash, not the last step "
          "carried on",
          "[report][care_report][survival]") {
    // The sample's periods are followed at most 425 days (1.16 years): the share still in care
    // after 2 and 5 years is not known. Before, both cells showed the 387-day step, 0.333.
    const auto histories = carepath::testing::sample_histories();
    const auto d = summarise_histories(histories, window);
    REQUIRE(!d.survival.empty());
    const auto doc = make_document(d);
    const section* s = nullptr;
    for (const auto& x : doc.sections)
        if (x.id == "survival")
            s = &x;
    REQUIRE(s);
    REQUIRE(s->tables.size() == 1);
    const auto& t = s->tables[0];
    REQUIRE(t.columns.size() == 8);
    CHECK(t.columns[6] == "2 years");
    CHECK(t.columns[7] == "5 years");
    const auto& any = t.rows.at(0);
    CHECK(any[0] == "any route");
    CHECK(any[4] == "1.000");           // 0.5 years: the first step is at 183 days
    CHECK(any[5].starts_with("0.667")); // 1 year (365 days): the 387-day step is later
    CHECK(any[6] == "-");
    CHECK(any[7] == "-");
    CHECK(s->text.find("no period was followed that long") != std::string::npos);
}
