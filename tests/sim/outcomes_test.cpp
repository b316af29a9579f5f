#include "carepath/sim/outcomes.hpp"

#include "support/hand_histories.hpp"

#include <catch2/catch.hpp>

#include <array>
#include <optional>
#include <string>
#include <vector>

using namespace carepath;
using namespace carepath::sim;
using namespace carepath::testing;
using t = placement_type;
using ls = legal_status;

// Every expected value below is worked by hand from the histories drawn in the test.
namespace {
void siblings(care_history& h, unsigned other, date from) {
    add(h, relationship_begun{
               relationship{h.subject().as_person, person_id{other}, kinds::full_sibling, from}});
}
care_history in_care(unsigned id, date entered, unsigned carer, date born = ymd(2012, 1, 1)) {
    auto h = child_born(id, born);
    add(h, entered_care{entered, ls::care_order, with(t::U6, carer)});
    return h;
}
// A school from `from` (a tie with its teacher), a move to another school on `on`, and a social
// worker allocated on `on`.
void teacher(care_history& h, unsigned id, date from) {
    add(h, relationship_begun{
               relationship{h.subject().as_person, person_id{id}, kinds::teacher, from}});
}
void school_move(care_history& h, unsigned from_id, unsigned to_id, date on) {
    add(h, relationship_ended{person_id{from_id}, kinds::teacher,
                              relationship_ending{on, end_reason::school_move}});
    teacher(h, to_id, on);
}
void worker(care_history& h, date on, unsigned id) {
    add(h, worker_changed{on, worker_role::social_worker, social_worker_id{id}});
}
} // namespace

TEST_CASE("outcomes: siblings apart on a day, by children and by sibling groups",
          "[sim][outcomes]") {
    const date on = ymd(2022, 3, 31);
    std::vector<care_history> hs;
    // A, B with carer 10; their sister C with carer 11 (tie recorded on C's side only)
    hs.push_back(in_care(1, ymd(2021, 5, 1), 10));
    siblings(hs.back(), 2, ymd(2012, 1, 1));
    hs.push_back(in_care(2, ymd(2021, 5, 1), 10));
    hs.push_back(in_care(3, ymd(2021, 5, 1), 11));
    siblings(hs.back(), 1, ymd(2012, 1, 1));
    // D and E together with carer 12
    hs.push_back(in_care(4, ymd(2021, 6, 1), 12));
    siblings(hs.back(), 5, ymd(2012, 1, 1));
    hs.push_back(in_care(5, ymd(2021, 6, 1), 12));
    // F in care; F's brother G left care before the day: F is not counted
    hs.push_back(in_care(6, ymd(2021, 6, 1), 13));
    siblings(hs.back(), 7, ymd(2012, 1, 1));
    hs.push_back(in_care(7, ymd(2021, 6, 1), 14));
    add(hs.back(), left_care{ymd(2022, 1, 1), exit_route::return_home});

    const auto s = siblings_on(hs, on);
    CHECK(s.children_apart_from_any == share{3, 5}); // A, B (from C) and C
    CHECK(s.children_with_none == share{1, 5});      // C only
    CHECK(s.groups_not_all_together == share{1, 2}); // {A,B,C} split, {D,E} together
    CHECK(s.children_apart_from_any.percent().value() == Approx(60));
    CHECK_FALSE(share{}.percent());
}

TEST_CASE("outcomes: siblings separated in their initial placement", "[sim][outcomes]") {
    std::vector<care_history> hs;
    // A, B, C enter together: A and B with carer 10, C with carer 11
    for (unsigned id : {1u, 2u, 3u}) {
        hs.push_back(in_care(id, ymd(2021, 5, 1), id == 3 ? 11 : 10));
        for (unsigned other : {1u, 2u, 3u})
            if (other != id)
                siblings(hs.back(), other, ymd(2012, 1, 1));
    }
    // C joins A and B later: the initial placement still counts as separated
    add(hs[2], placement_changed{ymd(2021, 8, 1), with(t::U6, 10)});
    // H and I are siblings who came into care on different days: not counted
    hs.push_back(in_care(8, ymd(2021, 5, 1), 20));
    siblings(hs.back(), 9, ymd(2012, 1, 1));
    hs.push_back(in_care(9, ymd(2021, 7, 1), 21));
    const auto s = siblings_at_entry(hs, year_ending_march(2022));
    CHECK(s.children_apart_from_any == share{3, 3});
    CHECK(s.children_with_none == share{1, 3});
    CHECK(s.groups_not_all_together == share{1, 1});
    // on 31 March C lives with A and B again; H and I are still apart
    CHECK(siblings_on(hs, ymd(2022, 3, 31)).groups_not_all_together == share{1, 2});
}

