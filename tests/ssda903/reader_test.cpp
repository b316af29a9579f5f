#include "carepath/ssda903/reader.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

using namespace carepath;
using namespace carepath::ssda903;

namespace {
const std::string episodes_header = "CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_"
                                    "PLACE_CHANGE,HOME_POST,PL_POST,URN\n";

table read(const std::string& text, std::vector<diagnostic>& errors, int year = 0) {
    std::istringstream in{text};
    return read_table(in, "episodes.csv", "", errors, year);
}
// The diagnostics about one line, as "column:field:value:message" for easy checks.
std::vector<const diagnostic*> on_line(const std::vector<diagnostic>& ds, std::size_t line) {
    std::vector<const diagnostic*> out;
    for (const auto& d : ds)
        if (d.line == line)
            out.push_back(&d);
    return out;
}
bool any_message(const std::vector<diagnostic>& ds, std::string_view part) {
    return std::ranges::any_of(
        ds, [&](const diagnostic& d) { return d.message.find(part) != std::string::npos; });
}
} // namespace

TEST_CASE("reader: tables are recognised by their column names in any order", "[ssda903][reader]") {
    CHECK(identify_table({"CHILD", "SEX", "DOB", "ETHNIC", "UPN", "MOTHER", "MC_DOB"}) == "Header");
    CHECK(identify_table({"URN", "PL_POST", "CHILD", "DECOM", "RNE", "LS", "CIN", "PLACE",
                          "PLACE_PROVIDER", "DEC", "REC", "REASON_PLACE_CHANGE", "HOME_POST"})
          == "Episodes");
    CHECK(identify_table({"CHILD", "SEX", "DOB", "DUC"}) == "UASC");
    CHECK(identify_table({"CHILD", "DOB", "REVIEW", "REVIEW_CODE"}) == "Reviews");
    CHECK(identify_table({"CHILD", "DOB", "MISSING", "MIS_START", "MIS_END"}) == "Missing");
    CHECK(identify_table({"CHILD", "DOB", "IN_TOUCH", "ACTIV", "ACCOM"}) == "OC3");
    CHECK(identify_table({"CHILD", "DOB", "PREV_PERM", "LA_PERM", "DATE_PERM"}) == "PrevPerm");
    CHECK(identify_table(
              {"CHILD", "DOB", "DATE_PLACED", "DATE_PLACED_CEASED", "REASON_PLACED_CEASED"})
          == "PlacedAdoption");
    SECTION("a table with a missing column is still recognised") {
        CHECK(identify_table({"CHILD", "DOB", "REVIEW"}) == "Reviews");
    }
    SECTION("shared columns alone recognise nothing") {
        CHECK_FALSE(identify_table({"CHILD", "DOB", "SEX"}));
        CHECK_FALSE(identify_table({"A", "B"}));
        CHECK_FALSE(identify_table({}));
    }
}

TEST_CASE("reader: a clean Episodes file is read cell for cell with no diagnostics",
          "[ssda903][reader]") {
    std::vector<diagnostic> errors;
    const auto t =
        read(episodes_header
                 + "C1,01/04/2024,S,C2,N1,U4,PR1,01/06/2024,X1,CARPL,M1 1AA,M2 2BB,XXXXXXX\n"
                   "C1,01/06/2024,P,C2,N1,K2,PR4,,,,M1 1AA,LS1 4GG,1234567\n",
             errors);
    CHECK(errors.empty());
    CHECK(t.name == "Episodes");
    REQUIRE(t.rows.size() == 2);
    CHECK(t.rows[0].line == 2);
    CHECK(t.rows[1].line == 3);
    CHECK(t.get(t.rows[1], "PLACE") == "K2");
    CHECK(t.get(t.rows[1], "DEC").empty());
    CHECK_FALSE(t.rows[0].flagged);
}

