#pragma once
/// @file
/// Small helpers for tests that build care histories by hand: a date from numbers, a placement
/// with a numbered carer, a child born on a day, and adding an event that must be accepted (the
/// test stops, saying why, when the history refuses it).
#include "carepath/core.hpp"

#include <catch2/catch.hpp>

#include <chrono>
#include <string>

namespace carepath::testing {

/// The day `d` of month `m` of year `y`.
constexpr date ymd(int y, unsigned m, unsigned d) {
    return date{std::chrono::year{y} / std::chrono::month{m} / std::chrono::day{d}};
}

/// A placement of `type` with carer number `carer`.
inline placement with(placement_type type, unsigned carer) {
    return placement::with_carer(type, carer_id{carer});
}

/// An empty history of child `id` (also its person id), born on `born`.
inline care_history child_born(unsigned id, date born, sex s = sex::not_known,
                               bool uasc = false) {
    child c;
    c.id = child_id{id};
    c.as_person = person_id{id};
    c.birth_date = born;
    c.sex = s;
    c.unaccompanied_asylum_seeking = uasc;
    return care_history{c};
}

/// Adds `e` to `h`; the test fails, with the history's reason, when `h` refuses it.
inline void add(care_history& h, const care_event& e) {
    const auto r = h.add(e);
    INFO((r.ok() ? std::string{} : to_string(r.error())));
    REQUIRE(r.ok());
}

} // namespace carepath::testing
