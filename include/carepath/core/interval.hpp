#pragma once
/// @file
/// Half-open intervals of days, `[start, end)`, with an optional open end. As in SSDA903, one
/// episode's end (DEC) is the next one's start (DECOM), so consecutive intervals meet without
/// overlapping, and a length is `end - start`, never +1.
#include "carepath/core/dates.hpp"

#include <algorithm>
#include <optional>
#include <iosfwd>
#include <stdexcept>

namespace carepath {

/// Days `[start, end)`; `end` absent while the interval is still running.
class interval {
public:
    /// An interval still running from `start`.
    constexpr explicit interval(date start) noexcept : start_{start} {}
    /// @throws std::invalid_argument if `end < start`.
    constexpr interval(date start, date end) : start_{start}, end_{end} {
        if (end < start) throw std::invalid_argument{"interval: end is before start"};
    }
    /// `end` may be nullopt (open).
    /// @throws std::invalid_argument if `end < start`.
    constexpr interval(date start, std::optional<date> end) : start_{start}, end_{end} {
        if (end && *end < start) throw std::invalid_argument{"interval: end is before start"};
    }

    /// First day in the interval.
    [[nodiscard]] constexpr date start() const noexcept { return start_; }
    /// First day after the interval; nullopt while it is still running.
    [[nodiscard]] constexpr std::optional<date> end() const noexcept { return end_; }
    /// True while the interval has no end.
    [[nodiscard]] constexpr bool is_open() const noexcept { return !end_.has_value(); }
    /// True when the interval holds no day (`start == end`).
    [[nodiscard]] constexpr bool empty() const noexcept { return end_ && *end_ == start_; }

    /// `start <= d < end`.
    [[nodiscard]] constexpr bool contains(date d) const noexcept {
        return start_ <= d && (!end_ || d < *end_);
    }
    /// True when some day lies in both.
    [[nodiscard]] constexpr bool overlaps(const interval& o) const noexcept {
        const bool this_before = end_ && *end_ <= o.start_;
        const bool o_before = o.end_ && *o.end_ <= start_;
        return !this_before && !o_before && !empty() && !o.empty();
    }
    /// The days in both; nullopt when they do not overlap.
    [[nodiscard]] constexpr std::optional<interval> intersection(const interval& o) const {
        if (!overlaps(o)) return std::nullopt;
        const date s = std::max(start_, o.start_);
        std::optional<date> e;
        if (end_ && o.end_) e = std::min(*end_, *o.end_);
        else if (end_) e = end_;
        else e = o.end_;
        return interval{s, e};
    }
    /// Days of the interval before `as_at` (exclusive): an open interval is measured up to
    /// `as_at`, a closed one up to the earlier of its end and `as_at`; 0 if `as_at <= start`.
    [[nodiscard]] constexpr days length(date as_at) const noexcept {
        const date e = end_ ? std::min(*end_, std::max(as_at, start_)) : std::max(as_at, start_);
        return e - start_;
    }
    /// Days in a closed interval.
    /// @throws std::logic_error if the interval is open.
    [[nodiscard]] constexpr days length() const {
        if (!end_) throw std::logic_error{"interval::length(): open interval needs an as-at date"};
        return *end_ - start_;
    }
    /// The same interval closed at `end`.
    /// @throws std::invalid_argument if `end < start`.
    [[nodiscard]] constexpr interval closed_at(date end) const { return interval{start_, end}; }

    /// Same start and same end (both open, or both closed on the same day).
    friend constexpr bool operator==(const interval&, const interval&) = default;

private:
    date start_;
    std::optional<date> end_;
};

/// `[2024-03-01, 2024-06-01)` or `[2024-03-01, open)`.
template <class Traits>
std::basic_ostream<char, Traits>& operator<<(std::basic_ostream<char, Traits>& os, const interval& i) {
    os << '[' << format_iso(i.start()) << ", ";
    if (i.end()) os << format_iso(*i.end());
    else os << "open";
    return os << ')';
}

} // namespace carepath
