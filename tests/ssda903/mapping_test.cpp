#include "carepath/ssda903/mapping.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <sstream>
#include <string>

using namespace carepath;
using namespace carepath::ssda903;

namespace {
date d(int y, unsigned m, unsigned dd) {
    return *make_date(y, m, dd);
}

const return_data& hand() {
    // The hand-written 2024-25 return: tests/data/ssda903/hand/README.md says what each child
    // tests and the answers worked out by hand.
    static const return_data r =
        read_return(std::string{CAREPATH_TEST_DATA} + "/ssda903/hand", 2025).value();
    return r;
}
const mapping_result& mapped() {
    static const mapping_result m = map_return(hand(), {{"M14", "M2", "M8"}, {}});
    return m;
}
std::vector<const diagnostic*> about(const mapping_result& m, std::size_t line) {
    std::vector<const diagnostic*> out;
    for (const auto& x : m.diagnostics)
        if (x.line == line)
            out.push_back(&x);
    return out;
}
} // namespace

TEST_CASE("mapping: every child of the return is mapped and keeps its rows", "[ssda903][mapping]") {
    const auto& m = mapped();
    REQUIRE(m.children.size() == 9);
    CHECK(m.children[0].id == "C1");
    CHECK(m.children[8].id == "C9");
    const auto* c7 = m.find("C7");
    REQUIRE(c7);
    REQUIRE(c7->rows.at("Episodes").size() == 3);
    const table& eps = *hand().find("Episodes");
    // Raw fields stay reachable, with their line.
    const row& last = eps.rows[c7->rows.at("Episodes").back()];
    CHECK(last.line == 14);
    CHECK(eps.get(last, "URN") == "1234571");
    CHECK(c7->header_row == std::size_t{6});
    CHECK(c7->event_rows.size() == c7->history.events().size());
}

TEST_CASE("mapping: RNE T and U keep the carer and are not moves", "[ssda903][mapping]") {
    const auto* c1 = mapped().find("C1");
    REQUIRE(c1);
    const auto& h = c1->history;
    REQUIRE(h.placements().size() == 3);
    CHECK(h.placements()[0].where.type == placement_type::U6);
    CHECK(h.placements()[1].where.type == placement_type::U4);
    CHECK(h.placements()[2].where.type == placement_type::A5);
    CHECK(h.transitions().size() == 2);
    CHECK(h.moves().empty());
    CHECK(h.distinct_carers().size() == 1);
    // U is also a change of legal status: care order to placement order on 01/10/2024.
    REQUIRE(h.legal_statuses().size() == 2);
    CHECK(h.legal_statuses()[1].status == legal_status::placement_order);
    CHECK(h.legal_statuses()[1].period.start() == d(2024, 10, 1));
    CHECK(h.in_care());
    CHECK(c1->episodes[2].rne == 'U');
    CHECK_FALSE(c1->episodes[2].is_move);
}

TEST_CASE("mapping: RNE P and B change the carer and are moves, with the reason recorded on "
          "the episode before",
          "[ssda903][mapping]") {
    const auto* c7 = mapped().find("C7");
    REQUIRE(c7);
    const auto& h = c7->history;
    REQUIRE(h.moves().size() == 2);
    CHECK(h.moves()[0].on == d(2024, 7, 1));
    CHECK(h.moves()[1].on == d(2024, 9, 1));
    CHECK(h.distinct_carers().size() == 3);
    CHECK(h.placements()[1].reason == change_reason::care_plan);
    CHECK(h.placements()[2].reason == change_reason::allegation);
    CHECK(h.legal_status_on(d(2024, 9, 1)) == legal_status::care_order);
    CHECK(h.legal_status_on(d(2024, 8, 1)) == legal_status::interim_care_order);
}

TEST_CASE("mapping: an open final episode leaves the child in care", "[ssda903][mapping]") {
    const auto* c8 = mapped().find("C8");
    REQUIRE(c8);
    CHECK(c8->history.in_care());
    CHECK(c8->history.placements().back().period.is_open());
    CHECK_FALSE(c8->episodes.back().end);
}

TEST_CASE("mapping: a child who leaves care and comes back has two periods", "[ssda903][mapping]") {
    const auto* c5 = mapped().find("C5");
    REQUIRE(c5);
    const auto& h = c5->history;
    REQUIRE(h.periods().size() == 2);
    CHECK(h.periods()[0].exit == exit_route::return_home);
    CHECK(h.periods()[0].period == interval{d(2024, 5, 1), d(2024, 7, 1)});
    CHECK(h.periods()[1].reentry);
    CHECK(h.periods()[1].period.start() == d(2024, 10, 1));
    CHECK(std::holds_alternative<reentered_care>(h.events().back()));
    CHECK(h.moves().empty()); // a re-entry is not a move
    CHECK_FALSE(h.in_care_on(d(2024, 8, 1)));
}

