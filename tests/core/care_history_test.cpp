#include "carepath/core/care_history.hpp"

#include <catch2/catch.hpp>

#include <chrono>
#include <sstream>
#include <string>
#include <vector>

using namespace carepath;
using namespace std::chrono;
using t = placement_type;
using ls = legal_status;

namespace {
child make_child() {
    child c;
    c.id = child_id{1};
    c.as_person = person_id{1};
    c.name = "Amira";
    c.birth_date = sys_days{2014y / May / 3};
    return c;
}
constexpr date ymd(int y, unsigned m, unsigned d) {
    return sys_days{year{y} / month{m} / std::chrono::day{d}};
}
placement with(t type, unsigned carer) { return placement::with_carer(type, carer_id{carer}); }

// Adds an event that must be accepted, failing the test with the diagnostic otherwise.
void add(care_history& h, const care_event& e) {
    const auto r = h.add(e);
    INFO((r.ok() ? std::string{} : to_string(r.error())));
    REQUIRE(r.ok());
}
} // namespace

TEST_CASE("care_history: a change of legal status with the same carer is not a move",
          "[core][care_history]") {
    care_history h{make_child()};
    add(h, entered_care{ymd(2022, 1, 10), ls::accommodated_s20, with(t::U6, 1)});
    add(h, legal_status_changed{ymd(2022, 2, 1), ls::interim_care_order});
    add(h, legal_status_changed{ymd(2022, 8, 1), ls::care_order});
    CHECK(h.moves().empty());
    CHECK(h.transitions().empty());
    CHECK(h.placements().size() == 1);
    CHECK(h.legal_statuses().size() == 3);
    CHECK(h.legal_status_on(ymd(2022, 1, 31)) == ls::accommodated_s20);
    CHECK(h.legal_status_on(ymd(2022, 2, 1)) == ls::interim_care_order);
    CHECK(h.legal_status_on(ymd(2023, 1, 1)) == ls::care_order);
    CHECK_FALSE(h.legal_status_on(ymd(2022, 1, 9)).has_value());
}

TEST_CASE("care_history: a placement type change with the same carer is not a move",
          "[core][care_history]") {
    // Foster carers become the child's prospective adopters: U6 -> A5, RNE T.
    care_history h{make_child()};
    add(h, entered_care{ymd(2022, 1, 10), ls::care_order, with(t::U6, 1)});
    add(h, legal_status_changed{ymd(2022, 6, 1), ls::placement_order});
    add(h, placement_changed{ymd(2022, 9, 1), with(t::A5, 1), change_reason::status_only});
    REQUIRE(h.transitions().size() == 1);
    CHECK_FALSE(h.transitions()[0].is_move);
    CHECK(h.moves().empty());
    CHECK(h.placements().size() == 2);
    CHECK(h.placement_on(ymd(2022, 8, 31))->where.type == t::U6);
    CHECK(h.placement_on(ymd(2022, 9, 1))->where.type == t::A5);
    CHECK(h.distinct_carers() == std::vector<carer_id>{carer_id{1}});
    SECTION("a move to another carer is a move") {
        add(h, placement_changed{ymd(2023, 1, 5), with(t::U6, 2), change_reason::allegation});
        REQUIRE(h.moves().size() == 1);
        CHECK(h.moves()[0].on == ymd(2023, 1, 5));
        CHECK(h.placements().back().reason == change_reason::allegation);
        CHECK(h.distinct_carers().size() == 2);
    }
}

