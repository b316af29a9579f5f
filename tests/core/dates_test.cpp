#include "carepath/core/dates.hpp"

#include <catch2/catch.hpp>

#include <chrono>
#include <cstdio>
#include <string>

using namespace carepath;
using namespace std::chrono;

TEST_CASE("dates: a person born on 29 February reaches an age on 1 March in a common year",
          "[core][dates]") {
    const date born = sys_days{2008y / February / 29};
    SECTION("the day before 1 March they are still 17") {
        CHECK(age_on(born, sys_days{2026y / February / 28}) == 17);
    }
    SECTION("on 1 March 2026 they are 18") {
        CHECK(age_on(born, sys_days{2026y / March / 1}) == 18);
        CHECK(birthday(born, 18) == sys_days{2026y / March / 1});
    }
    SECTION("in a leap year the birthday is 29 February itself") {
        CHECK(birthday(born, 16) == sys_days{2024y / February / 29});
        CHECK(age_on(born, sys_days{2024y / February / 28}) == 15);
        CHECK(age_on(born, sys_days{2024y / February / 29}) == 16);
    }
}

TEST_CASE("dates: age counts completed years and is 0 before birth", "[core][dates]") {
    const date born = sys_days{2010y / June / 15};
    CHECK(age_on(born, sys_days{2010y / June / 15}) == 0);
    CHECK(age_on(born, sys_days{2009y / January / 1}) == 0);
    CHECK(age_on(born, sys_days{2011y / June / 14}) == 0);
    CHECK(age_on(born, sys_days{2011y / June / 15}) == 1);
    CHECK(age_on(born, sys_days{2028y / June / 14}) == 17);
    CHECK(age_on(born, sys_days{2028y / June / 15}) == 18);
    static_assert(age_on(sys_days{2000y / 1 / 1}, sys_days{2018y / 1 / 1}) == 18);
}

TEST_CASE("dates: dd/mm/yyyy and ISO dates parse to the same day", "[core][dates]") {
    const auto uk = parse_uk_date("29/02/2024");
    const auto iso = parse_iso_date("2024-02-29");
    REQUIRE(uk.ok());
    REQUIRE(iso.ok());
    CHECK(*uk == sys_days{2024y / February / 29});
    CHECK(*uk == *iso);
    CHECK(*parse_date("01/03/2024") == sys_days{2024y / March / 1});
    CHECK(*parse_date("2024-03-01") == sys_days{2024y / March / 1});
}

TEST_CASE("dates: formatting and parsing round-trip", "[core][dates]") {
    for (date d = sys_days{2023y / December / 25}; d < sys_days{2024y / March / 5}; d += days{1}) {
        CAPTURE(format_iso(d));
        CHECK(*parse_uk_date(format_uk(d)) == d);
        CHECK(*parse_iso_date(format_iso(d)) == d);
    }
    CHECK(format_uk(sys_days{2024y / March / 1}) == "01/03/2024");
    CHECK(format_iso(sys_days{2024y / March / 1}) == "2024-03-01");
    CHECK(format_long(sys_days{2024y / March / 1}) == "1 March 2024");
    CHECK(format_long(sys_days{2023y / December / 31}) == "31 December 2023");
}

