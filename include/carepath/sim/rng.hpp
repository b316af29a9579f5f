#pragma once
/// @file
/// Counter-based random numbers. A draw is a pure function of its key (seed, replicate,
/// entity, purpose) and a counter, so a simulation gives the same numbers whichever thread
/// or process runs an entity, and in whatever order entities are run.
/// Distributions are written here rather than taken from `<random>`, whose distributions are
/// implementation-defined and differ between standard libraries.
#include <cmath>
#include <cstdint>
#include <span>

namespace carepath::sim {

/// What a stream of draws is for; part of the key so that two uses never share numbers.
enum class purpose : std::uint32_t {
    child_events = 1, ///< a child's competing hazards and the choices that follow them
    placement = 2,    ///< choosing a carer or home
    family = 3,       ///< building a family (siblings, parents, grandparents)
    worker = 4,       ///< social workers' own events (leaving, hiring)
    entries = 5,      ///< arrivals of new children in an authority
    follow_up = 6,    ///< what happens after care (re-entry, ties kept to 25)
    initial = 7,      ///< the starting population
    parameters = 8    ///< drawing uncertain inputs (assumptions) for a replicate
};

/// The key of a stream of draws.
struct rng_key {
    std::uint64_t seed = 0; ///< the run's seed
    std::uint32_t replicate = 0; ///< the replicate number
    std::uint64_t entity = 0; ///< a child, worker or authority number, unique within a run
    purpose use = purpose::child_events; ///< what the draws are for
    /// Same fields: the same stream.
    friend constexpr bool operator==(const rng_key&, const rng_key&) = default;
};

/// The splitmix64 finaliser: a bijection on 64 bits that spreads each input bit over all
/// output bits (Steele, Lea and Flood 2014), cheap enough to call once per draw.
[[nodiscard]] constexpr std::uint64_t mix64(std::uint64_t x) noexcept {
    x += 0x9e3779b97f4a7c15ULL;
    x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
    x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
    return x ^ (x >> 31);
}

/// The 64-bit base of a key's stream; hashing each field in turn keeps keys that differ in
/// one field from colliding.
[[nodiscard]] constexpr std::uint64_t stream_base(rng_key key) noexcept {
    std::uint64_t h = mix64(key.seed ^ 0x6361726570617468ULL); // "carepath"
    h = mix64(h ^ key.replicate);
    h = mix64(h ^ key.entity);
    return mix64(h ^ static_cast<std::uint64_t>(key.use));
}

/// Pure function: the same key and counter give the same 64 bits on any thread or rank.
[[nodiscard]] constexpr std::uint64_t draw_bits(rng_key key, std::uint64_t counter) noexcept {
    return mix64(stream_base(key) + counter * 0xd1342543de82ef95ULL);
}

/// A double in (0, 1) from the top 52 bits, at the middle of its cell: never 0 (so log is
/// finite) and never 1 (with 53 bits the top cell's middle would round up to 1.0).
[[nodiscard]] constexpr double to_unit_interval(std::uint64_t bits) noexcept {
    return (static_cast<double>(bits >> 12) + 0.5) * 0x1.0p-52;
}

/// A stream: a key's base and a counter. Copying a stream copies its position.
class stream {
public:
    constexpr stream() = default;
    /// The stream of `key`, at its start.
    constexpr explicit stream(rng_key key) noexcept : base_{stream_base(key)} {}

    /// The next 64 bits.
    [[nodiscard]] constexpr std::uint64_t bits() noexcept {
        return mix64(base_ + (counter_++) * 0xd1342543de82ef95ULL);
    }
    /// Uniform in (0, 1).
    [[nodiscard]] constexpr double uniform() noexcept { return to_unit_interval(bits()); }
    /// True with probability `p` (p <= 0 never, p >= 1 always).
    [[nodiscard]] constexpr bool bernoulli(double p) noexcept { return uniform() < p; }
    /// An integer in [0, n) for n > 0, by Lemire's multiply-shift (bias below 2^-32 for the
    /// sizes used here); 0 when n is 0.
    [[nodiscard]] constexpr std::uint32_t below(std::uint32_t n) noexcept {
        return static_cast<std::uint32_t>(((bits() >> 32) * static_cast<std::uint64_t>(n)) >> 32);
    }
    /// Exponential waiting time with rate `rate` (per unit time); +inf for rate <= 0.
    [[nodiscard]] double exponential(double rate) noexcept {
        if (rate <= 0)
            return HUGE_VAL;
        return -std::log(uniform()) / rate;
    }
    /// An index drawn with probability proportional to `weights` (all >= 0, not all 0);
    /// returns weights.size() - 1 if rounding runs past the end.
    [[nodiscard]] std::size_t choose(std::span<const double> weights) noexcept {
        double total = 0;
        for (double w : weights)
            total += w;
        return choose(weights, total);
    }
    /// As `choose(weights)`, given `total`, the sum of `weights` added first to last (a
    /// caller that keeps the sum need not add it again; the draw is the same).
    [[nodiscard]] std::size_t choose(std::span<const double> weights, double total) noexcept {
        double u = uniform() * total;
        for (std::size_t i = 0; i < weights.size(); ++i) {
            u -= weights[i];
            if (u < 0)
                return i;
        }
        return weights.empty() ? 0 : weights.size() - 1;
    }
    /// Draws made so far.
    [[nodiscard]] constexpr std::uint64_t position() const noexcept { return counter_; }

private:
    std::uint64_t base_ = 0;
    std::uint64_t counter_ = 0;
};

} // namespace carepath::sim
