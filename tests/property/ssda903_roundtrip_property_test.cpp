// Export then import is the identity for SSDA903 tables: a table written by the writer and read
// back by the reader has the same columns, the same rows and the same cells, byte for byte,
// however awkward the cells (commas, quotes, line breaks, spaces, non-ASCII text).
#include "support/random.hpp"

#include "carepath/ssda903.hpp"

#include <catch2/catch.hpp>

#include <array>
#include <filesystem>
#include <map>
#include <sstream>
#include <string>
#include <vector>

using namespace carepath;
using carepath::testing::test_rng;
namespace s903 = carepath::ssda903;

namespace {

// Cells a case system might hold, valid or not: the reader keeps every cell as written.
std::string random_cell(test_rng& r) {
    static constexpr std::array pieces{
        "A1",         "01/04/2023", "2023-04-01", "C2", "U4",   "X1",  "E11",    "LS6 1AA",
        " ",          ",",          "\"",         "\n", "\r\n", "Zoë", "O'Neil", "x",
        "31/02/2023", "PR1",        "SC123456",   "\t", "0",    "-1"};
    std::string out;
    const int n = r.between(0, 4);
    for (int i = 0; i < n; ++i)
        out += r.pick(pieces);
    return out;
}

bool all_blank(const std::vector<std::string>& cells) {
    for (const auto& c : cells)
        for (const char ch : c)
            if (ch != ' ' && ch != '\t' && ch != '\r' && ch != '\n')
                return false;
    return true;
}

s903::table random_table(test_rng& r, std::string_view name) {
    s903::table t;
    t.name = std::string{name};
    t.file = "in.csv";
    const auto* spec = s903::find_table_spec(name);
    for (const auto& f : spec->fields)
        if (!f.optional)
            t.columns.emplace_back(f.name);
    // Files may order columns as they like; swap a few.
    for (int i = 0; i < 3; ++i)
        std::swap(t.columns[r.below(t.columns.size())], t.columns[r.below(t.columns.size())]);
    const int rows = r.between(0, 20);
    for (int i = 0; i < rows; ++i) {
        std::vector<std::string> cells;
        for (std::size_t c = 0; c < t.columns.size(); ++c)
            cells.push_back(random_cell(r));
        // A row of blanks is skipped by the reader (and said so): not data, so not generated.
        if (all_blank(cells))
            cells[0] = "A1";
        t.add_row(s903::row{}, cells);
    }
    return t;
}

} // namespace

TEST_CASE("SSDA903 CSV: a table written and read back is the same table",
          "[property][ssda903][writer]") {
    const auto seed = GENERATE(range(0u, 300u));
    CAPTURE(seed);
    test_rng r{seed};
    const std::array names{"Header", "Episodes", "Reviews", "Missing", "OC3", "UASC"};
    const auto t = random_table(r, r.pick(names));
    const bool crlf = r.chance(50);

    std::ostringstream out;
    s903::write_table(out, t, {crlf ? "\r\n" : "\n", true});
    const std::string text = out.str();
    std::vector<diagnostic> errors;
    const auto back = s903::read_table_text(text, "back.csv", t.name, errors);
    INFO("written:\n" << text);

    REQUIRE(back.columns == t.columns);
    REQUIRE(back.rows.size() == t.rows.size());
    for (std::size_t i = 0; i < t.rows.size(); ++i) {
        CAPTURE(i);
        CHECK(back.cells(back.rows[i]).strings() == t.cells(t.rows[i]).strings());
        CHECK(back.extra(back.rows[i]).empty());
    }
    // Nothing in the written text is a quoting or structure error (cell checks may complain:
    // the cells are random, and the reader must keep them anyway).
    for (const auto& d : errors) {
        CAPTURE(to_string(d));
        CHECK(d.message.find("quote") == std::string::npos);
        CHECK(d.message.find("short row") == std::string::npos);
        CHECK(d.message.find("long row") == std::string::npos);
    }
}

