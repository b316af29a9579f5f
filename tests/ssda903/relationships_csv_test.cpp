#include "carepath/ssda903/relationships_csv.hpp"

#include <catch2/catch.hpp>

#include <sstream>
#include <string>

using namespace carepath;
using namespace carepath::ssda903;

namespace {
date d(int y, unsigned m, unsigned dd) {
    return *make_date(y, m, dd);
}
const diagnostic* on_line(const relationships_extract& x, std::size_t line,
                          std::string_view field) {
    for (const auto& g : x.diagnostics)
        if (g.line == line && g.field == field)
            return &g;
    return nullptr;
}
} // namespace

TEST_CASE("relationships csv: a good file gives one record per row, as written",
          "[ssda903][relationships_csv]") {
    const std::string text = "CHILD,PERSON,PERSON_CHILD,TYPE,START,END,END_REASON,CONTACT_DATES\n"
                             "101,P7,103,full_sibling,05/05/2010,,,12/10/2024;14/09/2024\n"
                             "101.0,FC1,,foster_carer,1/6/2022,01/09/2024,placement_move,\n"
                             "102,SCH9,,school,01/09/2020,,,\n";
    const auto x = read_relationships_text(text, "rel.csv");
    CHECK(x.diagnostics.empty());
    REQUIRE(x.records.size() == 3);
    const auto& sib = x.records[0];
    CHECK(sib.line == 2);
    CHECK(sib.child == "101");
    CHECK(sib.person == "P7");
    CHECK(sib.person_child == "103");
    CHECK(sib.kind == kinds::full_sibling);
    CHECK(sib.start == d(2010, 5, 5));
    CHECK_FALSE(sib.end);
    // Contact days come back in date order, whatever order the cell gave them.
    CHECK(sib.contacts == std::vector<date>{d(2024, 9, 14), d(2024, 10, 12)});
    const auto& carer = x.records[1];
    CHECK(carer.child == "101"); // "101.0" joins as the return's reader joins it
    CHECK(carer.start == d(2022, 6, 1)); // one-digit day and month, as the DfE reads dates
    CHECK(carer.end == d(2024, 9, 1));
    CHECK(carer.reason == end_reason::placement_move);
    CHECK(x.records[2].kind == relationship_kinds::school);
    CHECK(x.records[2].kind.family() == kind_family::professional);
}

TEST_CASE("relationships csv: the extract's own kinds join core's families",
          "[ssda903][relationships_csv]") {
    const auto c = relationship_catalogue();
    CHECK(c.parse("sibling") == relationship_kinds::sibling);
    CHECK(c.parse("sibling")->is_sibling());
    CHECK(c.parse("half_sibling") == kinds::half_sibling);
    CHECK_FALSE(c.parse("cousin"));
}

TEST_CASE("relationships csv: columns may come in any order and the optional ones be left out",
          "[ssda903][relationships_csv]") {
    const auto x = read_relationships_text(
        "TYPE,CHILD,START,PERSON,END_REASON,END\nbirth_parent,7,01/01/2020,M1,court_order,"
        "01/01/2021\n",
        "r.csv");
    CHECK(x.diagnostics.empty());
    REQUIRE(x.records.size() == 1);
    CHECK(x.records[0].kind == kinds::birth_parent);
    CHECK(x.records[0].reason == end_reason::court_order);
    CHECK(x.records[0].end == d(2021, 1, 1));
}