TEST_CASE("reader: messy but readable cells are read with a warning and never changed",
          "[ssda903][reader]") {
    std::vector<diagnostic> errors;
    const auto t = read(
        episodes_header + "123.0,01/04/2024,S,c2,N1,U4 ,PR1,,,,M1 1AA,M2 2BB,XXXXXXX\n", errors);
    REQUIRE(t.rows.size() == 1);
    const auto& r = t.rows[0];
    CHECK(t.get(r, "CHILD") == "123.0"); // kept as written
    CHECK(t.get(r, "LS") == "c2");
    CHECK(t.get(r, "PLACE") == "U4 ");
    CHECK_FALSE(r.flagged);
    REQUIRE(errors.size() == 3);
    CHECK(std::ranges::all_of(errors, [](const diagnostic& d) { return is_warning(d); }));
    CHECK(errors[0].field == "CHILD");
    CHECK(errors[0].column == 1);
    CHECK(errors[1].field == "LS");
    CHECK(errors[1].value == "c2");
    CHECK(errors[2].field == "PLACE");
    CHECK(normalise_child_id("123.0") == "123");
    CHECK(normalise_child_id(" 123.00 ") == "123");
    CHECK(normalise_child_id("12.5") == "12.5");
    CHECK(normalise_child_id("A.0") == "A.0");
}

TEST_CASE("reader: bad cells are errors naming file, line, column, field and value; the row is "
          "kept and flagged",
          "[ssda903][reader]") {
    std::vector<diagnostic> errors;
    const auto t = read(episodes_header
                            + "C1,31/02/2024,S,C2,N1,U4,PR1,,,,M1 1AA,M2 2BB,X\n"
                              "C2,01/04/24,S,C2,N1,U4,PR1,,,,M1 1AA,M2 2BB,X\n"
                              "C3,01/04/2024,S,ZZ,N1,Q9,PR1,,,,M1 1AA,M2 2BB,X\n"
                              "C4,01/04/2024,S,C2\n"
                              "C5,01/04/2024,S,C2,N1,U4,PR1,,,,M1 1AA,M2 2BB,X,surplus\n"
                              "C6,01/04/2024,S,C2,N1,U4,PR1,,,,M1 1AA,M2 2BB,X\n",
                        errors);
    REQUIRE(t.rows.size() == 6); // nothing dropped
    CHECK(t.rows[0].flagged);
    CHECK(t.rows[1].flagged);
    CHECK(t.rows[2].flagged);
    CHECK(t.rows[3].flagged);
    CHECK(t.rows[4].flagged);
    CHECK_FALSE(t.rows[5].flagged);

    const auto l2 = on_line(errors, 2);
    REQUIRE(l2.size() == 1);
    CHECK(to_string(*l2[0]).starts_with(
        "episodes.csv:2:2: DECOM=\"31/02/2024\": not a calendar date"));

    const auto l3 = on_line(errors, 3);
    REQUIRE(l3.size() == 1);
    CHECK(l3[0]->message.find("two-digit year") != std::string::npos);

    const auto l4 = on_line(errors, 4);
    REQUIRE(l4.size() == 2);
    CHECK(to_string(*l4[0]) == "episodes.csv:4:4: LS=\"ZZ\": not a code of Episodes.LS");
    CHECK(l4[1]->field == "PLACE");

    const auto l5 = on_line(errors, 5);
    REQUIRE(l5.size() == 1);
    CHECK(l5[0]->column == 5);
    CHECK(l5[0]->message.find("short row: 4 of 13") != std::string::npos);
    CHECK(t.cells(t.rows[3]).size() == 13);

    const auto l6 = on_line(errors, 6);
    REQUIRE(l6.size() == 1);
    CHECK(l6[0]->message.find("long row") != std::string::npos);
    CHECK(t.extra(t.rows[4]).strings() == std::vector<std::string>{"surplus"});
    CHECK(t.cells(t.rows[4]).size() == 13);
    CHECK(on_line(errors, 7).empty());
}