TEST_CASE("outcomes: DfE placements in the year, for children in care on 31 March",
          "[sim][outcomes]") {
    std::vector<care_history> hs;
    // 1: moves 2021-06-01 and 2022-01-10, a type change with the same carer between: 3
    hs.push_back(in_care(1, ymd(2020, 1, 1), 1));
    add(hs.back(), placement_changed{ymd(2021, 6, 1), with(t::U6, 2)});
    add(hs.back(), placement_changed{ymd(2021, 9, 1), with(t::U4, 2)});
    add(hs.back(), placement_changed{ymd(2022, 1, 10), with(t::U6, 3)});
    // 2: entered in the year, one placement
    hs.push_back(in_care(2, ymd(2021, 7, 1), 4));
    // 3: left before 31 March: not counted
    hs.push_back(in_care(3, ymd(2019, 7, 1), 5));
    add(hs.back(), left_care{ymd(2021, 12, 1), exit_route::return_home});
    // 4: two periods in the year, one placement each: 2
    hs.push_back(in_care(4, ymd(2021, 5, 1), 6));
    add(hs.back(), left_care{ymd(2021, 8, 1), exit_route::return_home});
    add(hs.back(), reentered_care{ymd(2021, 11, 1), ls::care_order, with(t::U6, 7)});

    CHECK(placements_during(hs[0], year_ending_march(2022)) == 3);
    CHECK(placements_during(hs[3], year_ending_march(2022)) == 2);
    const auto s = placement_stability_in(hs, 2022);
    CHECK(s.one_placement == share{1, 3});
    CHECK(s.three_plus_placements == share{1, 3});
    CHECK(s.two_plus_moves == share{1, 3});
}

TEST_CASE("outcomes: a move on 1 April leaves only the new home in the year's placements",
          "[sim][outcomes]") {
    std::vector<care_history> hs;
    // 1: moved on 1 April 2021 (the year's first day) and again in January: 2, not 3
    hs.push_back(in_care(1, ymd(2020, 1, 1), 1));
    add(hs.back(), placement_changed{ymd(2021, 4, 1), with(t::U6, 2)});
    add(hs.back(), placement_changed{ymd(2022, 1, 10), with(t::U6, 3)});
    // 2: moved on 1 April 2021 only: one placement in the year
    hs.push_back(in_care(2, ymd(2020, 1, 1), 4));
    add(hs.back(), placement_changed{ymd(2021, 4, 1), with(t::U6, 5)});
    // 3: moved on 31 March 2021 (the year before) and 2 April 2021: 2
    hs.push_back(in_care(3, ymd(2020, 1, 1), 6));
    add(hs.back(), placement_changed{ymd(2021, 3, 31), with(t::U6, 7)});
    add(hs.back(), placement_changed{ymd(2021, 4, 2), with(t::U6, 8)});
    CHECK(placements_during(hs[0], year_ending_march(2022)) == 2);
    CHECK(placements_during(hs[1], year_ending_march(2022)) == 1);
    CHECK(placements_during(hs[2], year_ending_march(2022)) == 2);
    // the year before counts 1 April 2021's move in neither: it is after 31 March 2021
    CHECK(placements_during(hs[1], year_ending_march(2021)) == 1);
    CHECK(placements_during(hs[2], year_ending_march(2021)) == 2);
    const auto s = placement_stability_in(hs, 2022);
    CHECK(s.one_placement == share{1, 3});
    // moves in the 12 months (the Children's Commissioner's count) still include 1 April's:
    // child 1's two
    CHECK(s.two_plus_moves == share{1, 3});
}

