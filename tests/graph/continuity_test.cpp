#include "carepath/graph/continuity.hpp"

#include <catch2/catch.hpp>

using namespace carepath;
using namespace carepath::graph;

namespace {
date on(int y, unsigned m, unsigned d) { return *make_date(y, m, d); }

// Amira (person 1) and the people in her life.
const person_id amira{1}, sister{2}, friend_cal{3}, mum{4}, teacher_t{5}, carer_a_person{10},
    carer_b_person{11};
const carer_id carer_a{10}, carer_b{11};

child amira_child() {
    child c;
    c.id = child_id{1};
    c.as_person = amira;
    c.name = "Amira";
    c.birth_date = on(2014, 4, 10);
    return c;
}
placement with(carer_id c, placement_type t = placement_type::U4) {
    return placement::with_carer(t, c);
}
relationship rel(person_id other, relationship_kind k, date start) {
    return relationship{amira, other, k, start};
}
void must(status s) { REQUIRE(s.ok()); }
} // namespace

TEST_CASE("continuity: count_at_move follows the window's boundaries day by day", "[graph][continuity]") {
    const date d = on(2024, 3, 1); // leap year: d - 1 is 29 February
    const date s = on(2023, 1, 1);
    CHECK(count_at_move(interval{s}, d) == window_count::kept);
    CHECK(count_at_move(interval{s, d}, d) == window_count::lost);                     // ends on d
    CHECK(count_at_move(interval{s, on(2024, 5, 30)}, d) == window_count::lost);       // d + 90
    CHECK(count_at_move(interval{s, on(2024, 5, 31)}, d) == window_count::kept);       // d + 91
    CHECK(count_at_move(interval{s, on(2024, 1, 31)}, d) == window_count::lost);       // d - 30
    CHECK(count_at_move(interval{s, on(2024, 1, 30)}, d) == window_count::none);       // d - 31
    CHECK(count_at_move(interval{d, on(2024, 4, 1)}, d) == window_count::none);        // starts on d
    CHECK(count_at_move(interval{on(2024, 2, 29)}, d) == window_count::kept);          // starts d - 1
    CHECK(count_at_move(interval{s, on(2024, 3, 11)}, d, {days{30}, days{10}}) == window_count::lost);
    CHECK(count_at_move(interval{s, on(2024, 3, 12)}, d, {days{30}, days{10}}) == window_count::kept);
}

TEST_CASE("continuity: a move that keeps siblings together but ends a school friendship",
          "[graph][continuity]") {
    care_history h{amira_child()};
    must(h.add(entered_care{on(2024, 1, 1), legal_status::interim_care_order, with(carer_a)}));
    auto sis = rel(sister, kinds::full_sibling, on(2016, 2, 1));
    must(sis.set_contact({on(2024, 1, 1), contact_mode::direct, contact_frequency::daily}));
    auto mother = rel(mum, kinds::birth_parent, on(2014, 4, 10));
    must(mother.set_contact({on(2024, 1, 1), contact_mode::supervised, contact_frequency::monthly}));
    auto pal = rel(friend_cal, kinds::friend_, on(2023, 9, 1));
    must(pal.end({on(2024, 3, 1), end_reason::school_move, false, {}}));
    auto old_carer = rel(carer_a_person, kinds::foster_carer, on(2024, 1, 1));
    must(old_carer.end({on(2024, 3, 1), end_reason::placement_move, true, {}}));
    for (const auto& r : {sis, mother, pal, old_carer}) must(h.add(relationship_begun{r}));
    must(h.add(placement_changed{on(2024, 3, 1), with(carer_b), change_reason::care_plan}));
    must(h.add(relationship_begun{rel(carer_b_person, kinds::foster_carer, on(2024, 3, 1))}));

    const auto c = continuity_across_moves(h);
    REQUIRE(c.moves.size() == 1);
    const auto& m = c.moves[0];
    CHECK(m.on == on(2024, 3, 1));
    REQUIRE(m.prior.size() == 4);
    CHECK(m.count(tie_outcome::kept) == 2);   // sister, mother
    CHECK(m.count(tie_outcome::ended) == 2);  // friend, old carer
    CHECK(m.count(tie_outcome::unrecorded) == 0);
    for (const auto& t : m.prior) {
        if (t.other == sister || t.other == mum) CHECK(t.outcome == tie_outcome::kept);
        if (t.other == friend_cal) {
            CHECK(t.outcome == tie_outcome::ended);
            REQUIRE(t.ending);
            CHECK(t.ending->reason == end_reason::school_move);
        }
    }
    REQUIRE(m.gained.size() == 1);
    CHECK(m.gained[0].other == carer_b_person);
    CHECK(m.index() == Approx(0.5));
    // The user weighs siblings three times: (3 + 1) / (3 + 1 + 1 + 1).
    continuity_weights w;
    w.set(kinds::full_sibling, 3.0);
    CHECK(m.index(w) == Approx(4.0 / 6.0));
    CHECK(c.index(w) == Approx(4.0 / 6.0));
    CHECK(c.data_gaps() == 0);
}

