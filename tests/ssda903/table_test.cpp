#include "carepath/ssda903/table.hpp"

#include "carepath/ssda903/reader.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <string>
#include <vector>

using namespace carepath;
using namespace carepath::ssda903;

TEST_CASE("table: a row's cells are read back from the table's store, surplus cells apart",
          "[ssda903][table]") {
    table t;
    t.columns = {"CHILD", "DECOM", "DEC"};
    t.add_row(row{.line = 2}, std::vector<std::string>{"C1", "01/05/2024", ""});
    t.add_row(row{.line = 3, .flagged = true}, std::vector<std::string>{"C2", "", "02/06/2024"},
              std::vector<std::string>{"surplus", ""});
    REQUIRE(t.rows.size() == 2);
    CHECK(t.cell(t.rows[0], 0) == "C1");
    CHECK(t.cell(t.rows[0], 2).empty());
    CHECK(t.cell(t.rows[0], 3).empty()); // past the last column: blank, never another row's
    CHECK(t.get(t.rows[1], "DEC") == "02/06/2024");
    CHECK(t.get(t.rows[1], "REC").empty());
    CHECK(t.cells(t.rows[1]).strings() == std::vector<std::string>{"C2", "", "02/06/2024"});
    CHECK(t.extra(t.rows[1]).strings() == std::vector<std::string>{"surplus", ""});
    CHECK(t.extra(t.rows[0]).empty());
    CHECK(t.rows[1].flagged);
    CHECK(t.rows[1].line == 3);
}

TEST_CASE("table: setting a cell changes that cell only, and keeps the row's surplus cells",
          "[ssda903][table]") {
    table t;
    t.columns = {"A", "B"};
    t.add_row(row{.line = 2}, std::vector<std::string>{"a1", "b1"}, std::vector<std::string>{"x"});
    t.add_row(row{.line = 3}, std::vector<std::string>{"a2", "b2"});
    t.set_cell(t.rows[0], 1, "a much longer value than before");
    CHECK(t.cells(t.rows[0]).strings()
          == std::vector<std::string>{"a1", "a much longer value than before"});
    CHECK(t.extra(t.rows[0]).strings() == std::vector<std::string>{"x"});
    CHECK(t.cells(t.rows[1]).strings() == std::vector<std::string>{"a2", "b2"});
    t.set_cell(t.rows[1], 3, "d"); // past the row's end: the row widens with blanks
    CHECK(t.cells(t.rows[1]).strings() == std::vector<std::string>{"a2", "b2", "", "d"});
}

TEST_CASE("table: a file read is stored once, the cells written over the text already parsed",
          "[ssda903][table][reader]") {
    // Quoted cells shrink as they are read ("" becomes "), a byte order mark and CRLF endings
    // are dropped, short rows grow blanks and long rows keep surplus cells: every cell must come
    // back exactly, with nothing written over text not yet parsed.
    const std::string text = "\xEF\xBB\xBF"
                             "CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB\r\n"
                             "\"A \"\"1\"\"\",1,01/06/2012,WBRI,\"UN1\",0,\r\n"
                             "\"B,\r\n2\",2,15/09/2015\r\n"
                             "C3,1,01/01/2010,WBRI,UN1,,,\"x\"\"y\",z\r\n"
                             "\"\"\"\",2,02/02/2011,WBRI,UN2,,\n";
    std::vector<diagnostic> errors;
    const auto t = read_table_text(text, "header.csv", "Header", errors);
    REQUIRE(t.rows.size() == 4);
    CHECK(t.cells(t.rows[0]).strings()
          == std::vector<std::string>{"A \"1\"", "1", "01/06/2012", "WBRI", "UN1", "0", ""});
    CHECK(t.cells(t.rows[1]).strings()
          == std::vector<std::string>{"B,\r\n2", "2", "15/09/2015", "", "", "", ""});
    CHECK(t.rows[1].flagged); // short
    CHECK(t.rows[2].line == 5);
    CHECK(t.cells(t.rows[2]).strings()
          == std::vector<std::string>{"C3", "1", "01/01/2010", "WBRI", "UN1", "", ""});
    CHECK(t.extra(t.rows[2]).strings() == std::vector<std::string>{"x\"y", "z"});
    CHECK(t.cell(t.rows[3], 0) == "\"");
    // The store is at most the file's size plus a 2-byte start per cell and a 4-byte start per
    // 16 cells: no block per cell.
    const std::size_t cells = 4 * 7 + 2;
    CHECK(t.cell_bytes() <= text.size() + 2 * cells + 4 * (cells / 16 + 1));
}

TEST_CASE("table: a large file's store costs no more than 2.25 bytes a cell beside its text",
          "[ssda903][table][reader]") {
    // 4-byte starts per cell (the layout before issue 14) would cost 4 bytes a cell and fail.
    std::string text = "CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB\n";
    const std::size_t rows = 5000;
    for (std::size_t i = 0; i < rows; ++i)
        text += "C" + std::to_string(i) + ",1,01/06/2012,WBRI,UN" + std::to_string(i % 97) + ",0,\n";
    std::vector<diagnostic> errors;
    const auto t = read_table_text(text, "header.csv", "Header", errors);
    REQUIRE(errors.empty());
    REQUIRE(t.rows.size() == rows);
    CHECK(t.cell(t.rows[rows - 1], 0) == "C" + std::to_string(rows - 1));
    const std::size_t cells = 7 * rows;
    CHECK(t.cell_bytes() <= text.size() + 2 * cells + 4 * (cells / 16 + 1));
}

TEST_CASE("table: cells come back whole however far they start from their block's start",
          "[ssda903][table]") {
    // Starts are 2-byte offsets from a 32-bit start every 16 cells; cells beyond 64 KiB of
    // their block (a long cell built by a program: the reader refuses such lines) are kept
    // apart. Rows of 3 cells and a surplus cell cross the blocks' edges at every place.
    table t;
    t.columns = {"A", "B", "C"};
    const std::string wide(70000, 'x'), wider(140000, 'y');
    auto middle = [&](int i) { return i == 37 ? wide : i == 38 ? wider : std::string{"b"}; };
    auto last = [](int i) { return std::string(static_cast<std::size_t>(i % 20), 'z'); };
    for (int i = 0; i < 100; ++i)
        t.add_row(row{.line = static_cast<std::size_t>(i) + 2},
                  std::vector<std::string>{std::to_string(i), middle(i), last(i)},
                  std::vector<std::string>{i % 3 ? "" : "extra"});
    for (int i = 0; i < 100; ++i) {
        const auto& r = t.rows[static_cast<std::size_t>(i)];
        INFO("row " << i);
        CHECK(t.cells(r).strings()
              == std::vector<std::string>{std::to_string(i), middle(i), last(i)});
        CHECK(t.extra(r).strings() == std::vector<std::string>{i % 3 ? "" : "extra"});
    }
    CHECK(t.cell_count() == 400);
}