TEST_CASE("reader: a missing column is an error, an extra one a warning, and both are read",
          "[ssda903][reader]") {
    std::vector<diagnostic> errors;
    std::istringstream in{"CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,NOTE\nA1,F,01/06/2012,WBRI,UN1,0,hi\n"};
    const auto t = read_table(in, "header.csv", "", errors);
    CHECK(t.name == "Header");
    REQUIRE(errors.size() == 2);
    CHECK(is_warning(errors[0]));
    CHECK(errors[0].field == "NOTE");
    CHECK_FALSE(is_warning(errors[1]));
    CHECK(errors[1].field == "MC_DOB");
    CHECK(errors[1].message.find("missing column") != std::string::npos);
    REQUIRE(t.rows.size() == 1);
    CHECK(t.get(t.rows[0], "NOTE") == "hi");
    CHECK(t.get(t.rows[0], "MC_DOB").empty());
}

TEST_CASE("reader: a code valid only in other years is read with a warning naming the year",
          "[ssda903][reader]") {
    std::vector<diagnostic> errors;
    const auto t =
        read(episodes_header + "C1,01/04/2025,S,C2,N1,H5,PR1,,,,M1 1AA,M2 2BB,X\n", errors, 2026);
    REQUIRE(errors.size() == 1);
    CHECK(is_warning(errors[0]));
    CHECK(errors[0].field == "PLACE");
    CHECK(errors[0].message.find("not valid in 2025-26 (retired from 2024-25)")
          != std::string::npos);
    SECTION("but not in a year it was valid") {
        std::vector<diagnostic> e2;
        (void)read(episodes_header + "C1,01/04/2023,S,C2,N1,H5,PR1,,,,M1 1AA,M2 2BB,X\n", e2, 2024);
        CHECK(e2.empty());
    }
}

TEST_CASE("reader: OC2 scores and PrevPerm partial dates are checked", "[ssda903][reader]") {
    std::vector<diagnostic> errors;
    std::istringstream oc2{"CHILD,DOB,SDQ_SCORE,SDQ_REASON,CONVICTED,HEALTH_CHECK,IMMUNISATIONS,"
                           "TEETH_CHECK,HEALTH_ASSESSMENT,SUBSTANCE_MISUSE,INTERVENTION_RECEIVED,"
                           "INTERVENTION_OFFERED\nA,01/01/2010,41,,0,1,1,1,1,0,,\n"
                           "B,01/01/2010,x,SDQ1,0,1,1,1,1,0,,\nC,01/01/2010,12,,0,1,1,1,1,0,,\n"};
    const auto t = read_table(oc2, "oc2.csv", "", errors);
    CHECK(t.name == "OC2");
    REQUIRE(errors.size() == 2);
    CHECK(errors[0].message == "outside 0 to 40");
    CHECK(errors[1].message == "expected a whole number");

    errors.clear();
    std::istringstream pp{"CHILD,DOB,PREV_PERM,LA_PERM,DATE_PERM\nA,01/01/2010,P1,,zz/zz/2015\n"
                          "B,01/01/2010,P2,,zz/07/2016\nC,01/01/2010,P2,,zz/13/2016\n"};
    const auto p = read_table(pp, "prevperm.csv", "", errors);
    CHECK(p.name == "PrevPerm");
    REQUIRE(errors.size() == 1);
    CHECK(errors[0].line == 4);
    CHECK(p.rows[2].flagged);
}

TEST_CASE("reader: blank files and files that are not UTF-8 give a clear diagnostic",
          "[ssda903][reader]") {
    std::vector<diagnostic> errors;
    std::istringstream empty{""};
    const auto t = read_table(empty, "uasc.csv", "", errors);
    CHECK(t.rows.empty());
    REQUIRE(errors.size() == 1);
    CHECK(is_warning(errors[0]));

    errors.clear();
    std::istringstream utf16{std::string{"\xFF\xFE"
                                         "C\0H\0",
                                         6}};
    (void)read_table(utf16, "header.csv", "", errors);
    REQUIRE(errors.size() == 1);
    CHECK(errors[0].message.find("UTF-16") != std::string::npos);
}