TEST_CASE("care_history: a held-open placement may overlap the trial placement, and only one",
          "[core][care_history]") {
    care_history h{make_child()};
    add(h, entered_care{ymd(2022, 1, 10), ls::care_order, with(t::U4, 1)});
    add(h, placement_changed{ymd(2022, 5, 1), with(t::U1, 2), change_reason::care_plan, true});
    REQUIRE(h.placements().size() == 2);
    const auto& held = h.placements()[0];
    const auto& trial = h.placements()[1];
    CHECK(held.held_open);
    CHECK(held.period.is_open());
    CHECK(held.period.overlaps(trial.period));
    CHECK(h.placement_on(ymd(2022, 5, 2))->where.carer == carer_id{2}); // lives at the trial
    CHECK(h.moves().size() == 1);

    SECTION("a second held-open placement is refused and changes nothing") {
        const auto before = h.placements().size();
        const auto r =
            h.add(placement_changed{ymd(2022, 6, 1), with(t::U6, 3), change_reason::care_plan, true});
        REQUIRE_FALSE(r.ok());
        CHECK(r.error().message == "only one placement can be held open at a time");
        CHECK(r.error().field == "placement_changed");
        CHECK(r.error().value == "2022-06-01");
        CHECK(h.placements().size() == before);
        CHECK(h.events().size() == 2);
    }
    SECTION("going back to the held carer returns to the held placement") {
        add(h, placement_changed{ymd(2022, 6, 1), with(t::U4, 1), change_reason::child_request});
        CHECK(h.placements().size() == 2);
        CHECK_FALSE(h.placements()[0].held_open);
        CHECK(h.placements()[0].period.is_open());
        CHECK(h.placements()[1].period == interval{ymd(2022, 5, 1), ymd(2022, 6, 1)});
        CHECK(h.placement_on(ymd(2022, 6, 1))->where.carer == carer_id{1});
        REQUIRE(h.transitions().size() == 2);
        CHECK(h.transitions()[1].returns_to_held);
        CHECK(h.moves().size() == 2);
    }
    SECTION("releasing the held placement closes it, and the trial becomes the only home") {
        add(h, held_placement_released{ymd(2022, 7, 1)});
        CHECK(h.placements()[0].period == interval{ymd(2022, 1, 10), ymd(2022, 7, 1)});
        CHECK_FALSE(h.placements()[0].held_open);
        CHECK(h.add(held_placement_released{ymd(2022, 8, 1)}).error().message
              == "no placement is being held open");
        // With nothing held, a new trial may hold this placement open.
        add(h, placement_changed{ymd(2022, 9, 1), with(t::U6, 3), change_reason::care_plan, true});
    }
    SECTION("holding a placement open to try the same carer is refused") {
        care_history g{make_child()};
        add(g, entered_care{ymd(2022, 1, 10), ls::care_order, with(t::U6, 1)});
        CHECK_FALSE(
            g.add(placement_changed{ymd(2022, 2, 1), with(t::U4, 1), change_reason::care_plan, true})
                .ok());
    }
    SECTION("leaving care closes the held placement too") {
        add(h, left_care{ymd(2022, 8, 1), exit_route::special_guardianship});
        for (const auto& p : h.placements()) CHECK(p.period.end() == ymd(2022, 8, 1));
    }
}

TEST_CASE("care_history: a child can re-enter care after a return home",
          "[core][care_history]") {
    care_history h{make_child()};
    add(h, entered_care{ymd(2020, 3, 1), ls::accommodated_s20, with(t::U6, 1)});
    add(h, left_care{ymd(2020, 9, 1), exit_route::return_home});
    CHECK_FALSE(h.in_care());
    CHECK_FALSE(h.in_care_on(ymd(2020, 9, 1)));
    CHECK_FALSE(h.placement_on(ymd(2021, 1, 1)));
    SECTION("entering care again must be recorded as a re-entry") {
        CHECK(h.add(entered_care{ymd(2021, 2, 1), ls::care_order, with(t::U6, 2)})
                  .error()
                  .message
              == "the child has been in care before: record a re-entry");
    }
    SECTION("care cannot resume the day it ended as a new period") {
        CHECK_FALSE(h.add(reentered_care{ymd(2020, 9, 1), ls::care_order, with(t::U6, 2)}).ok());
    }
    add(h, reentered_care{ymd(2021, 2, 1), ls::interim_care_order, with(t::U6, 1)});
    REQUIRE(h.periods().size() == 2);
    CHECK(h.periods()[0].exit == exit_route::return_home);
    CHECK(h.periods()[1].reentry);
    CHECK(h.periods_of_care()
          == std::vector<interval>{interval{ymd(2020, 3, 1), ymd(2020, 9, 1)},
                                   interval{ymd(2021, 2, 1)}});
    CHECK(h.in_care_on(ymd(2021, 2, 1)));
    // 184 days in the first period, 28 in the second up to 1 March 2021.
    CHECK(h.time_in_care(ymd(2021, 3, 1)) == days{184 + 28});
    // Returning to the same carer in a new period of care is not a move either.
    CHECK(h.moves().empty());
    CHECK(h.distinct_carers().size() == 1);
    CHECK(h.add(reentered_care{ymd(2021, 3, 1), ls::care_order, with(t::U6, 2)}).error().message
          == "the child is already in care");
}

TEST_CASE("care_history: leaving care by an order records the order", "[core][care_history]") {
    care_history h{make_child()};
    add(h, entered_care{ymd(2019, 1, 1), ls::care_order, with(t::U3, 4)});
    add(h, left_care{ymd(2021, 1, 1), exit_route::special_guardianship});
    CHECK(h.legal_status_on(ymd(2021, 1, 1)) == ls::special_guardianship_order);
    CHECK(h.legal_status_on(ymd(2020, 12, 31)) == ls::care_order);
    SECTION("a breakdown brings the child back into care and ends the order's spell") {
        add(h, reentered_care{ymd(2023, 4, 1), ls::accommodated_s20, with(t::U6, 5)});
        CHECK(h.legal_statuses()[1].period == interval{ymd(2021, 1, 1), ymd(2023, 4, 1)});
        CHECK(h.legal_status_on(ymd(2023, 4, 1)) == ls::accommodated_s20);
    }
    SECTION("an adoption order needs a legal route to it") {
        care_history g{make_child()};
        add(g, entered_care{ymd(2019, 1, 1), ls::interim_care_order, with(t::U6, 1)});
        const auto r = g.add(left_care{ymd(2019, 6, 1), exit_route::adoption});
        REQUIRE_FALSE(r.ok());
        CHECK(r.error().field == "legal_status");
        CHECK(g.in_care());
    }
}

