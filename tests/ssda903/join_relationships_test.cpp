#include "carepath/ssda903/join_relationships.hpp"

#include "carepath/graph/continuity.hpp"

#include <catch2/catch.hpp>

#include <string>

using namespace carepath;
using namespace carepath::ssda903;

namespace {
const std::string dir = std::string{CAREPATH_TEST_DATA} + "/ssda903/relationships";

mapping_result mapped() {
    return map_return(read_return(dir + "/return", 2025).value());
}
const mapped_child& kid(const mapping_result& m, std::string_view id) {
    const auto* c = m.find(id);
    REQUIRE(c);
    return *c;
}
} // namespace

// The case is worked by hand in tests/data/ssda903/relationships/README.md.
TEST_CASE("join relationships: each good row becomes a relationship of its child's history",
          "[ssda903][join_relationships]") {
    auto m = mapped();
    REQUIRE(m.diagnostics.empty());
    const auto x = read_relationships(dir + "/relationships.csv").value();
    REQUIRE(x.diagnostics.empty());
    const auto j = join_relationships(m, x);
    CHECK(j.diagnostics.empty());
    CHECK(j.rows_joined == 10);
    CHECK(j.children == 4);
    const auto& h201 = kid(m, "201").history;
    CHECK(h201.relationships().size() == 5);
    // Children are people 1..4 in the mapping's order, so a sibling row names the same person.
    CHECK(h201.subject().as_person == person_id{1});
    CHECK(kid(m, "202").history.subject().as_person == person_id{2});
    const auto* sib = h201.find_relationship(person_id{2}, kinds::full_sibling);
    REQUIRE(sib);
    CHECK(sib->contact_events().size() == 1);
    // FC1's spell ended explicitly, with the reason the row gives.
    const auto& ended = *std::ranges::find_if(h201.relationships(), [](const relationship& r) {
        return r.kind() == kinds::foster_carer && r.has_ended();
    });
    REQUIRE(ended.last_ending());
    CHECK(ended.last_ending()->reason == end_reason::placement_move);
}

TEST_CASE("join relationships: continuity at a move counts kept, ended and unrecorded by hand",
          "[ssda903][join_relationships]") {
    auto m = mapped();
    (void)join_relationships(m, read_relationships(dir + "/relationships.csv").value());
    const auto& h = kid(m, "201").history;
    REQUIRE(h.moves().size() == 1); // the move is the return's, unchanged by the join
    const auto c = graph::continuity_across_moves(h);
    REQUIRE(c.moves.size() == 1);
    const auto& mv = c.moves[0];
    CHECK(mv.prior.size() == 4);
    CHECK(mv.count(graph::tie_outcome::kept) == 2);
    CHECK(mv.count(graph::tie_outcome::ended) == 1);
    CHECK(mv.count(graph::tie_outcome::unrecorded) == 1);
    REQUIRE(mv.gained.size() == 1); // FC2, from the move day
    // FC1 is linked as the carer of the home left, so the report can say that tie ended.
    const auto* left = mv.left_carer_tie();
    REQUIRE(left);
    CHECK(left->outcome == graph::tie_outcome::ended);
}

TEST_CASE("join relationships: carers named in the extract are shared across siblings, others "
          "never are",
          "[ssda903][join_relationships]") {
    auto m = mapped();
    const date before = *make_date(2024, 3, 31), after = *make_date(2025, 3, 31);
    // Without the extract the mapping numbers carers within each child: 201 and 202 both have
    // "carer 1", which must not be read as the same home once the histories are compared.
    (void)join_relationships(m, relationships_extract{"none.csv", {}, {}});
    CHECK(kid(m, "201").history.placement_on(before)->where.carer
          != kid(m, "202").history.placement_on(before)->where.carer);

    auto linked = mapped();
    const auto j =
        join_relationships(linked, read_relationships(dir + "/relationships.csv").value());
    CHECK(j.carers_linked == 5); // 201 twice (FC1, FC2), 202, 203, 204
    const auto carer = [&](std::string_view id, date d) {
        return kid(linked, id).history.placement_on(d)->where.carer;
    };
    CHECK(carer("201", before) == carer("202", before)); // both with FC1
    CHECK(carer("201", after) != carer("202", after));   // 201 moved to FC2
    CHECK(carer("203", after) == carer("204", after));   // both with FC3
    CHECK(kid(linked, "201").history.moves().size() == 1);
}

TEST_CASE("join relationships: rows that cannot be joined are named by line; the rest join",
          "[ssda903][join_relationships]") {
    auto m = mapped();
    const auto x = read_relationships(dir + "/relationships_bad.csv").value();
    // The reader refuses lines 13 (ends before it starts) and 14 (unknown type) ...
    REQUIRE(x.diagnostics.size() == 2);
    CHECK(x.diagnostics[0].line == 13);
    CHECK(x.diagnostics[1].line == 14);
    // ... and the join, lines 12 (CHILD not in the return) and 15 (overlaps line 6).
    const auto j = join_relationships(m, x);
    REQUIRE(j.diagnostics.size() == 2);
    CHECK(j.diagnostics[0].line == 12);
    CHECK(j.diagnostics[0].field == "CHILD");
    CHECK(j.diagnostics[0].value == "999");
    CHECK(j.diagnostics[1].line == 15);
    CHECK(j.diagnostics[1].message.find("line 6") != std::string::npos);
    CHECK(j.rows_joined == 10);
}

TEST_CASE("join relationships: a sibling outside the return is a person of its own, with a "
          "warning",
          "[ssda903][join_relationships]") {
    auto m = mapped();
    const auto x = read_relationships_text(
        "CHILD,PERSON,PERSON_CHILD,TYPE,START,END,END_REASON\n201,,777,half_sibling,01/01/2016,,\n",
        "r.csv");
    const auto j = join_relationships(m, x);
    REQUIRE(j.diagnostics.size() == 1);
    CHECK(j.diagnostics[0].is_warning());
    CHECK(j.diagnostics[0].line == 2);
    CHECK(j.rows_joined == 1);
    const auto& rels = kid(m, "201").history.relationships();
    REQUIRE(rels.size() == 1);
    CHECK(rels[0].other(person_id{1}).value() > 4); // not one of the return's children
}

TEST_CASE("join relationships: siblings with no carer in the extract are counted apart, with a "
          "warning",
          "[ssda903][join_relationships]") {
    auto m = mapped();
    const auto x = read_relationships_text("CHILD,PERSON,PERSON_CHILD,TYPE,START,END,END_REASON\n"
                                           "203,,204,sibling,02/02/2017,,\n",
                                           "r.csv");
    const auto j = join_relationships(m, x);
    REQUIRE(j.diagnostics.size() == 1);
    CHECK(j.diagnostics[0].is_warning());
    CHECK(j.diagnostics[0].line == 2);
    CHECK(j.diagnostics[0].message.find("counted as apart") != std::string::npos);
    const date d = *make_date(2025, 3, 31);
    CHECK(kid(m, "203").history.placement_on(d)->where.carer
          != kid(m, "204").history.placement_on(d)->where.carer);
}