TEST_CASE("mapping: overlapping episodes and an episode ending before it starts are reported "
          "with file and line",
          "[ssda903][mapping]") {
    const auto& m = mapped();
    const auto overlap = about(m, 6);
    REQUIRE(overlap.size() == 1);
    CHECK(overlap[0]->file == "episodes.csv");
    CHECK(overlap[0]->field == "DECOM");
    CHECK(overlap[0]->value == "20/07/2024");
    CHECK(overlap[0]->message.find("overlaps") != std::string::npos);
    const auto* c2 = m.find("C2");
    CHECK(c2->history.placements()[0].period == interval{d(2024, 5, 1), d(2024, 7, 20)});
    CHECK(c2->history.moves().size() == 1);

    const auto backwards = about(m, 7);
    REQUIRE(backwards.size() == 1);
    CHECK(backwards[0]->field == "DEC");
    CHECK(backwards[0]->message.find("ends before it starts") != std::string::npos);
    CHECK(m.find("C3")->history.in_care());
    CHECK(m.diagnostics.size() == 2); // nothing else in the hand return needs a remark
}

TEST_CASE("mapping: a lower-case code and a retired code are mapped as the codes they are",
          "[ssda903][mapping]") {
    const auto* c4 = mapped().find("C4");
    REQUIRE(c4);
    CHECK(c4->history.legal_statuses()[0].status == legal_status::care_order);
    CHECK(c4->history.placements()[0].where.type == placement_type::U4);
    const auto* c6 = mapped().find("C6");
    CHECK(c6->history.placements()[0].where.type == placement_type::H5);
    CHECK(c6->episodes[0].outside_home_authority == true);
}

TEST_CASE("mapping: refused events come back as diagnostics on the row", "[ssda903][mapping]") {
    std::vector<diagnostic> errors;
    std::istringstream eps{
        "CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,"
        "PL_POST,URN\n"
        "7,01/04/2024,S,C2,N1,U4,PR1,01/05/2024,X1,,,,\n"
        "7,01/05/2024,L,C2,N1,U4,PR1,01/06/2024,E11,,,,\n" // L without a legal change
        "7,01/07/2024,S,C2,N1,U4,PR1,,,,,,\n"};
    return_data r;
    r.tables.emplace("Episodes", read_table(eps, "e.csv", "", errors));
    const auto m = map_return(r);
    REQUIRE(m.children.size() == 1);
    CHECK(m.children[0].history.subject().id == child_id{7});
    // RNE L with the same LS: the history refuses a change of status to the same status.
    bool l_row = false, no_header = false;
    for (const auto& x : m.diagnostics) {
        if (x.line == 3 && x.field == "LS" && x.file == "e.csv"
            && x.message.find("refused") != std::string::npos)
            l_row = true;
        if (x.message.find("no Header row") != std::string::npos)
            no_header = true;
    }
    CHECK(l_row);
    CHECK(no_header);
    CHECK(m.children[0].history.periods().size() == 2);
    CHECK(m.children[0].history.periods()[0].exit == exit_route::adoption);
}

// s13 audit, section 1: an exit the history refuses must still end the period of care.
TEST_CASE("mapping: a refused exit route still ends the period on DEC, as other (E8)",
          "[ssda903][mapping]") {
    std::vector<diagnostic> errors;
    // Interim care order (C1) to adopted (E11): the history refuses an adoption order made
    // from an interim care order (no placement order), but the child did leave on 21/09/2017.
    std::istringstream eps{
        "CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,"
        "PL_POST,URN\n"
        "671161,26/09/2015,S,C1,N1,U4,PR1,21/09/2017,E11,,,,\n"};
    return_data r;
    r.tables.emplace("Episodes", read_table(eps, "2017-episodes.csv", "", errors));
    const auto m = map_return(r);
    REQUIRE(m.children.size() == 1);
    const auto& c = m.children[0];
    const auto& h = c.history;
    REQUIRE(h.periods().size() == 1);
    CHECK(h.periods()[0].period.start() == d(2015, 9, 26));
    REQUIRE(h.periods()[0].period.end());
    CHECK(*h.periods()[0].period.end() == d(2017, 9, 21));
    CHECK(h.periods()[0].exit == exit_route::other);
    CHECK(h.in_care_on(d(2017, 9, 20)));
    CHECK_FALSE(h.in_care_on(d(2017, 9, 21)));
    CHECK_FALSE(h.in_care_on(d(2018, 3, 31)));
    CHECK_FALSE(h.in_care());
    // The exit keeps its row, like every other event.
    REQUIRE(c.event_rows.size() == h.events().size());
    CHECK(c.event_rows.back() == 0);
    // One diagnostic on the REC cell, saying what was refused, why, and what was done.
    std::vector<const diagnostic*> rec;
    for (const auto& x : m.diagnostics)
        if (x.field == "REC")
            rec.push_back(&x);
    REQUIRE(rec.size() == 1);
    CHECK(rec[0]->file == "2017-episodes.csv");
    CHECK(rec[0]->line == 2);
    CHECK(rec[0]->column == 9);
    CHECK(rec[0]->value == "E11");
    CHECK(rec[0]->message.find("recorded route adoption refused because an adoption order needs "
                               "a placement order")
          == 0);
    CHECK(rec[0]->message.find("; the period ends on DEC 21/09/2017 with route other (E8)")
          != std::string::npos);
}

