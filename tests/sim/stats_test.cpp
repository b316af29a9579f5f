#include "carepath/sim/stats.hpp"

#include "carepath/sim/rng.hpp"

#include <catch2/catch.hpp>

#include <array>
#include <cmath>
#include <limits>
#include <numbers>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

using namespace carepath::sim;

TEST_CASE("stats: the two-sided 95% t multiplier matches published tables", "[sim][stats]") {
    // Student's t table, 0.975 quantile (e.g. NIST/SEMATECH e-Handbook, table 1.3.6.7.2), to
    // eight significant figures.
    struct row {
        std::size_t df;
        double t;
    };
    const auto r = GENERATE(row{1, 12.706205}, row{2, 4.3026527}, row{3, 3.1824463},
                            row{4, 2.7764451}, row{5, 2.5705818}, row{9, 2.2621572},
                            row{29, 2.0452296}, row{100, 1.9839715}, row{1000, 1.9623391});
    CAPTURE(r.df);
    CHECK(t_critical(r.df) == Approx(r.t).epsilon(1e-7));
}

TEST_CASE("stats: t tends to the normal quantile as degrees of freedom grow", "[sim][stats]") {
    constexpr double z975 = 1.959963984540054;
    CHECK(t_critical(100000) == Approx(z975 + 2.4e-5).margin(2e-6)); // z + (z^3 + z) / (4 df)
    CHECK(t_critical(10000000) == Approx(z975).margin(1e-6));
    CHECK(t_critical(1000000) > t_critical(10000000));
    // Either side of the switch to the Cornish-Fisher expansion, the two methods agree.
    CHECK(student_t_quantile(0.975, 999999.0)
          == Approx(student_t_quantile(0.975, 1000001.0)).epsilon(1e-9));
}

TEST_CASE("stats: quantiles agree with the closed forms at 1 and 2 degrees of freedom",
          "[sim][stats]") {
    const double p = GENERATE(0.6, 0.75, 0.9, 0.975, 0.995, 0.9995, 0.025, 0.1);
    CAPTURE(p);
    // df 1 is the Cauchy distribution; df 2 has t = (2p - 1) / sqrt(2 p (1 - p)).
    CHECK(student_t_quantile(p, 1.0) == Approx(std::tan(std::numbers::pi * (p - 0.5))));
    CHECK(student_t_quantile(p, 2.0) == Approx((2 * p - 1) / std::sqrt(2 * p * (1 - p))));
}

TEST_CASE("stats: the cdf inverts the quantile for fractional and large df", "[sim][stats]") {
    const double df = GENERATE(0.5, 1.5, 3.0, 7.25, 40.0, 5000.0);
    const double p = GENERATE(0.01, 0.3, 0.5, 0.8, 0.975, 0.999);
    CAPTURE(df, p);
    CHECK(student_t_cdf(student_t_quantile(p, df), df) == Approx(p).epsilon(1e-10));
    SECTION("the cdf is symmetric about 0") {
        CHECK(student_t_cdf(-1.3, df) == Approx(1.0 - student_t_cdf(1.3, df)).epsilon(1e-12));
    }
}

TEST_CASE("stats: bad arguments are refused, not answered", "[sim][stats]") {
    CHECK_THROWS_AS(t_critical(0), std::invalid_argument);
    CHECK_THROWS_AS(t_critical(3, 1.0), std::invalid_argument);
    CHECK_THROWS_AS(student_t_quantile(0.0, 3.0), std::invalid_argument);
    CHECK_THROWS_AS(student_t_quantile(1.0, 3.0), std::invalid_argument);
    CHECK_THROWS_AS(student_t_quantile(0.9, 0.0), std::invalid_argument);
    CHECK_THROWS_AS(student_t_cdf(1.0, -1.0), std::invalid_argument);
    CHECK_THROWS_AS(sample_mean(std::span<const double>{}), std::invalid_argument);
}

