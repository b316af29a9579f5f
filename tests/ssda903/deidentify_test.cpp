#include "carepath/ssda903/deidentify.hpp"

#include "carepath/ssda903/join_relationships.hpp"
#include "carepath/ssda903/writer.hpp"

#include <catch2/catch.hpp>

#include <sstream>
#include <string>
#include <vector>

using namespace carepath;
using namespace carepath::ssda903;

namespace {
const std::string key = "a key of at least sixteen bytes";

// Two children: 7301942 (born 17/05/2012, a move on 01/09/2024, a social worker, a review with
// CHILD written "7301942.0") and 7301943 (born 23/11/2015, a mother whose child was born
// 09/02/2025). The Header has a column of no SSDA903 table holding free text, and a long row.
return_data sample(int year = 2025) {
    return_data r;
    r.collection_year = year;
    auto add = [&](std::string name, std::string file, const std::string& text) {
        r.tables.emplace(name, read_table_text(text, file, name, r.read_errors, year));
    };
    add("Header", "header.csv",
        "CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB,NOTES\n"
        "7301942,F,17/05/2012,WBRI,A123456789012,0,,lives with aunt Joan\n"
        "7301943,F,23/11/2015,WBRI,UN2,1,09/02/2025,\"school: St Mary's\",extra cell\n");
    add("Episodes", "episodes.csv",
        "CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,"
        "PL_POST,URN\n"
        "7301942,01/06/2022,S,C2,N1,U4,PR1,01/09/2024,X1,CARPL,M14 5AH,M2 3LG,XXXXXXX\n"
        "7301942,01/09/2024,P,C2,N1,R1,PR4,,,,M14 5AH,LS1 4GG,SC123456\n"
        "7301943,02/03/2024,S,V2,N4,U6,PR1,,,,OL8 1QT,not known,XXXXXXX\n");
    add("Reviews", "reviews.csv",
        "CHILD,DOB,REVIEW,REVIEW_CODE\n7301942.0,17/05/2012,01/12/2024,PN1\n");
    add("SWEpisodes", "swepisodes.csv",
        "CHILD,DOB,SW_ID,SW_DECOM,SW_DEC,SW_REASON\n7301942,17/05/2012,SW99AB,01/06/2022,,\n");
    return r;
}

std::string bytes_of(const return_data& r) {
    std::ostringstream os;
    for (const auto& [name, t] : r.tables)
        write_table(os, t);
    return os.str();
}
std::string cell(const return_data& r, std::string_view table, std::size_t row,
                 std::string_view column) {
    const auto* t = r.find(table);
    REQUIRE(t);
    REQUIRE(row < t->rows.size());
    return std::string{t->get(t->rows[row], column)};
}
} // namespace

TEST_CASE("deidentify: no original id, day of birth, full postcode or free text remains",
          "[ssda903][deidentify]") {
    const auto in = sample();
    const auto out = deidentify(in, {.key = key}).value();
    const auto text = bytes_of(out);
    CAPTURE(text);
    for (const std::string gone : {"7301942", "7301943", "A123456789012", "SW99AB", "SC123456",
                                   "17/05/2012", "23/11/2015", "09/02/2025", "5AH", "3LG", "4GG",
                                   "1QT", "not known", "Joan", "St Mary", "extra cell", "NOTES"})
        CHECK(text.find(gone) == std::string::npos);
    CHECK(out.read_errors.empty()); // read problems quote cells, so they are not carried over
}

TEST_CASE("deidentify: each field is replaced as documented, worked by hand",
          "[ssda903][deidentify]") {
    const auto out = deidentify(sample(), {.key = key}).value();
    // HMAC-SHA-256 under the key of "CHILD:7301942" etc., first 10 hex digits (Python's hmac).
    CHECK(cell(out, "Header", 0, "CHILD") == "5cc78f420b");
    CHECK(cell(out, "Header", 1, "CHILD") == "036b4a1f6e");
    CHECK(cell(out, "Header", 0, "UPN") == "be5f311fb1");
    CHECK(cell(out, "Header", 1, "UPN") == "UN2"); // a reason there is no UPN, not an id
    CHECK(cell(out, "SWEpisodes", 0, "SW_ID") == "SW5ec877d684");
    CHECK(cell(out, "Header", 0, "DOB") == "01/05/2012");
    CHECK(cell(out, "Header", 1, "DOB") == "01/11/2015");
    CHECK(cell(out, "Header", 1, "MC_DOB") == "01/02/2025");
    CHECK(cell(out, "Reviews", 0, "DOB") == "01/05/2012");
    CHECK(cell(out, "Episodes", 0, "HOME_POST") == "M14");
    CHECK(cell(out, "Episodes", 1, "PL_POST") == "LS1");
    CHECK(cell(out, "Episodes", 2, "PL_POST").empty()); // not a postcode: blanked, not kept
    CHECK(cell(out, "Episodes", 0, "URN") == "XXXXXXX");
    // Kept: codes and the dates every measure is computed from.
    CHECK(cell(out, "Episodes", 1, "DECOM") == "01/09/2024");
    CHECK(cell(out, "Episodes", 1, "PLACE") == "R1");
    CHECK(cell(out, "Reviews", 0, "REVIEW") == "01/12/2024");
    const auto* header = out.find("Header");
    CHECK(header->columns
          == std::vector<std::string>{"CHILD", "SEX", "DOB", "ETHNIC", "UPN", "MOTHER", "MC_DOB"});
    CHECK(header->extra(header->rows[1]).empty());
}