TEST_CASE("care_history: an invalid order transition is refused with its reason",
          "[core][care_history]") {
    care_history h{make_child()};
    add(h, entered_care{ymd(2022, 1, 10), ls::interim_care_order, with(t::U6, 1)});
    add(h, legal_status_changed{ymd(2022, 7, 1), ls::care_order});
    const auto r = h.add(legal_status_changed{ymd(2022, 8, 1), ls::interim_care_order});
    REQUIRE_FALSE(r.ok());
    CHECK(to_string(r.error())
          == "legal_status=\"C2 -> C1\": an interim order is made while proceedings are "
             "pending, not after the final order");
    CHECK(h.legal_status_on(ymd(2022, 9, 1)) == ls::care_order);
    SECTION("an order that ends care is recorded by leaving care") {
        CHECK(h.add(legal_status_changed{ymd(2022, 8, 1), ls::special_guardianship_order})
                  .error()
                  .message
              == "special guardianship order (s14A CA 1989) ends care: record it as leaving care");
    }
}

TEST_CASE("care_history: care events out of date order are refused, leaving the history "
          "unchanged",
          "[core][care_history]") {
    care_history h{make_child()};
    add(h, entered_care{ymd(2022, 1, 10), ls::accommodated_s20, with(t::U6, 1)});
    add(h, placement_changed{ymd(2022, 3, 1), with(t::U6, 2), change_reason::carer_resigned});
    const auto placements = h.placements().size();
    const auto legal = h.legal_statuses().size();
    const auto events = h.events().size();
    for (const care_event& late : {care_event{placement_changed{ymd(2022, 2, 1), with(t::U6, 3)}},
                                   care_event{legal_status_changed{ymd(2022, 2, 1), ls::care_order}},
                                   care_event{left_care{ymd(2022, 2, 1), exit_route::return_home}},
                                   care_event{worker_changed{ymd(2022, 2, 1),
                                                             worker_role::social_worker,
                                                             social_worker_id{1}}}}) {
        const auto r = h.add(late);
        REQUIRE_FALSE(r.ok());
        CHECK(r.error().message
              == "care events must be added in date order: 2022-02-01 is before 2022-03-01");
        CHECK(r.error().value == "2022-02-01");
    }
    CHECK(h.placements().size() == placements);
    CHECK(h.legal_statuses().size() == legal);
    CHECK(h.events().size() == events);
    CHECK(h.in_care());
    CHECK(h.placements().back().period.is_open());
    CHECK(h.workers().empty());
}

TEST_CASE("care_history: entry to care follows the rules of entry", "[core][care_history]") {
    care_history h{make_child()};
    SECTION("not before birth") {
        CHECK_FALSE(h.add(entered_care{ymd(2014, 5, 2), ls::care_order, with(t::U6, 1)}).ok());
    }
    SECTION("not at 18 or over") {
        CHECK(h.add(entered_care{ymd(2032, 5, 3), ls::accommodated_s20, with(t::U6, 1)})
                  .error()
                  .message
              == "a person of 18 or over cannot start to be looked after");
        CHECK(h.add(entered_care{ymd(2032, 5, 2), ls::accommodated_s20, with(t::U6, 1)}).ok());
    }
    SECTION("not with a status outside care") {
        CHECK_FALSE(h.add(entered_care{ymd(2020, 1, 1), ls::no_order, with(t::U6, 1)}).ok());
    }
    SECTION("not into a temporary placement (SSDA903 rule 380)") {
        CHECK_FALSE(h.add(entered_care{ymd(2020, 1, 1), ls::care_order, with(t::T4, 1)}).ok());
    }
    SECTION("nothing happens in care before the child enters it") {
        CHECK(h.add(legal_status_changed{ymd(2020, 1, 1), ls::care_order}).error().message
              == "the child is not in care on 2020-01-01");
        CHECK_FALSE(h.add(left_care{ymd(2020, 1, 1), exit_route::return_home}).ok());
        CHECK(h.events().empty());
    }
}

