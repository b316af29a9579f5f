#include "carepath/sim/detail/model.hpp"

#include <catch2/catch.hpp>

using namespace carepath::sim;
using namespace carepath::sim::detail;

TEST_CASE("entries: during a burn-in a family replacing leavers is sent so that the count's "
          "mean stays the stock's",
          "[sim][entries]") {
    // families of one child: sent as soon as one child is owed, the count never drifts
    CHECK(replace_at_one({1, 0, 0, 0}, 0.0) == Approx(1.0));
    CHECK(replace_at_one({0, 0, 0, 0}, 1.0) == Approx(1.0)); // all unaccompanied, alone
    // families of two: sent at one owed the count runs 0 or 1 over (mean +0.5), at two owed
    // 0 or 1 under (mean -0.5); sent at one half the time it averages the stock's
    CHECK(replace_at_one({0, 1, 0, 0}, 0.0) == Approx(0.5));
    // families of three: (9 / 3 + 1) / 2 = 2 owed on average is the balance point, so a
    // family waits for two owed children every time
    CHECK(replace_at_one({0, 0, 1, 0}, 0.0) == Approx(0.0));
    // weights need not sum to 1; half unaccompanied (size 1), half of two:
    // E[s] = 1.5, E[s^2] = 2.5, so 2 - (2.5 / 1.5 + 1) / 2 = 2 / 3
    CHECK(replace_at_one({0, 4, 0, 0}, 0.5) == Approx(2.0 / 3));
    // the England mix: between the two
    const auto& cal = default_england();
    const double q = replace_at_one(cal.sibling_group_size.values, cal.entry_uasc.value);
    CHECK(q > 0);
    CHECK(q < 1);
}

TEST_CASE("entries: a child's birthdays at the model's ages are core's birthdays, leap days "
          "included",
          "[sim][entries]") {
    using namespace std::chrono;
    // every birth day from 1 January 1896 to 31 December 2104: 1900 and 2100 are not leap
    // years, 2000 is, and 29 February births move to 1 March in other years
    const auto from = day_number(carepath::date{year{1896} / January / 1});
    const auto to = day_number(carepath::date{year{2104} / December / 31});
    std::size_t wrong = 0;
    for (auto b = from; b <= to; ++b) {
        const auto got = edge_birthdays(b);
        for (std::size_t i = 0; i < age_edges.size(); ++i)
            wrong += got[i] != day_number(carepath::birthday(to_date(b), age_edges[i]));
    }
    CHECK(wrong == 0);
    const auto leap = edge_birthdays(day_number(carepath::date{year{2012} / February / 29}));
    CHECK(to_date(leap[0]) == carepath::date{year{2013} / March / 1});  // 1
    CHECK(to_date(leap[1]) == carepath::date{year{2016} / February / 29}); // 4
    CHECK(to_date(leap[6]) == carepath::date{year{2030} / March / 1});  // 18
}
