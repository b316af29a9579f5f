#include "carepath/report/html.hpp"

#include <catch2/catch.hpp>

#include <sstream>

using namespace carepath::report;

TEST_CASE("html document: one self-contained page with sections, charts and tables",
          "[report][html]") {
    document doc;
    doc.title = "Report <test>";
    doc.facts = {{"children", "3"}};
    section s;
    s.id = "moves";
    s.title = "Moves";
    s.text = "Moves & more";
    s.charts.push_back("<svg xmlns=\"http://www.w3.org/2000/svg\"></svg>\n");
    data_table t;
    t.columns = {"moves", "children"};
    t.add_row({"0", "2"});
    s.tables.push_back(t);
    doc.sections.push_back(s);
    doc.sections.push_back({"other", "Other", "", {}, {}});
    std::ostringstream os;
    write_html(os, doc);
    const auto html = os.str();
    CHECK(html.rfind("<!DOCTYPE html>", 0) == 0);
    CHECK(html.find("<title>Report &lt;test&gt;</title>") != std::string::npos);
    CHECK(html.find("<section id=\"moves\">") != std::string::npos);
    CHECK(html.find("<a href=\"#moves\">Moves</a>") != std::string::npos);
    CHECK(html.find("<p>Moves &amp; more</p>") != std::string::npos);
    CHECK(html.find("<dt>children</dt><dd>3</dd>") != std::string::npos);
    CHECK(html.find("<table class=\"data\">") != std::string::npos);
    CHECK(html.find("</html>") != std::string::npos);
    SECTION("nothing is loaded from elsewhere") {
        CHECK(html.find("<script") == std::string::npos);
        CHECK(html.find("<link") == std::string::npos);
        CHECK(html.find("src=") == std::string::npos);
        CHECK(html.find("url(") == std::string::npos);
        CHECK(html.find("@import") == std::string::npos);
    }
}