TEST_CASE("outcomes: DfE long-term stability and 3+ placements over two years", "[sim][outcomes]") {
    std::vector<care_history> hs;
    hs.push_back(in_care(1, ymd(2019, 1, 1), 1, ymd(2010, 1, 1))); // stable
    hs.push_back(in_care(2, ymd(2019, 6, 1), 2, ymd(2012, 1, 1))); // moved 2020-06-01
    add(hs.back(), placement_changed{ymd(2020, 6, 1), with(t::U6, 3)});
    hs.push_back(in_care(3, ymd(2019, 11, 1), 4, ymd(2012, 1, 1))); // in care < 2.5 years
    hs.push_back(in_care(4, ymd(2018, 1, 1), 5, ymd(2005, 1, 1)));  // 16 or over
    hs.push_back(in_care(5, ymd(2018, 1, 1), 6, ymd(2011, 1, 1)));  // moved exactly 2 years ago
    add(hs.back(), placement_changed{ymd(2020, 3, 31), with(t::U6, 7)});
    CHECK(long_term_stability(hs, 2022) == share{2, 3}); // 1 and 5 of 1, 2, 5

    // in care since before 1 April 2020: 1, 2, 3, 4, 5, and 6 with three placements
    hs.push_back(in_care(6, ymd(2020, 1, 1), 8));
    add(hs.back(), placement_changed{ymd(2021, 6, 1), with(t::U6, 9)});
    add(hs.back(), placement_changed{ymd(2022, 1, 10), with(t::U6, 10)});
    CHECK(three_plus_over_two_years(hs, 2022) == share{1, 6});

    // the DfE's group is in care on both 31 Marches, not continuously for 2 years: 7 came into
    // care in June 2020 and had three homes since (counted); 8 came in after 31 March 2021 and 9
    // was out of care that day (neither is in the group)
    hs.push_back(in_care(7, ymd(2020, 6, 1), 11));
    add(hs.back(), placement_changed{ymd(2020, 9, 1), with(t::U6, 12)});
    add(hs.back(), placement_changed{ymd(2021, 9, 1), with(t::U6, 13)});
    hs.push_back(in_care(8, ymd(2021, 6, 1), 14));
    add(hs.back(), placement_changed{ymd(2021, 9, 1), with(t::U6, 15)});
    add(hs.back(), placement_changed{ymd(2021, 12, 1), with(t::U6, 16)});
    hs.push_back(in_care(9, ymd(2019, 6, 1), 17));
    add(hs.back(), left_care{ymd(2021, 1, 1), exit_route::return_home});
    add(hs.back(), reentered_care{ymd(2021, 6, 1), ls::care_order, with(t::U6, 18)});
    add(hs.back(), placement_changed{ymd(2021, 9, 1), with(t::U6, 19)});
    CHECK(in_care_two_years_on(hs[6], 2022));
    CHECK_FALSE(in_care_two_years_on(hs[7], 2022));
    CHECK_FALSE(in_care_two_years_on(hs[8], 2022));
    CHECK(three_plus_over_two_years(hs, 2022) == share{2, 7});
}

TEST_CASE("outcomes: long-term stability counts a move into an adoptive home as the DfE does",
          "[sim][outcomes]") {
    // the adoptive placement and the one before it together last 2 years
    std::vector<care_history> hs;
    hs.push_back(in_care(1, ymd(2019, 1, 1), 1, ymd(2010, 1, 1))); // stable
    // 7: in foster care from 2019, moved to adopters in 2021: counts (the DfE's rule)
    hs.push_back(in_care(7, ymd(2019, 1, 1), 11, ymd(2017, 1, 1)));
    add(hs.back(), placement_changed{ymd(2021, 1, 1), with(t::A6, 12)});
    // 8: moved to other foster carers in late 2020, then to adopters: two moves, does not
    hs.push_back(in_care(8, ymd(2019, 1, 1), 13, ymd(2017, 1, 1)));
    add(hs.back(), placement_changed{ymd(2020, 12, 1), with(t::U6, 14)});
    add(hs.back(), placement_changed{ymd(2021, 6, 1), with(t::A6, 15)});
    // 9: moved to foster carers in 2021, who adopt in 2022 (same carer, not a move):
    // the one move was not into an adoptive placement, does not
    hs.push_back(in_care(9, ymd(2019, 1, 1), 16, ymd(2017, 1, 1)));
    add(hs.back(), placement_changed{ymd(2021, 1, 1), with(t::U6, 17)});
    add(hs.back(), placement_changed{ymd(2022, 1, 1), with(t::A5, 17)});
    CHECK(long_term_stability(hs, 2022) == share{2, 4}); // 1 and 7 of 1, 7, 8, 9
}

