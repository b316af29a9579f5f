#include "carepath/report/difference_chart.hpp"

#include <catch2/catch.hpp>

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
// The pixel length of each whisker, in order.
std::vector<double> whisker_lengths(const std::string& svg) {
    std::vector<double> out;
    const std::regex whisker{
        R"re(class="whisker" x1="([-0-9.]+)" y1="[-0-9.]+" x2="([-0-9.]+)")re"};
    for (auto it = std::sregex_iterator(svg.begin(), svg.end(), whisker);
         it != std::sregex_iterator{}; ++it)
        out.push_back(std::stod((*it)[2]) - std::stod((*it)[1]));
    return out;
}
} // namespace

TEST_CASE("difference chart: one mark per figure, a bar only where there is an interval",
          "[report][difference_chart]") {
    const std::vector<difference_row> rows{
        {"cla_count", -1200, -1900, -500, 5},
        {"foster_share", 0.4, std::nullopt, std::nullopt, 1},
    };
    std::ostringstream os;
    write_difference_chart(os, rows, {.title = "differences"});
    const auto svg = os.str();
    CHECK(svg.find("data-points=\"2\"") != std::string::npos);
    CHECK(count(svg, "class=\"mark\"") == 2);
    CHECK(count(svg, "class=\"whisker\"") == 1);
    CHECK(count(svg, "class=\"zero\"") == 2);
    CHECK(svg.find("no interval: fewer than 2 replicates") != std::string::npos);
    SECTION("each row's bound is printed at both ends") {
        CHECK(svg.find(">-2000<") != std::string::npos); // 1900 rounds up to 2000
        CHECK(svg.find(">+2000<") != std::string::npos);
        CHECK(svg.find(">-0.50<") != std::string::npos); // 0.4 rounds up to 0.5
    }
}

TEST_CASE("difference chart: a small difference is as visible as a large one",
          "[report][difference_chart]") {
    // On one shared axis the second interval would be 1/100000 of the first's width.
    const std::vector<difference_row> rows{
        {"cla_count", 3000, 2000, 4000, 4},
        {"kinship_foster_share", 0.03, 0.02, 0.04, 4},
    };
    std::ostringstream os;
    write_difference_chart(os, rows, {.title = "differences"});
    const auto lengths = whisker_lengths(os.str());
    REQUIRE(lengths.size() == 2);
    CHECK(lengths[0] > 50);
    CHECK(lengths[1] > 50);
    CHECK(lengths[1] == Approx(lengths[0]).epsilon(0.01)); // same shape, own scales
}

TEST_CASE("difference chart: an interval crossing zero crosses the zero line",
          "[report][difference_chart]") {
    const std::vector<difference_row> rows{{"s20_share", 0.5, -1.0, 2.0, 3}};
    std::ostringstream os;
    write_difference_chart(os, rows, {.title = "differences"});
    const auto svg = os.str();
    const std::regex zero{R"re(class="zero" x1="([-0-9.]+)")re"};
    const std::regex whisker{
        R"re(class="whisker" x1="([-0-9.]+)" y1="[-0-9.]+" x2="([-0-9.]+)")re"};
    std::smatch z, w;
    REQUIRE(std::regex_search(svg, z, zero));
    REQUIRE(std::regex_search(svg, w, whisker));
    CHECK(std::stod(w[1]) < std::stod(z[1]));
    CHECK(std::stod(w[2]) > std::stod(z[1]));
}