TEST_CASE("care_history: a placement change must change something", "[core][care_history]") {
    care_history h{make_child()};
    add(h, entered_care{ymd(2022, 1, 10), ls::care_order, with(t::U6, 1)});
    CHECK(h.add(placement_changed{ymd(2022, 2, 1), with(t::U6, 1)}).error().message
          == "the placement does not change (same type, carer and place)");
    SECTION("a placement lasts at least one day, so one day's changes are never two moves") {
        add(h, placement_changed{ymd(2022, 2, 1), with(t::U6, 2)});
        CHECK(h.add(placement_changed{ymd(2022, 2, 1), with(t::U6, 3)}).error().message
              == "the placement began on 2022-02-01: a placement must last at least one day");
        CHECK_FALSE(h.add(left_care{ymd(2022, 2, 1), exit_route::return_home}).ok());
        CHECK(h.moves().size() == 1);
    }
    SECTION("and care cannot end during a temporary stay") {
        add(h, placement_changed{ymd(2022, 2, 1), with(t::T3, 7)});
        CHECK_FALSE(h.add(left_care{ymd(2022, 2, 5), exit_route::return_home}).ok());
        add(h, placement_changed{ymd(2022, 2, 8), with(t::U6, 1)});
        CHECK(h.add(left_care{ymd(2022, 3, 1), exit_route::return_home}).ok());
    }
}

TEST_CASE("care_history: social worker changes are counted per role", "[core][care_history]") {
    care_history h{make_child()};
    add(h, entered_care{ymd(2022, 1, 10), ls::care_order, with(t::U6, 1)});
    add(h, worker_changed{ymd(2022, 1, 10), worker_role::social_worker, social_worker_id{1}});
    add(h, worker_changed{ymd(2022, 1, 10), worker_role::iro, social_worker_id{9}});
    add(h, worker_changed{ymd(2022, 4, 1), worker_role::social_worker, social_worker_id{2}});
    add(h, worker_changed{ymd(2022, 9, 1), worker_role::social_worker, social_worker_id{3}});
    CHECK(h.worker_changes() == 2);
    CHECK(h.worker_changes(worker_role::iro) == 0);
    CHECK(h.worker_on(ymd(2022, 3, 31)) == social_worker_id{1});
    CHECK(h.worker_on(ymd(2022, 4, 1)) == social_worker_id{2});
    CHECK(h.worker_on(ymd(2022, 6, 1), worker_role::iro) == social_worker_id{9});
    CHECK_FALSE(h.worker_on(ymd(2022, 6, 1), worker_role::personal_adviser));
    CHECK(h.add(worker_changed{ymd(2022, 10, 1), worker_role::social_worker, social_worker_id{3}})
              .error()
              .message
          == "this worker is already allocated");
}

TEST_CASE("care_history: relationships begin, change contact and end only with a reason",
          "[core][care_history]") {
    const child amira = make_child();
    const person_id sister{2};
    care_history h{amira};
    add(h, relationship_begun{relationship{amira.as_person, sister, kinds::full_sibling,
                                           ymd(2016, 2, 1)}});
    add(h, contact_changed{sister, kinds::full_sibling,
                           {ymd(2022, 1, 10), contact_mode::direct, contact_frequency::weekly}});
    CHECK(h.find_relationship(sister, kinds::full_sibling)->contact_on(ymd(2022, 2, 1))->frequency
          == contact_frequency::weekly);
    SECTION("an ending with no reason is refused") {
        const auto r = h.add(relationship_ended{sister, kinds::full_sibling, {ymd(2023, 1, 1)}});
        REQUIRE_FALSE(r.ok());
        CHECK(r.error().message == "an ending needs a reason");
        CHECK(h.find_relationship(sister, kinds::full_sibling) != nullptr);
    }
    SECTION("an ending with a reason is recorded") {
        add(h, relationship_ended{sister, kinds::full_sibling,
                                  {ymd(2023, 1, 1), end_reason::placement_move}});
        CHECK(h.find_relationship(sister, kinds::full_sibling) == nullptr);
        CHECK(h.relationships()[0].last_ending()->reason == end_reason::placement_move);
    }
    SECTION("relationships not involving the child and duplicates are refused") {
        CHECK_FALSE(h.add(relationship_begun{relationship{person_id{5}, sister, kinds::friend_,
                                                          ymd(2020, 1, 1)}})
                        .ok());
        CHECK_FALSE(h.add(relationship_begun{relationship{amira.as_person, sister,
                                                          kinds::full_sibling, ymd(2020, 1, 1)}})
                        .ok());
    }
}