TEST_CASE("reader: a folder is read by content, with the previous year from a subfolder or a "
          "_last name",
          "[ssda903][reader]") {
    const auto r = read_return(std::string{CAREPATH_TEST_DATA} + "/ssda903/folder", 2025);
    REQUIRE(r.ok());
    const auto& ret = r.value();
    CHECK(ret.collection_year == 2025);
    REQUIRE(ret.find("Header"));
    REQUIRE(ret.find("Episodes"));
    CHECK(ret.find("Header")->file == "a.csv");
    CHECK(ret.find("Episodes")->file == "b.csv");
    CHECK(ret.find("Episodes")->rows.size() == 2);
    REQUIRE(ret.find("Episodes_last"));
    CHECK(ret.find("Episodes_last")->file == "last_year/episodes.csv");
    REQUIRE(ret.find("Header_last"));
    CHECK(ret.find("Header_last")->rows.size() == 1);
    CHECK_FALSE(ret.find("UASC")); // blank optional file: warned about, no table
    CHECK(ret.tables.size() == 4);
    // notes.csv is no SSDA903 table: an error; the blank uasc.csv: a warning.
    CHECK(any_message(ret.read_errors, "do not match any SSDA903 table"));
    CHECK(any_message(ret.read_errors, "empty file"));
}

TEST_CASE("reader: a folder that cannot be read is the only failure", "[ssda903][reader]") {
    const auto r = read_return("/no/such/folder/anywhere");
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().message == "no such folder");
}

TEST_CASE("reader: column names in lower case are recognised with a warning", "[ssda903][reader]") {
    std::vector<diagnostic> errors;
    std::istringstream in{"child,DOB,Review,REVIEW_CODE,note\nA,01/01/2010,01/02/2024,PN1,x\n"};
    const auto t = read_table(in, "reviews.csv", "", errors);
    CHECK(t.name == "Reviews");
    CHECK(t.columns == std::vector<std::string>{"CHILD", "DOB", "REVIEW", "REVIEW_CODE", "note"});
    REQUIRE(errors.size() == 3); // child, Review, and the extra column "note"
    CHECK(errors[0].value == "child");
    CHECK(errors[1].value == "Review");
    CHECK(std::ranges::all_of(errors, [](const diagnostic& d) { return is_warning(d); }));
    CHECK(t.get(t.rows[0], "REVIEW") == "01/02/2024");
}

TEST_CASE("reader: messages keep what was read (issue 15, item 8)", "[ssda903][reader]") {
    std::vector<diagnostic> errors;
    SECTION("a lower-case column name says what it was read as") {
        const auto t = read("child,DECOM\nA,01/05/2024\n", errors);
        REQUIRE(t.columns.size() == 2);
        CHECK(t.columns[0] == "CHILD");
        REQUIRE_FALSE(errors.empty());
        CHECK(errors[0].severity == severity::warning);
        CHECK(errors[0].value == "child");
        CHECK(errors[0].message == "column name not in capitals; read as \"CHILD\"");
    }
    SECTION("trailing empty columns are named by their position, not as a column named twice") {
        read(episodes_header.substr(0, episodes_header.size() - 1) + ",,\n", errors);
        CHECK_FALSE(any_message(errors, "named twice"));
        CHECK(any_message(errors, "column 14 has no name"));
        CHECK(any_message(errors, "column 15 has no name"));
    }
    SECTION("a spreadsheet's serial day number gets the date it stands for") {
        read(episodes_header + "A,44413,S,C1,N1,U3,PR1,,,,M1 1AA,M2 2BB,1234567\n", errors);
        const auto here = on_line(errors, 2);
        REQUIRE(here.size() == 1);
        CHECK(here[0]->value == "44413");
        CHECK(here[0]->message.find("day number for 05/08/2021") != std::string::npos);
    }
    SECTION("one-digit days and months are dates, as in the DfE's rule (%d/%m/%Y)") {
        const auto t =
            read(episodes_header + "A,1/5/2024,S,C1,N1,U3,PR1,10/3/2025,E11,,M1 1AA,M2 2BB,1234567\n",
                 errors);
        CHECK(on_line(errors, 2).empty());
        CHECK_FALSE(t.rows[0].flagged);
        CHECK(t.cell(t.rows[0], 1) == "1/5/2024"); // kept as written
    }
    SECTION("a date error names the value in its printed form") {
        read(episodes_header + "A,1/5/24,S,C1,N1,U3,PR1,,,,M1 1AA,M2 2BB,1234567\n", errors);
        const auto here = on_line(errors, 2);
        REQUIRE(here.size() == 1);
        CHECK(to_string(*here[0]) == "episodes.csv:2:2: DECOM=\"1/5/24\": two-digit year: write "
                                     "dd/mm/yyyy");
    }
}

