#include "carepath/ssda903/years.hpp"

#include "carepath/ssda903/mapping.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <set>
#include <string>
#include <vector>

using namespace carepath;
using namespace carepath::ssda903;
namespace fs = std::filesystem;

namespace {
const std::string header_cols = "CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB\n";
const std::string episode_cols =
    "CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN\n";

// One year's return held in memory, read by the real reader.
year_return year(int y, const std::string& header_rows, const std::string& episode_rows) {
    year_return r{.collection_year = y, .name = std::to_string(y), .data = {}};
    r.data.collection_year = y;
    const auto prefix = std::to_string(y - 1) + "-";
    auto h = read_table_text(header_cols + header_rows, prefix + "header.csv", "Header",
                             r.data.read_errors, y);
    auto e = read_table_text(episode_cols + episode_rows, prefix + "episodes.csv", "Episodes",
                             r.data.read_errors, y);
    r.data.tables.emplace("Header", std::move(h));
    r.data.tables.emplace("Episodes", std::move(e));
    return r;
}

std::vector<const diagnostic*> saying(const merged_returns& m, std::string_view part) {
    std::vector<const diagnostic*> out;
    for (const auto& d : m.diagnostics)
        if (d.message.find(part) != std::string::npos) out.push_back(&d);
    return out;
}

// A fresh folder under the system's temporary folder, removed at the end of the test.
struct temp_folder {
    fs::path path;
    explicit temp_folder(const std::string& name)
        : path{fs::temp_directory_path() / ("carepath_years_" + name)} {
        fs::remove_all(path);
        fs::create_directories(path);
    }
    ~temp_folder() { fs::remove_all(path); }
    void write(const std::string& file, const std::string& text) const {
        fs::create_directories((path / file).parent_path());
        std::ofstream{path / file, std::ios::binary} << text;
    }
};

const std::string child_a = "A1,1,01/06/2010,WBRI,A123456789012,,\n";
} // namespace

TEST_CASE("years: an episode open at one year's end and closed in the next is one episode",
          "[ssda903][years]") {
    auto m = merge_years({year(2020, child_a, "A1,01/02/2020,S,C2,N1,U1,PR1,,,,M1 1AA,M2 2BB,\n"),
                          year(2021, child_a,
                               "A1,01/02/2020,S,C2,N1,U1,PR1,01/07/2020,E11,,M1 1AA,M2 2BB,\n")});
    const auto* eps = m.merged.find("Episodes");
    REQUIRE(eps);
    REQUIRE(eps->rows.size() == 1);
    CHECK(eps->get(eps->rows[0], "DEC") == "01/07/2020");
    CHECK(eps->file_of(eps->rows[0]) == "2020-episodes.csv");
    CHECK(saying(m, "differs").empty()); // closing an open episode corrects nothing
    CHECK(m.years_used() == std::vector<int>{2020, 2021});
    CHECK(m.merged.collection_year == 2021);
}

TEST_CASE("years: a later year's correction wins and says what it replaced, where",
          "[ssda903][years]") {
    auto m = merge_years({year(2021, child_a,
                               "A1,01/02/2020,S,C2,N1,U1,PR1,01/07/2020,E11,,M1 1AA,M2 2BB,\n"),
                          year(2020, child_a, "A1,01/02/2020,S,C2,N1,U4,PR1,,,,M1 1AA,M2 2BB,\n")});
    const auto* eps = m.merged.find("Episodes");
    REQUIRE(eps->rows.size() == 1);
    CHECK(eps->get(eps->rows[0], "PLACE") == "U1"); // 2021 given first, still the later year
    const auto fixes = saying(m, "differs from the 2019-20 return");
    REQUIRE(fixes.size() == 1);
    CHECK(fixes[0]->file == "2020-episodes.csv");
    CHECK(fixes[0]->line == 2);
    CHECK(fixes[0]->field == "PLACE");
    CHECK(fixes[0]->value == "U1");
    CHECK(fixes[0]->message.find("2019-episodes.csv:2 has \"U4\"") != std::string::npos);
    CHECK(fixes[0]->severity == severity::warning);
}