TEST_CASE("care_history: the summary counts what happened up to its day", "[core][care_history]") {
    care_history h{make_child()};
    add(h, entered_care{ymd(2022, 1, 10), ls::accommodated_s20, with(t::U6, 1)});
    add(h, worker_changed{ymd(2022, 1, 10), worker_role::social_worker, social_worker_id{1}});
    add(h, legal_status_changed{ymd(2022, 2, 1), ls::interim_care_order});
    add(h, placement_changed{ymd(2022, 3, 1), with(t::U6, 2), change_reason::carer_resigned});
    add(h, worker_changed{ymd(2022, 4, 1), worker_role::social_worker, social_worker_id{2}});
    add(h, placement_changed{ymd(2022, 6, 1), with(t::U4, 2), change_reason::status_only});
    add(h, placement_changed{ymd(2022, 8, 1), with(t::K2, 3), change_reason::carer_request_behaviour});

    const auto mid = summarise(h, ymd(2022, 5, 1));
    CHECK(mid.in_care);
    CHECK(mid.periods == 1);
    CHECK(mid.placements == 2);
    CHECK(mid.moves == 1);
    CHECK(mid.distinct_carers == 2);
    CHECK(mid.social_worker_changes == 1);
    CHECK(mid.time_in_care == days{112}); // 10 Jan to 1 May inclusive: 22 + 28 + 31 + 30 + 1
    CHECK(mid.current_placement == t::U6);
    CHECK(mid.current_status == ls::interim_care_order);

    const auto end = summarise(h, ymd(2022, 12, 31));
    CHECK(end.placements == 4);
    CHECK(end.moves == 2); // U6(1) -> U6(2) and U4(2) -> K2(3); U6(2) -> U4(2) is not a move
    CHECK(end.distinct_carers == 3);
    std::ostringstream os;
    os << end;
    CHECK(os.str()
          == "as at 2022-12-31: in care\n"
             "  periods of care: 1\n"
             "  placements: 4, moves of home: 2, carers: 3\n"
             "  days in care: 356\n"
             "  social worker changes: 1\n"
             "  relationships: 0 (0 ended)\n"
             "  placement: K2 (children's home)\n"
             "  legal status: interim care order (s38 CA 1989)\n");
}

TEST_CASE("care_history: changes between episodes classify as SSDA903 RNE codes",
          "[core][care_history]") {
    const auto u6 = with(t::U6, 1);
    const auto a5 = with(t::A5, 1);
    const auto other = with(t::U6, 2);
    CHECK(classify_change(ls::care_order, u6, ls::placement_order, u6) == episode_change::legal_only);
    CHECK(classify_change(ls::care_order, u6, ls::care_order, other)
          == episode_change::placement_and_carer);
    CHECK(classify_change(ls::placement_order, u6, ls::placement_order, a5)
          == episode_change::placement_type_same_carer);
    CHECK(classify_change(ls::care_order, u6, ls::placement_order, a5)
          == episode_change::legal_and_type_same_carer);
    CHECK(classify_change(ls::care_order, u6, ls::placement_order, other)
          == episode_change::legal_and_carer);
    CHECK_FALSE(classify_change(ls::care_order, u6, ls::care_order, u6).has_value());
    CHECK(to_string(episode_change::legal_and_type_same_carer) == "U");
    // Only P and B move the child; L, T and U keep the same carer.
    for (const auto c : all_values<episode_change>())
        CHECK(is_move(c) == (to_string(c) == "P" || to_string(c) == "B"));
}

TEST_CASE("care_history: the history cuts into SSDA903 episodes with their RNE codes",
          "[core][care_history]") {
    care_history h{make_child()};
    add(h, entered_care{ymd(2022, 1, 10), ls::police_protection, with(t::U6, 1)});
    add(h, legal_status_changed{ymd(2022, 1, 12), ls::emergency_protection_order}); // L
    add(h, legal_status_changed{ymd(2022, 1, 20), ls::interim_care_order});          // L
    add(h, placement_changed{ymd(2022, 2, 1), with(t::U6, 2), change_reason::care_plan}); // P
    // Same day: the care order and a type change with the same carer make one U episode.
    add(h, legal_status_changed{ymd(2022, 7, 1), ls::care_order});
    add(h, placement_changed{ymd(2022, 7, 1), with(t::U4, 2), change_reason::status_only});
    // Same day: placement order and a move to adopters, held open: one B episode.
    add(h, legal_status_changed{ymd(2022, 9, 1), ls::placement_order});
    add(h, placement_changed{ymd(2022, 9, 1), with(t::A6, 3), change_reason::care_plan, true});
    add(h, held_placement_released{ymd(2022, 10, 1)}); // starts no episode
    add(h, left_care{ymd(2023, 3, 1), exit_route::adoption});
    add(h, reentered_care{ymd(2024, 6, 1), ls::accommodated_s20, with(t::K2, 4)}); // S

    using c = episode_change;
    const std::vector<episode_start> want{
        {ymd(2022, 1, 10), c::started},   {ymd(2022, 1, 12), c::legal_only},
        {ymd(2022, 1, 20), c::legal_only}, {ymd(2022, 2, 1), c::placement_and_carer},
        {ymd(2022, 7, 1), c::legal_and_type_same_carer},
        {ymd(2022, 9, 1), c::legal_and_carer}, {ymd(2024, 6, 1), c::started}};
    CHECK(h.episode_starts() == want);
    SECTION("the P and B episodes are exactly the moves") {
        const auto starts = h.episode_starts();
        CHECK(static_cast<std::size_t>(std::ranges::count_if(
                  starts, [](const episode_start& e) { return is_move(e.change); }))
              == h.moves().size());
    }
}