TEST_CASE("outcomes: a mid-year school move is read as each publisher defines it",
          "[sim][outcomes]") {
    using r = midyear_rule;
    // a change in the summer holiday starts the new school on 1 September
    CHECK(new_school_start(ymd(2021, 7, 19)) == ymd(2021, 7, 19));
    CHECK(new_school_start(ymd(2021, 7, 20)) == ymd(2021, 9, 1));
    CHECK(new_school_start(ymd(2021, 8, 31)) == ymd(2021, 9, 1));
    CHECK(new_school_start(ymd(2021, 9, 2)) == ymd(2021, 9, 2));
    // DfE: any day outside 1 August to 30 September
    CHECK(is_midyear_move(ymd(2021, 7, 19), r::dfe));
    CHECK_FALSE(is_midyear_move(ymd(2021, 7, 25), r::dfe)); // holiday: starts 1 September
    CHECK_FALSE(is_midyear_move(ymd(2021, 9, 30), r::dfe));
    CHECK(is_midyear_move(ymd(2021, 10, 1), r::dfe));
    CHECK(is_midyear_move(ymd(2022, 3, 31), r::dfe));
    // CCO: a start after the first three weeks of September
    CHECK_FALSE(is_midyear_move(ymd(2021, 9, 21), r::cco));
    CHECK(is_midyear_move(ymd(2021, 9, 22), r::cco));
    CHECK(is_midyear_move(ymd(2021, 9, 25), r::cco));
    CHECK_FALSE(is_midyear_move(ymd(2021, 9, 25), r::dfe));
    CHECK(is_midyear_move(ymd(2021, 7, 19), r::cco));
}

TEST_CASE("outcomes: the DfE's year measures of school moves and social workers",
          "[sim][outcomes]") {
    std::vector<care_history> hs;
    // s1: at school, moved school on 25 September (not mid-year for the DfE, mid-year for the
    // CCO); workers 1, 2 and back to 1 in the year: two social workers, counted once each
    hs.push_back(in_care(1, ymd(2020, 1, 1), 1));
    teacher(hs.back(), 101, ymd(2020, 1, 1));
    worker(hs.back(), ymd(2020, 1, 1), 1);
    school_move(hs.back(), 101, 102, ymd(2021, 9, 25));
    worker(hs.back(), ymd(2021, 6, 1), 2);
    worker(hs.back(), ymd(2021, 10, 1), 1);
    // s2: at school, moved in January (mid-year for both); workers 3 (from before the year), 4
    // and 5: three social workers in the year
    hs.push_back(in_care(2, ymd(2020, 1, 1), 2));
    teacher(hs.back(), 103, ymd(2020, 1, 1));
    worker(hs.back(), ymd(2020, 1, 1), 3);
    school_move(hs.back(), 103, 104, ymd(2022, 1, 10));
    worker(hs.back(), ymd(2021, 5, 1), 4);
    worker(hs.back(), ymd(2021, 12, 1), 5);
    // s3: not at school; left care before 31 March 2022 with three workers: not counted
    hs.push_back(in_care(3, ymd(2021, 5, 1), 3, ymd(2019, 1, 1)));
    worker(hs.back(), ymd(2021, 5, 1), 6);
    worker(hs.back(), ymd(2021, 7, 1), 7);
    worker(hs.back(), ymd(2021, 9, 1), 8);
    add(hs.back(), left_care{ymd(2022, 1, 1), exit_route::return_home});

    CHECK(social_workers_during(hs[0], year_ending_march(2022)) == 2);
    CHECK(social_workers_during(hs[1], year_ending_march(2022)) == 3);
    CHECK(social_worker_changes(hs[0], year_ending_march(2022)) == 2);
    const auto d = dfe_year_stability_in(hs, 2022);
    CHECK(d.midyear_school_move == share{1, 2});
    CHECK(d.three_plus_workers == share{1, 2});
    CHECK(stability_index_in(hs, 2022).midyear_school_move == share{2, 2});
}