TEST_CASE("years: a date of birth that changes is an error; with the sex too, a reused id",
          "[ssda903][years]") {
    const std::string ep = "A1,01/02/2020,S,C2,N1,U1,PR1,,,,M1 1AA,M2 2BB,\n";
    auto dob = merge_years({year(2020, child_a, ep),
                            year(2021, "A1,1,01/07/2010,WBRI,A123456789012,,\n", ep)});
    REQUIRE(saying(dob, "date of birth differs").size() == 1);
    CHECK(saying(dob, "date of birth differs")[0]->severity == severity::error);
    CHECK(saying(dob, "one id for two children").empty());

    auto reused = merge_years({year(2020, child_a, ep),
                               year(2021, "A1,2,03/03/2015,WBRI,A123456789012,,\n", ep)});
    const auto two = saying(reused, "one id for two children");
    REQUIRE(two.size() == 1);
    CHECK(two[0]->file == "2020-header.csv");
    CHECK(two[0]->value == "A1");
}

TEST_CASE("years: a missing year, a second return for a year, and a child who vanishes",
          "[ssda903][years]") {
    const std::string open = "A1,01/02/2019,S,C2,N1,U1,PR1,,,,M1 1AA,M2 2BB,\n";
    auto gap = merge_years({year(2019, child_a, open), year(2021, child_a, open)});
    const auto missing = saying(gap, "no return for 2019-20");
    REQUIRE(missing.size() == 1);
    CHECK(missing[0]->severity == severity::warning);

    auto twice = merge_years({year(2020, child_a, open), year(2020, child_a, open)});
    CHECK(saying(twice, "a second return for 2019-20").size() == 1);

    // B1 is in care on 31 March 2020 and absent from 2020-21; A1 carries on.
    auto lost = merge_years(
        {year(2020, child_a + "B1,2,01/01/2012,WBRI,B123456789012,,\n",
              open + "B1,01/01/2020,S,C2,N1,U1,PR1,,,,M1 1AA,M2 2BB,\n"),
         year(2021, child_a, open)});
    const auto gone = saying(lost, "not in the 2020-21 return");
    REQUIRE(gone.size() == 1);
    CHECK(gone[0]->value == "B1");
    CHECK(gone[0]->line == 3);
    CHECK(lost.merged.find("Episodes")->rows.size() == 2); // B1's episode is kept, closed
}

TEST_CASE("years: an episode open at a year's end whose child is not in the next return is "
          "closed on 1 April with E8, unless asked to keep it open",
          "[ssda903][years]") {
    // A1 is open at the end of 2019-20 and absent from 2020-21; B1 is open and carries on.
    const std::string a_open = "A1,01/02/2020,S,C2,N1,U1,PR1,,,,M1 1AA,M2 2BB,\n";
    const std::string b_open = "B1,01/01/2020,S,C2,N1,U4,PR1,,,,M1 1AA,M2 2BB,\n";
    const std::string child_b = "B1,2,01/01/2012,WBRI,B123456789012,,\n";
    const auto two_years = [&] {
        return std::vector<year_return>{year(2020, child_a + child_b, a_open + b_open),
                                        year(2021, child_b, b_open)};
    };
    // A cell of the child's (first) merged episode.
    const auto cell_of = [](const merged_returns& m, std::string_view child,
                            std::string_view col) -> std::string {
        const auto* eps = m.merged.find("Episodes");
        REQUIRE(eps);
        for (const auto& r : eps->rows)
            if (eps->get(r, "CHILD") == child) return std::string{eps->get(r, col)};
        FAIL("no episode of " << child);
        return {};
    };

    const auto m = merge_years(two_years());
    REQUIRE(m.merged.find("Episodes")->rows.size() == 2);
    CHECK(cell_of(m, "A1", "DEC") == "01/04/2020");
    CHECK(cell_of(m, "A1", "REC") == "E8");
    CHECK(cell_of(m, "B1", "DEC").empty()); // present in 2020-21: unchanged
    CHECK(cell_of(m, "B1", "REC").empty());
    const auto closed = saying(m, "not in the 2020-21 return");
    REQUIRE(closed.size() == 1);
    CHECK(closed[0]->file == "2019-episodes.csv");
    CHECK(closed[0]->line == 2);
    CHECK(closed[0]->field == "CHILD");
    CHECK(closed[0]->value == "A1");
    CHECK(closed[0]->severity == severity::warning);
    CHECK(closed[0]->message.find("closed on 01/04/2020 with REC=E8") != std::string::npos);
    // The child's history: in care on 31 March 2020, out the next day, by another route.
    const auto mapped = map_return(m.merged);
    const auto* child = mapped.find("A1");
    REQUIRE(child);
    CHECK(child->history.in_care_on(*make_date(2020, 3, 31)));
    CHECK_FALSE(child->history.in_care_on(*make_date(2020, 4, 1)));
    REQUIRE(child->history.periods().size() == 1);
    CHECK(child->history.periods()[0].exit == exit_route::other);
    CHECK(mapped.find("B1")->history.in_care_on(*make_date(2021, 3, 31)));

    // A reason written without a DEC (rule 148 breaks) is replaced, and the warning says so.
    auto with_rec = two_years();
    with_rec[0] = year(2020, child_a + child_b,
                       "A1,01/02/2020,S,C2,N1,U1,PR1,,X1,,M1 1AA,M2 2BB,\n" + b_open);
    const auto r = merge_years(std::move(with_rec));
    CHECK(cell_of(r, "A1", "REC") == "E8");
    REQUIRE(saying(r, "its REC \"X1\" without a DEC is replaced").size() == 1);

    // The old behaviour on request: left open, the old warning.
    const auto kept = merge_years(two_years(), {.close_unconfirmed = false});
    CHECK(cell_of(kept, "A1", "DEC").empty());
    CHECK(cell_of(kept, "A1", "REC").empty());
    const auto old = saying(kept, "not in the 2020-21 return; the episode is taken as open");
    REQUIRE(old.size() == 1);
    CHECK(old[0]->value == "A1");
    CHECK(saying(kept, "closed on").empty());

    // A year missing in between: nothing to compare, left open.
    const std::string a_2019 = "A1,01/02/2019,S,C2,N1,U1,PR1,,,,M1 1AA,M2 2BB,\n";
    const auto gap = merge_years({year(2019, child_a, a_2019), year(2021, child_b, b_open)});
    CHECK(cell_of(gap, "A1", "DEC").empty());
    CHECK(saying(gap, "closed on").empty());

    // The last year read: open episodes stay open.
    CHECK(cell_of(merge_years({year(2021, child_b, b_open)}), "B1", "DEC").empty());

    // Back in a later year with the same episode: that year's version stands.
    const auto back = merge_years({year(2019, child_a, a_2019), year(2020, child_b, b_open),
                                   year(2021, child_a, a_2019)});
    CHECK(cell_of(back, "A1", "DEC").empty());
    REQUIRE(saying(back, "the 2020-21 return lists the episode again").size() == 1);
}