TEST_CASE("care_history: going back to a held-open placement is a move in the episodes too",
          "[core][care_history]") {
    care_history h{make_child()};
    add(h, entered_care{ymd(2022, 1, 10), ls::care_order, with(t::U4, 1)});
    add(h, placement_changed{ymd(2022, 5, 1), with(t::U1, 2), change_reason::care_plan, true});
    add(h, placement_changed{ymd(2022, 6, 1), with(t::U4, 1), change_reason::child_request});
    const auto starts = h.episode_starts();
    REQUIRE(starts.size() == 3);
    CHECK(starts[1] == episode_start{ymd(2022, 5, 1), episode_change::placement_and_carer});
    CHECK(starts[2] == episode_start{ymd(2022, 6, 1), episode_change::placement_and_carer});
    CHECK(h.moves().size() == 2);
}

namespace {
// A small counter-based generator (splitmix64), so each seed gives the same history on any
// machine; std:: distributions are implementation-defined and would not.
struct draws {
    std::uint64_t state;
    std::uint64_t next() {
        std::uint64_t z = (state += 0x9e3779b97f4a7c15ULL);
        z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
        z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
        return z ^ (z >> 31);
    }
    unsigned below(unsigned n) { return static_cast<unsigned>(next() % n); }
};

care_event random_event(draws& r, date on) {
    const auto statuses = all_values<legal_status>();
    const auto routes = all_values<exit_route>();
    const t types[] = {t::U6, t::U4, t::U1, t::U3, t::K2, t::A5, t::P1, t::T2, t::T4};
    const auto status = statuses[r.below(static_cast<unsigned>(statuses.size()))];
    const auto where = with(types[r.below(std::size(types))], 1 + r.below(4));
    switch (r.below(9)) {
    case 0: return entered_care{on, status, where};
    case 1: return reentered_care{on, status, where};
    case 2:
    case 3: return placement_changed{on, where, change_reason::care_plan, r.below(3) == 0};
    case 4: return held_placement_released{on};
    case 5:
    case 6: return legal_status_changed{on, status};
    case 7: return left_care{on, routes[r.below(static_cast<unsigned>(routes.size()))]};
    default: return worker_changed{on, worker_role::social_worker, social_worker_id{r.below(3)}};
    }
}

// Everything a refused event must leave untouched, as text.
std::string fingerprint(const care_history& h) {
    std::ostringstream os;
    for (const auto& p : h.periods()) os << p.period << (p.exit ? to_string(*p.exit) : "") << ';';
    for (const auto& p : h.placements())
        os << p.period << to_string(p.where.type) << p.held_open << ';';
    for (const auto& l : h.legal_statuses()) os << l.period << to_string(l.status) << ';';
    for (const auto& w : h.workers()) os << w.period << w.worker << ';';
    os << h.transitions().size() << ' ' << h.events().size();
    return os.str();
}
} // namespace

