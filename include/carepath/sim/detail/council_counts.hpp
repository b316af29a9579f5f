#pragma once
// Private to carepath::sim: an implementation detail, not part of the API.
// The counts a council's fit is made of: every child's time in care inside the fitting window
// cut into pieces on which the model's rates are constant (kind of home, legal group, age,
// time in placement), and the events of the window (entries, moves, legal changes, exits),
// each with the state the child was in the day before. Only days before `to` (the day after
// the snapshot) are read, so what a history says after the snapshot changes nothing. Also the
// first day a council's returns cover, and the fit of move rates to these counts.
#include "carepath/core/care_history.hpp"
#include "carepath/sim/calibration.hpp"
#include "carepath/sim/detail/stock.hpp"
#include "carepath/sim/detail/tally.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <chrono>
#include <cstddef>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <vector>

namespace carepath::sim::detail {

/// Days in care (and events) the fit reads, summed over a council's children.
struct council_counts {
    // entries: every period of care begun in the window (first entries and re-entries)
    double entries = 0, entries_uasc = 0, entries_s20 = 0, entries_known_sex = 0, entries_male = 0;
    std::array<double, band_count> entry_band{}; // entrants who are not UASC, by age band
    std::array<std::array<double, home_count>, band_count> entry_home{}; // first home by age band
    // moves of home (a change of carer), by the home left and time in it (move_duration's
    // bands); the days are weighted by the long-term factor the model applies
    std::array<std::array<double, 4>, home_count> move_days{}, moves{};
    std::array<std::array<double, home_count>, band_count> move_to{}; // destination by age band
    // exits before 18 by the hazards of the model (detail/hazards.hpp `rates`)
    std::array<double, legal_count> home_days{}, returns_home{}; // with-parents days weighted
    double kinship_days = 0, sgo_kinship = 0;
    double foster_year_days = 0, sgo_foster = 0; // unrelated foster, not s20, a year in placement
    double cao_days = 0, cao = 0;                // kinship and placed with parents
    double older_days = 0, independent = 0;      // 16 and 17
    double adoption_days = 0, adoptions = 0;     // placed for adoption
    double care_days = 0, other_exits = 0;       // every day in care under 18
    double exits_at_18 = 0, fostered_at_18 = 0, staying_put = 0;
    std::array<double, exit_route_count> exits_by_route{};
    // legal changes and the long-term agreement
    double s20_days = 0, s20_to_order = 0;       // s20, under 16, not UASC
    double care_order_days = 0, to_placement_order = 0; // care order, under 5
    double waiting_days = 0, matched = 0, revoked = 0;  // placement order, not yet placed
    double interim_days = 0, interim_ended = 0, finals_under5 = 0, finals_under5_to_po = 0;
    double long_term_days = 0, long_term = 0;
    std::array<double, home_count> days_by_home{};
    std::array<double, legal_count> days_by_legal{};
};

inline home_kind home_or_foster(const placement_spell* p) noexcept {
    return p ? home_of(p->where.type).value_or(home_kind::foster) : home_kind::foster;
}
inline legal_group legal_or_care_order(std::optional<legal_status> s) noexcept {
    return s ? legal_of(*s).value_or(legal_group::care_order) : legal_group::care_order;
}
// The band of move_duration for `d` days in a placement.
inline std::size_t duration_band(std::int32_t d) noexcept {
    return d < quarter_year_days ? 0 : d < year_days ? 1 : d < two_years_days ? 2 : 3;
}

/// A child's state on one day, as the model's rates see it.
struct day_state {
    home_kind home = home_kind::foster;
    legal_group legal = legal_group::care_order;
    int age = 0;
    std::int32_t in_placement = 0; // days in the home (`home_since`)
    bool long_term = false;
};
inline day_state state_of(const care_history& h, date d) {
    const auto* p = usual_placement_on(h, d); // a temporary stay counts in the usual home
    day_state s;
    s.home = home_or_foster(p);
    s.legal = legal_or_care_order(h.legal_status_on(d));
    s.age = age_on(h.subject().birth_date, d);
    s.in_placement = p ? (d - home_since(h, *p)).count() : 0; // a stay does not reset it
    s.long_term = p && p->where.long_term_fostering;
    return s;
}

/// Adds the days of `h` in `[from, to)` and its events in that window to `c`.
/// `cal` gives the factors the model multiplies measured rates by (long-term and with-parents).
inline void count_child(const care_history& h, date from, date to, const calibration& cal,
                        council_counts& c) {
    const auto& who = h.subject();
    const bool uasc = who.unaccompanied_asylum_seeking;
    const date at18 = birthday(who.birth_date, 18);
    const auto in_window = [&](date d) { return d >= from && d < to; };
    // time in care, piece by piece
    std::vector<date> cuts;
    for (const auto& p : h.placements()) {
        cuts.push_back(p.period.start());
        if (p.period.end())
            cuts.push_back(*p.period.end());
        for (std::int32_t e : {quarter_year_days, half_year_days, year_days, two_years_days})
            cuts.push_back(home_since(h, p) + days{e});
    }
    for (const auto& l : h.legal_statuses()) {
        cuts.push_back(l.period.start());
        if (l.period.end())
            cuts.push_back(*l.period.end());
    }
    for (int a : age_edges)
        cuts.push_back(birthday(who.birth_date, a));
    std::ranges::sort(cuts);
    for (const auto& per : h.periods()) {
        const date a = std::max(per.period.start(), from);
        const date b = std::min({per.period.end().value_or(to), to, at18});
        if (a >= b)
            continue;
        std::vector<date> edges{a};
        for (date x : cuts)
            if (x > a && x < b && x != edges.back())
                edges.push_back(x);
        edges.push_back(b);
        for (std::size_t i = 0; i + 1 < edges.size(); ++i) {
            const double n = static_cast<double>((edges[i + 1] - edges[i]).count());
            const auto s = state_of(h, edges[i]);
            const auto hk = static_cast<std::size_t>(s.home);
            c.care_days += n;
            c.days_by_home[hk] += n;
            c.days_by_legal[static_cast<std::size_t>(s.legal)] += n;
            c.move_days[hk][duration_band(s.in_placement)] +=
                n * (s.long_term ? cal.long_term_move_factor.value : 1.0);
            if (!uasc && s.home != home_kind::placed_for_adoption)
                c.home_days[static_cast<std::size_t>(s.legal)] +=
                    n * (s.home == home_kind::with_parents ? cal.with_parents_return_factor.value
                                                           : 1.0);
            const bool kin = s.home == home_kind::kinship_foster;
            const bool fostered = s.home == home_kind::foster || kin;
            c.kinship_days += kin ? n : 0;
            if (s.home == home_kind::foster && s.legal != legal_group::accommodated_s20
                && s.in_placement >= year_days)
                c.foster_year_days += n;
            c.cao_days += kin || s.home == home_kind::with_parents ? n : 0;
            c.older_days += s.age >= 16 ? n : 0;
            c.adoption_days += s.home == home_kind::placed_for_adoption ? n : 0;
            if (s.legal == legal_group::accommodated_s20 && s.age < 16 && !uasc)
                c.s20_days += n;
            if (s.legal == legal_group::care_order && s.age < 5)
                c.care_order_days += n;
            if (s.legal == legal_group::placement_order
                && s.home != home_kind::placed_for_adoption)
                c.waiting_days += n;
            if (s.legal == legal_group::interim_care_order)
                c.interim_days += n;
            if (fostered && !s.long_term && s.legal == legal_group::care_order && s.age >= 4
                && s.in_placement >= half_year_days)
                c.long_term_days += n;
        }
    }
    // entries and exits
    for (const auto& per : h.periods()) {
        const date start = per.period.start();
        if (in_window(start) && age_on(who.birth_date, start) < 18) {
            const auto s = state_of(h, start);
            c.entries += 1;
            c.entries_uasc += uasc;
            if (!uasc) {
                c.entries_s20 += s.legal == legal_group::accommodated_s20;
                c.entry_band[static_cast<std::size_t>(band_of(s.age))] += 1;
            }
            c.entry_home[static_cast<std::size_t>(band_of(s.age))]
                        [static_cast<std::size_t>(s.home)] += 1;
            if (who.sex != sex::not_known) {
                c.entries_known_sex += 1;
                c.entries_male += who.sex == sex::male;
            }
        }
        const auto end = per.period.end();
        if (!end || !per.exit || !in_window(*end) || *end <= std::max(start, from))
            continue;
        const auto route = *per.exit;
        const auto s = state_of(h, *end - days{1});
        c.exits_by_route[static_cast<std::size_t>(route)] += 1;
        if (*end >= at18) {
            c.exits_at_18 += 1;
            if (s.home == home_kind::foster || s.home == home_kind::kinship_foster) {
                c.fostered_at_18 += 1;
                c.staying_put += route == exit_route::staying_put;
            }
            continue;
        }
        const bool kin = s.home == home_kind::kinship_foster;
        if (route == exit_route::return_home && !uasc
            && s.home != home_kind::placed_for_adoption)
            c.returns_home[static_cast<std::size_t>(s.legal)] += 1;
        else if (route == exit_route::special_guardianship && kin)
            c.sgo_kinship += 1;
        else if (route == exit_route::special_guardianship && s.home == home_kind::foster
                 && s.legal != legal_group::accommodated_s20 && s.in_placement >= year_days)
            c.sgo_foster += 1;
        else if (route == exit_route::child_arrangements_order
                 && (kin || s.home == home_kind::with_parents))
            c.cao += 1;
        else if (route == exit_route::independent_living && s.age >= 16)
            c.independent += 1;
        else if (route == exit_route::adoption && s.home == home_kind::placed_for_adoption)
            c.adoptions += 1;
        else
            c.other_exits += 1;
    }
    // moves of home, the match to adopters and long-term agreements
    const auto& ps = h.placements();
    for (const auto& t : h.transitions()) {
        if (!in_window(t.on) || t.on <= from || t.on >= at18 || !h.in_care_on(t.on - days{1}))
            continue;
        // a temporary stay and the return from it are not moves (`home_before_stay`); from a
        // stay to a new home is one move from the home before the stay
        if (is_temporary(ps[t.to].where.type) || home_before_stay(h, ps[t.to]))
            continue;
        const auto before = state_of(h, t.on - days{1});
        const auto to_home = home_or_foster(&ps[t.to]);
        if (t.is_move) {
            if (to_home == home_kind::placed_for_adoption) {
                c.matched += 1; // the model's match, not a move
                continue;
            }
            c.moves[static_cast<std::size_t>(before.home)][duration_band(before.in_placement)] +=
                1;
            c.move_to[static_cast<std::size_t>(band_of(age_on(who.birth_date, t.on)))]
                     [static_cast<std::size_t>(to_home)] += 1;
        } else if (!before.long_term && ps[t.to].where.long_term_fostering) {
            c.long_term += 1;
        }
    }
    // changes of legal status inside a period of care
    const auto& ls = h.legal_statuses();
    for (std::size_t i = 1; i < ls.size(); ++i) {
        const date d = ls[i].period.start();
        if (!in_window(d) || d <= from || d >= at18 || !h.in_care_on(d)
            || !h.in_care_on(d - days{1}))
            continue;
        const auto before = state_of(h, d - days{1});
        const auto after = legal_or_care_order(ls[i].status);
        using g = legal_group;
        if (before.legal == after)
            continue;
        if (before.legal == g::accommodated_s20 && before.age < 16 && !uasc)
            c.s20_to_order += 1;
        if (before.legal == g::care_order && after == g::placement_order && before.age < 5)
            c.to_placement_order += 1;
        if (before.legal == g::placement_order && before.home != home_kind::placed_for_adoption)
            c.revoked += 1;
        if (before.legal == g::interim_care_order) {
            c.interim_ended += 1;
            if (before.age < 5) {
                c.finals_under5 += 1;
                c.finals_under5_to_po += after == g::placement_order;
            }
        }
    }
}

inline constexpr double min_child_years = 1.0; // exposure a measured hazard needs
inline constexpr double min_cases = 5;         // cases a measured share or row needs

// `x` in the shortest form that reads back the same.
inline std::string number_text(double x) {
    std::array<char, 32> buf{};
    const auto r = std::to_chars(buf.data(), buf.data() + buf.size(), x);
    return std::string(buf.data(), r.ptr);
}

// The first day of the collection year (1 April to 31 March) holding `d`.
inline date collection_year_start(date d) {
    const int y = year_of(d);
    const date april{std::chrono::year{y} / std::chrono::April / 1};
    return d >= april ? april : date{std::chrono::year{y - 1} / std::chrono::April / 1};
}

// The first day the returns cover: a return lists only the episodes open during its year, so
// the ends of placements and periods of care fall in the years returned. The first collection
// year with at least a tenth as many ends (up to `snapshot`) as the busiest is taken as the
// first returned (a stray earlier date, a typing slip, does not move it). Nullopt when nothing
// ended by `snapshot`.
inline std::optional<date> first_day_covered(std::span<const care_history> hs, date snapshot) {
    std::map<int, double> ends; // collection year -> ends in it
    const auto see = [&](const interval& i) {
        if (i.end() && *i.end() <= snapshot)
            ends[year_of(collection_year_start(*i.end())) + 1] += 1;
    };
    for (const auto& h : hs) {
        for (const auto& p : h.placements())
            see(p.period);
        for (const auto& p : h.periods())
            see(p.period);
    }
    double most = 0;
    for (const auto& [year, n] : ends)
        most = std::max(most, n);
    for (const auto& [year, n] : ends)
        if (n >= most / 10)
            return date{std::chrono::year{year - 1} / std::chrono::April / 1};
    return std::nullopt;
}

// Moves a year by home x factor by time in placement, fitted to the counts by alternating the
// two margins (maximum likelihood for independent Poisson counts). Homes or bands with less
// than `min_child_years` of exposure keep England's values and are not fitted; so does one
// reference band (the fitted band with most moves), which fixes the scale between the rates
// and the factors (else moves seen in one band only would send the rates to 0 and that
// band's factor to infinity).
inline void fit_moves(const council_counts& c, const calibration& england,
                      std::array<double, home_count>& base, std::array<double, 4>& factor,
                      std::array<bool, home_count>& home_ok, std::array<bool, 4>& band_ok) {
    factor = england.move_duration.values;
    for (std::size_t h = 0; h < home_count; ++h) {
        double e = 0;
        for (double d : c.move_days[h])
            e += d;
        home_ok[h] = e / days_per_year >= min_child_years;
        base[h] = england.move_rate.values[h] * england.move_scale.value;
    }
    std::optional<std::size_t> ref;
    std::array<double, 4> band_moves{};
    for (std::size_t d = 0; d < 4; ++d) {
        double e = 0;
        for (std::size_t h = 0; h < home_count; ++h) {
            e += c.move_days[h][d];
            band_moves[d] += c.moves[h][d];
        }
        band_ok[d] = e / days_per_year >= min_child_years;
        if (band_ok[d] && (!ref || band_moves[d] > band_moves[*ref]))
            ref = d;
    }
    for (int it = 0; it < 200; ++it) {
        for (std::size_t h = 0; h < home_count; ++h) {
            if (!home_ok[h])
                continue;
            double m = 0, e = 0;
            for (std::size_t d = 0; d < 4; ++d) {
                m += c.moves[h][d];
                e += c.move_days[h][d] / days_per_year * factor[d];
            }
            base[h] = e > 0 ? m / e : 0;
        }
        for (std::size_t d = 0; d < 4; ++d) {
            if (!band_ok[d] || d == ref)
                continue;
            double e = 0;
            for (std::size_t h = 0; h < home_count; ++h)
                e += c.move_days[h][d] / days_per_year * base[h];
            if (e > 0)
                factor[d] = band_moves[d] / e;
        }
    }
}

} // namespace carepath::sim::detail