TEST_CASE("outcomes: the DfE's mid-year school moves by age group on 31 March",
          "[sim][outcomes]") {
    std::vector<care_history> hs;
    auto pupil = [&](unsigned id, date born, std::optional<date> moved) {
        hs.push_back(in_care(id, ymd(2020, 1, 1), id, born));
        teacher(hs.back(), 100 + id, ymd(2020, 1, 1));
        if (moved)
            school_move(hs.back(), 100 + id, 200 + id, *moved);
    };
    pupil(1, ymd(2017, 6, 1), ymd(2021, 11, 15)); // 4 on 31 March 2022: younger group, moved
    pupil(2, ymd(2012, 4, 1), std::nullopt);      // 9 (10 on 1 April): younger group
    pupil(3, ymd(2012, 3, 31), ymd(2022, 2, 1));  // 10 that day: older group, moved
    pupil(4, ymd(2006, 4, 1), std::nullopt);      // 15: older group
    pupil(5, ymd(2006, 3, 31), ymd(2021, 12, 1)); // 16: in neither group, only in the total
    pupil(6, ymd(2014, 1, 1), ymd(2021, 8, 20));  // 8: moved in the summer, not mid-year
    const auto d = dfe_year_stability_in(hs, 2022);
    CHECK(d.midyear_school_move == share{3, 6});
    CHECK(d.midyear_school_move_4_9 == share{1, 3});
    CHECK(d.midyear_school_move_10_15 == share{1, 2});
}

TEST_CASE("outcomes: mid-year school moves and social worker changes", "[sim][outcomes]") {
    std::vector<care_history> hs;
    // s1: a school move in November; workers changed twice in the year
    hs.push_back(in_care(1, ymd(2020, 1, 1), 1));
    worker(hs.back(), ymd(2020, 1, 1), 1);
    teacher(hs.back(), 101, ymd(2020, 1, 1));
    worker(hs.back(), ymd(2021, 5, 1), 2);
    school_move(hs.back(), 101, 102, ymd(2021, 11, 15));
    worker(hs.back(), ymd(2022, 2, 1), 3);
    // s2: a school move in the summer gap only, one worker: no change of any kind
    hs.push_back(in_care(2, ymd(2020, 1, 1), 2));
    worker(hs.back(), ymd(2020, 1, 1), 4);
    teacher(hs.back(), 103, ymd(2020, 1, 1));
    school_move(hs.back(), 103, 104, ymd(2021, 8, 15));
    // s3: too young for school; a worker at entry (not a change) and one change
    hs.push_back(in_care(3, ymd(2021, 6, 1), 3, ymd(2019, 1, 1)));
    worker(hs.back(), ymd(2021, 6, 1), 5);
    worker(hs.back(), ymd(2021, 9, 1), 6);

    CHECK(social_worker_changes(hs[0], year_ending_march(2022)) == 2);
    CHECK(social_worker_changes(hs[2], year_ending_march(2022)) == 1);
    CHECK_FALSE(is_midyear_move(ymd(2021, 8, 15), midyear_rule::cco));
    CHECK(is_midyear_move(ymd(2021, 11, 15), midyear_rule::cco));
    const auto s = stability_index_in(hs, 2022);
    CHECK(s.midyear_school_move == share{1, 2});
    CHECK(s.two_plus_sw_changes == share{1, 3});
    CHECK(s.no_change_of_any == share{1, 3});

    // Over the two years to 31 March 2022 (DfE; the CCO's two-year measure). s4: in care since
    // 2020 with a worker change in June 2020, inside the two years but not the last one.
    auto two = hs;
    two.push_back(in_care(4, ymd(2020, 1, 1), 4));
    worker(two.back(), ymd(2020, 1, 1), 7);
    worker(two.back(), ymd(2020, 6, 1), 8);
    // s1 and s2 were looked after for the 2 years and are at school: s1 moved mid-year; s3
    // entered in 2021, s4 has no school
    CHECK(midyear_school_move_over_two_years(two, 2022) == share{1, 2});
    // s1, s2 and s4 were in care on both 31 Marches; only s2 had no change of any kind
    CHECK(no_change_over_two_years(two, 2022) == share{1, 3});
    CHECK(stability_index_in(two, 2022).no_change_of_any == share{2, 4}); // one year: s2, s4
    // the DfE's group is in care on both 31 Marches, not for the whole 2 years: s8 came into
    // care in June 2020, is at school and moved school mid-year in November 2020
    auto later = two;
    later.push_back(in_care(8, ymd(2020, 6, 1), 9));
    teacher(later.back(), 105, ymd(2020, 6, 1));
    school_move(later.back(), 105, 106, ymd(2020, 11, 15));
    CHECK(midyear_school_move_over_two_years(later, 2022) == share{2, 3});
    CHECK(no_change_over_two_years(later, 2022) == share{1, 4});

    // Two years running: s1 had 2 changes in the year to 31 March 2022 and none before; s5 had
    // 2 in each year; s6 had 2 in the year before and 1 in the last; s7 had 2 in each but left
    // care on 1 March 2022 (not in care on 31 March)
    auto running = two;
    auto changes = [&](unsigned id, std::initializer_list<date> on, unsigned first_worker) {
        running.push_back(in_care(id, ymd(2019, 1, 1), id));
        worker(running.back(), ymd(2019, 1, 1), first_worker);
        for (const date d : on)
            worker(running.back(), d, ++first_worker);
    };
    changes(5, {ymd(2020, 6, 1), ymd(2020, 12, 1), ymd(2021, 6, 1), ymd(2021, 12, 1)}, 20);
    changes(6, {ymd(2020, 6, 1), ymd(2020, 12, 1), ymd(2021, 6, 1)}, 30);
    changes(7, {ymd(2020, 6, 1), ymd(2020, 12, 1), ymd(2021, 6, 1), ymd(2021, 12, 1)}, 40);
    add(running.back(), left_care{ymd(2022, 3, 1), exit_route::return_home});
    // in care on 31 March 2022: s1, s2, s3, s4, s5, s6
    CHECK(two_plus_sw_changes_both_years(running, 2022) == share{1, 6});
    CHECK(stability_index_in(running, 2022).two_plus_sw_changes == share{2, 6}); // s1, s5
}

