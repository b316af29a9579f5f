#include "carepath/report/sweep.hpp"

#include <catch2/catch.hpp>

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
// Two scenarios at three values of one key; the second scenario's name needs quotes, its
// middle point measured exits in one replicate (a mean, no interval), and its last point
// measured none (empty cells, n 0).
const std::string table =
    "point,scenario,sw_turnover_factor,replicates,exits_mean,exits_low,exits_high,exits_n,"
    "exits_diff,exits_diff_low,exits_diff_high,exits_diff_n\n"
    "0,kin,0.5,3,10,8,12,3,1,0.5,1.5,3\n"
    "1,kin,1,3,11,9,13,3,2,1.5,2.5,3\n"
    "2,kin,1.5,3,12,10,14,3,3,2.5,3.5,3\n"
    "3,\"together, always\",0.5,3,20,18,22,3,-1,-2,0,2\n"
    "4,\"together, always\",1,3,21,,,1,-2,,,1\n"
    "5,\"together, always\",1.5,3,,,,0,,,,0\n";

sweep_table read(const std::string& text) {
    std::istringstream in{text};
    auto t = read_sweep_table(in, "sweep.csv");
    REQUIRE(t.ok());
    return std::move(t).value();
}
} // namespace

TEST_CASE("report sweep: the table reads back, quotes and empty cells included",
          "[report][sweep]") {
    const auto t = read(table);
    CHECK(t.columns.size() == 12);
    REQUIRE(t.rows.size() == 6);
    CHECK(t.rows[3][1] == "together, always");
    CHECK(t.rows[4][5].empty());
    CHECK(t.parameters() == std::vector<std::string>{"sw_turnover_factor"});
    CHECK(t.column("exits_diff") == 8u);
    CHECK(t.column("exits_diff_n") == 11u);
}

TEST_CASE("report sweep: a table that is not one is refused with its line", "[report][sweep]") {
    std::istringstream wrong{"a,b,c\n1,2,3\n"};
    auto r = read_sweep_table(wrong, "x.csv");
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().line == 1);
    std::istringstream short_row{table + "6,kin,2,3,1\n"};
    r = read_sweep_table(short_row, "x.csv");
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().file == "x.csv");
    CHECK(r.error().line == 8);
    std::istringstream open_quote{table + "6,\"kin,2\n"};
    CHECK(read_sweep_table(open_quote, "x.csv").error().message.find("quoted")
          != std::string::npos);
}

TEST_CASE("report sweep: one line per scenario, a dot and a bar per measured point",
          "[report][sweep]") {
    const auto t = read(table);
    std::ostringstream os;
    REQUIRE(write_sweep_chart(os, t, "exits", "sw_turnover_factor").ok());
    const auto svg = os.str();
    CHECK(svg.starts_with("<svg "));
    CHECK(count(svg, "</svg>") == 1);
    CHECK(svg.find("data-points=\"5\"") != std::string::npos); // point 5 has no exits
    CHECK(count(svg, "class=\"mark\"") == 5);
    CHECK(count(svg, "class=\"interval\"") == 5);
    CHECK(count(svg, "class=\"series\"") == 2);
    CHECK(count(svg, "class=\"line\"") == 2);
    CHECK(svg.find("data-series=\"together, always\"") != std::string::npos);
    CHECK(svg.find("<title>kin, sw_turnover_factor=1: 11.00 (9.00 to 13.00)</title>")
          != std::string::npos);
    // no interval: the bar collapses onto the mean
    CHECK(svg.find("sw_turnover_factor=1: 21.00 (21.00 to 21.00)") != std::string::npos);
}

TEST_CASE("report sweep: the difference from the baseline, and defaults", "[report][sweep]") {
    const auto t = read(table);
    std::ostringstream os;
    REQUIRE(write_sweep_chart(os, t, {}, {}, true).ok()); // first figure, first key
    const auto svg = os.str();
    CHECK(svg.find("Difference from the baseline in exits across sw_turnover_factor")
          != std::string::npos);
    CHECK(svg.find("sw_turnover_factor=0.5: -1.00 (-2.00 to 0.00)") != std::string::npos);
    CHECK(count(svg, "class=\"mark\"") == 5);
}

TEST_CASE("report sweep: scenarios as categories, and unknown names refused", "[report][sweep]") {
    const auto t = read(table);
    std::ostringstream os;
    REQUIRE(write_sweep_chart(os, t, "exits", "scenario").ok());
    CHECK(os.str().find(">together, always</text>") != std::string::npos);
    std::ostringstream sink;
    auto r = write_sweep_chart(sink, t, "entries", "sw_turnover_factor");
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().value == "entries");
    r = write_sweep_chart(sink, t, "exits", "replicates");
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().field == "across");
}
