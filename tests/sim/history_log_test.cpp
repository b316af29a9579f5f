// The kept children's event log (detail/history_log.hpp): records of several children,
// interleaved as a run makes them, built into each child's history in its own order, the same
// history as adding the care events one by one; refusals counted, not fatal.
#include "carepath/sim/detail/history_log.hpp"

#include <catch2/catch.hpp>

#include <chrono>
#include <cstdint>
#include <vector>

using namespace carepath;
using namespace carepath::sim::detail;

namespace {
constexpr local_authority_id authority{42};

child subject(std::uint32_t id) {
    child c;
    c.id = child_id{id};
    c.as_person = person_id{id};
    c.birth_date = date{std::chrono::year{2012} / 5 / 3};
    return c;
}
std::int32_t day(int y, unsigned m, unsigned d) {
    return day_number(date{std::chrono::year{y} / m / d});
}
log_record entry(std::uint32_t h, std::int32_t on, std::uint32_t carer) {
    return {.history = h,
            .day = on,
            .what = logged::entered,
            .code = static_cast<std::uint8_t>(legal_status::accommodated_s20),
            .person = carer,
            .type = placement_type::U6,
            .inside = false};
}
} // namespace

TEST_CASE("history_log: interleaved records build each child's history in its own order",
          "[sim][history_log]") {
    history_log log{authority};
    std::vector<care_history> built{care_history{subject(1)}, care_history{subject(2)}};
    CHECK_FALSE(log.has_period(0));
    log.push(entry(1, day(2020, 1, 10), 500));
    log.push(entry(0, day(2020, 2, 1), 501));
    CHECK(log.has_period(0));
    CHECK(log.has_period(1));
    log.push({.history = 0,
              .day = day(2020, 2, 1),
              .what = logged::relationship_begun,
              .kind = kinds::birth_parent.code(),
              .person = 900});
    log.push({.history = 1,
              .day = day(2020, 6, 1),
              .what = logged::placement_changed,
              .person = 502,
              .type = placement_type::U4,
              .reason = change_reason::care_plan,
              .inside = true});
    log.push({.history = 0,
              .day = day(2020, 7, 1),
              .what = logged::relationship_ended,
              .code = static_cast<std::uint8_t>(end_reason::placement_move),
              .kind = kinds::birth_parent.code(),
              .person = 900,
              .flag = true});
    log.push({.history = 1,
              .day = day(2021, 3, 1),
              .what = logged::left,
              .code = static_cast<std::uint8_t>(exit_route::return_home)});
    std::uint64_t refused = 0;
    log.build(built, refused);
    CHECK(refused == 0);
    CHECK(log.size() == 0);

    // child 2 (history 1): entered, moved, went home; in that order
    const auto& two = built[1];
    REQUIRE(two.events().size() == 3);
    CHECK(std::holds_alternative<entered_care>(two.events()[0]));
    CHECK(std::holds_alternative<placement_changed>(two.events()[1]));
    CHECK(std::holds_alternative<left_care>(two.events()[2]));
    REQUIRE(two.placements().size() == 2);
    const placement& first = two.placements()[0].where;
    CHECK(first.type == placement_type::U6);
    CHECK(first.carer == carer_id{500});
    CHECK(first.location.authority == authority);
    CHECK_FALSE(first.location.inside_home_authority);
    CHECK(two.placements()[1].where.carer == carer_id{502});
    CHECK(two.placements()[1].reason == change_reason::care_plan);
    REQUIRE(two.periods().size() == 1);
    CHECK(two.periods()[0].exit == exit_route::return_home);

    // child 1 (history 0): its tie to a parent, begun and ended with its reason
    const auto& one = built[0];
    REQUIRE(one.relationships().size() == 1);
    const auto& tie = one.relationships()[0];
    CHECK(tie.other(person_id{1}) == person_id{900});
    CHECK(tie.kind() == kinds::birth_parent);
    REQUIRE(tie.has_ended());
    CHECK(tie.last_ending()->reason == end_reason::placement_move);
    CHECK(tie.last_ending()->planned);

    // the same history as adding the same care events by hand
    care_history by_hand{subject(2)};
    for (const auto& e : two.events())
        REQUIRE(by_hand.add(e).ok());
    CHECK(by_hand.episode_starts() == two.episode_starts());
    CHECK(by_hand.transitions().size() == two.transitions().size());
}

TEST_CASE("history_log: an event the history refuses is counted and the rest still built",
          "[sim][history_log]") {
    history_log log{authority};
    std::vector<care_history> built{care_history{subject(1)}};
    // a move before the child is in care, then the entry, then a leaving before the entry
    log.push({.history = 0,
              .day = day(2020, 1, 1),
              .what = logged::placement_changed,
              .person = 7,
              .type = placement_type::U4});
    log.push(entry(0, day(2020, 2, 1), 8));
    log.push({.history = 0,
              .day = day(2020, 1, 15),
              .what = logged::left,
              .code = static_cast<std::uint8_t>(exit_route::return_home)});
    std::uint64_t refused = 5;
    log.build(built, refused);
    CHECK(refused == 7);
    REQUIRE(built[0].events().size() == 1);
    CHECK(built[0].in_care());
    CHECK(built[0].placements()[0].where.carer == carer_id{8});
}

TEST_CASE("history_log: contacts come after the child's other events, and one after its tie ended "
          "is refused without being counted",
          "[sim][history_log]") {
    history_log log{authority};
    std::vector<care_history> built{care_history{subject(1)}};
    const auto parent = kinds::birth_parent.code(), sibling = kinds::full_sibling.code();
    log.push(entry(0, day(2020, 2, 1), 8));
    log.push({.history = 0, .day = day(2020, 2, 1), .what = logged::relationship_begun,
              .kind = parent, .person = 900});
    log.push({.history = 0, .day = day(2020, 2, 1), .what = logged::relationship_begun,
              .kind = sibling, .person = 901});
    log.push({.history = 0, .day = day(2020, 5, 1), .what = logged::relationship_ended,
              .code = static_cast<std::uint8_t>(end_reason::placement_move), .kind = sibling,
              .person = 901});
    // logged when the run ends, after every other record: contact with the parent on a day
    // the tie is open, and with the sibling after their tie ended (refused, rightly)
    log.push({.history = 0, .day = day(2020, 3, 2), .what = logged::contact, .kind = parent,
              .person = 900});
    log.push({.history = 0, .day = day(2020, 6, 1), .what = logged::contact, .kind = sibling,
              .person = 901});
    std::uint64_t refused = 0;
    log.build(built, refused);
    CHECK(refused == 0);
    const auto& h = built[0];
    REQUIRE(h.events().size() == 5);
    const auto* met = std::get_if<contact_recorded>(&h.events().back());
    REQUIRE(met != nullptr);
    CHECK(met->other == person_id{900});
    CHECK(met->kind == kinds::birth_parent);
    CHECK(met->on == date{std::chrono::year{2020} / 3 / 2});
    const auto* tie = h.find_relationship(person_id{900}, kinds::birth_parent);
    REQUIRE(tie != nullptr);
    CHECK(tie->contact_events() == std::vector<date>{date{std::chrono::year{2020} / 3 / 2}});
    // room was made once for all six records, contacts included: had the contact come after
    // the room was made, the list would have grown past it by doubling
    CHECK(h.events().capacity() <= 6);
}
