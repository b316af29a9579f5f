#pragma once
/// @file
/// Calendar days on std::chrono::sys_days: parsing and printing `dd/mm/yyyy` (SSDA903) and ISO
/// `yyyy-mm-dd`, and ages that are right for people born on 29 February.
#include "carepath/core/result.hpp"

#include <array>
#include <charconv>
#include <chrono>
#include <cstdio>
#include <optional>
#include <string>
#include <string_view>

namespace carepath {

/// A calendar day. Arithmetic is in whole days (`std::chrono::days`).
using date = std::chrono::sys_days;
using std::chrono::days;

/// Builds a date from year, month and day; nullopt for a day that does not exist (31/02).
[[nodiscard]] constexpr std::optional<date> make_date(int y, unsigned m, unsigned d) noexcept {
    const std::chrono::year_month_day ymd{std::chrono::year{y}, std::chrono::month{m},
                                          std::chrono::day{d}};
    if (!ymd.ok()) return std::nullopt;
    return date{ymd};
}

namespace detail {
// Reads exactly `width` ASCII digits at `s[pos]`; -1 when any is not a digit.
constexpr int read_digits(std::string_view s, std::size_t pos, std::size_t width) noexcept {
    int v = 0;
    for (std::size_t i = 0; i < width; ++i) {
        const char c = s[pos + i];
        if (c < '0' || c > '9') return -1;
        v = v * 10 + (c - '0');
    }
    return v;
}

inline diagnostic date_error(std::string_view text, std::string message) {
    diagnostic d;
    d.value = std::string{text};
    d.message = std::move(message);
    return d;
}

inline constexpr std::array<std::string_view, 12> month_names{
    "January", "February", "March",     "April",   "May",      "June",
    "July",    "August",   "September", "October", "November", "December"};

inline result<date> finish_date(std::string_view text, int y, int m, int d) {
    if (y < 0 || m < 0 || d < 0) return date_error(text, "a date must be written with digits");
    if (m < 1 || m > 12) return date_error(text, "month must be 01 to 12");
    if (d < 1 || d > 31) return date_error(text, "day must be 01 to 31");
    if (y < 1800 || y > 2200) return date_error(text, "year is outside 1800-2200");
    auto out = make_date(y, static_cast<unsigned>(m), static_cast<unsigned>(d));
    if (!out) {
        // Say how long the month is: "31/02/2023" is usually a slip, and the fix is obvious.
        using namespace std::chrono;
        const auto last = year_month_day_last{year{y}, month_day_last{month{static_cast<unsigned>(m)}}};
        return date_error(text, "not a calendar date: " + std::string{month_names[static_cast<std::size_t>(m - 1)]}
                                    + " " + std::to_string(y) + " has "
                                    + std::to_string(static_cast<unsigned>(last.day())) + " days");
    }
    return *out;
}
} // namespace detail

/// Parses `dd/mm/yyyy` exactly (the SSDA903 form). Two-digit years are refused: guessing the
/// century of a child's birth is how records go wrong.
[[nodiscard]] inline result<date> parse_uk_date(std::string_view text) {
    if (text.size() == 8 && text[2] == '/' && text[5] == '/')
        return detail::date_error(text, "two-digit year: write dd/mm/yyyy");
    if (text.size() != 10 || text[2] != '/' || text[5] != '/')
        return detail::date_error(text, "expected a date as dd/mm/yyyy");
    return detail::finish_date(text, detail::read_digits(text, 6, 4),
                               detail::read_digits(text, 3, 2), detail::read_digits(text, 0, 2));
}

/// Parses a date as the DfE's SSDA903 validator reads one (Python `strptime` with
/// `%d/%m/%Y`): a day and a month of one or two digits, a four-digit year ("10/3/2024",
/// "01/03/2024"). Two-digit years are refused, as in `parse_uk_date`.
[[nodiscard]] inline result<date> parse_dfe_date(std::string_view text) {
    const auto first = text.find('/');
    const auto second = first == std::string_view::npos ? first : text.find('/', first + 1);
    if (second == std::string_view::npos || first < 1 || first > 2 || second - first < 2
        || second - first > 3)
        return detail::date_error(text, "expected a date as dd/mm/yyyy");
    const auto year_digits = text.size() - second - 1;
    if (year_digits == 2) return detail::date_error(text, "two-digit year: write dd/mm/yyyy");
    if (year_digits != 4) return detail::date_error(text, "expected a date as dd/mm/yyyy");
    return detail::finish_date(text, detail::read_digits(text, second + 1, 4),
                               detail::read_digits(text, first + 1, second - first - 1),
                               detail::read_digits(text, 0, first));
}

/// Parses ISO 8601 `yyyy-mm-dd` exactly.
[[nodiscard]] inline result<date> parse_iso_date(std::string_view text) {
    if (text.size() != 10 || text[4] != '-' || text[7] != '-')
        return detail::date_error(text, "expected a date as yyyy-mm-dd");
    return detail::finish_date(text, detail::read_digits(text, 0, 4),
                               detail::read_digits(text, 5, 2), detail::read_digits(text, 8, 2));
}

/// Parses either form, telling them apart by the separator.
[[nodiscard]] inline result<date> parse_date(std::string_view text) {
    if (text.size() >= 3 && text[2] == '/') return parse_uk_date(text);
    return parse_iso_date(text);
}

namespace detail {
inline std::string format_ymd(date d, bool iso) {
    const std::chrono::year_month_day ymd{d};
    char buf[16];
    const int y = static_cast<int>(ymd.year());
    const unsigned m = static_cast<unsigned>(ymd.month());
    const unsigned dd = static_cast<unsigned>(ymd.day());
    if (iso)
        std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", y, m, dd);
    else
        std::snprintf(buf, sizeof buf, "%02u/%02u/%04d", dd, m, y);
    return buf;
}
} // namespace detail

/// `2024-03-01`.
[[nodiscard]] inline std::string format_iso(date d) { return detail::format_ymd(d, true); }
/// `01/03/2024`.
[[nodiscard]] inline std::string format_uk(date d) { return detail::format_ymd(d, false); }
/// `1 March 2024`, for sentences people read.
[[nodiscard]] inline std::string format_long(date d) {
    const std::chrono::year_month_day ymd{d};
    return std::to_string(static_cast<unsigned>(ymd.day())) + " "
         + std::string{detail::month_names[static_cast<unsigned>(ymd.month()) - 1]} + " "
         + std::to_string(static_cast<int>(ymd.year()));
}

/// The day a person born on `birth` reaches the age of `years`. Someone born on 29 February
/// reaches it on 1 March in a common year: in England a person attains an age at the start of
/// the anniversary of their birth (Family Law Reform Act 1969 s9), and in a common year the day
/// after 28 February is 1 March.
[[nodiscard]] constexpr date birthday(date birth, int years) noexcept {
    using namespace std::chrono;
    const year_month_day b{birth};
    const year_month_day target{b.year() + std::chrono::years{years}, b.month(), b.day()};
    if (target.ok()) return date{target};
    return date{year_month_day{target.year(), March, day{1}}};
}

/// Completed years of age on `on` (0 before the first birthday).
[[nodiscard]] constexpr int age_on(date birth, date on) noexcept {
    using namespace std::chrono;
    if (on < birth) return 0;
    const year_month_day b{birth};
    const year_month_day o{on};
    int years = static_cast<int>(o.year()) - static_cast<int>(b.year());
    if (birthday(birth, years) > on) --years;
    return years;
}

/// The date's calendar year.
[[nodiscard]] constexpr int year_of(date d) noexcept {
    return static_cast<int>(std::chrono::year_month_day{d}.year());
}

} // namespace carepath
