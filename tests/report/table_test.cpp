#include "carepath/report/table.hpp"

#include <catch2/catch.hpp>

#include <sstream>

using namespace carepath::report;

TEST_CASE("data_table csv: fields with commas, quotes or line breaks are quoted",
          "[report][table]") {
    data_table t;
    t.columns = {"route", "children"};
    t.add_row({"adoption", "12"});
    t.add_row({"relative, without PR", "3"});
    t.add_row({"said \"no\"", "0"});
    std::ostringstream os;
    write_csv(os, t);
    CHECK(os.str()
          == "route,children\r\nadoption,12\r\n\"relative, without PR\",3\r\n"
             "\"said \"\"no\"\"\",0\r\n");
}

TEST_CASE("data_table html: caption, headings and escaped cells; numbers "
          "right-aligned",
          "[report][table]") {
    data_table t;
    t.caption = "Exits <2024>";
    t.columns = {"route", "children"};
    t.add_row({"a & b", "12.5"});
    std::ostringstream os;
    write_html(os, t);
    const auto html = os.str();
    CHECK(html.find("<caption>Exits &lt;2024&gt;</caption>") != std::string::npos);
    CHECK(html.find("<th scope=\"col\">children</th>") != std::string::npos);
    CHECK(html.find("<td>a &amp; b</td><td class=\"num\">12.5</td>") != std::string::npos);
}

TEST_CASE("data_table: a row of the wrong width is a programming error", "[report][table]") {
    data_table t;
    t.columns = {"a", "b"};
    CHECK_THROWS_AS(t.add_row({"1"}), std::invalid_argument);
}

TEST_CASE("format_number: fixed decimals, no locale, no negative zero", "[report][table]") {
    CHECK(format_number(1234.5, 2) == "1234.50");
    CHECK(format_number(2.0 / 3, 3) == "0.667");
    CHECK(format_number(-0.0001, 2) == "0.00");
    CHECK(format_number(7) == "7");
}