TEST_CASE("dates: ISO and UK forms give exact text for any year, as printf's %04d did",
          "[core][dates]") {
    auto on = [](int y, unsigned m, unsigned d) { return date_of({y, m, d}); };
    SECTION("31 December and 29 February") {
        CHECK(format_iso(on(2023, 12, 31)) == "2023-12-31");
        CHECK(format_uk(on(2023, 12, 31)) == "31/12/2023");
        CHECK(format_iso(on(2024, 2, 29)) == "2024-02-29");
        CHECK(format_uk(on(2024, 2, 29)) == "29/02/2024");
        CHECK(format_iso(on(2000, 2, 29)) == "2000-02-29");
        CHECK(format_uk(on(1970, 1, 1)) == "01/01/1970");
        CHECK(format_iso(on(9999, 12, 31)) == "9999-12-31");
    }
    SECTION("years of fewer than four digits are padded with zeros") {
        CHECK(format_iso(on(0, 1, 1)) == "0000-01-01");
        CHECK(format_uk(on(0, 1, 1)) == "01/01/0000");
        CHECK(format_iso(on(7, 3, 9)) == "0007-03-09");
        CHECK(format_uk(on(7, 3, 9)) == "09/03/0007");
        CHECK(format_iso(on(99, 10, 5)) == "0099-10-05");
        CHECK(format_uk(on(999, 12, 31)) == "31/12/0999");
        CHECK(format_iso(on(4, 2, 29)) == "0004-02-29");
    }
    SECTION("negative years keep the sign inside the four characters; longer years are whole") {
        CHECK(format_iso(on(-1, 12, 31)) == "-001-12-31");
        CHECK(format_uk(on(-1, 12, 31)) == "31/12/-001");
        CHECK(format_iso(on(-999, 6, 1)) == "-999-06-01");
        CHECK(format_uk(on(-1000, 6, 1)) == "01/06/-1000");
        CHECK(format_iso(on(10000, 1, 1)) == "10000-01-01");
        CHECK(format_uk(on(123456789, 1, 1)) == "01/01/123456789");
    }
    SECTION("past 15 characters the text is cut, as snprintf into 16 bytes cut it") {
        CHECK(format_iso(on(1234567890, 1, 1)) == "1234567890-01-0");
        CHECK(format_uk(on(1234567890, 1, 1)) == "01/01/123456789");
        CHECK(format_iso(on(-2147483647 - 1, 12, 31)) == "-2147483648-12-");
        CHECK(format_uk(on(2147483647, 12, 31)) == "31/12/214748364");
    }
    SECTION("the same text as snprintf for every year from -20000 to 20000") {
        for (int y = -20000; y <= 20000; ++y) {
            const calendar_fields f{y, y % 2 == 0 ? 2u : 12u, y % 2 == 0 ? 28u : 31u};
            char iso[16];
            char uk[16];
            std::snprintf(iso, sizeof iso, "%04d-%02u-%02u", f.year, f.month, f.day);
            std::snprintf(uk, sizeof uk, "%02u/%02u/%04d", f.day, f.month, f.year);
            const date d = date_of(f);
            if (format_iso(d) != iso || format_uk(d) != uk) {
                CAPTURE(y, format_iso(d), iso, format_uk(d), uk);
                FAIL("differs from snprintf");
            }
        }
    }
}

TEST_CASE("dates: bad dates are refused with a message that says what is wrong",
          "[core][dates]") {
    SECTION("31 February is not a calendar date, and the message gives the month's length") {
        const auto r = parse_uk_date("31/02/2023");
        REQUIRE_FALSE(r.ok());
        CHECK(r.error().value == "31/02/2023");
        CHECK(r.error().message == "not a calendar date: February 2023 has 28 days");
    }
    SECTION("29 February in a common year is refused") {
        CHECK(parse_iso_date("2023-02-29").error().message
              == "not a calendar date: February 2023 has 28 days");
        CHECK(parse_uk_date("29/02/2024").ok());
    }
    SECTION("two-digit years are refused rather than guessed") {
        const auto r = parse_uk_date("01/02/23");
        REQUIRE_FALSE(r.ok());
        CHECK(r.error().message == "two-digit year: write dd/mm/yyyy");
    }
    SECTION("garbage is refused") {
        CHECK(parse_uk_date("yesterday").error().message == "expected a date as dd/mm/yyyy");
        CHECK(parse_uk_date("").error().message == "expected a date as dd/mm/yyyy");
        CHECK(parse_uk_date("aa/bb/cccc").error().message == "a date must be written with digits");
        CHECK(parse_iso_date("2024/03/01").error().message == "expected a date as yyyy-mm-dd");
        CHECK(parse_date("").error().message == "expected a date as yyyy-mm-dd");
    }
    SECTION("month, day and year ranges") {
        CHECK(parse_uk_date("01/13/2024").error().message == "month must be 01 to 12");
        CHECK(parse_uk_date("00/01/2024").error().message == "day must be 01 to 31");
        CHECK(parse_uk_date("32/01/2024").error().message == "day must be 01 to 31");
        CHECK(parse_uk_date("01/01/1700").error().message == "year is outside 1800-2200");
        CHECK(parse_uk_date(" 1/01/2024").error().message == "a date must be written with digits");
        CHECK_FALSE(parse_uk_date("01/01/2024 ").ok());
    }
}

