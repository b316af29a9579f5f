#include "carepath/report/survival.hpp"

#include <catch2/catch.hpp>

#include <cmath>
#include <vector>

using namespace carepath::report;

// Seven subjects: events at 1, 3, 3 and 5; censored at 2, 3, 4. Worked by hand:
//   t=1: 7 at risk, 1 event  -> S = 6/7
//   t=2: censored            -> 5 at risk after
//   t=3: 5 at risk, 2 events -> S = 6/7 * 3/5 = 18/35 (the censoring at 3 comes
//   after) t=4: censored            -> 1 at risk t=5: 1 at risk, 1 event  -> S
//   = 0
TEST_CASE("kaplan_meier: a small censored sample gives the hand-worked curve",
          "[report][survival]") {
    const std::vector<survival_observation> obs{{3, true},  {1, true},  {2, false}, {3, true},
                                                {3, false}, {4, false}, {5, true}};
    const auto c = kaplan_meier(obs, "sample");
    REQUIRE(c.steps.size() == 3);
    CHECK(c.subjects == 7);
    CHECK(c.events == 4);
    CHECK(c.name == "sample");

    CHECK(c.steps[0].time == 1);
    CHECK(c.steps[0].at_risk == 7);
    CHECK(c.steps[0].events == 1);
    CHECK(c.steps[0].survival == Approx(6.0 / 7));

    CHECK(c.steps[1].time == 3);
    CHECK(c.steps[1].at_risk == 5);
    CHECK(c.steps[1].events == 2);
    CHECK(c.steps[1].censored == 1);
    CHECK(c.steps[1].survival == Approx(18.0 / 35));

    CHECK(c.steps[2].at_risk == 1);
    CHECK(c.steps[2].survival == 0);

    SECTION("Greenwood's standard error: S * sqrt(sum d / (n (n - d)))") {
        const double gw = 1.0 / (7 * 6) + 2.0 / (5 * 3);
        CHECK(c.steps[1].std_error == Approx(18.0 / 35 * std::sqrt(gw)));
        CHECK(c.steps[1].lower == Approx(18.0 / 35 * std::exp(-1.959964 * std::sqrt(gw))));
        CHECK(c.steps[1].upper
              == Approx(std::min(1.0, 18.0 / 35 * std::exp(1.959964 * std::sqrt(gw)))));
        CHECK(c.steps[1].lower < c.steps[1].survival);
    }
    SECTION("S(t) holds between steps and the median is the first time S <= 0.5") {
        CHECK(c.survival_at(0.5) == 1);
        CHECK(c.survival_at(2.9) == Approx(6.0 / 7));
        CHECK(c.survival_at(3) == Approx(18.0 / 35));
        REQUIRE(c.median());
        CHECK(*c.median() == 5); // 18/35 > 0.5
    }
}

TEST_CASE("kaplan_meier: with no censoring it is the empirical survival function",
          "[report][survival]") {
    const std::vector<survival_observation> obs{{1, true}, {2, true}, {2, true}, {4, true}};
    const auto c = kaplan_meier(obs);
    REQUIRE(c.steps.size() == 3);
    CHECK(c.steps[0].survival == Approx(0.75));
    CHECK(c.steps[1].survival == Approx(0.25));
    CHECK(c.steps[2].survival == 0);
    CHECK(*c.median() == 2);
}

TEST_CASE("kaplan_meier: all censored gives no steps and no median", "[report][survival]") {
    const std::vector<survival_observation> obs{{1, false}, {2, false}};
    const auto c = kaplan_meier(obs);
    CHECK(c.steps.empty());
    CHECK(c.survival_at(10) == 1);
    CHECK_FALSE(c.median());
}

TEST_CASE("kaplan_meier: the curve never increases and stays within its interval",
          "[report][survival]") {
    std::vector<survival_observation> obs;
    for (int i = 0; i < 200; ++i)
        obs.push_back({static_cast<double>((i * 37) % 101), i % 3 != 0});
    const auto c = kaplan_meier(obs);
    double prev = 1;
    for (const auto& st : c.steps) {
        CHECK(st.survival <= prev);
        CHECK(st.lower <= st.survival);
        CHECK(st.survival <= st.upper);
        CHECK(st.upper <= 1);
        prev = st.survival;
    }
}

TEST_CASE("kaplan_meier: a negative time is a programming error", "[report][survival]") {
    const std::vector<survival_observation> obs{{-1, true}};
    CHECK_THROWS_AS(kaplan_meier(obs), std::invalid_argument);
}

TEST_CASE("kaplan_meier: follow_up is the longest time observed, censored or not",
          "[report][survival]") {
    const std::vector<survival_observation> obs{{1.0, true}, {3.5, false}, {2.0, true}};
    CHECK(kaplan_meier(obs).follow_up == 3.5);
    CHECK(kaplan_meier(std::vector<survival_observation>{}).follow_up == 0);
}