TEST_CASE("continuity: a change of legal status with the same carer is not a move and costs nothing",
          "[graph][continuity]") {
    care_history h{amira_child()};
    must(h.add(entered_care{on(2024, 1, 1), legal_status::interim_care_order, with(carer_a)}));
    auto pal = rel(friend_cal, kinds::friend_, on(2023, 9, 1));
    must(pal.end({on(2024, 5, 1), end_reason::child_choice, false, {}}));
    must(h.add(relationship_begun{pal}));
    must(h.add(legal_status_changed{on(2024, 5, 1), legal_status::care_order}));
    // A change of placement type with the same carer (RNE T/U) is not a move either.
    must(h.add(placement_changed{on(2024, 6, 1), with(carer_a, placement_type::U1), change_reason::status_only}));
    const auto c = continuity_across_moves(h);
    CHECK(h.transitions().size() == 1);
    CHECK(c.moves.empty());
    CHECK_FALSE(c.index().has_value());
}

TEST_CASE("continuity: a held-open placement and the return to it are two moves", "[graph][continuity]") {
    care_history h{amira_child()};
    must(h.add(entered_care{on(2024, 1, 1), legal_status::care_order, with(carer_a)}));
    auto first = rel(carer_a_person, kinds::foster_carer, on(2024, 1, 1));
    must(first.record_contact(on(2024, 2, 10))); // visits during the trial
    must(first.record_contact(on(2024, 3, 1)));
    must(h.add(relationship_begun{first}));
    must(h.add(placement_changed{on(2024, 2, 1), with(carer_b), change_reason::care_plan, true}));
    auto trial = rel(carer_b_person, kinds::foster_carer, on(2024, 2, 1));
    must(trial.end({on(2024, 2, 20), end_reason::placement_move, false, {}}));
    must(h.add(relationship_begun{trial}));
    must(h.add(placement_changed{on(2024, 2, 20), with(carer_a), change_reason::child_request}));
    REQUIRE(h.moves().size() == 2);
    CHECK(h.moves()[1].returns_to_held);

    const auto c = continuity_across_moves(h);
    REQUIRE(c.moves.size() == 2);
    // Into the trial: the held carer is kept (visits go on); the trial carer is gained.
    CHECK(c.moves[0].count(tie_outcome::kept) == 1);
    CHECK(c.moves[0].prior.size() == 1);
    REQUIRE(c.moves[0].gained.size() == 1);
    CHECK(c.moves[0].gained[0].other == carer_b_person);
    CHECK(c.moves[0].index() == Approx(1.0));
    // Back home: the first carer is kept, the trial carer ended with the move.
    CHECK(c.moves[1].count(tie_outcome::kept) == 1);
    CHECK(c.moves[1].count(tie_outcome::ended) == 1);
    CHECK(c.moves[1].index() == Approx(0.5));
    CHECK(c.index() == Approx(0.75));
}

TEST_CASE("continuity: a relationship with no ending and no later contact is a data gap, not a loss",
          "[graph][continuity]") {
    care_history h{amira_child()};
    must(h.add(entered_care{on(2024, 1, 1), legal_status::care_order, with(carer_a)}));
    auto mother = rel(mum, kinds::birth_parent, on(2014, 4, 10));
    must(mother.record_contact(on(2024, 4, 15)));
    must(h.add(relationship_begun{mother}));
    must(h.add(relationship_begun{rel(teacher_t, kinds::teacher, on(2023, 9, 1))})); // then silence
    must(h.add(placement_changed{on(2024, 4, 1), with(carer_b), std::nullopt}));
    const auto c = continuity_across_moves(h);
    REQUIRE(c.moves.size() == 1);
    const auto& m = c.moves[0];
    CHECK(m.count(tie_outcome::kept) == 1);
    CHECK(m.count(tie_outcome::unrecorded) == 1);
    CHECK(m.count(tie_outcome::ended) == 0);
    CHECK(m.index() == Approx(1.0)); // the gap counts neither way
    CHECK(c.data_gaps() == 1);
    // With only the gap, there is no index at all.
    care_history only_gap{amira_child()};
    must(only_gap.add(entered_care{on(2024, 1, 1), legal_status::care_order, with(carer_a)}));
    must(only_gap.add(relationship_begun{rel(teacher_t, kinds::teacher, on(2023, 9, 1))}));
    must(only_gap.add(placement_changed{on(2024, 4, 1), with(carer_b), std::nullopt}));
    CHECK_FALSE(continuity_across_moves(only_gap).moves[0].index().has_value());
}

