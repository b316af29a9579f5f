#pragma once
// Private to carepath::sim: an implementation detail, not part of the API.
// The records of one authority's run (children, families, carers, social workers, ties), its
// inputs and its result, and the day arithmetic they share.
#include "carepath/core/care_history.hpp"
#include "carepath/sim/calibration.hpp"
#include "carepath/sim/detail/small_vec.hpp"
#include "carepath/sim/detail/tally.hpp"
#include "carepath/sim/projection.hpp"
#include "carepath/sim/rng.hpp"
#include "carepath/sim/scenario.hpp"
#include "carepath/sim/states.hpp"

#include <array>
#include <climits>
#include <cstddef>
#include <cstdint>
#include <vector>

namespace carepath::sim::detail {

inline constexpr std::uint32_t none = 0xffffffffU;
inline constexpr std::int32_t never = INT32_MAX;

inline std::int32_t day_number(date d) noexcept {
    return static_cast<std::int32_t>(d.time_since_epoch().count());
}
inline date to_date(std::int32_t d) noexcept {
    return date{days{d}};
}

// Spans of time in whole days, as the model and its measures count them: the edges of time in
// placement at which rates change (`calibration::move_duration`), and the windows of the
// published measures (2 and 2.5 years for stability, 5 and 12 years for returns to care).
inline constexpr std::int32_t quarter_year_days = 91, half_year_days = 182, year_days = 365,
                              two_years_days = 730, two_and_a_half_years_days = 913,
                              five_years_days = 1826, twelve_years_days = 4383;

/// An open relationship of a simulated child, compactly. A tie that ends is logged (for a
/// kept child) and removed from the child's list: nothing reads an ended tie again.
struct tie_rec {
    std::uint32_t other;
    std::uint16_t kind; // relationship_kind code
    std::int32_t start;
};

// The bit of `child_rec::tied` for a tie to `other` of kind `kind`.
[[nodiscard]] inline std::uint64_t tie_bit(std::uint32_t other, std::uint16_t kind) noexcept {
    const std::uint64_t h = (std::uint64_t{other} << 16 | kind) * 0x9e3779b97f4a7c15ULL;
    return std::uint64_t{1} << (h >> 58);
}

struct child_rec {
    std::uint32_t gid = 0;    // global child number (authority << 22 | local)
    std::uint32_t family = 0; // index into families
    std::int32_t birth = 0;
    std::int32_t period_start = 0, placement_start = 0, status_start = 0;
    std::int32_t last_move = INT32_MIN / 2, last_school = INT32_MIN / 2, last_sw = INT32_MIN / 2;
    std::int32_t hearing = never;             // interim order's final hearing
    std::int32_t last_change = INT32_MIN / 2; // day of the last change of placement record
    std::int32_t held_until = never;
    std::int32_t school_change_day = never; // a school change put off to this day (school.hpp)
    std::int32_t school_leaving_day = never; // the end of compulsory school (school.hpp)
    std::int32_t exit_day = never;
    std::int32_t counted_entry_year = 0, counted_exit_year = 0;
    home_kind home = home_kind::foster;
    legal_group legal = legal_group::care_order;
    exit_route last_exit = exit_route::other;
    bool in_care = false, uasc = false, male = false, long_term = false, inside = true;
    bool with_own_carers = false, followed = false, in_school = false, held_long_term = false;
    // the school, and the school of a change put off, within 20 miles of the child's home
    bool school_near = true, next_school_near = true;
    std::uint32_t carer = none, held_carer = none, sw = none, last_worker = none;
    // the days the case last reached the children-in-care team and the 16+ team (team_moves)
    std::int32_t care_team_day = INT32_MIN / 2, sixteen_team_day = INT32_MIN / 2;
    std::uint32_t exit_log = none;
    std::uint16_t moves_year = 0;
    std::uint32_t version = 0;
    stream rng;
    // the open ties, in the order they began: parents, grandparents, siblings, carer, social
    // worker and school fit in place
    small_vec<tie_rec, 8> ties;
    // One bit for each (other, kind) the child has ever been tied to (tie_bit): a clear bit
    // means no open tie with that key, so a new tie needs no search of `ties` (issue 14).
    std::uint64_t tied = 0;
    std::uint32_t history = none;            // index into histories when kept
    std::uint8_t pending = 0;                // the outcome drawn for the scheduled event
    std::array<std::int32_t, 7> edge_days{}; // birthdays at the ages the model asks about
};

// The only ages the model's rules ask about: a child's age is read as the largest of these
// reached, so birthdays are computed once per child instead of at every event.
inline constexpr std::array<int, 7> age_edges{1, 4, 5, 10, 14, 16, 18};

struct family_rec {
    small_vec<std::uint32_t, 4> children; // a family arrives with 1-4
    std::uint32_t mother = none, father = none;
    std::array<std::uint32_t, 2> grandparents{none, none};
    std::uint32_t kin = none; // the relative who fosters the family's children, once found
};

struct carer_rec {
    std::uint32_t person = 0;
    home_kind kind = home_kind::foster;
    std::uint8_t places = 1;
    std::uint8_t used = 0;
    bool inside = true;
    bool active = true;
    bool unlimited = false;
    std::uint32_t free_pos = none; // position in its free list
    std::vector<std::uint32_t> children;
};

struct worker_rec {
    std::uint32_t person = 0;
    std::int32_t cover_until = never; // an agency worker covers a vacancy until it is filled
    bool agency = false;
    bool active = true;
    std::uint32_t version = 0; // of the worker's pending ev_worker (redrawn at a new policy)
    std::vector<std::uint32_t> caseload;
};

// Age at `day` at the resolution of `age_edges` (0, 1, 4, 5, 10, 14, 16 or 18): enough for
// every rule and band, which compare ages only with those edges.
[[nodiscard]] inline int age_at(const child_rec& c, std::int32_t day) noexcept {
    int a = 0;
    for (std::size_t i = 0; i < age_edges.size(); ++i) {
        if (day < c.edge_days[i])
            break;
        a = age_edges[i];
    }
    return a;
}

/// A child in care on the start date, given from outside (a care history) rather than drawn.
struct seed_child {
    child subject;
    home_kind home = home_kind::foster;
    legal_group legal = legal_group::care_order;
    std::int32_t period_start = 0, placement_start = 0;
    bool long_term = false, inside = true;
};

/// What one authority's run gives back.
struct authority_result {
    std::vector<year_acc> years; // every simulated year, burn-in and warm-up included
    std::vector<care_history> histories;
    double child_days = 0; // days simulated for children in care or followed after care
    double care_days = 0;
    std::uint64_t events = 0;
    std::uint64_t children = 0;
    std::uint64_t refused_events = 0;
};

/// The inputs of one authority's run.
struct authority_input {
    std::uint32_t index = 0; // 0-based authority number
    local_authority_id id{};
    std::uint64_t seed = 0;
    std::uint32_t replicate = 0;
    date start;       // stock date, or the start of the burn-in before it
    int years = 1;    // simulated years (burn-in and warm-up included)
    // The stock date when a burn-in comes first: until then each child leaving care is replaced
    // by a new entry, so the count stays at the stock's while its mix settles (stock.hpp).
    date burn_in_until{};
    double share = 1; // this authority's share of England's children (scale included)
    std::uint32_t stock = 0; // children in its drawn stock (`stock_parts`); unused with seeds
    std::size_t keep_histories = 0;
    const calibration* cal = nullptr;
    const scenario* policy = nullptr;
    const population_projection* projection = nullptr;
    const std::vector<seed_child>* seeds = nullptr; // when given, replaces the drawn stock
};

} // namespace carepath::sim::detail