TEST_CASE("mapping: an exit refused whatever the route leaves the period open and says so",
          "[ssda903][mapping]") {
    std::vector<diagnostic> errors;
    // The second episode starts and ends on 01/05/2024: a placement of no days, so no exit
    // (any route) can be recorded on its first day; the child stays in care, as before.
    std::istringstream eps{
        "CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,"
        "PL_POST,URN\n"
        "8,01/04/2024,S,C2,N1,U4,PR1,01/05/2024,X1,CARPL,,,\n"
        "8,01/05/2024,P,C2,N1,U6,PR1,01/05/2024,E4A,,,,\n"};
    return_data r;
    r.tables.emplace("Episodes", read_table(eps, "e.csv", "", errors));
    const auto m = map_return(r);
    REQUIRE(m.children.size() == 1);
    CHECK(m.children[0].history.in_care());
    bool said = false;
    for (const auto& x : m.diagnostics)
        if (x.line == 3 && x.field == "REC" && x.value == "E4A"
            && x.message.find("the care history refused this: the placement began on "
                              "2024-05-01")
                   == 0
            && x.message.find("; the period of care stays open") != std::string::npos)
            said = true;
    CHECK(said);
}

TEST_CASE("mapping: E codes map to exit routes and X1 to none", "[ssda903][mapping]") {
    CHECK(exit_route_of("E4A") == exit_route::return_home);
    CHECK(exit_route_of("E11") == exit_route::adoption);
    CHECK(exit_route_of("E45") == exit_route::special_guardianship);
    CHECK(exit_route_of("E17") == exit_route::staying_put);
    CHECK_FALSE(exit_route_of("X1"));
    CHECK_FALSE(exit_route_of("e4a"));
    CHECK(postcode_district("M14 5AH") == "M14");
    CHECK(postcode_district("ls14ab") == "LS1");
    CHECK(postcode_district("X").empty());
}

TEST_CASE("mapping: histories written as a return map back to the same journeys",
          "[ssda903][mapping][property]") {
    const auto& m = mapped();
    std::vector<care_history> hs;
    for (const auto& c : m.children)
        hs.push_back(c.history);
    const auto ret = histories_to_return(hs, {.collection_year = 0});
    const auto back = map_return(ret);
    REQUIRE(back.children.size() == m.children.size());
    for (std::size_t i = 0; i < hs.size(); ++i) {
        const auto& a = m.children[i].history;
        const auto& b = back.children[i].history;
        CAPTURE(m.children[i].id);
        CHECK(b.moves().size() == a.moves().size());
        CHECK(b.periods_of_care() == a.periods_of_care());
        REQUIRE(b.placements().size() == a.placements().size());
        for (std::size_t k = 0; k < a.placements().size(); ++k) {
            CHECK(b.placements()[k].where.type == a.placements()[k].where.type);
            CHECK(b.placements()[k].period == a.placements()[k].period);
        }
        REQUIRE(b.legal_statuses().size() == a.legal_statuses().size());
        for (std::size_t k = 0; k < a.legal_statuses().size(); ++k)
            CHECK(b.legal_statuses()[k].status == a.legal_statuses()[k].status);
        CHECK(b.subject().birth_date == a.subject().birth_date);
    }
    CHECK(back.diagnostics.empty());
}