TEST_CASE("years: returns that share no child in care are flagged as two councils",
          "[ssda903][years]") {
    std::string eps_a, eps_b;
    for (int i = 0; i < 6; ++i) {
        eps_a += "A" + std::to_string(i) + ",01/02/2020,S,C2,N1,U1,PR1,,,,M1 1AA,M2 2BB,\n";
        eps_b += "Z" + std::to_string(i) + ",01/02/2020,S,C2,N1,U1,PR1,,,,M1 1AA,M2 2BB,\n";
    }
    auto m = merge_years({year(2020, "", eps_a), year(2021, "", eps_b)});
    REQUIRE(saying(m, "same council").size() == 1);
    CHECK(saying(m, "not in the 2020-21 return").empty()); // one finding, not six
    CHECK(m.merged.find("Episodes")->rows.size() == 12);   // nothing dropped
    const auto* eps = m.merged.find("Episodes");
    CHECK(std::ranges::all_of(eps->rows, [&](const row& r) { // and nothing closed
        return eps->get(r, "DEC").empty() && eps->get(r, "REC").empty();
    }));
}

TEST_CASE("years: yearly records (OC2) are kept from every year", "[ssda903][years]") {
    auto a = year(2020, child_a, "");
    auto b = year(2021, child_a, "");
    const std::string oc2 = "CHILD,DOB,SDQ_SCORE,SDQ_REASON,CONVICTED,HEALTH_CHECK,IMMUNISATIONS,"
                            "TEETH_CHECK,HEALTH_ASSESSMENT,SUBSTANCE_MISUSE,INTERVENTION_"
                            "RECEIVED,INTERVENTION_OFFERED\nA1,01/06/2010,10,,0,1,1,1,1,0,,\n";
    for (auto* y : {&a, &b})
        y->data.tables.emplace("OC2",
                               read_table_text(oc2, "oc2.csv", "OC2", y->data.read_errors, 2020));
    auto m = merge_years({a, b});
    CHECK(m.merged.find("OC2")->rows.size() == 2);
    CHECK(m.merged.find("Header")->rows.size() == 1);
}

