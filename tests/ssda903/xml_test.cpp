#include "carepath/ssda903/xml.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <string>
#include <vector>

using namespace carepath;
using namespace carepath::ssda903;

namespace {
const char* sample = R"(<?xml version="1.0" encoding="UTF-8"?>
<!-- a return in XML form -->
<Message xmlns="urn:x">
  <CHILD>
    <CHILDID>42</CHILDID><SEX>F</SEX><DOB>01/06/2012</DOB><ETHNIC>WBRI</ETHNIC>
    <UPN>UN1</UPN><MOTHER>0</MOTHER><UASC>1</UASC><DUC>01/06/2030</DUC>
    <EPISODE>
      <DECOM>01/04/2024</DECOM><RNE>S</RNE><LS>C2</LS><CIN>N1</CIN><PL>U4</PL>
      <PLACE_PROVIDER>PR1</PLACE_PROVIDER><HOME_POST>M1 1AA</HOME_POST>
    </EPISODE>
    <EPISODE attr='x'>
      <DECOM>01/05/2024</DECOM><RNE>P</RNE><LS>C2</LS><PL>K2</PL>
    </EPISODE>
    <HEADER>
      <AREVIEW><REVIEW>01/06/2024</REVIEW><REVIEW_CODE>PN1</REVIEW_CODE></AREVIEW>
      <AMISSING><MISSING>M</MISSING><MIS_START>02/06/2024</MIS_START></AMISSING>
    </HEADER>
    <IN_TOUCH>YES</IN_TOUCH>
  </CHILD>
  <CHILD><CHILDID>43</CHILDID><DOB>01/01/2011</DOB><NOTE>Fish &amp; chips &#x263A;</NOTE></CHILD>
</Message>
)";
} // namespace

TEST_CASE("xml: a return in XML form fills the same tables as the CSV files", "[ssda903][xml]") {
    const auto r = read_xml_return_text(sample, "return.xml");
    const table* h = r.find("Header");
    REQUIRE(h);
    REQUIRE(h->rows.size() == 2);
    CHECK(h->get(h->rows[0], "CHILD") == "42");
    CHECK(h->get(h->rows[0], "UASC") == "1");
    CHECK(h->rows[0].line == 4);
    const table* e = r.find("Episodes");
    REQUIRE(e);
    REQUIRE(e->rows.size() == 2);
    CHECK(e->get(e->rows[0], "PLACE") == "U4"); // <PL> is PLACE
    CHECK(e->get(e->rows[1], "CHILD") == "42"); // from the child element
    CHECK(e->rows[1].line == 11);
    CHECK(r.find("Reviews")->rows.size() == 1);
    CHECK(r.find("Missing")->get(r.find("Missing")->rows[0], "DOB") == "01/06/2012");
    CHECK(r.find("UASC")->rows.size() == 1);
    CHECK(r.find("OC3")->rows.size() == 1);
    CHECK_FALSE(r.find("AD1"));
    // Only one remark: NOTE is in no table (a warning, with its decoded text).
    REQUIRE(r.read_errors.size() == 1);
    CHECK(is_warning(r.read_errors[0]));
    CHECK(r.read_errors[0].value == "Fish & chips \xE2\x98\xBA");
}

TEST_CASE("xml: bad cells are checked as in CSV files", "[ssda903][xml]") {
    const auto r = read_xml_return_text(
        "<M><C><CHILDID>1</CHILDID><EPISODE><DECOM>1/4/24</DECOM><LS>C2</LS></EPISODE></C></M>",
        "r.xml");
    REQUIRE(r.read_errors.size() == 1);
    CHECK(r.read_errors[0].field == "DECOM");
    CHECK(r.find("Episodes")->rows[0].flagged);
}

