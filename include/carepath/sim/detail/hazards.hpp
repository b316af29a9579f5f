#pragma once
// Private to carepath::sim: an implementation detail, not part of the API.
// The hazards and mappings of the model as pure functions of a child's record, the
// calibration and the scenario: the SSDA903 placement type and legal status a simulated state
// stands for, the competing rates of a child's next event, the day the rates next change,
// the factor for time in placement, the moves of a case between social work teams and the
// length of vacancies, the first contact on a kept tie, and the kind of the tie to a carer.
#include "carepath/core/relationship.hpp"
#include "carepath/sim/calibration.hpp"
#include "carepath/sim/detail/records.hpp"
#include "carepath/sim/scenario.hpp"

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <utility>
#include <vector>

namespace carepath::sim::detail {

/// The SSDA903 placement type a simulated home stands for in year `year`.
inline placement_type placement_type_of(home_kind h, bool long_term, bool with_own_carers,
                                        int year) noexcept {
    using p = placement_type;
    switch (h) {
    case home_kind::foster:
        return long_term ? p::U4 : p::U6;
    case home_kind::kinship_foster:
        return long_term ? p::U1 : p::U3;
    case home_kind::childrens_home:
        return p::K2;
    case home_kind::semi_independent:
        return valid_in_year(p::H5, year) ? p::H5 : p::K3;
    case home_kind::independent:
        return valid_in_year(p::P2, year) ? p::P2 : p::K3;
    case home_kind::with_parents:
        return p::P1;
    case home_kind::placed_for_adoption:
        return with_own_carers ? p::A5 : p::A6;
    case home_kind::other_residential:
        return p::R1;
    }
    return p::U6;
}
inline legal_status legal_status_of(legal_group g) noexcept {
    switch (g) {
    case legal_group::accommodated_s20:
        return legal_status::accommodated_s20;
    case legal_group::interim_care_order:
        return legal_status::interim_care_order;
    case legal_group::care_order:
        return legal_status::care_order;
    case legal_group::placement_order:
        return legal_status::placement_order;
    }
    return legal_status::care_order;
}

/// What a child's next drawn event does (the deterministic ones, the 18th birthday, the final
/// hearing and the end of a hold, are not drawn).
enum class outcome : std::uint8_t {
    move,                    // a move of home
    return_home,             // leaves care: home to parents
    special_guardianship,    // leaves care: special guardianship order
    child_arrangements,      // leaves care: child arrangements order
    independent_living,      // leaves care at 16-17
    other_exit,              // leaves care for another reason
    adopted,                 // leaves care: adoption order
    s20_to_interim_order,    // s20 to care proceedings
    to_placement_order,      // a placement order is made
    matched,                 // placed for adoption
    placement_order_revoked, // back to a care order
    long_term,               // the foster home is confirmed as long-term
    worker_transfer,         // the case passes to another social worker
    count
};
inline constexpr std::size_t outcome_count = static_cast<std::size_t>(outcome::count);

/// The rate (per year) of each outcome.
struct rate_table {
    std::array<double, outcome_count> values{};
    double& operator[](outcome o) noexcept { return values[static_cast<std::size_t>(o)]; }
    double operator[](outcome o) const noexcept { return values[static_cast<std::size_t>(o)]; }
};

/// The factor on the move rate for the time in placement at `day`.
[[nodiscard]] inline double duration_factor(const calibration& cal, const child_rec& c,
                                            std::int32_t day) noexcept {
    const auto d = day - c.placement_start;
    const auto& f = cal.move_duration.values;
    return d < quarter_year_days ? f[0] : d < year_days ? f[1] : d < two_years_days ? f[2] : f[3];
}

/// The times in placement (days) at which some rate changes.
inline constexpr std::array<std::int32_t, 4> placement_edges{quarter_year_days, half_year_days,
                                                             year_days, two_years_days};

/// The next day after `day` on which some rate changes (time in placement or age crosses an
/// edge), or `limit`. The rule as written; `rate_cache::from` finds the same day in the pass
/// that finds the child's class, and its test holds the two equal.
[[nodiscard]] inline std::int32_t next_rate_change(const child_rec& c, std::int32_t day,
                                                   std::int32_t limit) noexcept {
    std::int32_t next = limit;
    for (const std::int32_t edge : placement_edges)
        if (c.placement_start + edge > day) {
            next = std::min(next, c.placement_start + edge);
            break;
        }
    for (std::size_t i = 0; i + 1 < age_edges.size(); ++i)
        if (c.edge_days[i] > day) {
            next = std::min(next, c.edge_days[i]);
            break;
        }
    return next;
}

/// The competing rates of child `c`'s next event on `day`: constant until `next_rate_change`.
inline void rates(const calibration& cal, const scenario& pol, const child_rec& c, std::int32_t day,
                  rate_table& r) noexcept {
    using o = outcome;
    r.values.fill(0);
    const int a = age_at(c, day);
    const auto h = c.home;
    double move = cal.move_rate.values[static_cast<std::size_t>(h)] * cal.move_scale.value
                  * duration_factor(cal, c, day);
    if (c.long_term)
        move *= cal.long_term_move_factor.value;
    if (h == home_kind::kinship_foster && pol.kinship_support)
        move *= cal.kinship_support_factor.value;
    r[o::move] = move;
    if (!c.uasc) {
        double home = cal.return_home_rate.values[static_cast<std::size_t>(c.legal)]
                      * cal.return_home_scale.value;
        if (h == home_kind::with_parents)
            home *= cal.with_parents_return_factor.value;
        if (h == home_kind::placed_for_adoption)
            home = 0;
        r[o::return_home] = home;
    }
    if (c.legal != legal_group::accommodated_s20 || h == home_kind::kinship_foster) {
        if (h == home_kind::kinship_foster)
            r[o::special_guardianship] =
                cal.sgo_kinship_rate.value
                * (pol.kinship_support ? 1 / cal.kinship_support_factor.value : 1.0);
        if (h == home_kind::foster && day - c.placement_start >= year_days)
            r[o::special_guardianship] = cal.sgo_foster_rate.value;
    }
    if (h == home_kind::kinship_foster || h == home_kind::with_parents)
        r[o::child_arrangements] = cal.cao_rate.value;
    if (a >= 16)
        r[o::independent_living] = cal.independent_living_rate.value;
    r[o::other_exit] = cal.other_exit_rate.value;
    if (h == home_kind::placed_for_adoption)
        r[o::adopted] = 12 / cal.placed_to_order_months.value;
    if (c.legal == legal_group::accommodated_s20 && !c.uasc && a < 16)
        r[o::s20_to_interim_order] = cal.s20_to_proceedings_rate.value;
    if (c.legal == legal_group::care_order && a < 5)
        r[o::to_placement_order] = cal.care_to_placement_order_rate.value;
    if (c.legal == legal_group::placement_order && h != home_kind::placed_for_adoption) {
        r[o::matched] = 12 / cal.match_months.value;
        r[o::placement_order_revoked] = cal.placement_order_revoked_rate.value;
    }
    if ((h == home_kind::foster || h == home_kind::kinship_foster) && !c.long_term
        && c.legal == legal_group::care_order && a >= 4
        && day - c.placement_start >= half_year_days)
        r[o::long_term] = cal.long_term_rate.value;
    r[o::worker_transfer] = cal.sw_transfer_rate.value;
}

/// The competing rates of `rates`, worked out once for each class of child and kept (issue 14).
/// `rates` reads a child's record only through the home, the legal group, the long-term and
/// UASC flags, the age against the edges 4, 5 and 16, and the time in placement against the
/// edges of `duration_factor` and of the rules (a quarter, half, one and two years); the
/// calibration and the scenario are fixed for a run. So children of one class on their days
/// share one table, and a table kept is the same, bit for bit, as one worked out again.
class rate_cache {
public:
    /// A class's rates and their sum, added in the order of `rate_table::values`.
    struct entry {
        rate_table rates;   ///< the rate of each outcome
        double total = 0;   ///< the sum of `rates`, first to last
    };
    rate_cache() {
        index_.fill(unset);
        tables_.reserve(class_count); // never regrows: references handed out stay valid
    }
    /// The rates of a stretch of days over which they stay the same.
    struct segment {
        const entry* rates; ///< the rates on each day of the stretch, as `rates` gives them
        std::int32_t end;   ///< the day they may change, as `next_rate_change` gives it
    };
    /// The rates of child `c` from `day` and the day they next change, at most `limit`, with
    /// each of the child's edges compared once. `cal` and `pol` must be the same on every call
    /// to one cache: a table is kept whatever they are.
    [[nodiscard]] segment from(const calibration& cal, const scenario& pol, const child_rec& c,
                               std::int32_t day, std::int32_t limit) {
        std::size_t dur = 0; // the time-in-placement edges passed
        while (dur < placement_edges.size() && c.placement_start + placement_edges[dur] <= day)
            ++dur;
        std::size_t passed = 0; // the birthdays passed, of the six at which rates may change
        while (passed + 1 < age_edges.size() && c.edge_days[passed] <= day)
            ++passed;
        std::int32_t end = limit;
        if (dur < placement_edges.size())
            end = std::min(end, c.placement_start + placement_edges[dur]);
        if (passed + 1 < age_edges.size())
            end = std::min(end, c.edge_days[passed]);
        // the class: under 4 (the 4th birthday, edge 1, not passed), 4 (the 5th, edge 2, not
        // passed), 5-15 (the 16th, edge 5, not passed) or 16 and over; the time-in-placement
        // edges passed; the home, legal group and flags
        const std::size_t age = passed <= 1 ? 0 : passed == 2 ? 1 : passed <= 5 ? 2 : 3;
        std::size_t k = static_cast<std::size_t>(c.home) * legal_groups
                        + static_cast<std::size_t>(c.legal);
        k = (k * 2 + c.long_term) * 2 + c.uasc;
        auto& i = index_[(k * age_classes + age) * duration_classes + dur];
        if (i == unset) {
            i = static_cast<std::uint16_t>(tables_.size());
            auto& e = tables_.emplace_back();
            rates(cal, pol, c, day, e.rates);
            for (double v : e.rates.values)
                e.total += v;
        }
        return {&tables_[i], end};
    }
    /// The number of classes whose rates have been worked out.
    [[nodiscard]] std::size_t size() const noexcept { return tables_.size(); }

private:
    static constexpr std::size_t homes = 8, legal_groups = 4, age_classes = 4, duration_classes = 5;
    static constexpr std::size_t class_count =
        homes * legal_groups * 2 * 2 * age_classes * duration_classes;
    static constexpr std::uint16_t unset = 0xffff;