TEST_CASE("outcomes: a kinship placement that becomes an SGO with the same carer has not ended",
          "[sim][outcomes]") {
    std::vector<care_history> hs;
    auto kin = [&](unsigned id, date from, unsigned carer) {
        auto h = child_born(id, ymd(2012, 1, 1));
        add(h, entered_care{from, ls::care_order, with(t::U3, carer)});
        return h;
    };
    hs.push_back(kin(1, ymd(2020, 5, 1), 1)); // SGO, never back
    add(hs.back(), left_care{ymd(2021, 1, 1), exit_route::special_guardianship});
    hs.push_back(kin(2, ymd(2020, 6, 1), 2)); // SGO that broke down within two years
    add(hs.back(), left_care{ymd(2021, 1, 1), exit_route::special_guardianship});
    add(hs.back(), reentered_care{ymd(2021, 10, 1), ls::care_order, with(t::U6, 9)});
    hs.push_back(in_care(3, ymd(2020, 7, 1), 3)); // moved: one stay ended, one began
    add(hs.back(), placement_changed{ymd(2021, 3, 1), with(t::U6, 4)});
    hs.push_back(in_care(4, ymd(2020, 8, 1), 5)); // returned home
    add(hs.back(), left_care{ymd(2021, 2, 1), exit_route::return_home});
    {
        auto h = child_born(5, ymd(2012, 1, 1)); // a children's home: not foster care
        add(h, entered_care{ymd(2020, 5, 1), ls::care_order,
                            placement::with_provider(t::K2, provider_id{1})});
        hs.push_back(h);
    }
    hs.push_back(in_care(6, ymd(2020, 9, 1), 6, ymd(2003, 1, 1))); // turns 18 within 2 years

    const auto window = year_ending_march(2021);
    const auto same =
        foster_stays_continuing(hs, window, 2, ymd(2025, 1, 1), stay_end::carer_changes);
    CHECK(same.kinship_continuing == share{1, 2});   // 1 goes on, 2 came back
    CHECK(same.unrelated_continuing == share{1, 3}); // 3's second stay only
    const auto naive = foster_stays_continuing(hs, window, 2, ymd(2025, 1, 1), stay_end::any_exit);
    CHECK(naive.kinship_continuing == share{0, 2});
    CHECK(naive.unrelated_continuing == share{1, 3});
    // stays whose two years run past the end of observation are left out
    CHECK(foster_stays_continuing(hs, window, 2, ymd(2022, 5, 15), stay_end::carer_changes)
              .kinship_continuing
          == share{1, 1});
    CHECK(to_string(stay_end::any_exit) == "any_exit");
}

