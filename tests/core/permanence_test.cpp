#include "carepath/core/permanence.hpp"

#include <catch2/catch.hpp>

using namespace carepath;
using o = permanence_option;

TEST_CASE("permanence: carepath lists every route and ranks none", "[core][permanence]") {
    CHECK(all_values<permanence_option>().size() == 9);
    // Without a user's policy there is no order: prefers() needs both options ranked.
    const permanence_preference none{{}};
    for (const auto a : all_values<permanence_option>()) {
        CHECK_FALSE(none.rank(a).has_value());
        for (const auto b : all_values<permanence_option>()) CHECK_FALSE(none.prefers(a, b));
    }
}

TEST_CASE("permanence: a user's preference orders the options it names", "[core][permanence]") {
    const permanence_preference plan{{o::kinship_care, o::return_home, o::special_guardianship}};
    CHECK(plan.rank(o::kinship_care) == 0u);
    CHECK(plan.rank(o::special_guardianship) == 2u);
    CHECK_FALSE(plan.rank(o::adoption).has_value());
    CHECK(plan.prefers(o::kinship_care, o::return_home));
    CHECK_FALSE(plan.prefers(o::return_home, o::kinship_care));
    CHECK_FALSE(plan.prefers(o::kinship_care, o::adoption)); // adoption is unranked
    CHECK_THROWS_AS((permanence_preference{{o::adoption, o::adoption}}), std::invalid_argument);
    SECTION("order_by puts ranked options first and keeps unranked ones as given") {
        const auto ordered = order_by(plan, {o::adoption, o::special_guardianship,
                                             o::residential_care, o::kinship_care});
        CHECK(ordered == std::vector<o>{o::kinship_care, o::special_guardianship, o::adoption,
                                        o::residential_care});
    }
}

namespace {
// A policy written by a user: prefer whatever keeps the child with family, rank nothing else.
struct family_first {
    [[nodiscard]] std::optional<std::size_t> rank(permanence_option x) const {
        if (x == o::return_home || x == o::kinship_care) return 0;
        return std::nullopt;
    }
};
} // namespace
static_assert(permanence_policy<family_first>);
static_assert(permanence_policy<permanence_preference>);
static_assert(!permanence_policy<int>);

TEST_CASE("permanence: any type with rank() can act as the policy", "[core][permanence]") {
    const auto ordered =
        order_by(family_first{}, {o::adoption, o::kinship_care, o::independence, o::return_home});
    CHECK(ordered == std::vector<o>{o::kinship_care, o::return_home, o::adoption, o::independence});
}

TEST_CASE("permanence: exit routes map onto the option they achieve", "[core][permanence]") {
    CHECK(permanence_of(exit_route::return_home) == o::return_home);
    CHECK(permanence_of(exit_route::special_guardianship) == o::special_guardianship);
    CHECK(permanence_of(exit_route::adoption) == o::adoption);
    CHECK(permanence_of(exit_route::staying_put) == o::staying_put_or_close);
    CHECK(permanence_of(exit_route::lives_with_relative) == o::kinship_care);
    CHECK_FALSE(permanence_of(exit_route::custody).has_value());
    CHECK_FALSE(permanence_of(exit_route::died).has_value());
}
