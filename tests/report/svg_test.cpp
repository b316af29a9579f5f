#include "carepath/report/svg.hpp"

#include <catch2/catch.hpp>

#include <cmath>
#include <limits>
#include <optional>
#include <regex>
#include <sstream>
#include <string>

using namespace carepath::report;

namespace {
std::size_t count(const std::string& s, const std::string& what) {
    std::size_t n = 0;
    for (auto p = s.find(what); p != std::string::npos; p = s.find(what, p + what.size()))
        ++n;
    return n;
}
std::size_t declared_points(const std::string& svg) {
    std::smatch m;
    REQUIRE(std::regex_search(svg, m, std::regex{"data-points=\"([0-9]+)\""}));
    return std::stoul(m[1]);
}
// One <svg> element, balanced, with nothing fetched from anywhere: the only
// URL-looking text is the SVG namespace name, which no browser loads.
void check_well_formed(const std::string& svg) {
    CHECK(count(svg, "<svg ") == 1);
    CHECK(count(svg, "</svg>") == 1);
    CHECK(svg.rfind("<svg ", 0) == 0);
    std::string rest = svg;
    rest.replace(rest.find("http://www.w3.org/2000/svg"), 26, "");
    CHECK(rest.find("http") == std::string::npos);
    CHECK(rest.find("<script") == std::string::npos);
    CHECK(rest.find("href") == std::string::npos);
    CHECK(count(svg, "<g") == count(svg, "</g>"));
    CHECK(count(svg, "<title>") == count(svg, "</title>"));
}
const std::vector<std::string> years{"2021", "2022", "2023", "2024"};
} // namespace

TEST_CASE("svg line chart: one mark per finite value and a gap at a missing one", "[report][svg]") {
    const std::vector<series> data{{"foster", {10, 12, 11, 13}},
                                   {"residential", {2, std::nan(""), 3, 4}}};
    std::ostringstream os;
    write_line_chart(os, years, data, {.title = "Children in care"});
    const auto svg = os.str();
    check_well_formed(svg);
    CHECK(count(svg, "class=\"mark\"") == 7);
    CHECK(declared_points(svg) == 7);
    CHECK(count(svg, "class=\"line\"") == 2);
    // The second series' path lifts the pen at the gap: two "M" moves.
    const auto second = svg.substr(svg.find("data-series=\"residential\""));
    const auto d =
        second.substr(second.find(" d=\""), second.find("\" fill") - second.find(" d=\""));
    CHECK(count(d, "M") == 2);
    CHECK(svg.find("aria-label=\"Children in care\"") != std::string::npos);
}

TEST_CASE("svg stacked bar chart: one rectangle per series and category, "
          "heights in proportion",
          "[report][svg]") {
    // Totals 10, 5, 0, 8: the axis runs 0-10 in steps of 2 over the plot's 288
    // pixels (360 high, 16 above, 56 below), so 4 children are 115.2 pixels.
    const std::vector<series> data{{"kept", {4, 5, 0, 8}}, {"ended", {6, 0, 0, 0}}};
    std::ostringstream os;
    write_stacked_bar_chart(os, years, data, {.title = "t"});
    const auto svg = os.str();
    check_well_formed(svg);
    CHECK(count(svg, "<rect class=\"mark\"") == 8);
    CHECK(declared_points(svg) == 8);
    CHECK(svg.find("height=\"115.2\"") != std::string::npos);
    CHECK(svg.find("height=\"172.8\"") != std::string::npos); // 6 children
    CHECK(svg.find(">10</text>") != std::string::npos);       // top tick
}

TEST_CASE("svg stacked area chart: one dot per series and category and one "
          "band per series",
          "[report][svg]") {
    const std::vector<series> data{{"a", {1, 2, 3, 4}}, {"b", {4, 3, 2, 1}}, {"c", {0, 0, 1, 0}}};
    std::ostringstream os;
    write_stacked_area_chart(os, years, data, {.title = "t"});
    const auto svg = os.str();
    check_well_formed(svg);
    CHECK(count(svg, "class=\"mark\"") == 12);
    CHECK(declared_points(svg) == 12);
    CHECK(count(svg, "class=\"area\"") == 3);
}

TEST_CASE("svg bar chart: one bar per value with its value written above", "[report][svg]") {
    std::ostringstream os;
    write_bar_chart(os, {"0", "1", "2"}, {5, 3, 1}, {.title = "Moves"});
    const auto svg = os.str();
    check_well_formed(svg);
    CHECK(count(svg, "class=\"mark\"") == 3);
    CHECK(count(svg, "class=\"value\"") == 3);
    CHECK(svg.find("<title>0: 5</title>") != std::string::npos);
}

