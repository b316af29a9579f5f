#include "carepath/sim/detail/carer_pool.hpp"

#include <catch2/catch.hpp>

#include <cmath>
#include <set>

using namespace carepath;
using namespace carepath::sim;
using namespace carepath::sim::detail;

namespace {
struct fixture {
    calibration cal = default_england();
    scenario pol;
    person_numbers people{3, 0};
    carer_pool pool;
    explicit fixture(double share)
        : pool{cal, pol, share, stream{rng_key{1, 0, 7, purpose::placement}}, people} {
        pool.build();
    }
};
child_rec a_child(std::uint64_t n) {
    child_rec c;
    c.rng = stream{rng_key{1, 0, n, purpose::child_events}};
    return c;
}
} // namespace

TEST_CASE("carer_pool: households from the number of foster carers, and the providers",
          "[sim][carers]") {
    fixture f{0.01};
    const double expected = f.cal.foster_carers.value / f.cal.carers_per_household.value
                            * f.cal.household_available.value * 0.01;
    // one person per household and per provider (8 kinds x 2 sides), numbered in order
    CHECK(f.people.next == std::lround(expected) + 16);
    for (std::size_t k = 0; k < home_count; ++k)
        for (bool inside : {true, false}) {
            const auto p = f.pool.provider(static_cast<home_kind>(k), inside);
            CHECK(f.pool[p].unlimited);
            CHECK(f.pool.inside(p, static_cast<home_kind>(k)) == inside);
        }
    CHECK(f.pool[0].person == (3U << 22)); // the authority's number in the high bits
}

TEST_CASE("carer_pool: a full household is not offered; a freed place is", "[sim][carers]") {
    fixture f{0.0005}; // a handful of households
    auto c = a_child(1);
    family_rec fam;
    // fill every household, one child at a time
    std::set<std::uint32_t> used;
    std::uint32_t child = 0;
    for (int i = 0; i < 200; ++i) {
        const auto h = f.pool.find_home(c, fam, home_kind::foster, true, 1, false);
        if (!f.pool.has_room(h))
            FAIL("offered a full household");
        f.pool.occupy(h, child++);
        used.insert(h);
    }
    // the supply ran out: the last homes found were agency households outside
    const auto agency = f.pool.find_home(c, fam, home_kind::foster, true, 1, false);
    CHECK_FALSE(f.pool[agency].inside);
    // freeing a place in a full household offers it again
    const auto some = *used.begin();
    const auto kid = f.pool[some].children.front();
    f.pool.vacate(some, kid);
    CHECK(f.pool.has_room(some));
}

TEST_CASE("carer_pool: one relative per family takes all its children", "[sim][carers]") {
    fixture f{0.001};
    auto c = a_child(2);
    family_rec fam;
    fam.grandparents[0] = 12345;
    const auto kin = f.pool.find_home(c, fam, home_kind::kinship_foster, true, 1, false);
    CHECK(f.pool[kin].person == 12345);
    CHECK(f.pool.find_home(c, fam, home_kind::kinship_foster, false, 3, true) == kin);
    // a move away from the relative finds another (the grandparent could not go on)
    const auto other = f.pool.avoid(c, fam, home_kind::kinship_foster, kin, kin, true);
    CHECK(other != kin);
    CHECK(f.pool[other].person != 12345);
    CHECK(fam.grandparents[0] == none);
}

TEST_CASE("carer_pool: a move goes to a different carer", "[sim][carers]") {
    fixture f{0.001};
    auto c = a_child(3);
    family_rec fam;
    CHECK(f.pool.avoid(c, fam, home_kind::semi_independent,
                       f.pool.provider(home_kind::semi_independent, true),
                       f.pool.provider(home_kind::semi_independent, true), true)
          == f.pool.provider(home_kind::semi_independent, false));
    const auto h = f.pool.find_home(c, fam, home_kind::foster, true, 1, false);
    CHECK(f.pool.avoid(c, fam, home_kind::foster, h, h, true) != h);
}

TEST_CASE("carer_pool: a household that stops takes no more children", "[sim][carers]") {
    fixture f{0.0005};
    auto c = a_child(4);
    family_rec fam;
    int stopped = 0;
    for (int i = 0; i < 200 && stopped < 3; ++i) {
        const auto change = f.pool.turnover();
        CHECK(change.rate > 0);
        if (change.stopped == none)
            continue;
        ++stopped;
        CHECK_FALSE(f.pool[change.stopped].active);
        for (int k = 0; k < 50; ++k)
            CHECK(f.pool.find_home(c, fam, home_kind::foster, true, 1, false) != change.stopped);
    }
    CHECK(stopped > 0);
}
