#include "carepath/sim/rng.hpp"

#include <catch2/catch.hpp>

#include <array>
#include <cmath>

using namespace carepath::sim;

TEST_CASE("rng: a draw depends only on its key and counter", "[sim][rng]") {
    const rng_key key{42, 1, 7, purpose::child_events};
    CHECK(draw_bits(key, 3) == draw_bits(key, 3));
    CHECK(draw_bits(key, 3) != draw_bits(key, 4));
    SECTION("each field of the key changes the stream") {
        CHECK(draw_bits({43, 1, 7, purpose::child_events}, 3) != draw_bits(key, 3));
        CHECK(draw_bits({42, 2, 7, purpose::child_events}, 3) != draw_bits(key, 3));
        CHECK(draw_bits({42, 1, 8, purpose::child_events}, 3) != draw_bits(key, 3));
        CHECK(draw_bits({42, 1, 7, purpose::placement}, 3) != draw_bits(key, 3));
    }
    SECTION("a stream gives the pure function's values in counter order") {
        stream s{key};
        for (std::uint64_t i = 0; i < 5; ++i)
            CHECK(s.bits() == draw_bits(key, i));
        CHECK(s.position() == 5);
    }
    SECTION("it is usable at compile time") {
        static_assert(draw_bits({1, 0, 0, purpose::initial}, 0)
                      == draw_bits({1, 0, 0, purpose::initial}, 0));
    }
}

TEST_CASE("rng: the unit interval excludes both ends", "[sim][rng]") {
    CHECK(to_unit_interval(0) > 0.0);
    CHECK(to_unit_interval(~std::uint64_t{0}) < 1.0);
    CHECK(to_unit_interval(std::uint64_t{1} << 63) == Approx(0.5));
}

TEST_CASE("rng: distributions have the moments worked out by hand", "[sim][rng]") {
    stream s{rng_key{2024, 0, 1, purpose::initial}};
    constexpr int n = 200000;
    SECTION("uniform: mean 1/2, variance 1/12") {
        double sum = 0, sq = 0;
        for (int i = 0; i < n; ++i) {
            const double u = s.uniform();
            sum += u;
            sq += u * u;
        }
        const double mean = sum / n;
        CHECK(mean == Approx(0.5).margin(0.005));
        CHECK(sq / n - mean * mean == Approx(1.0 / 12).margin(0.002));
    }
    SECTION("exponential with rate 4: mean 1/4, P(T > 1/4) = e^-1") {
        double sum = 0;
        int beyond = 0;
        for (int i = 0; i < n; ++i) {
            const double t = s.exponential(4.0);
            sum += t;
            beyond += t > 0.25;
        }
        CHECK(sum / n == Approx(0.25).epsilon(0.02));
        CHECK(static_cast<double>(beyond) / n == Approx(std::exp(-1.0)).margin(0.005));
        CHECK(std::isinf(s.exponential(0.0)));
    }
    SECTION("below(n) stays in range and is flat") {
        std::array<int, 6> counts{};
        for (int i = 0; i < n; ++i) {
            const auto k = s.below(6);
            REQUIRE(k < 6);
            ++counts[k];
        }
        for (int c : counts)
            CHECK(static_cast<double>(c) / n == Approx(1.0 / 6).margin(0.005));
        CHECK(s.below(0) == 0);
    }
    SECTION("choose picks in proportion to the weights and never a zero weight") {
        const std::array<double, 4> w{1, 0, 3, 4};
        std::array<int, 4> counts{};
        for (int i = 0; i < n; ++i)
            ++counts[s.choose(w)];
        CHECK(counts[1] == 0);
        CHECK(static_cast<double>(counts[0]) / n == Approx(0.125).margin(0.005));
        CHECK(static_cast<double>(counts[2]) / n == Approx(0.375).margin(0.005));
        CHECK(static_cast<double>(counts[3]) / n == Approx(0.5).margin(0.005));
    }
    SECTION("bernoulli(p) is true with chance p; p = 0 never, p = 1 always") {
        int hits = 0;
        for (int i = 0; i < n; ++i)
            hits += s.bernoulli(0.3);
        CHECK(static_cast<double>(hits) / n == Approx(0.3).margin(0.005));
        for (int i = 0; i < 1000; ++i) {
            CHECK_FALSE(s.bernoulli(0.0));
            CHECK(s.bernoulli(1.0));
        }
    }
}