TEST_CASE("care_history: random event streams never break the history's invariants",
          "[core][care_history][property]") {
    const auto seed = GENERATE(range(0u, 150u));
    CAPTURE(seed);
    draws r{seed};
    care_history h{make_child()};
    date on = ymd(2016, 1, 1);
    std::optional<date> latest; // the latest care event accepted so far
    std::size_t accepted = 0;
    for (int step = 0; step < 80; ++step) {
        // Mostly forward in time, sometimes the same day, sometimes (wrongly) back in time.
        const int jump = static_cast<int>(r.below(90)) - 10;
        const date when = on + days{jump};
        const care_event e = random_event(r, when);
        const std::string before = fingerprint(h);
        if (h.add(e).ok()) {
            ++accepted;
            if (std::holds_alternative<entered_care>(e) || std::holds_alternative<reentered_care>(e)
                || std::holds_alternative<placement_changed>(e)
                || std::holds_alternative<legal_status_changed>(e)
                || std::holds_alternative<left_care>(e)
                || std::holds_alternative<held_placement_released>(e)
                || std::holds_alternative<worker_changed>(e)) {
                INFO(std::string{event_name(e)} + " on " + format_iso(when));
                CHECK((!latest || event_date(e) >= *latest));
                latest = event_date(e);
            }
            on = std::max(on, when);
        } else {
            REQUIRE(fingerprint(h) == before); // a refusal changes nothing
        }
    }
    CAPTURE(accepted);
    // Check the invariants on every day from the first event to well after the last.
    const date last = on + days{30};
    for (date d = ymd(2015, 12, 1); d <= last; d += days{1}) {
        const auto covering = std::ranges::count_if(
            h.placements(), [d](const placement_spell& p) { return p.period.contains(d); });
        CHECK(covering <= 2); // two only while one is held open
        if (h.in_care_on(d)) {
            REQUIRE(h.placement_on(d) != nullptr);
            REQUIRE(h.legal_status_on(d).has_value());
            CHECK(is_looked_after(*h.legal_status_on(d)));
        } else {
            CHECK(covering == 0);
        }
        const auto legal = std::ranges::count_if(
            h.legal_statuses(), [d](const legal_spell& l) { return l.period.contains(d); });
        CHECK(legal <= 1);
    }
    // Periods of care never overlap and never touch (a same-day re-entry is refused).
    for (std::size_t i = 1; i < h.periods().size(); ++i)
        CHECK(*h.periods()[i - 1].period.end() < h.periods()[i].period.start());
    // The P and B episodes are exactly the moves; time in care adds up the periods.
    const auto starts = h.episode_starts();
    CHECK(static_cast<std::size_t>(std::ranges::count_if(
              starts, [](const episode_start& s) { return is_move(s.change); }))
          == h.moves().size());
    days total{0};
    for (const auto& p : h.periods()) total += p.period.length(last);
    CHECK(h.time_in_care(last) == total);
}

// Issue 15, item 4: contact days were kept beside the event log, so a history saved by its
// events and rebuilt lost them (a sibling seen after a move went from kept to unrecorded).
TEST_CASE("care_history: contact days are events, so a history rebuilt from its events keeps "
          "them",
          "[core][care_history]") {
    const child amira = make_child();
    const person_id sister{2};
    care_history h{amira};
    add(h, entered_care{ymd(2022, 1, 10), ls::care_order, with(t::U6, 1)});
    add(h, relationship_begun{relationship{amira.as_person, sister, kinds::full_sibling,
                                           ymd(2016, 2, 1)}});
    add(h, placement_changed{ymd(2022, 6, 1), with(t::U4, 2)});
    REQUIRE(h.record_contact(sister, kinds::full_sibling, ymd(2022, 6, 20)).ok());
    REQUIRE(h.record_contact(sister, kinds::full_sibling, ymd(2022, 3, 2)).ok());
    // A refused contact day (before the sister's tie began) leaves no event behind.
    const auto events_before = h.events().size();
    CHECK_FALSE(h.record_contact(sister, kinds::full_sibling, ymd(2015, 1, 1)).ok());
    CHECK(h.events().size() == events_before);

    care_history rebuilt{amira};
    for (const auto& e : h.events()) add(rebuilt, e);
    REQUIRE(rebuilt.relationships().size() == 1);
    CHECK(rebuilt.relationships()[0].contact_events()
          == std::vector<date>{ymd(2022, 3, 2), ymd(2022, 6, 20)});
    CHECK(rebuilt.relationships()[0].contact_between(ymd(2022, 6, 1), ymd(2022, 7, 1)));
}

