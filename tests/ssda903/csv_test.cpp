#include "carepath/ssda903/csv.hpp"

#include <catch2/catch.hpp>

#include <sstream>
#include <string>
#include <vector>

using namespace carepath;
using namespace carepath::ssda903;

namespace {
std::vector<csv_record> parse(std::string_view text, std::vector<diagnostic>& errors) {
    return parse_csv(text, "t.csv", errors);
}
std::vector<std::string> fields(std::initializer_list<const char*> xs) {
    return {xs.begin(), xs.end()};
}
} // namespace

TEST_CASE("csv: quoted fields keep commas, doubled quotes and line breaks", "[ssda903][csv]") {
    std::vector<diagnostic> errors;
    const auto recs = parse("a,\"b,c\",\"say \"\"hi\"\"\",\"two\nlines\"\nx,y,z,w\n", errors);
    CHECK(errors.empty());
    REQUIRE(recs.size() == 2);
    CHECK(recs[0].fields == fields({"a", "b,c", "say \"hi\"", "two\nlines"}));
    CHECK(recs[0].line == 1);
    CHECK(recs[1].line == 3); // the quoted line break moved the next record down a line
    CHECK(recs[1].fields == fields({"x", "y", "z", "w"}));
}

TEST_CASE("csv: a byte order mark is skipped and CRLF, LF and CR all end a line",
          "[ssda903][csv]") {
    std::vector<diagnostic> errors;
    const auto recs = parse("\xEF\xBB\xBF"
                            "A,B\r\n1,2\n3,4\r5,6",
                            errors);
    CHECK(errors.empty());
    REQUIRE(recs.size() == 4);
    CHECK(recs[0].fields == fields({"A", "B"}));
    CHECK(recs[3].fields == fields({"5", "6"}));
    CHECK(recs[3].line == 4);
}

TEST_CASE("csv: empty lines are skipped but empty cells are kept", "[ssda903][csv]") {
    std::vector<diagnostic> errors;
    const auto recs = parse("A,B,C\n\n,,\n1,,3\n\n", errors);
    REQUIRE(recs.size() == 3);
    CHECK(recs[1].fields == fields({"", "", ""}));
    CHECK(recs[1].line == 3);
    CHECK(recs[2].fields == fields({"1", "", "3"}));
}

TEST_CASE("csv: an unterminated quote is an error at its line and column and the rest is read",
          "[ssda903][csv]") {
    std::vector<diagnostic> errors;
    const auto recs = parse("A,B,C\n1,\"2,3\n4,5,6\n", errors);
    REQUIRE(errors.size() == 1);
    CHECK(errors[0].line == 2);
    CHECK(errors[0].column == 2);
    CHECK_FALSE(is_warning(errors[0]));
    REQUIRE(recs.size() == 3);
    CHECK(recs[1].malformed);
    CHECK(recs[1].fields == fields({"1", "\"2", "3"})); // the quote is kept as text
    CHECK(recs[2].fields == fields({"4", "5", "6"}));
    CHECK(recs[2].line == 3);
}

TEST_CASE("csv: a stray quote lines later does not swallow the lines between", "[ssda903][csv]") {
    std::vector<diagnostic> errors;
    const auto recs = parse("A,B\n1,\"oops\n2,x\n3,y\"z\n", errors);
    REQUIRE_FALSE(errors.empty());
    CHECK(errors[0].line == 2);
    REQUIRE(recs.size() == 4);
    CHECK(recs[2].fields == fields({"2", "x"}));
}

TEST_CASE("csv: text after a closing quote is an error and is kept", "[ssda903][csv]") {
    std::vector<diagnostic> errors;
    const auto recs = parse("\"ab\"cd,e\n", errors);
    REQUIRE(errors.size() == 1);
    CHECK(errors[0].value == "cd");
    REQUIRE(recs.size() == 1);
    CHECK(recs[0].fields == fields({"abcd", "e"}));
    CHECK(recs[0].malformed);
}

TEST_CASE("csv: writing then reading gives the same fields", "[ssda903][csv][property]") {
    const std::vector<std::vector<std::string>> rows{{"plain", "", "with,comma"},
                                                     {"quote\"inside", "line\nbreak", " spaces "},
                                                     {"\r", ",", "\"\""}};
    std::ostringstream os;
    for (const auto& r : rows)
        write_csv_record(os, r);
    std::vector<diagnostic> errors;
    const auto back = parse(os.str(), errors);
    CHECK(errors.empty());
    REQUIRE(back.size() == rows.size());
    for (std::size_t i = 0; i < rows.size(); ++i)
        CHECK(back[i].fields == rows[i]);
}