    static_assert(duration_classes == placement_edges.size() + 1);
    static_assert(age_edges[1] == 4 && age_edges[2] == 5 && age_edges[5] == 16);
    static_assert(static_cast<std::size_t>(home_kind::other_residential) + 1 == homes);
    static_assert(static_cast<std::size_t>(legal_group::placement_order) + 1 == legal_groups);
    std::array<std::uint16_t, class_count> index_{};
    std::vector<entry> tables_;
};

// ---- social work teams and vacancies -------------------------------------------------------

/// Mean years a post stays vacant. With vacancy rate `v` (vacancies over vacancies plus staff
/// in post) and turnover `t` (leavers a year over staff in post), posts fall vacant at `t` x
/// staff a year while `v / (1 - v)` x staff are vacant at any time, so by Little's law a
/// vacancy lasts `v / (1 - v) / t` years. 0 when there is no turnover or no vacancy.
[[nodiscard]] inline double mean_vacancy_years(double vacancy_rate, double turnover) noexcept {
    if (!(turnover > 0) || !(vacancy_rate > 0) || !(vacancy_rate < 1))
        return 0;
    return vacancy_rate / (1 - vacancy_rate) / turnover;
}

/// The share of posts held by an agency worker covering a vacancy, in the steady state of
/// vacancies (rate `vacancy_rate`) of which `cover_share` are covered.
[[nodiscard]] inline double covered_vacancy_share(double vacancy_rate,
                                                  double cover_share) noexcept {
    return std::clamp(vacancy_rate, 0.0, 1.0) * std::clamp(cover_share, 0.0, 1.0);
}

/// The day an agency worker leaves: their own leaving day or the day the vacancy they cover
/// is filled, whichever comes first (a permanent worker has no such day: `cover_until` is
/// `never`).
[[nodiscard]] constexpr std::int32_t agency_leaving_day(std::int32_t own,
                                                        std::int32_t cover_until) noexcept {
    return std::min(own, cover_until);
}

/// A move of a child's case between social work teams at a stage of the care plan.
enum class team_move : std::uint8_t {
    no_move,
    to_care_team,   // from the team that brought the child into care to a children-in-care team
    to_sixteen_team // to a 16+ (leaving care) team at the 16th birthday
};

/// The 16th birthday of child `c` (its birthdays are computed once, at the ages in age_edges).
[[nodiscard]] inline std::int32_t sixteenth_birthday(const child_rec& c) noexcept {
    static constexpr std::size_t at = [] {
        std::size_t i = 0;
        while (age_edges[i] != 16)
            ++i;
        return i;
    }();
    return c.edge_days[at];
}

/// The next team move due for child `c`, in care, that is decided on a fixed day, and that day
/// (`never` when none is due). An s20 case moves to the children-in-care team at the review
/// `sw_care_team_days` after entry (a case in proceedings moves at the final order instead,
/// see `moves_at_final_order`); a child who turns 16 in care moves to the 16+ team. A move
/// due before `start` (the stock date) happened before the run and is not made again; each
/// move is made once a period of care (the record keeps the day it was made).
[[nodiscard]] inline std::pair<team_move, std::int32_t>
next_team_move(const calibration& cal, const child_rec& c, std::int32_t start) noexcept {
    std::pair<team_move, std::int32_t> next{team_move::no_move, never};
    if (c.legal == legal_group::accommodated_s20 && c.care_team_day < c.period_start) {
        const auto day = c.period_start + static_cast<std::int32_t>(cal.sw_care_team_days.value);
        if (day >= start)
            next = {team_move::to_care_team, day};
    }
    const auto sixteen = sixteenth_birthday(c);
    if (c.sixteen_team_day < sixteen && sixteen >= start && c.period_start < sixteen
        && sixteen < next.second)
        next = {team_move::to_sixteen_team, sixteen};
    return next;
}

/// Whether the final order of proceedings moves the case to the children-in-care team: it does
/// unless it has moved there in this period of care already (an s20 case that went to court).
[[nodiscard]] inline bool moves_at_final_order(const child_rec& c) noexcept {
    return c.care_team_day < c.period_start;
}

/// The chance a team move of kind `m` gives the child a new social worker.
[[nodiscard]] inline double team_move_share(const calibration& cal, team_move m) noexcept {
    switch (m) {
    case team_move::to_care_team:
        return cal.sw_care_team_share.value;
    case team_move::to_sixteen_team:
        return cal.sw_sixteen_team_share.value;
    case team_move::no_move:
        return 0;
    }
    return 0;
}

/// The chance a new home of kind `h` is inside the authority: the calibrated share, moved by
/// the same ratio as the foster share when the scenario sets that.
[[nodiscard]] inline double inside_share(const calibration& cal, const scenario& pol,
                                         home_kind h) noexcept {
    const double base = cal.inside_share.values[static_cast<std::size_t>(h)];
    if (!pol.share_inside_home_authority)
        return base;
    const double ratio = *pol.share_inside_home_authority / cal.inside_share.values[0];
    return std::clamp(base * ratio, 0.0, 1.0);
}

/// Days from a move to the first contact under arrangement `f`.
[[nodiscard]] constexpr std::int32_t days_to_first_contact(contact_frequency f) noexcept {
    switch (f) {
    case contact_frequency::daily:
        return 0;
    case contact_frequency::weekly:
        return 7;
    case contact_frequency::fortnightly:
        return 14;
    case contact_frequency::quarterly:
        return 91;
    case contact_frequency::twice_yearly:
        return 182;
    case contact_frequency::yearly:
        return 365;
    default:
        return 30;
    }
}

/// The relationship kind with code `code` (`other` when unknown).
[[nodiscard]] inline relationship_kind kind_of(std::uint16_t code) {
    for (const auto& k : kinds::builtin)
        if (k.code() == code)
            return k;
    return kinds::other;
}
/// The family of a kind by table: leaving care asks it of every tie.
[[nodiscard]] inline kind_family family_of_kind(std::uint16_t code) noexcept {
    static constexpr auto table = [] {
        std::array<kind_family, 64> t{};
        t.fill(kinds::other.family());
        for (const auto& k : kinds::builtin)
            if (k.code() < t.size())
                t[k.code()] = k.family();
        return t;
    }();
    return code < table.size() ? table[code] : kind_of(code).family();
}
/// The kind of the child's tie to the carer of a home of kind `h`; 0 for none (placed with
/// parents: the parent tie already exists).
[[nodiscard]] constexpr std::uint16_t carer_kind(home_kind h) noexcept {
    switch (h) {
    case home_kind::foster:
        return kinds::foster_carer.code();
    case home_kind::kinship_foster:
        return kinds::kinship_carer.code();
    case home_kind::placed_for_adoption:
        return kinds::adopter.code();
    case home_kind::with_parents:
        return 0;
    default:
        return kinds::residential_key_worker.code();
    }
}

} // namespace carepath::sim::detail