TEST_CASE("SSDA903 CSV: long and short rows survive a read-write-read cycle as read",
          "[property][ssda903][writer]") {
    // A file with ragged rows is read with its surplus cells kept apart and its missing cells
    // as blanks; writing that and reading it again gives the same table again.
    const auto seed = GENERATE(range(0u, 200u));
    CAPTURE(seed);
    test_rng r{seed};
    std::ostringstream file;
    const std::vector<std::string> columns{
        "CHILD",     "DECOM",          "RNE", "LS",  "CIN",
        "PLACE",     "PLACE_PROVIDER", "DEC", "REC", "REASON_PLACE_CHANGE",
        "HOME_POST", "PL_POST",        "URN"};
    s903::write_csv_record(file, columns);
    const int rows = r.between(1, 15);
    for (int i = 0; i < rows; ++i) {
        std::vector<std::string> cells;
        const int n = r.between(1, 16);
        for (int k = 0; k < n; ++k)
            cells.push_back(random_cell(r));
        if (all_blank(cells))
            cells[0] = "A1";
        s903::write_csv_record(file, cells);
    }
    std::vector<diagnostic> e1;
    const auto first = s903::read_table_text(file.str(), "a.csv", "Episodes", e1);
    std::ostringstream again;
    s903::write_table(again, first);
    std::vector<diagnostic> e2;
    const auto second = s903::read_table_text(again.str(), "b.csv", "Episodes", e2);
    INFO("first file:\n" << file.str() << "\nwritten again:\n" << again.str());
    REQUIRE(second.rows.size() == first.rows.size());
    for (std::size_t i = 0; i < first.rows.size(); ++i) {
        CAPTURE(i);
        // Short rows were padded, so they come back full; surplus cells come back as surplus.
        CHECK(second.cells(second.rows[i]).strings() == first.cells(first.rows[i]).strings());
        CHECK(second.extra(second.rows[i]).strings() == first.extra(first.rows[i]).strings());
    }
}

namespace {

// Header and Episodes for a few children, with cells the XML form can carry.
s903::return_data random_return(test_rng& r, bool awkward) {
    s903::return_data ret;
    ret.collection_year = 2024;
    static constexpr std::array sexes{"1", "2"};
    static constexpr std::array ethnic{"WBRI", "BAFR", "MWBC", "CHNE"};
    static constexpr std::array rne{"S", "P", "L", "T", "U", "B"};
    static constexpr std::array ls{"C1", "C2", "V2", "E1", "J1"};
    static constexpr std::array place{"U1", "U4", "U6", "K2", "R1", "P1", "H5"};
    static constexpr std::array rec{"X1", "E11", "E4A", "E45", ""};
    auto text = [&](std::string plain) { return awkward && r.chance(30) ? random_cell(r) : plain; };

    s903::table header;
    header.name = "Header";
    for (const auto& f : s903::find_table_spec("Header")->fields)
        if (!f.optional)
            header.columns.emplace_back(f.name);
    s903::table episodes;
    episodes.name = "Episodes";
    for (const auto& f : s903::find_table_spec("Episodes")->fields)
        episodes.columns.emplace_back(f.name);

    const int children = r.between(1, 6);
    for (int c = 1; c <= children; ++c) {
        const std::string id = "C" + std::to_string(c * 7 + static_cast<int>(r.below(5)));
        const date dob = *make_date(r.between(2005, 2020), static_cast<unsigned>(r.between(1, 12)),
                                    static_cast<unsigned>(r.between(1, 28)));
        std::map<std::string, std::string> h{{"CHILD", id},
                                             {"SEX", r.pick(sexes)},
                                             {"DOB", format_uk(dob)},
                                             {"ETHNIC", r.pick(ethnic)},
                                             {"UPN", text("A12345678901" + std::to_string(c % 10))},
                                             {"MOTHER", r.chance(20) ? "1" : ""},
                                             {"MC_DOB", ""}};
        std::vector<std::string> hr;
        for (const auto& col : header.columns)
            hr.push_back(h[col]);
        header.add_row(s903::row{}, hr);
        date start = dob + days{r.between(0, 3000)};
        const int eps = r.between(0, 4);
        for (int e = 0; e < eps; ++e) {
            const date end = start + days{r.between(1, 400)};
            std::map<std::string, std::string> ep{
                {"CHILD", id},
                {"DECOM", format_uk(start)},
                {"RNE", r.pick(rne)},
                {"LS", r.pick(ls)},
                {"CIN", "N1"},
                {"PLACE", r.pick(place)},
                {"PLACE_PROVIDER", "PR1"},
                {"DEC", e + 1 < eps || r.chance(50) ? format_uk(end) : ""},
                {"REC", r.pick(rec)},
                {"REASON_PLACE_CHANGE", r.chance(30) ? "CARPL" : ""},
                {"HOME_POST", text("LS6 1AA")},
                {"PL_POST", text("M14 5AH")},
                {"URN", text("SC123456")}};
            std::vector<std::string> er;
            for (const auto& col : episodes.columns)
                er.push_back(ep[col]);
            episodes.add_row(s903::row{}, er);
            start = end;
        }
    }
    ret.tables.emplace("Header", std::move(header));
    if (!episodes.rows.empty())
        ret.tables.emplace("Episodes", std::move(episodes));
    return ret;
}

// A table's rows as column -> cell maps, sorted: the XML form groups rows by child, so row
// order across children is not kept, and its columns come in its own order.
std::vector<std::map<std::string, std::string>> rows_by_column(const s903::table& t) {
    std::vector<std::map<std::string, std::string>> out;
    for (const auto& row : t.rows) {
        std::map<std::string, std::string> m;
        for (std::size_t i = 0; i < t.columns.size(); ++i)
            if (!t.cell(row, i).empty())
                m[t.columns[i]] = t.cell(row, i);
        out.push_back(std::move(m));
    }
    std::ranges::sort(out);
    return out;
}

} // namespace