TEST_CASE("csv: UTF-8 validity is checked byte by byte", "[ssda903][csv]") {
    CHECK(is_valid_utf8("plain"));
    CHECK(is_valid_utf8("\xC2\xA3"
                        "5")); // a pound sign
    CHECK_FALSE(is_valid_utf8("\xA3"
                              "5"));        // the same in Latin-1
    CHECK_FALSE(is_valid_utf8("\xE2\x82")); // cut short
}

TEST_CASE("csv: a cell or a line past the limits is refused with its place (issue 15, item 9)",
          "[ssda903][csv]") {
    std::vector<diagnostic> errors;
    read_limits limits{.max_cell_bytes = 16, .max_line_bytes = 1000};
    SECTION("a long cell is read as blank, the rest of its row kept") {
        const auto r = parse_csv("a," + std::string(100, 'x') + ",c\nd,e,f\n", "t.csv", errors,
                                 limits);
        REQUIRE(r.size() == 2);
        CHECK(r[0].fields == fields({"a", "", "c"}));
        CHECK(r[0].malformed);
        REQUIRE(errors.size() == 1);
        CHECK(errors[0].line == 1);
        CHECK(errors[0].column == 2);
        CHECK(errors[0].message.find("a cell of 100 bytes is longer than the limit of 16")
              != std::string::npos);
        CHECK(r[1].fields == fields({"d", "e", "f"}));
    }
    SECTION("a long quoted cell too") {
        const auto r = parse_csv("\"" + std::string(40, 'y') + "\",b\n", "t.csv", errors, limits);
        REQUIRE(r.size() == 1);
        CHECK(r[0].fields == fields({"", "b"}));
        REQUIRE(errors.size() == 1);
        CHECK(errors[0].message.find("a cell of 40 bytes") != std::string::npos);
    }
    SECTION("a long line is not read; the next line is") {
        limits.max_line_bytes = 64;
        std::string many;
        for (int i = 0; i < 50; ++i) many += "ab,";
        const auto r = parse_csv("h1,h2\n" + many + "\nc,d\n", "t.csv", errors, limits);
        REQUIRE(r.size() == 3);
        CHECK(r[1].refused);
        CHECK(r[1].fields.empty());
        CHECK(r[2].fields == fields({"c", "d"}));
        CHECK(r[2].line == 3);
        REQUIRE(errors.size() == 1);
        CHECK(errors[0].line == 2);
        CHECK(errors[0].message.find("longer than the limit of 64; the row is not read")
              != std::string::npos);
    }
}

TEST_CASE("csv: the parser's work is linear on the worst shapes (issue 15, item 9)",
          "[ssda903][csv]") {
    // Work is counted in bytes examined (rescans included), not timed. Each shape is a
    // pattern repeated; doubling the repeats must no more than double the work, and the work
    // stays within 4 bytes examined per byte of input.
    const std::vector<std::pair<std::string, std::string>> shapes{
        {"unterminated quote per line", "\"abc,def\n"},
        {"quote pairs on every line", "\"a\"\"b\n"},
        {"stray quotes", "a\"b,\"c\n"},
        {"one long quoted field", "\"\"\"\""},
        {"empty cells", ",,,,,,,,\n"},
        {"quote then text", "\"x\"y,\n"},
        {"open quote, lines of doubled quotes", "\"\"\"\n\"\"\n"},
    };
    for (const auto& [name, unit] : shapes) {
        CAPTURE(name);
        std::size_t last = 0;
        for (const int n : {2000, 4000, 8000}) {
            std::string text;
            for (int i = 0; i < n; ++i) text += unit;
            std::vector<diagnostic> errors;
            csv_parser p{text, "w.csv"};
            csv_record rec;
            while (p.next(rec, errors)) {
            }
            CHECK(p.bytes_scanned() <= 4 * text.size() + 16);
            if (last != 0) CHECK(p.bytes_scanned() <= 2 * last + 64);
            last = p.bytes_scanned();
        }
    }
}

TEST_CASE("csv: a long last line without a line break is refused too", "[ssda903][csv]") {
    std::vector<diagnostic> errors;
    const auto r = parse_csv("a,b\n" + std::string(200, ','), "t.csv", errors,
                             read_limits{.max_cell_bytes = 16, .max_line_bytes = 64});
    REQUIRE(r.size() == 2);
    CHECK(r[1].refused);
    CHECK(r[1].fields.empty());
    REQUIRE(errors.size() == 1);
    CHECK(errors[0].line == 2);
}