TEST_CASE("stats: an interval needs two replicates and widens with t", "[sim][stats]") {
    SECTION("one value: a mean, no sd and no interval (never zero-width)") {
        const std::array v{4.0};
        const auto e = estimate_mean(v);
        CHECK(e.count == 1);
        CHECK(e.mean == 4.0);
        CHECK_FALSE(e.sd.has_value());
        CHECK_FALSE(e.interval.has_value());
    }
    SECTION("no values: nothing at all") {
        const auto e = estimate_mean(std::span<const double>{});
        CHECK(e.count == 0);
        CHECK_FALSE(e.mean.has_value());
        CHECK_FALSE(e.interval.has_value());
    }
    SECTION("two values: mean +- 12.706 standard errors") {
        const std::array v{1.0, 3.0}; // mean 2, sd sqrt 2, standard error 1
        const auto e = estimate_mean(v);
        REQUIRE(e.interval);
        CHECK(*e.sd == Approx(std::sqrt(2.0)));
        CHECK(e.interval->low == Approx(2.0 - 12.706205));
        CHECK(e.interval->high == Approx(2.0 + 12.706205));
        CHECK(e.interval->half_width() == Approx(12.706205));
    }
    SECTION("five values: mean +- 2.776 standard errors, 42% wider than 1.96") {
        const std::array v{1.0, 2.0, 3.0, 4.0, 5.0}; // sd sqrt 2.5, se sqrt 0.5
        const auto e = estimate_mean(v);
        REQUIRE(e.interval);
        const double se = std::sqrt(0.5);
        CHECK(e.interval->half_width() == Approx(2.7764451 * se));
        CHECK(e.interval->half_width() / (1.96 * se) == Approx(1.4166).epsilon(1e-3));
    }
    SECTION("a different level changes the multiplier") {
        const std::array v{1.0, 2.0, 3.0, 4.0, 5.0};
        const auto e90 = estimate_mean(v, 0.90);
        REQUIRE(e90.interval);
        CHECK(e90.interval->level == 0.90);
        CHECK(e90.interval->half_width() == Approx(2.1318468 * std::sqrt(0.5)));
    }
}

TEST_CASE("stats: t intervals cover the true mean 95% of the time with 3 replicates",
          "[sim][stats][property]") {
    // Normal samples by Box-Muller from our own counter-based stream, so the count is fixed.
    stream s{rng_key{.seed = 13, .replicate = 0, .entity = 0, .use = purpose::initial}};
    constexpr int trials = 20000;
    int covered_t = 0;
    int covered_normal = 0;
    for (int i = 0; i < trials; ++i) {
        std::array<double, 3> v{};
        for (auto& x : v)
            x = 10.0
                + std::sqrt(-2.0 * std::log(s.uniform()))
                      * std::cos(2.0 * std::numbers::pi * s.uniform());
        const auto e = estimate_mean(v);
        REQUIRE(e.interval);
        covered_t += e.interval->low <= 10.0 && 10.0 <= e.interval->high;
        const double half_normal = 1.96 * *e.sd / std::sqrt(3.0);
        covered_normal += std::fabs(*e.mean - 10.0) <= half_normal;
    }
    const double share_t = covered_t / double{trials};
    const double share_normal = covered_normal / double{trials};
    CAPTURE(share_t, share_normal);
    CHECK(share_t == Approx(0.95).margin(0.006)); // 4 binomial standard errors
    CHECK(share_normal < 0.90);                   // the old 1.96 rule covers about 87% here
}