TEST_CASE("mapping: a collection year keeps the year's episodes and leaves open ones open",
          "[ssda903][mapping]") {
    std::vector<care_history> hs;
    for (const auto& c : mapped().children)
        hs.push_back(c.history);
    const auto ret = histories_to_return(hs, {.collection_year = 2025});
    const table& e = *ret.find("Episodes");
    // Ids "C1".."C9" are not numbers, so the children are numbered 1..9 in Header order.
    std::vector<const row*> c1, c5;
    for (const auto& r : e.rows) {
        if (e.get(r, "CHILD") == "1")
            c1.push_back(&r);
        if (e.get(r, "CHILD") == "5")
            c5.push_back(&r);
    }
    // C1's first episode ended 01/06/2023, before the year: left out.
    REQUIRE(c1.size() == 2);
    CHECK(e.get(*c1[0], "DECOM") == "01/06/2023");
    CHECK(e.get(*c1[0], "RNE") == "T");
    CHECK(e.get(*c1[0], "REC") == "X1");
    CHECK(e.get(*c1[0], "REASON_PLACE_CHANGE") == "PLACE"); // as read from the hand return
    CHECK(e.get(*c1[1], "RNE") == "U");
    CHECK(e.get(*c1[1], "LS") == "E1");
    CHECK(e.get(*c1[1], "PLACE") == "A5");
    CHECK(e.get(*c1[1], "DEC").empty()); // open on 31/03/2025
    CHECK(e.get(*c1[1], "REC").empty());
    // C5 left care and came back: E4A, then S.
    REQUIRE(c5.size() == 2);
    CHECK(e.get(*c5[0], "DEC") == "01/07/2024");
    CHECK(e.get(*c5[0], "REC") == "E4A");
    CHECK(e.get(*c5[1], "RNE") == "S");
    const table& h = *ret.find("Header");
    CHECK(h.get(h.rows[0], "SEX") == "F");
    CHECK(h.get(h.rows[0], "DOB") == "01/01/2015");
    CHECK(h.get(h.rows[0], "ETHNIC") == "WBRI");
    // The 2023-24 return still used numeric sex codes.
    const auto old = histories_to_return(hs, {.collection_year = 2024});
    CHECK(old.find("Header")->get(old.find("Header")->rows[0], "SEX") == "2");
    // A year's Header lists only the children with an episode in it.
    for (const auto& r : h.rows)
        CHECK(std::ranges::any_of(e.rows, [&](const row& x) {
            return e.get(x, "CHILD") == h.get(r, "CHILD");
        }));
    CHECK(histories_to_return(hs, {.collection_year = 2010}).find("Header")->rows.empty());
}

TEST_CASE("mapping: every exit route has a REC code that maps back to it", "[ssda903][mapping]") {
    CHECK(rec_code(exit_route::return_home) == "E4A");
    CHECK(rec_code(exit_route::special_guardianship, true) == "E45");
    for (const auto r : all_values<exit_route>())
        CHECK(exit_route_of(rec_code(r)) == r);
}

namespace {
return_data small(const std::vector<std::string>& header_rows,
                  const std::vector<std::string>& episode_rows) {
    const std::string h = "CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB\n";
    const std::string e = "CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,"
                          "REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN\n";
    std::string htext = h, etext = e;
    for (const auto& r : header_rows) htext += r + "\n";
    for (const auto& r : episode_rows) etext += r + "\n";
    return_data ret;
    ret.collection_year = 2025;
    ret.tables.emplace("Header", read_table_text(htext, "header.csv", "Header", ret.read_errors));
    ret.tables.emplace("Episodes",
                       read_table_text(etext, "episodes.csv", "Episodes", ret.read_errors));
    return ret;
}
bool says(const mapping_result& m, std::string_view field, std::string_view part) {
    return std::ranges::any_of(m.diagnostics, [&](const diagnostic& x) {
        return x.field == field && x.message.find(part) != std::string::npos;
    });
}
} // namespace

TEST_CASE("mapping: children whose ids read as one number stay apart (issue 15 audit)",
          "[ssda903][mapping]") {
    const auto ret = small({"123,F,01/01/2010,WBRI,UN2,,", "0123,M,01/01/2011,WBRI,UN2,,",
                            "ABC,M,01/01/2012,WBRI,UN2,,", "3,M,01/01/2012,WBRI,UN2,,"},
                           {});
    const auto m = map_return(ret);
    REQUIRE(m.children.size() == 4);
    std::vector<std::uint32_t> ids;
    for (const auto& c : m.children) ids.push_back(c.history.subject().id.value());
    CHECK(ids[0] == 123);
    std::ranges::sort(ids);
    CHECK(std::ranges::adjacent_find(ids) == ids.end());
    CHECK(says(m, "CHILD", "another child already has the number 0123"));
}

TEST_CASE("mapping: unknown codes are read with a diagnostic saying how (issue 15 audit)",
          "[ssda903][mapping]") {
    const auto ret = small({"A,Q,01/01/2010,WBRI,UN2,,"},
                           {"A,01/05/2024,S,C1,N1,U4,PR1,01/07/2024,X1,ZZZ,M1 1AA,M2 2BB,1234567",
                            "A,01/07/2024,W,C1,N1,U3,PR1,01/09/2024,E99,,M1 1AA,M2 2BB,1234567"});
    const auto m = map_return(ret);
    CHECK(says(m, "SEX", "sex not known"));
    CHECK(says(m, "REASON_PLACE_CHANGE", "reason for the placement change not known"));
    CHECK(says(m, "RNE", "reason for the new episode not known"));
    CHECK(says(m, "REC", "reason for ending not known"));
    CHECK_FALSE(says(m, "REC", "DEC without a reason"));
}