TEST_CASE("outcomes: re-entry among children who returned home, fixed cohort and Kaplan-Meier",
          "[sim][outcomes]") {
    std::vector<care_history> hs;
    auto home_then = [&](unsigned id, date born, date in, date out, std::optional<date> back,
                         exit_route route = exit_route::return_home) {
        auto h = child_born(id, born);
        add(h, entered_care{in, ls::care_order, with(t::U6, id)});
        add(h, left_care{out, route});
        if (back)
            add(h, reentered_care{*back, ls::care_order, with(t::U6, 100 + id)});
        hs.push_back(h);
    };
    home_then(1, ymd(2010, 1, 1), ymd(2019, 1, 1), ymd(2020, 6, 1), ymd(2021, 6, 1));
    home_then(2, ymd(2010, 1, 1), ymd(2019, 1, 1), ymd(2020, 7, 1), ymd(2023, 1, 1));
    home_then(3, ymd(2003, 3, 1), ymd(2019, 1, 1), ymd(2020, 9, 1), std::nullopt); // 18 in 2021
    // 4 went home twice in the year: counted once, at the first return, after which 4 was
    // back in care within 3 months (counted at the last, that return to care was lost)
    home_then(4, ymd(2010, 1, 1), ymd(2019, 1, 1), ymd(2020, 5, 1), ymd(2020, 8, 1));
    add(hs.back(), left_care{ymd(2020, 12, 1), exit_route::return_home});
    home_then(5, ymd(2010, 1, 1), ymd(2019, 1, 1), ymd(2020, 6, 1), ymd(2021, 1, 1),
              exit_route::special_guardianship);

    const std::array home{exit_route::return_home};
    const auto cohort = year_ending_march(2021);
    CHECK(reentry_within(hs, home, cohort, 2, ymd(2024, 1, 1)) == share{2, 4});
    // the trap: all leavers as the denominator (here an SGO breakdown joins both counts)
    std::vector<exit_route> all;
    for (const auto r : all_values<exit_route>())
        all.push_back(r);
    CHECK(reentry_within(hs, all, cohort, 2, ymd(2024, 1, 1)) == share{3, 5});
    // the follow-up must be complete
    CHECK_FALSE(reentry_within(hs, home, cohort, 2, ymd(2022, 1, 1)));
    // Kaplan-Meier to 1 Jan 2022: event at 92 (4, 4 at risk), censored at 181 (3 turns 18),
    // event at 365 (1, 2 at risk), censored at 549 (2): S = 3/4 x 1/2, so 62.5% came back
    // within two years
    const auto km = reentry_cumulative(hs, home, cohort, 2, ymd(2022, 1, 1));
    REQUIRE(km);
    CHECK(*km == Approx(62.5));
    const std::array sgo{exit_route::special_guardianship};
    CHECK(*reentry_cumulative(hs, sgo, cohort, 5, ymd(2024, 1, 1)) == Approx(100));
    CHECK_FALSE(reentry_cumulative(hs, sgo, year_ending_march(2019), 5, ymd(2024, 1, 1)));

    SECTION("a cohort of two years is two years' cohorts, pooled") {
        // 6 went home in each year: home in June 2020 and back in January 2021, home again in
        // June 2021 for good. Each year's cohort has 6 once; one exit for the two years would
        // count either the return to care or the stay at home, not both.
        std::vector<care_history> two;
        auto h = child_born(6, ymd(2010, 1, 1));
        add(h, entered_care{ymd(2019, 1, 1), ls::care_order, with(t::U6, 6)});
        add(h, left_care{ymd(2020, 6, 1), exit_route::return_home});
        add(h, reentered_care{ymd(2021, 1, 1), ls::care_order, with(t::U6, 106)});
        add(h, left_care{ymd(2021, 6, 1), exit_route::return_home});
        two.push_back(h);
        const interval years{year_ending_march(2021).start(), *year_ending_march(2022).end()};
        CHECK(reentry_within(two, home, years, 2, ymd(2025, 1, 1)) == share{1, 2});
        CHECK(reentry_within(two, home, year_ending_march(2021), 2, ymd(2025, 1, 1))
              == share{1, 1});
        CHECK(reentry_within(two, home, year_ending_march(2022), 2, ymd(2025, 1, 1))
              == share{0, 1});
    }
}