TEST_CASE("xml: broken documents are reported with line and column and still read",
          "[ssda903][xml]") {
    std::vector<diagnostic> errors;
    SECTION("an element never closed") {
        const auto doc = parse_xml("<a>\n  <b>text\n</a>", "x.xml", errors);
        REQUIRE(errors.size() == 1);
        CHECK(errors[0].line == 2);
        CHECK(errors[0].column == 3);
        REQUIRE(doc.elements.size() == 2);
        CHECK(doc.elements[1].text == "text\n");
    }
    SECTION("a stray end tag") {
        (void)parse_xml("<a></b></a>", "x.xml", errors);
        REQUIRE(errors.size() == 1);
        CHECK(errors[0].value == "b");
    }
    SECTION("the file ends inside a tag") {
        const auto doc = parse_xml("<a><b", "x.xml", errors);
        CHECK(errors.size() == 2); // the tag, then <a> not closed
        CHECK(doc.elements.size() == 1);
    }
    SECTION("nothing at all") {
        const auto r = read_xml_return_text("", "x.xml");
        REQUIRE(r.read_errors.size() == 1);
        CHECK(r.tables.empty());
    }
    SECTION("deep nesting does not recurse, and stops at the depth limit") {
        std::string deep;
        for (int i = 0; i < 100000; ++i)
            deep += "<a>";
        const auto doc = parse_xml(deep, "x.xml", errors);
        CHECK(doc.truncated);
        CHECK(doc.elements.size() == read_limits{}.max_xml_depth);
        CHECK(errors.size() == read_limits{}.max_xml_depth + 1); // the limit, then each unclosed
        const auto deeper = parse_xml(deep, "x.xml", errors, read_limits{.max_xml_depth = 1000});
        CHECK(deeper.elements.size() == 1000);
    }
}

TEST_CASE("xml: nesting past the limit stops the reader with an error, and the file is unread "
          "(issue 15, item 9)",
          "[ssda903][xml]") {
    std::string deep = "<Message>";
    for (int i = 0; i < 200; ++i) deep += "<a>";
    const auto r = read_xml_return_text(deep, "deep.xml", 2025);
    CHECK(r.unread_files == std::vector<std::string>{"deep.xml"});
    const auto it = std::ranges::find_if(r.read_errors, [](const diagnostic& d) {
        return d.message.find("nested more than 32 deep") != std::string::npos;
    });
    REQUIRE(it != r.read_errors.end());
    CHECK(it->line == 1);
    CHECK(it->column == 1 + 9 + 3 * 31); // the 33rd element's tag
    // The unclosed elements are reported once each, no more than the limit allows.
    CHECK(r.read_errors.size() <= 40);
}

TEST_CASE("xml: a UTF-16 file is refused with the fix", "[ssda903][xml]") {
    const auto r = read_xml_return_text(std::string{"\xFF\xFE<\0M\0>\0", 7}, "r.xml", 2025);
    CHECK(r.unread_files == std::vector<std::string>{"r.xml"});
    REQUIRE(r.read_errors.size() == 1);
    CHECK(r.read_errors[0].message.find("save it as UTF-8") != std::string::npos);
}

TEST_CASE("xml: a cell past the limit is read as blank with an error", "[ssda903][xml]") {
    const std::string text = "<M><CHILD><CHILDID>1</CHILDID><UPN>" + std::string(5000, 'u')
                             + "</UPN></CHILD></M>";
    const auto r = read_xml_return_text(text, "r.xml", 2025);
    REQUIRE(r.find("Header"));
    const auto& t = *r.find("Header");
    CHECK(t.get(t.rows[0], "UPN").empty());
    CHECK(t.rows[0].flagged);
    CHECK(std::ranges::any_of(r.read_errors, [](const diagnostic& d) {
        return d.field == "UPN" && d.message.find("a cell of 5000 bytes") != std::string::npos;
    }));
}

TEST_CASE("xml: the parser's work is linear on the worst shapes (issue 15, item 9)",
          "[ssda903][xml]") {
    // 200,000 unclosed elements took 14 s: each end tag that matched nothing searched every
    // open element. Work is counted (bytes read + open elements searched), not timed; it
    // stays within 16 steps a byte (an ampersand looks 12 bytes ahead for its semicolon).
    const std::vector<std::pair<std::string, std::string>> shapes{
        {"unclosed elements", "<a>"},
        {"end tags that match nothing", "<a></b>"},
        {"children without ids", "<CHILD><X>1</X>"},
        {"unknown entities", "<a>&zz;&#xFFFFFFF;</a>"},
        {"ampersands without entities", "&"},
        {"comments", "<!-- c -->"},
    };
    for (const auto& [name, unit] : shapes) {
        CAPTURE(name);
        std::size_t last = 0;
        for (const int n : {2000, 4000, 8000}) {
            std::string text = "<Message>";
            for (int i = 0; i < n; ++i) text += unit;
            std::vector<diagnostic> errors;
            const auto doc = parse_xml(text, "w.xml", errors);
            CHECK(doc.steps <= 16 * text.size());
            if (last != 0) CHECK(doc.steps <= 2 * last + 64);
            last = doc.steps;
        }
    }
}
