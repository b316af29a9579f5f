#pragma once
/// @file
/// Calendar days on std::chrono::sys_days: parsing and printing `dd/mm/yyyy` (SSDA903) and ISO
/// `yyyy-mm-dd`, the calendar fields of a day, and ages that are right for people born on
/// 29 February.
#include "carepath/core/result.hpp"

#include <array>
#include <charconv>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
// sys_days and days without the rest of <chrono>: with g++ 12, <chrono> brings the calendar
// types, time zones and <sstream>, about a quarter of what a file including core.hpp pays
// (issue 14). The calendar arithmetic carepath needs is below; a user who wants
// std::chrono::year_month_day includes <chrono> as usual, and a carepath::date converts to it.
#if defined(_GLIBCXX_RELEASE) && _GLIBCXX_RELEASE >= 12 && __has_include(<bits/chrono.h>)
#include <bits/chrono.h>
#else
#include <chrono>
#endif

namespace carepath {

/// A calendar day. Arithmetic is in whole days (`std::chrono::days`).
using date = std::chrono::sys_days;
using std::chrono::days;

/// The year, month (1-12) and day of the month (1-31) of a calendar day.
struct calendar_fields {
    int year = 1970;      ///< the year, proleptic Gregorian
    unsigned month = 1;   ///< 1 for January
    unsigned day = 1;     ///< day of the month
    /// Same year, month and day.
    friend constexpr bool operator==(const calendar_fields&, const calendar_fields&) = default;
};

/// True in a leap year of the Gregorian calendar.
[[nodiscard]] constexpr bool is_leap_year(int y) noexcept {
    return y % 4 == 0 && (y % 100 != 0 || y % 400 == 0);
}

/// Days in month `m` (1-12) of year `y`.
[[nodiscard]] constexpr unsigned days_in_month(int y, unsigned m) noexcept {
    constexpr std::array<unsigned char, 12> length{31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return m == 2 && is_leap_year(y) ? 29u : length[(m - 1) % 12];
}

namespace detail {
// The calendar counted from 1 March of year 0 in 400-year cycles of 146,097 days: with the
// year starting in March, the leap day is the last day of its year, and the day of the year
// follows from the month by one linear formula (153 days to each five months from March).
inline constexpr std::int64_t days_per_cycle = 146097;
inline constexpr std::int64_t epoch_from_march_0 = 719468; // 1 March 0000 to 1 January 1970

constexpr std::int64_t floor_div(std::int64_t a, std::int64_t b) noexcept {
    return a / b - (a % b != 0 && (a < 0) != (b < 0));
}

constexpr std::int64_t day_number_of(int y, unsigned m, unsigned d) noexcept {
    const std::int64_t march_year = static_cast<std::int64_t>(y) - (m <= 2 ? 1 : 0);
    const std::int64_t cycle = floor_div(march_year, 400);
    const std::int64_t year_of_cycle = march_year - cycle * 400;                  // 0-399
    const std::int64_t month_from_march = (m + 9) % 12;                           // March 0
    const std::int64_t day_of_year = (153 * month_from_march + 2) / 5 + d - 1;    // 0-365
    const std::int64_t day_of_cycle =
        year_of_cycle * 365 + year_of_cycle / 4 - year_of_cycle / 100 + day_of_year;
    return cycle * days_per_cycle + day_of_cycle - epoch_from_march_0;
}

constexpr calendar_fields fields_of_day_number(std::int64_t n) noexcept {
    const std::int64_t from_march_0 = n + epoch_from_march_0;
    const std::int64_t cycle = floor_div(from_march_0, days_per_cycle);
    const std::int64_t day_of_cycle = from_march_0 - cycle * days_per_cycle;     // 0-146096
    // Whole years before the day in its cycle: take out one day per 4 years, add back one per
    // 100 and take out the 400th, then divide by 365.
    const std::int64_t year_of_cycle =
        (day_of_cycle - day_of_cycle / 1460 + day_of_cycle / 36524 - day_of_cycle / 146096) / 365;
    const std::int64_t day_of_year =
        day_of_cycle - (365 * year_of_cycle + year_of_cycle / 4 - year_of_cycle / 100);
    const std::int64_t month_from_march = (5 * day_of_year + 2) / 153;              // 0-11
    const auto day = static_cast<unsigned>(day_of_year - (153 * month_from_march + 2) / 5 + 1);
    const auto month = static_cast<unsigned>(month_from_march < 10 ? month_from_march + 3
                                                                   : month_from_march - 9);
    const std::int64_t year = year_of_cycle + cycle * 400 + (month <= 2 ? 1 : 0);
    return {static_cast<int>(year), month, day};
}
} // namespace detail

/// The year, month and day of `d`.
[[nodiscard]] constexpr calendar_fields fields_of(date d) noexcept {
    return detail::fields_of_day_number(d.time_since_epoch().count());
}

/// The day with these fields, which must exist (see `make_date` for input that may not).
[[nodiscard]] constexpr date date_of(calendar_fields f) noexcept {
    return date{days{detail::day_number_of(f.year, f.month, f.day)}};
}

/// Builds a date from year, month and day; nullopt for a day that does not exist (31/02).
[[nodiscard]] constexpr std::optional<date> make_date(int y, unsigned m, unsigned d) noexcept {
    if (m < 1 || m > 12 || d < 1 || d > days_in_month(y, m)) return std::nullopt;
    return date_of({y, m, d});
}

/// The last day of month `m` (1-12) of year `y`.
[[nodiscard]] constexpr date last_day_of_month(int y, unsigned m) noexcept {
    return date_of({y, m, days_in_month(y, m)});
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
        const auto length = days_in_month(y, static_cast<unsigned>(m));
        return date_error(text, "not a calendar date: " + std::string{month_names[static_cast<std::size_t>(m - 1)]}
                                    + " " + std::to_string(y) + " has "
                                    + std::to_string(length) + " days");
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
// Writes `v` (0-99) as two digits; past them.
inline char* put_two_digits(char* p, unsigned v) noexcept {
    p[0] = static_cast<char>('0' + v / 10);
    p[1] = static_cast<char>('0' + v % 10);
    return p + 2;
}
// Writes `y` as printf's "%04d" does: at least four characters, a minus sign counting as one,
// zeros between the sign and the digits ("0999", "-001", "12345"); past them (at most 11).
inline char* put_year(char* p, int y) noexcept {
    if (y >= 0 && y <= 9999) [[likely]] {
        const auto u = static_cast<unsigned>(y);
        return put_two_digits(put_two_digits(p, u / 100), u % 100);
    }
    // The magnitude as unsigned: -INT_MIN does not fit an int.
    unsigned u = y < 0 ? 0u - static_cast<unsigned>(y) : static_cast<unsigned>(y);
    char digits[10];
    int n = 0;
    do {
        digits[n++] = static_cast<char>('0' + u % 10);
        u /= 10;
    } while (u != 0);
    if (y < 0) *p++ = '-';
    for (int width = y < 0 ? 3 : 4; n < width; --width) *p++ = '0';
    while (n > 0) *p++ = digits[--n];
    return p;
}
// The digits are written by hand: snprintf took 1,650 instructions a date, 120 million of a
// simulation's 6.2 billion (issue 14). The text is what snprintf("%04d-%02u-%02u") and
// snprintf("%02u/%02u/%04d") into 16 bytes gave for every year an int holds, cut to 15
// characters as they cut it (years of ten characters or more, which no return has).
inline std::string format_ymd(date d, bool iso) {
    const calendar_fields f = fields_of(d);
    char buf[24];
    char* p = buf;
    if (iso) {
        p = put_year(p, f.year);
        *p++ = '-';
        p = put_two_digits(p, f.month);
        *p++ = '-';
        p = put_two_digits(p, f.day);
    } else {
        p = put_two_digits(p, f.day);
        *p++ = '/';
        p = put_two_digits(p, f.month);
        *p++ = '/';
        p = put_year(p, f.year);
    }
    const auto n = static_cast<std::size_t>(p - buf);
    return std::string(buf, n < 15 ? n : 15);
}
} // namespace detail

/// `2024-03-01`.
[[nodiscard]] inline std::string format_iso(date d) { return detail::format_ymd(d, true); }
/// `01/03/2024`.
[[nodiscard]] inline std::string format_uk(date d) { return detail::format_ymd(d, false); }
/// `1 March 2024`, for sentences people read.
[[nodiscard]] inline std::string format_long(date d) {
    const calendar_fields f = fields_of(d);
    return std::to_string(f.day) + " " + std::string{detail::month_names[f.month - 1]} + " "
         + std::to_string(f.year);
}

/// The day a person born on `birth` reaches the age of `years`. Someone born on 29 February
/// reaches it on 1 March in a common year: in England a person attains an age at the start of
/// the anniversary of their birth (Family Law Reform Act 1969 s9), and in a common year the day
/// after 28 February is 1 March.
[[nodiscard]] constexpr date birthday(date birth, int years) noexcept {
    const calendar_fields b = fields_of(birth);
    const int y = b.year + years;
    if (b.day <= days_in_month(y, b.month)) return date_of({y, b.month, b.day});
    return date_of({y, 3, 1});
}

/// Completed years of age on `on` (0 before the first birthday).
[[nodiscard]] constexpr int age_on(date birth, date on) noexcept {
    if (on < birth) return 0;
    int years = fields_of(on).year - fields_of(birth).year;
    if (birthday(birth, years) > on) --years;
    return years;
}

/// The date's calendar year.
[[nodiscard]] constexpr int year_of(date d) noexcept { return fields_of(d).year; }

} // namespace carepath