TEST_CASE("reader: warnings carry their severity as a field, not as text", "[ssda903][reader]") {
    std::vector<diagnostic> errors;
    read(episodes_header + " A ,01/05/2024,S,C1,N1,u3,PR1,,,,M1 1AA,M2 2BB,1234567\n", errors);
    REQUIRE(errors.size() == 2);
    for (const auto& d : errors) {
        CHECK(d.severity == severity::warning);
        CHECK_FALSE(d.message.starts_with("warning"));
        CHECK(to_string(d).find(": warning: ") != std::string::npos);
    }
    CHECK(from_string<severity>(to_string(severity::warning)) == severity::warning);
    CHECK(from_string<severity>(to_string(severity::error)) == severity::error);
}

namespace {
// A fresh folder under the build's temporary directory, removed at the end of the test.
struct scratch_folder {
    std::filesystem::path path;
    explicit scratch_folder(const std::string& name)
        : path{std::filesystem::temp_directory_path() / ("carepath-reader-" + name)} {
        std::filesystem::remove_all(path);
        std::filesystem::create_directories(path);
    }
    ~scratch_folder() {
        std::error_code ec;
        std::filesystem::remove_all(path, ec);
    }
    void write(const std::string& file, const std::string& text) const {
        std::ofstream{path / file, std::ios::binary} << text;
    }
};
const std::string header_file = "CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB\nA,F,01/01/2010,WBRI,UN2,,\n";
} // namespace

TEST_CASE("reader: files that cannot be read are listed as unread, with the reader's hint",
          "[ssda903][reader]") {
    scratch_folder dir{"unread"};
    dir.write("header.csv", header_file);
    SECTION("UTF-16") {
        dir.write("episodes.csv", std::string{"\xFF\xFE"} + "C\0H\0I\0L\0D\0");
        const auto r = read_return(dir.path, 2025);
        REQUIRE(r.ok());
        CHECK(r->unread_files == std::vector<std::string>{"episodes.csv"});
        CHECK(any_message(r->read_errors, "save it as UTF-8"));
    }
    SECTION("semicolons between cells") {
        auto semi = episodes_header;
        std::ranges::replace(semi, ',', ';');
        dir.write("episodes.csv", semi + "A;01/05/2024;S;C1;N1;U3;PR1;;;;M1 1AA;M2 2BB;1234567\n");
        const auto r = read_return(dir.path, 2025);
        REQUIRE(r.ok());
        CHECK(r->unread_files == std::vector<std::string>{"episodes.csv"});
        CHECK(any_message(r->read_errors, "separated by ';', not commas"));
    }
    SECTION("a second file of one table") {
        dir.write("header2.csv", header_file);
        const auto r = read_return(dir.path, 2025);
        REQUIRE(r.ok());
        CHECK(r->unread_files == std::vector<std::string>{"header2.csv"});
    }
    SECTION("other files and folders are named, with a warning") {
        dir.write("episodes.txt", episodes_header);
        std::filesystem::create_directories(dir.path / "old");
        const auto r = read_return(dir.path, 2025);
        REQUIRE(r.ok());
        CHECK(r->unread_files.empty());
        CHECK(any_message(r->read_errors, "not a .csv or .xml file"));
        CHECK(any_message(r->read_errors, "folder not read"));
    }
    SECTION("more files than the limit: the rest are not read, and named") {
        for (int i = 0; i < 5; ++i) dir.write("x" + std::to_string(i) + ".csv", "A,B\n1,2\n");
        const auto r = read_return(dir.path, 2025, read_limits{.max_files = 3});
        REQUIRE(r.ok());
        CHECK(any_message(r->read_errors, "more than 3 files in the return"));
        CHECK(r->unread_files.size() == 3); // x0 and x1 (unknown columns) and x2, where it stopped
    }
}
