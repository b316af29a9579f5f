#include "carepath/ssda903/xml.hpp"

#include <catch2/catch.hpp>

#include <string>

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
    SECTION("deep nesting does not recurse") {
        std::string deep;
        for (int i = 0; i < 100000; ++i)
            deep += "<a>";
        const auto doc = parse_xml(deep, "x.xml", errors);
        CHECK(doc.elements.size() == 100000);
        CHECK(errors.size() == 100000);
    }
}