TEST_CASE("relationships csv: a bad row is named and left out; the good rows around it stay",
          "[ssda903][relationships_csv]") {
    const std::string text = "CHILD,PERSON,PERSON_CHILD,TYPE,START,END,END_REASON,CONTACT_DATES\n"
                             "1,A,,grandparent,01/01/2020,,,\n"                    // 2 good
                             "1,B,,godparent,01/01/2020,,,\n"                      // 3 type
                             "1,C,,grandparent,01/01/2020,01/01/2019,death,\n"     // 4 end<start
                             "1,D,,grandparent,01/01/2020,01/02/2020,,\n"          // 5 no reason
                             "1,E,,grandparent,01/01/2020,,death,\n"               // 6 no end
                             "1,F,,grandparent,31/02/2020,,,\n"                    // 7 bad date
                             ",G,,grandparent,01/01/2020,,,\n"                     // 8 no child
                             "1,,,grandparent,01/01/2020,,,\n"                     // 9 no person
                             "1,H,,grandparent,01/01/2020,,,01/03/2020;3/3/20\n"   // 10 contact
                             "1,I,,grandparent,01/01/2020,01/01/2021,gone,\n"      // 11 reason
                             "1,,1,sibling,01/01/2020,,,\n"                        // 12 self
                             "1,J,,grandparent,01/01/2020,,,\n";                   // 13 good
    const auto x = read_relationships_text(text, "rel.csv");
    REQUIRE(x.records.size() == 3);
    CHECK(x.records[0].person == "A");
    CHECK(x.records[1].person == "H");
    CHECK(x.records[1].contacts == std::vector<date>{d(2020, 3, 1)});
    CHECK(x.records[2].person == "J");

    const auto* type = on_line(x, 3, "TYPE");
    REQUIRE(type);
    CHECK(to_string(*type) == "rel.csv:3:4: TYPE=\"godparent\": unknown relationship TYPE: the "
                              "row is not used");
    const auto* backwards = on_line(x, 4, "END");
    REQUIRE(backwards);
    CHECK(backwards->value == "01/01/2019");
    CHECK(backwards->message.find("ends before it starts") != std::string::npos);
    REQUIRE(on_line(x, 5, "END_REASON"));
    CHECK(on_line(x, 5, "END_REASON")->message.find("needs a reason") != std::string::npos);
    REQUIRE(on_line(x, 6, "END"));
    REQUIRE(on_line(x, 7, "START"));
    CHECK(on_line(x, 7, "START")->message.find("February 2020 has 29 days") != std::string::npos);
    REQUIRE(on_line(x, 8, "CHILD"));
    REQUIRE(on_line(x, 9, "PERSON"));
    const auto* contact = on_line(x, 10, "CONTACT_DATES");
    REQUIRE(contact);
    CHECK(contact->value == "3/3/20");
    CHECK(contact->column == 8);
    REQUIRE(on_line(x, 11, "END_REASON"));
    CHECK(on_line(x, 11, "END_REASON")->value == "gone");
    REQUIRE(on_line(x, 12, "PERSON_CHILD"));
    for (const auto& g : x.diagnostics) {
        CHECK(g.file == "rel.csv");
        CHECK(g.line >= 3);
        CHECK(g.line <= 12);
    }
}

TEST_CASE("relationships csv: a file without a required column is not read, and says which",
          "[ssda903][relationships_csv]") {
    const auto x = read_relationships_text("CHILD,PERSON,TYPE,START,END\n1,A,other,01/01/2020,\n",
                                           "r.csv");
    CHECK(x.records.empty());
    REQUIRE(x.diagnostics.size() == 1);
    CHECK(x.diagnostics[0].field == "END_REASON");
    CHECK(x.diagnostics[0].line == 1);
    const auto empty = read_relationships_text("", "e.csv");
    CHECK(empty.records.empty());
    REQUIRE(empty.diagnostics.size() == 1);
    CHECK(empty.diagnostics[0].line == 1);
}

TEST_CASE("relationships csv: an unknown column is a warning and the rows are still read",
          "[ssda903][relationships_csv]") {
    const auto x = read_relationships_text(
        "CHILD,PERSON,TYPE,START,END,END_REASON,NOTE\n1,A,other,01/01/2020,,,hello\n", "r.csv");
    REQUIRE(x.records.size() == 1);
    REQUIRE(x.diagnostics.size() == 1);
    CHECK(x.diagnostics[0].is_warning());
    CHECK(x.diagnostics[0].value == "NOTE");
}

TEST_CASE("relationships csv: records written and read back are the same",
          "[ssda903][relationships_csv]") {
    const std::string text = "CHILD,PERSON,PERSON_CHILD,TYPE,START,END,END_REASON,CONTACT_DATES\n"
                             "101,\"P,7\",103,full_sibling,05/05/2010,,,12/10/2024;14/09/2024\n"
                             "101,FC1,,foster_carer,01/06/2022,01/09/2024,placement_move,\n";
    const auto x = read_relationships_text(text, "a.csv");
    REQUIRE(x.records.size() == 2);
    std::ostringstream os;
    write_relationships(os, x.records);
    const auto y = read_relationships_text(os.str(), "b.csv");
    CHECK(y.diagnostics.empty());
    CHECK(y.records == x.records);
}

TEST_CASE("relationships csv: a file that cannot be opened is an error naming it",
          "[ssda903][relationships_csv]") {
    const auto r = read_relationships("/nonexistent/rel.csv");
    REQUIRE_FALSE(r);
    CHECK(r.error().file == "/nonexistent/rel.csv");
}