// Issue 15, item 5. Amira moves from foster carer A to carer B; she goes on seeing A, now as
// her former foster carer, and her sister. Recorded as one tie ended and another begun, the
// carer counts as lost: 1 kept of 2 = 0.5, for a move that kept everyone. Recorded as one
// tie whose role changes at the move, both are kept: 2 of 2 = 1. Each placement's carer id is
// linked to the carer as a person, so the graph knows which tie is the carer left behind.
TEST_CASE("continuity: a foster carer who becomes a former foster carer at the move is kept",
          "[graph][continuity]") {
    const date move = on(2024, 3, 1);
    auto start = [&](care_history& h) {
        must(h.add(entered_care{on(2024, 1, 1), legal_status::care_order,
                                placement::with_carer(placement_type::U4, carer_a, carer_a_person)}));
        must(h.add(relationship_begun{rel(sister, kinds::full_sibling, on(2016, 2, 1))}));
        must(h.add(relationship_begun{rel(carer_a_person, kinds::foster_carer, on(2024, 1, 1))}));
        must(h.add(placement_changed{move,
                                     placement::with_carer(placement_type::U4, carer_b, carer_b_person),
                                     change_reason::care_plan}));
        must(h.record_contact(sister, kinds::full_sibling, on(2024, 3, 10)));
    };
    SECTION("ended and begun again: the old representation scores the move 0.5") {
        care_history h{amira_child()};
        start(h);
        must(h.add(relationship_ended{carer_a_person, kinds::foster_carer,
                                      {move, end_reason::placement_move, true, {}}}));
        must(h.add(relationship_begun{rel(carer_a_person, kinds::former_foster_carer, move)}));
        must(h.record_contact(carer_a_person, kinds::former_foster_carer, on(2024, 3, 20)));
        const auto m = continuity_across_moves(h).moves.at(0);
        CHECK(m.index() == Approx(0.5));
        REQUIRE(m.left_carer_tie() != nullptr);
        CHECK(m.left_carer_tie()->outcome == tie_outcome::ended);
    }
    SECTION("one tie with a new role: the move scores 1 and the carer left is kept") {
        care_history h{amira_child()};
        start(h);
        must(h.add(relationship_role_changed{carer_a_person, kinds::foster_carer,
                                             kinds::former_foster_carer, move}));
        must(h.record_contact(carer_a_person, kinds::former_foster_carer, on(2024, 3, 20)));
        // The contact day belongs to the role the tie had that day.
        CHECK_FALSE(h.record_contact(carer_a_person, kinds::foster_carer, on(2024, 3, 21)).ok());
        CHECK(h.record_contact(carer_a_person, kinds::foster_carer, on(2024, 2, 1)).ok());
        REQUIRE(h.relationships().size() == 2);
        const auto c = continuity_across_moves(h);
        REQUIRE(c.moves.size() == 1);
        const auto& m = c.moves[0];
        CHECK(m.carer_left == carer_a_person);
        CHECK(m.index() == Approx(1.0));
        CHECK(m.count(tie_outcome::kept) == 2);
        const auto* carer = m.left_carer_tie();
        REQUIRE(carer != nullptr);
        CHECK(carer->other == carer_a_person);
        CHECK(carer->outcome == tie_outcome::kept);
        CHECK(carer->kind == kinds::foster_carer);
        CHECK(carer->became == kinds::former_foster_carer);
        CHECK(m.gained.empty()); // nobody new: the same relationship goes on
    }
}

TEST_CASE("continuity: the carer of the last placement is known as a person the child still sees",
          "[graph][continuity]") {
    care_history h{amira_child()};
    must(h.add(entered_care{on(2024, 1, 1), legal_status::care_order,
                            placement::with_carer(placement_type::U4, carer_a, carer_a_person)}));
    must(h.add(relationship_begun{rel(carer_a_person, kinds::foster_carer, on(2024, 1, 1))}));
    // A change of placement type with the same carer, written without the person: the link
    // from the earlier placement still names the carer.
    must(h.add(placement_changed{on(2024, 4, 1), with(carer_a, placement_type::U1),
                                 change_reason::status_only}));
    must(h.add(left_care{on(2024, 9, 1), exit_route::independent_living}));
    must(h.add(relationship_role_changed{carer_a_person, kinds::foster_carer,
                                         kinds::former_foster_carer, on(2024, 9, 1)}));
    must(h.record_contact(carer_a_person, kinds::former_foster_carer, on(2024, 10, 5)));

    const auto last = last_carer(h, on(2024, 10, 1));
    REQUIRE(last.has_value());
    CHECK(last->carer == carer_a_person);
    REQUIRE(last->tie != nullptr);
    CHECK(last->tie->kind() == kinds::former_foster_carer);
    CHECK(last->tie->kind_on(on(2024, 8, 31)) == kinds::foster_carer);
    CHECK(last->seen);
    CHECK_FALSE(last_carer(h, on(2024, 11, 1))->seen); // no contact recorded after that
    // Without any link from carer id to person, the graph cannot say who the carer was.
    care_history unlinked{amira_child()};
    must(unlinked.add(entered_care{on(2024, 1, 1), legal_status::care_order, with(carer_a)}));
    CHECK_FALSE(last_carer(unlinked, on(2024, 2, 1)).has_value());
}

TEST_CASE("continuity: outcome and window names round-trip through their tables", "[graph][continuity]") {
    for (auto o : all_values<tie_outcome>()) CHECK(from_string<tie_outcome>(to_string(o)) == o);
    for (auto w : all_values<window_count>()) CHECK(from_string<window_count>(to_string(w)) == w);
    CHECK(codes_are_unique<tie_outcome>());
    CHECK(codes_are_unique<window_count>());
}