TEST_CASE("deidentify: a child's id is the same in every table, so the histories still join",
          "[ssda903][deidentify]") {
    const auto in = sample();
    const auto out = deidentify(in, {.key = key}).value();
    // "7301942.0" in Reviews joins as "7301942" does elsewhere.
    CHECK(cell(out, "Reviews", 0, "CHILD") == cell(out, "Header", 0, "CHILD"));
    CHECK(cell(out, "SWEpisodes", 0, "CHILD") == cell(out, "Header", 0, "CHILD"));
    CHECK(cell(out, "Episodes", 1, "CHILD") == cell(out, "Header", 0, "CHILD"));
    const auto before = map_return(in), after = map_return(out);
    REQUIRE(after.children.size() == before.children.size());
    for (std::size_t i = 0; i < before.children.size(); ++i) {
        const auto& a = before.children[i];
        const auto& b = after.children[i];
        CHECK(b.rows == a.rows);
        CHECK(b.history.moves().size() == a.history.moves().size());
        CHECK(b.history.periods_of_care() == a.history.periods_of_care());
    }
}

TEST_CASE("deidentify: the same key gives the same hashes in another year; another key does not",
          "[ssda903][deidentify]") {
    const auto year1 = deidentify(sample(2025), {.key = key}).value();
    const auto year2 = deidentify(sample(2026), {.key = key}).value();
    CHECK(bytes_of(year1) == bytes_of(year2));
    const auto other =
        deidentify(sample(), {.key = "another key of sixteen bytes or more"}).value();
    CHECK(cell(other, "Header", 0, "CHILD") == "d9ed2d3520");
    CHECK(cell(other, "Header", 0, "CHILD") != cell(year1, "Header", 0, "CHILD"));
}

TEST_CASE("deidentify: a short key is refused, and so are ids that collide",
          "[ssda903][deidentify]") {
    const auto short_key = deidentify(sample(), {.key = "fifteen bytes!!"});
    REQUIRE_FALSE(short_key);
    CHECK(short_key.error().field == "key");
    // With one hex digit, 17 children cannot all hash apart: refused, naming no id.
    return_data many;
    std::string header = "CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB\n";
    for (int i = 0; i < 17; ++i)
        header += std::to_string(5000 + i) + ",F,01/01/2015,WBRI,,,\n";
    many.tables.emplace("Header", read_table_text(header, "h.csv", "Header", many.read_errors));
    const auto collided = deidentify(many, {.key = key, .id_digits = 1});
    REQUIRE_FALSE(collided);
    CHECK(collided.error().file == "h.csv");
    CHECK(collided.error().field == "CHILD");
    CHECK(collided.error().value.empty());
    CHECK(deidentify(many, {.key = key}));
}

TEST_CASE("deidentify: a relationships extract hashed with the same key still joins",
          "[ssda903][deidentify]") {
    const auto x =
        read_relationships_text("CHILD,PERSON,PERSON_CHILD,TYPE,START,END,END_REASON\n"
                                "7301942,FC1,,foster_carer,01/06/2022,01/09/2024,placement_move\n"
                                "7301942,,7301943,half_sibling,23/11/2015,,\n",
                                "rel.csv");
    REQUIRE(x.records.size() == 2);
    const auto hx = deidentify(x, {.key = key}).value();
    CHECK(hx.records[0].child == "5cc78f420b");
    CHECK(hx.records[0].person == "c9fbe6ab75");
    CHECK(hx.records[1].person_child == "036b4a1f6e");
    CHECK(hx.records[0].start == x.records[0].start);
    auto mapped = map_return(deidentify(sample(), {.key = key}).value());
    const auto j = join_relationships(mapped, hx);
    CHECK(j.diagnostics.empty());
    CHECK(j.rows_joined == 2);
}

TEST_CASE("deidentify: a table merged from several years keeps the file each row came from",
          "[ssda903][deidentify]") {
    return_data r;
    auto t = read_table_text("CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB\n"
                             "7301942,F,17/05/2012,WBRI,,,\n7301943,F,23/11/2015,WBRI,,,\n",
                             "header.csv", "Header", r.read_errors);
    t.sources = {"2024-25/header.csv", "2025-26/header.csv"};
    t.rows[1].source = 1;
    r.tables.emplace("Header", std::move(t));
    const auto out = deidentify(r, {.key = key}).value();
    const auto* h = out.find("Header");
    REQUIRE(h);
    CHECK(h->file_of(h->rows[0]) == "2024-25/header.csv");
    CHECK(h->file_of(h->rows[1]) == "2025-26/header.csv");
}