TEST_CASE("SSDA903 XML: a return written as XML and read back holds the same cells",
          "[property][ssda903][writer]") {
    const auto seed = GENERATE(range(0u, 200u));
    CAPTURE(seed);
    test_rng r{seed};
    const bool awkward = seed % 2 == 1; // odd seeds put commas, quotes and breaks in text cells
    const auto ret = random_return(r, awkward);
    std::ostringstream out;
    s903::write_xml_return(out, ret);
    const auto back = s903::read_xml_return_text(out.str(), "back.xml", 2024);
    INFO("written:\n" << out.str());
    for (const auto& [name, t] : ret.tables) {
        CAPTURE(name);
        const auto* b = back.find(name);
        REQUIRE(b != nullptr);
        CHECK(rows_by_column(*b) == rows_by_column(t));
    }
}

TEST_CASE("SSDA903 folder: a return read, written and read again is the same return",
          "[property][ssda903][writer]") {
    // Issue 15: the whole return, not one table: several tables and a previous year's, written
    // as a folder by write_return and read back by read_return. The second read must give the
    // same tables (names, columns, cells, surplus cells), the same unread files (none) and
    // no error the first read did not have.
    const auto seed = GENERATE(range(0u, 60u));
    CAPTURE(seed);
    test_rng r{seed};
    const auto dir = std::filesystem::temp_directory_path()
                     / ("carepath-roundtrip-" + std::to_string(seed));
    std::filesystem::remove_all(dir);
    s903::return_data first;
    {
        s903::return_data made;
        for (const auto* name : {"Header", "Episodes", "Reviews", "OC3"})
            if (r.below(4) != 0) made.tables.emplace(name, random_table(r, name));
        if (r.below(2) == 0) made.tables.emplace("Episodes_last", random_table(r, "Episodes"));
        for (auto& [key, t] : made.tables) {
            t.file.clear(); // written under the table's own name
            if (key.ends_with("_last")) t.name = "Episodes";
            if (!t.rows.empty() && r.below(3) == 0) {
                // A long row's surplus cell: the first row stored again with one.
                t.add_row(t.rows[0], t.cells(t.rows[0]).strings(),
                          std::vector<std::string>{random_cell(r) + "x"});
                t.rows.front() = t.rows.back();
                t.rows.pop_back();
            }
        }
        REQUIRE(s903::write_return(made, dir).ok());
        auto read = s903::read_return(dir, 2025);
        REQUIRE(read.ok());
        first = std::move(read).value();
    }
    REQUIRE(s903::write_return(first, dir).ok());
    const auto second = s903::read_return(dir, 2025);
    REQUIRE(second.ok());
    CHECK(first.unread_files.empty());
    CHECK(second->unread_files.empty());
    REQUIRE(second->tables.size() == first.tables.size());
    for (const auto& [name, t] : first.tables) {
        CAPTURE(name);
        const auto* b = second->find(name);
        REQUIRE(b != nullptr);
        CHECK(b->columns == t.columns);
        REQUIRE(b->rows.size() == t.rows.size());
        for (std::size_t i = 0; i < t.rows.size(); ++i) {
            CHECK(b->cells(b->rows[i]).strings() == t.cells(t.rows[i]).strings());
            CHECK(b->extra(b->rows[i]).strings() == t.extra(t.rows[i]).strings());
        }
    }
    CHECK(second->read_errors.size() == first.read_errors.size());
    std::filesystem::remove_all(dir);
}