TEST_CASE("dates: make_date refuses days that do not exist", "[core][dates]") {
    CHECK(make_date(2024, 2, 29).has_value());
    CHECK_FALSE(make_date(2023, 2, 29).has_value());
    CHECK_FALSE(make_date(2023, 4, 31).has_value());
    CHECK(year_of(sys_days{2019y / December / 31}) == 2019);
}

TEST_CASE("dates: parse_dfe_date reads one- or two-digit days and months, as the DfE does",
          "[core][dates]") {
    // The DfE's validator reads SSDA903 dates with Python's %d/%m/%Y (issue 15, item 8).
    CHECK(carepath::parse_dfe_date("10/3/2024").value() == *carepath::make_date(2024, 3, 10));
    CHECK(carepath::parse_dfe_date("1/12/2024").value() == *carepath::make_date(2024, 12, 1));
    CHECK(carepath::parse_dfe_date("01/03/2024").value() == *carepath::make_date(2024, 3, 1));
    for (const auto* bad : {"1/3/24", "/3/2024", "1//2024", "123/3/2024", "1/3/20245", "1-3-2024",
                            "31/2/2024", "a/3/2024", ""}) {
        CAPTURE(bad);
        const auto r = carepath::parse_dfe_date(bad);
        REQUIRE_FALSE(r.ok());
        CHECK(r.error().value == bad);
        CHECK_FALSE(r.error().message.empty());
    }
    CHECK(carepath::to_string(carepath::parse_dfe_date("1/3/24").error())
          == "\"1/3/24\": two-digit year: write dd/mm/yyyy");
}

TEST_CASE("dates: calendar fields agree with std::chrono on every day from 1600 to 2400",
          "[core][dates]") {
    // carepath counts the calendar itself so that core.hpp need not include <chrono>; the
    // standard library's calendar is the reference, day by day, across leap centuries.
    const sys_days first{1600y / January / 1};
    const sys_days last{2400y / December / 31};
    long mismatches = 0;
    for (sys_days d = first; d <= last; d += days{1}) {
        const year_month_day ymd{d};
        const calendar_fields f = fields_of(d);
        const bool same = f.year == static_cast<int>(ymd.year())
                       && f.month == static_cast<unsigned>(ymd.month())
                       && f.day == static_cast<unsigned>(ymd.day()) && date_of(f) == d;
        if (!same) ++mismatches;
    }
    CHECK(mismatches == 0);
    CHECK(year_of(sys_days{2000y / February / 29}) == 2000);
    CHECK(fields_of(sys_days{1969y / December / 31}) == calendar_fields{1969, 12, 31});
    static_assert(date_of({1970, 1, 1}).time_since_epoch().count() == 0);
}

TEST_CASE("dates: month lengths, leap years and last days follow the Gregorian calendar",
          "[core][dates]") {
    for (int y = 1700; y <= 2300; ++y) {
        CHECK(is_leap_year(y) == year{y}.is_leap());
        for (unsigned m = 1; m <= 12; ++m) {
            const year_month_day_last reference{year{y}, month_day_last{month{m}}};
            CHECK(days_in_month(y, m) == static_cast<unsigned>(reference.day()));
            CHECK(last_day_of_month(y, m) == sys_days{reference});
            CHECK(make_date(y, m, days_in_month(y, m)).has_value());
            CHECK_FALSE(make_date(y, m, days_in_month(y, m) + 1).has_value());
            CHECK_FALSE(make_date(y, m, 0).has_value());
        }
        CHECK_FALSE(make_date(y, 0, 1).has_value());
        CHECK_FALSE(make_date(y, 13, 1).has_value());
    }
    CHECK_FALSE(is_leap_year(1900));
    CHECK(is_leap_year(2000));
    CHECK(days_in_month(2100, 2) == 28);
}
