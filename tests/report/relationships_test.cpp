#include "carepath/report/relationships.hpp"

#include "sample_histories.hpp"

#include <catch2/catch.hpp>

using namespace carepath;
using namespace carepath::report;
using carepath::testing::add;
using carepath::testing::make_history;
using carepath::testing::ymd;

namespace {
const report_window window{ymd(2022, 4, 1), ymd(2024, 4, 1)};

// Two sisters (children 11 and 12) come into care together with carer 7 on 01/05/2022.
// Child 12 moves to carer 8 on 01/06/2023. At that move she has: her sister (no ending, no
// recorded contact: unrecorded), carer 7 (ended on the move day, reason recorded: ended), a
// friend with direct contact arranged (kept).
std::vector<care_history> sisters() {
    using p = placement_type;
    const relationship sisters{person_id{11}, person_id{12}, kinds::full_sibling, ymd(2015, 1, 1)};
    auto a = make_history(11, ymd(2012, 3, 3));
    add(a, entered_care{ymd(2022, 5, 1), legal_status::care_order,
                        placement::with_carer(p::U6, carer_id{7})});
    add(a, relationship_begun{sisters});
    auto b = make_history(12, ymd(2015, 1, 1));
    add(b, entered_care{ymd(2022, 5, 1), legal_status::care_order,
                        placement::with_carer(p::U6, carer_id{7})});
    add(b, relationship_begun{sisters}); // recorded in both histories: counted once
    add(b, relationship_begun{
               relationship{person_id{12}, person_id{107}, kinds::foster_carer, ymd(2022, 5, 1)}});
    relationship friendship{person_id{12}, person_id{200}, kinds::friend_, ymd(2021, 9, 1)};
    REQUIRE(
        friendship.set_contact({ymd(2022, 6, 1), contact_mode::direct, contact_frequency::weekly}));
    add(b, relationship_begun{friendship});
    add(b, placement_changed{ymd(2023, 6, 1), placement::with_carer(p::U6, carer_id{8}),
                             change_reason::care_plan});
    add(b, relationship_ended{
               person_id{107}, kinds::foster_carer, {ymd(2023, 6, 1), end_reason::placement_move}});
    return {a, b};
}
} // namespace

TEST_CASE("continuity_by_move: kept, ended and unrecorded at the first move",
          "[report][relationships]") {
    const auto h = sisters();
    const auto c = continuity_by_move(h, window);
    REQUIRE(c.size() == 1);
    CHECK(c[0].label == "1st move");
    CHECK(c[0].kept == 1);
    CHECK(c[0].ended == 1);
    CHECK(c[0].unrecorded == 1);
}

TEST_CASE("continuity_by_move: histories without relationships give nothing to draw",
          "[report][relationships]") {
    const auto h = carepath::testing::sample_histories();
    CHECK(continuity_by_move(h, window).empty());
}

TEST_CASE("siblings_by_year: together on 31 March 2023, apart on 31 March 2024",
          "[report][relationships]") {
    const auto h = sisters();
    const auto s = siblings_by_year(h, window);
    REQUIRE(s.size() == 2);
    CHECK(s[0].label == "2023-03-31");
    CHECK(s[0].with_sibling_in_care == 2);
    CHECK(s[0].apart == 0);
    CHECK(s[1].label == "2024-03-31");
    CHECK(s[1].with_sibling_in_care == 2);
    CHECK(s[1].apart == 2);
}

TEST_CASE("siblings_by_year: no sibling links, no rows", "[report][relationships]") {
    const auto h = carepath::testing::sample_histories();
    CHECK(siblings_by_year(h, window).empty());
}
