// libFuzzer target: the date readers. Any bytes must give a date or a diagnostic (never a crash,
// never undefined behaviour), and an accepted date must print and read back as itself.
#include "carepath/core/dates.hpp"

#include <cstddef>
#include <cstdint>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text{reinterpret_cast<const char*>(data), size};
    const auto uk = carepath::parse_uk_date(text);
    const auto iso = carepath::parse_iso_date(text);
    const auto any = carepath::parse_date(text);
    if (uk.ok()) {
        // The printed form is the canonical one, so a date that reads must print as its text.
        if (carepath::format_uk(*uk) != text)
            __builtin_trap();
        if (!any.ok() || *any != *uk)
            __builtin_trap();
        if (carepath::parse_iso_date(carepath::format_iso(*uk)).value() != *uk)
            __builtin_trap();
    }
    if (iso.ok()) {
        if (carepath::format_iso(*iso) != text)
            __builtin_trap();
        if (!any.ok() || *any != *iso)
            __builtin_trap();
        // Ages from any readable birth date: never negative, never beyond the years between.
        const auto later = *iso + carepath::days{36600};
        const int age = carepath::age_on(*iso, later);
        if (age < 99 || age > 100)
            __builtin_trap();
    }
    if (!uk.ok() && uk.error().message.empty())
        __builtin_trap();
    if (!iso.ok() && iso.error().message.empty())
        __builtin_trap();
    return 0;
}
