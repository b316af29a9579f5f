#include <carepath/ssda903/rule.hpp>

#include "rules_fixture.hpp"

#include <catch2/catch.hpp>

using namespace carepath::ssda903;
using namespace carepath::ssda903::testing;

TEST_CASE("rule: dates are read as dd/mm/yyyy, with one or two digits for day and month",
          "[ssda903][rule]") {
    using carepath::make_date;
    CHECK(detail::cell_date("01/02/2024") == make_date(2024, 2, 1));
    CHECK(detail::cell_date("1/2/2024") == make_date(2024, 2, 1));
    CHECK_FALSE(detail::cell_date("31/02/2024"));
    CHECK_FALSE(detail::cell_date("01/02/24"));
    CHECK_FALSE(detail::cell_date("2024-02-01"));
    CHECK_FALSE(detail::cell_date(""));
    CHECK_FALSE(detail::cell_date("01/13/2024"));
    CHECK(detail::cell_trim("  C2 ") == "C2");
}

TEST_CASE("rule: the context orders each child's episodes by start date, undated last",
          "[ssda903][rule]") {
    const auto data = make_return(2025, {
        make_table("Episodes", episode_columns, {
            "A,01/09/2024,P,C1,N1,U4,PR1,,,,,,",
            "B,01/05/2024,S,C1,N1,U4,PR1,,,,,,",
            "A,bad,P,C1,N1,U4,PR1,,,,,,",
            "A,01/05/2024,S,C1,N1,U4,PR1,01/09/2024,X1,,,,",
        }),
        make_table("Header", header_columns, {"A,F,01/01/2010,WBRI,UN1,0,", "C,M,01/01/2011,WBRI,UN1,,"}),
    });
    const context c{data, 2025};
    CHECK(c.collection_start() == *carepath::make_date(2024, 4, 1));
    CHECK(c.collection_end() == *carepath::make_date(2025, 3, 31));
    const auto a = c.child_number("A");
    REQUIRE(a);
    const auto eps = c.episodes_of(*a);
    REQUIRE(eps.size() == 3);
    CHECK(c.row_of(*eps[0]).line == 5);
    CHECK(c.row_of(*eps[1]).line == 2);
    CHECK(c.row_of(*eps[2]).line == 4);
    CHECK(c.dob_of(*a) == carepath::make_date(2010, 1, 1));
    const auto only_header = c.child_number("C");
    REQUIRE(only_header);
    CHECK(c.episodes_of(*only_header).empty());
    CHECK(c.header_of(*c.child_number("B")) == nullptr);
    CHECK_FALSE(c.child_number("Z"));
}

TEST_CASE("rule: a packed date reads and compares as the optional date it holds",
          "[ssda903][rule]") {
    using carepath::date;
    const std::optional<date> none, leap = carepath::make_date(2024, 2, 29);
    const packed_date empty, held = leap;
    CHECK_FALSE(empty);
    REQUIRE(held);
    CHECK(*held == *leap);
    CHECK(empty == none); // both empty: equal, as two empty optionals are
    CHECK_FALSE(none != empty);
    CHECK(held == leap);
    CHECK(held != none);
    CHECK(leap != empty);
    CHECK(std::optional<date>{held} == leap);
    CHECK_FALSE(std::optional<date>{empty});
    CHECK(empty.value_or(*leap) == *leap);
    for (const auto d : {carepath::make_date(1800, 1, 1), carepath::make_date(2200, 12, 31)})
        CHECK(*packed_date{d} == *d); // the years a date cell may hold
}

TEST_CASE("rule: a finding becomes a diagnostic naming file, line, field and rule", "[ssda903][rule]") {
    finding f;
    f.rule = "434";
    f.table = "Episodes";
    f.file = "episodes.csv";
    f.line = 14;
    f.child = "C1";
    f.fields = "RNE;LS";
    f.message = "Reason for new episode ...";
    f.value = "P";
    const auto d = f.to_diagnostic();
    CHECK(d.file == "episodes.csv");
    CHECK(d.line == 14);
    CHECK(d.field == "RNE");
    CHECK(d.rule == "434");
    CHECK(carepath::to_string(d)
          == "episodes.csv:14: [434] RNE=\"P\": Reason for new episode ... (child C1)");
}

TEST_CASE("rule: a finding carries the cell of the field it names, not the child",
          "[ssda903][rule]") {
    // Issue 15, item 3: findings printed as DEC="CHILD C008".
    table t;
    t.name = "Episodes";
    t.file = "episodes.csv";
    t.columns = {"CHILD", "DECOM", "DEC", "REC"};
    t.add_row(row{.line = 21}, std::vector<std::string>{"C008", "01/05/2024", "31/02/2025", "E11"});
    const catalogue_entry* entry = find_catalogue_entry("359", 2025);
    REQUIRE(entry);
    std::vector<finding> out;
    sink{*entry, out}.add(t, t.rows[0], "C008");
    REQUIRE(out.size() == 1);
    const std::string first_field{entry->fields.substr(0, entry->fields.find(';'))};
    const auto col = t.column(first_field);
    REQUIRE(col);
    CHECK(out[0].value == t.cell(t.rows[0], *col));
    const auto d = out[0].to_diagnostic();
    CHECK(d.field == first_field);
    CHECK(d.value == t.cell(t.rows[0], *col));
    CHECK(d.value.find("CHILD") == std::string::npos);
    CHECK(d.message.ends_with("(child C008)"));
}