TEST_CASE("years: folders of years, files with year prefixes, and the merge is deterministic",
          "[ssda903][years]") {
    temp_folder f{"layouts"};
    f.write("by_prefix/2019-header.csv", header_cols + child_a);
    f.write("by_prefix/2019-episodes.csv",
            episode_cols + "A1,01/02/2020,S,C2,N1,U1,PR1,,,,M1 1AA,M2 2BB,\n");
    f.write("by_prefix/2020-header.csv", header_cols + child_a);
    f.write("by_prefix/2020-episodes.csv",
            episode_cols + "A1,01/02/2020,S,C2,N1,U1,PR1,01/07/2020,X1,,M1 1AA,M2 2BB,\n"
                           "A1,01/07/2020,P,C2,N1,U3,PR1,,,,M1 1AA,M2 2BB,\n");
    f.write("by_prefix/notes.txt", "not a return\n");
    f.write("by_folder/2019-20/header.csv", header_cols + child_a);
    f.write("by_folder/2019-20/episodes.csv",
            episode_cols + "A1,01/02/2020,S,C2,N1,U1,PR1,,,,M1 1AA,M2 2BB,\n");
    f.write("by_folder/2020-21/header.csv", header_cols + child_a);
    f.write("by_folder/2020-21/episodes.csv",
            episode_cols + "A1,01/02/2020,S,C2,N1,U1,PR1,01/07/2020,X1,,M1 1AA,M2 2BB,\n"
                           "A1,01/07/2020,P,C2,N1,U3,PR1,,,,M1 1AA,M2 2BB,\n");
    for (const auto* layout : {"by_prefix", "by_folder"}) {
        const std::vector<fs::path> in{f.path / layout};
        auto m = read_years(in);
        REQUIRE(m);
        CHECK(m->years_used() == std::vector<int>{2020, 2021});
        const auto* eps = m->merged.find("Episodes");
        REQUIRE(eps->rows.size() == 2);
        CHECK(eps->file_of(eps->rows[1]).ends_with("episodes.csv"));
        CHECK(eps->file_of(eps->rows[1]).find("2020") != std::string::npos);
        // The child's history runs across both years: one entry and one move.
        const auto mapped = map_return(m->merged);
        REQUIRE(mapped.children.size() == 1);
        CHECK(mapped.children[0].episodes.size() == 2);
        CHECK(mapped.children[0].episodes[1].is_move);
        auto again = read_years(in);
        CHECK(again->merged.find("Episodes")->rows.size() == eps->rows.size());
        CHECK(again->diagnostics == m->diagnostics);
    }
    const std::vector<fs::path> prefixed{f.path / "by_prefix"};
    const auto m = read_years(prefixed);
    CHECK(std::ranges::any_of(m->diagnostics, [](const diagnostic& d) {
        return d.file.ends_with("notes.txt") && d.severity == severity::warning;
    }));
    // Two inputs, each one year, give the same merge as one folder of both.
    const std::vector<fs::path> two{f.path / "by_folder" / "2019-20", f.path / "by_folder" / "2020-21"};
    const auto both = read_years(two);
    REQUIRE(both);
    CHECK(both->years_used() == std::vector<int>{2020, 2021});
    const std::vector<fs::path> none{f.path / "no_such"};
    CHECK_FALSE(read_years(none));
}

TEST_CASE("years: the demand-model sample merges with every episode of every year kept",
          "[ssda903][years]") {
    const std::vector<fs::path> in{fs::path{CAREPATH_SOURCE_DIR} / "../shared/data/demand-model-samples"};
    REQUIRE(fs::exists(in[0])); // ../shared sits beside the repository, as in CI
    auto m = read_years(in);
    REQUIRE(m);
    CHECK(m->years_used() == std::vector<int>{2018, 2019, 2020, 2021, 2022});
    // Every (CHILD, DECOM) of every year is in the merge, and the merge has no other.
    std::set<std::pair<std::string, std::string>> seen, merged;
    for (const auto& y : m->years) {
        const auto* e = y.data.find("Episodes");
        REQUIRE(e);
        for (const auto& r : e->rows)
            seen.emplace(normalise_child_id(e->get(r, "CHILD")), std::string{e->get(r, "DECOM")});
    }
    const auto* e = m->merged.find("Episodes");
    for (const auto& r : e->rows)
        merged.emplace(normalise_child_id(e->get(r, "CHILD")), std::string{e->get(r, "DECOM")});
    CHECK(merged == seen);
    CHECK(e->rows.size() >= seen.size());
    CHECK(e->sources.size() == 5);
}