TEST_CASE("stats: the paired difference is the mean of per-replicate differences", "[sim][stats]") {
    const std::array baseline{10.0, 20.0, 30.0, 25.0};
    const std::array scenario{11.0, 21.5, 30.5, 26.0}; // differences 1, 1.5, 0.5, 1
    const auto d = paired_difference(scenario, baseline);
    REQUIRE(d.mean);
    CHECK(*d.mean == Approx(1.0));
    CHECK(*d.mean == Approx(sample_mean(scenario) - sample_mean(baseline)));
    REQUIRE(d.interval);
    // sd of {1, 1.5, 0.5, 1} is sqrt(1/6); t on 3 degrees of freedom.
    CHECK(d.interval->half_width() == Approx(3.1824463 * std::sqrt(1.0 / 6.0) / 2.0));
    SECTION("pairing is far narrower than comparing two independent intervals") {
        const auto a = estimate_mean(baseline);
        REQUIRE(a.interval);
        CHECK(d.interval->half_width() < a.interval->half_width() / 10.0);
    }
    SECTION("replicates where either run lacks the figure are left out of the pairs") {
        const std::vector<std::optional<double>> base{10.0, std::nullopt, 30.0, 25.0};
        const std::vector<std::optional<double>> scen{11.0, 21.5, std::nullopt, 26.0};
        const auto partial = paired_difference(scen, base);
        CHECK(partial.count == 2);
        CHECK(*partial.mean == Approx(1.0));
        REQUIRE(partial.interval);
        CHECK(partial.interval->half_width() == Approx(0.0).margin(1e-12)); // 1 and 1: no spread
    }
    SECTION("one pair gives a difference but no interval") {
        const std::array b{5.0};
        const std::array s{7.0};
        const auto one = paired_difference(s, b);
        CHECK(*one.mean == 2.0);
        CHECK_FALSE(one.interval);
    }
    SECTION("one pair measured by both runs: a difference, no interval; none: nothing") {
        const std::vector<std::optional<double>> base{10.0, std::nullopt, 30.0};
        const std::vector<std::optional<double>> scen{std::nullopt, 21.5, 32.0};
        const auto one = paired_difference(scen, base);
        CHECK(one.count == 1);
        CHECK(one.mean == 2.0);
        CHECK_FALSE(one.sd);
        CHECK_FALSE(one.interval);
        const std::vector<std::optional<double>> never(3);
        const auto none = paired_difference(never, base);
        CHECK(none.count == 0);
        CHECK_FALSE(none.mean);
        CHECK_FALSE(none.interval);
    }
    SECTION("runs with different replicate counts cannot be paired") {
        const std::array b{5.0, 6.0};
        const std::array s{7.0};
        CHECK_THROWS_AS(paired_difference(s, b), std::invalid_argument);
    }
}

TEST_CASE("stats: a NaN or infinite replicate value is refused, with how many and where",
          "[sim][stats]") {
    const double nan = std::numeric_limits<double>::quiet_NaN();
    const double inf = std::numeric_limits<double>::infinity();
    const auto message = [](auto&& call) -> std::string {
        try {
            call();
        } catch (const std::invalid_argument& e) {
            return e.what();
        }
        return "no exception";
    };
    SECTION("estimate_mean names the count and the first position (from 1)") {
        const std::array v{1.0, 2.0, nan, 4.0, -inf};
        CHECK(message([&] { (void)estimate_mean(v); })
              == "estimate_mean: 2 of 5 values are not finite (NaN or infinite), the first is "
                 "value 3 (NaN); a figure not measured must be left out, not NaN");
        const std::array one{inf};
        CHECK(message([&] { (void)estimate_mean(one); })
              == "estimate_mean: 1 of 1 values is not finite (NaN or infinite), the first is "
                 "value 1 (inf); a figure not measured must be left out, not NaN");
    }
    SECTION("the mean and sd alone refuse them too") {
        const std::array v{1.0, nan};
        CHECK_THROWS_AS(sample_mean(v), std::invalid_argument);
        CHECK_THROWS_AS(sample_sd(v), std::invalid_argument);
    }
    SECTION("paired differences: by replicate, absent values left alone") {
        const std::vector<std::optional<double>> scenario{1.0, std::nullopt, 3.0};
        const std::vector<std::optional<double>> baseline{std::nullopt, 2.0, nan};
        CHECK(message([&] { (void)paired_difference(scenario, baseline); })
                  .starts_with("paired_differences: baseline: 1 of 3 values is not finite "
                               "(NaN or infinite), the first is value 3 (NaN)"));
        const std::array a{1.0, inf};
        const std::array b{1.0, 2.0};
        CHECK_THROWS_AS(paired_difference(a, b), std::invalid_argument);
    }
    SECTION("finite values pass as before") {
        const std::array v{1.0, 3.0};
        CHECK_NOTHROW(sample_sd(v));
        CHECK(estimate_mean(v).mean == 2.0);
    }
}