// Issue 15, item 5: a placement's carer id is linked to the carer as a person, one person per
// carer id; a tie changes role by an explicit event and stays one relationship.
TEST_CASE("care_history: a carer id stands for one person, and ties change role by an event",
          "[core][care_history]") {
    const child amira = make_child();
    const person_id carer_person{10}, other_person{11};
    care_history h{amira};
    add(h, entered_care{ymd(2022, 1, 10), ls::care_order,
                        placement::with_carer(t::U4, carer_id{1}, carer_person)});
    add(h, relationship_begun{relationship{amira.as_person, carer_person, kinds::foster_carer,
                                           ymd(2022, 1, 10)}});
    CHECK(h.carer_person(carer_id{1}) == carer_person);
    CHECK_FALSE(h.carer_person(carer_id{2}).has_value());
    SECTION("the same carer id as another person is refused, and changes nothing") {
        const auto r = h.add(placement_changed{ymd(2022, 3, 1),
                                               placement::with_carer(t::U1, carer_id{1}, other_person)});
        REQUIRE_FALSE(r.ok());
        CHECK(r.error().field == "carer_person");
        CHECK(r.error().value == "11");
        CHECK(h.placements().size() == 1);
    }
    SECTION("a person without a carer id is refused") {
        placement p = placement::with_provider(t::K2, provider_id{3});
        p.carer_person = other_person;
        CHECK_FALSE(h.add(placement_changed{ymd(2022, 3, 1), p}).ok());
    }
    SECTION("the foster carer stays as a former foster carer: one tie, a new role") {
        add(h, placement_changed{ymd(2022, 6, 1), placement::with_carer(t::U4, carer_id{2}, other_person)});
        add(h, relationship_role_changed{carer_person, kinds::foster_carer,
                                         kinds::former_foster_carer, ymd(2022, 6, 1)});
        REQUIRE(h.relationships().size() == 1);
        CHECK(h.find_relationship(carer_person, kinds::foster_carer) == nullptr);
        const auto* r = h.find_relationship(carer_person, kinds::former_foster_carer);
        REQUIRE(r != nullptr);
        CHECK_FALSE(r->has_ended());
        CHECK(r->kind_on(ymd(2022, 5, 31)) == kinds::foster_carer);
        // A change for a tie the child does not have, or to a role already held, is refused.
        CHECK_FALSE(h.add(relationship_role_changed{carer_person, kinds::foster_carer,
                                                    kinds::former_foster_carer, ymd(2022, 7, 1)})
                        .ok());
        add(h, relationship_begun{relationship{amira.as_person, other_person, kinds::foster_carer,
                                               ymd(2022, 6, 1)}});
        CHECK_FALSE(h.add(relationship_role_changed{other_person, kinds::foster_carer,
                                                    kinds::foster_carer, ymd(2022, 7, 1)})
                        .ok());
        // Rebuilt from its events, the history has the same role change.
        care_history rebuilt{amira};
        for (const auto& e : h.events()) add(rebuilt, e);
        CHECK(rebuilt.relationships()[0].role_changes() == h.relationships()[0].role_changes());
    }
}

TEST_CASE("care_history: reserve makes room for coming events without changing the history; "
          "a refused relationship change leaves the relationship as it was",
          "[core][care_history]") {
    const child amira = make_child();
    const person_id sister{2};
    const std::vector<care_event> coming{
        entered_care{ymd(2022, 1, 10), ls::accommodated_s20, with(t::U6, 1)},
        relationship_begun{relationship{amira.as_person, sister, kinds::full_sibling,
                                        ymd(2016, 2, 1)}},
        worker_changed{ymd(2022, 1, 10), worker_role::social_worker, social_worker_id{7}},
        legal_status_changed{ymd(2022, 2, 1), ls::interim_care_order},
        placement_changed{ymd(2022, 3, 1), with(t::U4, 2), change_reason::care_plan},
        worker_changed{ymd(2022, 4, 1), worker_role::social_worker, social_worker_id{8}},
        legal_status_changed{ymd(2022, 9, 1), ls::care_order},
        left_care{ymd(2023, 5, 1), exit_route::special_guardianship},
        reentered_care{ymd(2024, 1, 2), ls::care_order, with(t::U6, 3)}};
    care_history reserved{amira}, plain{amira};
    reserved.reserve(coming);
    const auto* events = reserved.events().data();
    const auto* placements = reserved.placements().data();
    const auto* legal = reserved.legal_statuses().data();
    const auto* workers = reserved.workers().data();
    const auto* relationships = reserved.relationships().data();
    for (auto e : coming) // a copy, added by moving it in
        REQUIRE(reserved.add(std::move(e)).ok());
    for (const auto& e : coming) add(plain, e);
    // every list had room: none was allocated again while the events came in
    CHECK(reserved.events().data() == events);
    CHECK(reserved.placements().data() == placements);
    CHECK(reserved.legal_statuses().data() == legal);
    CHECK(reserved.workers().data() == workers);
    CHECK(reserved.relationships().data() == relationships);
    CHECK(reserved.events().size() == coming.size());
    CHECK(reserved.episode_starts() == plain.episode_starts());
    CHECK(reserved.legal_statuses().size() == 5); // s20, ICO, CO, SGO, the re-entry's CO
    REQUIRE(reserved.relationships().size() == 1);

    // An ending before the tie began is refused and the tie goes on, unchanged.
    const auto r = reserved.add(relationship_ended{sister, kinds::full_sibling,
                                                   {ymd(2015, 1, 1), end_reason::placement_move}});
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().field == "relationship_ended");
    CHECK_FALSE(reserved.relationships()[0].has_ended());
    CHECK(reserved.relationships()[0].endings().empty());
    CHECK(reserved.events().size() == coming.size());
    // A role change to the role the tie already has is refused the same way.
    CHECK_FALSE(reserved
                    .add(relationship_role_changed{sister, kinds::full_sibling,
                                                   kinds::full_sibling, ymd(2022, 6, 1)})
                    .ok());
    CHECK(reserved.relationships()[0].role_changes().empty());
}