TEST_CASE("svg step chart: a mark per step and a path that goes right then down", "[report][svg]") {
    const std::vector<step_series> data{{"any route", {0, 1, 2.5}, {1, 0.8, 0.4}},
                                        {"adoption", {0, 2}, {1, 0.9}}};
    std::ostringstream os;
    write_step_chart(os, data, {.title = "Survival"});
    const auto svg = os.str();
    check_well_formed(svg);
    CHECK(count(svg, "class=\"mark\"") == 5);
    CHECK(declared_points(svg) == 5);
    // The first series is drawn last, on top; its path follows its group's opening tag.
    const auto group = svg.substr(svg.find("data-series=\"any route\""));
    const auto first = group.substr(group.find("class=\"line\" d=\""));
    const auto d = first.substr(0, first.find("\" fill"));
    CHECK(count(d, " H") == 3); // two steps and the tail to the axis end
    CHECK(count(d, " V") == 2);
}

TEST_CASE("svg step chart: mismatched or decreasing x is a programming error", "[report][svg]") {
    std::ostringstream os;
    CHECK_THROWS_AS(write_step_chart(os, {{"x", {0, 1}, {1}}}, {}), std::invalid_argument);
    CHECK_THROWS_AS(write_step_chart(os, {{"x", {1, 0}, {1, 1}}}, {}), std::invalid_argument);
}

TEST_CASE("svg interval chart: two estimates per measure, each with its interval",
          "[report][svg]") {
    const std::vector<interval_row> rows{{"siblings apart (%)", {30, 28, 32}, {20, 18, 23}},
                                         {"moves per child", {1.2, 1.1, 1.3}, {1.0, 0.9, 1.1}}};
    std::ostringstream os;
    write_interval_chart(os, rows, {.title = "Scenario", .decimals = 1}, "baseline",
                         "kinship support");
    const auto svg = os.str();
    check_well_formed(svg);
    CHECK(count(svg, "class=\"mark\"") == 4);
    CHECK(count(svg, "class=\"whisker\"") == 4);
    CHECK(svg.find("siblings apart (%), kinship support: 20.0 (18.0 to 23.0)")
          != std::string::npos);
}

TEST_CASE("svg interval chart: an estimate without an interval has no whisker",
          "[report][svg]") {
    const std::vector<interval_row> rows{
        {"siblings apart (%)", {30, 28, 32, 5}, {20, std::nullopt, std::nullopt, 1}}};
    std::ostringstream os;
    write_interval_chart(os, rows, {.title = "Scenario", .decimals = 1}, "baseline",
                         "kinship support");
    const auto svg = os.str();
    check_well_formed(svg);
    CHECK(count(svg, "class=\"mark\"") == 2);
    CHECK(count(svg, "class=\"whisker\"") == 1);
    CHECK(svg.find("siblings apart (%), baseline: 30.0 (28.0 to 32.0)") != std::string::npos);
    CHECK(svg.find("siblings apart (%), kinship support: 20.0 (no interval (n = 1))")
          != std::string::npos);
}

TEST_CASE("svg charts: names are escaped", "[report][svg]") {
    std::ostringstream os;
    write_line_chart(os, {"<2020>"}, {{"a & \"b\"", {1}}}, {.title = "x<y"});
    const auto svg = os.str();
    CHECK(svg.find("a &amp; &quot;b&quot;") != std::string::npos);
    CHECK(svg.find("&lt;2020&gt;") != std::string::npos);
    CHECK(svg.find("x<y") == std::string::npos);
}

TEST_CASE("svg charts: a series without one value per category is a "
          "programming error",
          "[report][svg]") {
    std::ostringstream os;
    CHECK_THROWS_AS(write_line_chart(os, years, {{"a", {1, 2}}}, {}), std::invalid_argument);
    CHECK_THROWS_AS(write_bar_chart(os, years, {1, 2}, {}), std::invalid_argument);
}

TEST_CASE("svg axis: ticks are 1, 2, 2.5 or 5 times a power of ten and cover "
          "the data",
          "[report][svg]") {
    using carepath::report::detail::nice_axis;
    auto a = nice_axis(0, 7);
    CHECK(a.step == 2);
    CHECK(a.high == 8);
    a = nice_axis(0, 0.93);
    CHECK(a.step == Approx(0.2));
    CHECK(a.high == Approx(1.0));
    a = nice_axis(-3, 12);
    CHECK(a.low == -5);
    CHECK(a.high == 15);
    a = nice_axis(0, 0); // nothing to show: still a usable axis
    CHECK(a.high > a.low);
}

TEST_CASE("svg axis: a chart of counts has whole-number ticks", "[report][svg]") {
    std::ostringstream os;
    write_bar_chart(os, {"a", "b"}, {2, 1}, {.title = "counts"});
    const auto svg = os.str();
    CHECK(svg.find(">1</text>") != std::string::npos);
    CHECK(svg.find(">0.5</text>") == std::string::npos);
    CHECK(svg.find(">1.5</text>") == std::string::npos);
    std::ostringstream shares;
    write_bar_chart(shares, {"a", "b"}, {0.2, 0.1}, {.title = "shares", .decimals = 2});
    CHECK(shares.str().find(">0.05</text>") != std::string::npos);
}
