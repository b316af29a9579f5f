#pragma once
/// @file
/// A small deterministic random source for tests. Standard distributions are
/// implementation-defined (Catch2's own docs warn about this), so every draw here is our own
/// arithmetic on splitmix64: the same seed gives the same test on any compiler and library.
#include <array>
#include <cstddef>
#include <cstdint>
#include <span>

namespace carepath::testing {

/// splitmix64 (Steele, Lea and Flood 2014): one 64-bit word of state, full period.
class test_rng {
public:
    constexpr explicit test_rng(std::uint64_t seed) noexcept : state_{seed} {}

    /// The next 64 random bits.
    constexpr std::uint64_t next() noexcept {
        std::uint64_t z = (state_ += 0x9e3779b97f4a7c15ULL);
        z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
        z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
        return z ^ (z >> 31);
    }
    /// A number in [0, n); n > 0. The modulo bias (below 2^-40 for test-sized n) is harmless.
    constexpr std::uint64_t below(std::uint64_t n) noexcept { return (next() >> 11) % n; }
    /// A number in [lo, hi].
    constexpr int between(int lo, int hi) noexcept {
        return lo + static_cast<int>(below(static_cast<std::uint64_t>(hi - lo) + 1));
    }
    /// True with probability `percent` / 100.
    constexpr bool chance(unsigned percent) noexcept { return below(100) < percent; }
    /// One element of a non-empty span.
    template <class T>
    constexpr const T& pick(std::span<const T> from) noexcept {
        return from[static_cast<std::size_t>(below(from.size()))];
    }
    template <class T, std::size_t N>
    constexpr const T& pick(const std::array<T, N>& from) noexcept {
        return from[static_cast<std::size_t>(below(N))];
    }

private:
    std::uint64_t state_;
};

} // namespace carepath::testing
