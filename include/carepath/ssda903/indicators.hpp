#pragma once
/// @file
/// Placement-stability indicators of a return's collection year, computed from the mapped
/// care histories. docs/indicators.md defines each with its source; in short, for the year
/// `[1 April Y-1, 31 March Y]`:
/// - short-term stability: children looked after on 31 March who had 3 or more placements
///   during the year (DfE's former NI 62 / PSA measure), a placement being counted as the DfE
///   counts it: one starts at a change of carer (RNE S, P, B), not at a change of placement
///   type or legal status with the same carer (T, U, L);
/// - long-term stability: children under 16 on 31 March, looked after continuously for 2.5
///   years or more, who have lived with the same carer for 2 years or more, or are placed for
///   adoption and that placement with the one before it lasted 2 years or more (NI 63);
/// - moves (changes of carer) per child-year in care;
/// - time in care during the year;
/// - the share of children looked after on 31 March placed outside the home authority.
///
/// As in the DfE's figures, children looked after on 31 March under an agreed series of
/// short breaks (LS V3/V4) are left out of both stability measures, and short-break spells
/// of other children add no placement.
#include "carepath/core/care_history.hpp"
#include "carepath/core/dates.hpp"
#include "carepath/core/placement.hpp"
#include "carepath/ssda903/mapping.hpp"

#include <algorithm>
#include <cstddef>
#include <optional>
#include <ostream>
#include <vector>

namespace carepath::ssda903 {

/// A count out of a base, with the share when the base is not empty.
struct proportion {
    std::size_t count = 0; ///< how many meet the measure
    std::size_t base = 0; ///< how many could
    /// count / base; empty when the base is 0.
    [[nodiscard]] std::optional<double> share() const noexcept {
        if (base == 0)
            return std::nullopt;
        return static_cast<double>(count) / static_cast<double>(base);
    }
    /// Same count, same base.
    friend bool operator==(const proportion&, const proportion&) = default;
};

/// The indicators of one collection year.
struct stability_indicators {
    int collection_year = 0; ///< the year of the 31 March the year ends on
    date year_start; ///< 1 April Y-1
    date year_end;   ///< 31 March Y (the "as at" day)
    std::size_t looked_after_at_year_end = 0; ///< children looked after on 31 March
    std::size_t looked_after_in_year = 0; ///< children looked after on at least one day of the year
    /// Looked after on 31 March with 3+ placements in the year (`placements_between`: changes
    /// of carer), out of all looked after then other than under short breaks (V3/V4).
    proportion three_or_more_placements;
    /// Under 16, looked after 2.5+ years on 31 March, same carer 2+ years or placed for
    /// adoption (with the previous placement) 2+ years, out of those under 16 looked after 2.5+
    /// (short breaks, V3/V4 on 31 March, left out).
    proportion long_term_stability;
    std::size_t moves_in_year = 0;      ///< changes of carer (RNE P or B) in the year
    long long days_in_care_in_year = 0; ///< over all children
    /// Moves per child-year in care (a child-year is 365.25 days in care).
    [[nodiscard]] std::optional<double> moves_per_child_year() const noexcept {
        if (days_in_care_in_year == 0)
            return std::nullopt;
        return static_cast<double>(moves_in_year) * 365.25
               / static_cast<double>(days_in_care_in_year);
    }
    /// Mean days in care during the year, over the children looked after in it.
    [[nodiscard]] std::optional<double> mean_days_in_care() const noexcept {
        if (looked_after_in_year == 0)
            return std::nullopt;
        return static_cast<double>(days_in_care_in_year)
               / static_cast<double>(looked_after_in_year);
    }
    /// Lengths in days of the periods of care that ended during the year, shortest first.
    std::vector<long long> ended_period_days;
    /// Median of `ended_period_days` (mean of the middle two for an even count).
    [[nodiscard]] std::optional<double> median_ended_period_days() const noexcept {
        const auto n = ended_period_days.size();
        if (n == 0)
            return std::nullopt;
        if (n % 2 == 1)
            return static_cast<double>(ended_period_days[n / 2]);
        return (static_cast<double>(ended_period_days[n / 2 - 1])
                + static_cast<double>(ended_period_days[n / 2]))
               / 2.0;
    }
    /// Placed outside the home authority on 31 March, out of those looked after then whose
    /// placement location is known (needs `mapping_options::home_districts`).
    proportion placed_outside_home_authority;
};

namespace detail {
// Index of the placement spell holding `d` in the history (not a held-open one).
inline std::optional<std::size_t> placement_index_on(const care_history& h, date d) {
    const auto* p = h.placement_on(d);
    if (!p)
        return std::nullopt;
    return static_cast<std::size_t>(p - h.placements().data());
}
} // namespace detail

/// True for the legal statuses of an agreed series of short breaks (SSDA903 LS V3 and V4),
/// which the DfE leaves out of its looked-after figures.
[[nodiscard]] constexpr bool is_short_break(legal_status s) noexcept {
    return s == legal_status::short_breaks_single || s == legal_status::short_breaks_series;
}

/// The placements `h`'s child had during `[from, to)`, counted as the DfE counts them for its
/// placement-stability figures: the placement the child was in on `from` or entered care to
/// (one per period of care overlapping the days), plus one per change of carer (RNE S, P or B;
/// `placement_transition::is_move`) after `from`. A change of placement type or legal status
/// with the same carer (RNE T, U, L) continues the placement, and a placement whose legal
/// status is a short break (V3/V4) adds none.
///
/// Why this reading (docs/indicators.md): no DfE methodology text found says which RNE codes
/// its table counts, but the evidence points one way.
/// - The DfE's description of its 3+ measure (LG Inform metric 850, DfE id 10015,
///   https://beta.webservices.esd.org.uk/metricTypes/description/850) says a child placed for
///   adoption with their existing foster carer, recorded as RNE T or U into A3/A5 (SSDA903 rule
///   217), is not a change of placement.
/// - Its long-term companion measure is worded as the same carer, not the same placement type
///   (https://explore-education-statistics.service.gov.uk/data-catalogue/data-set/68c7a1f2-7dd9-42d4-9794-e94203e311f0).
/// - Its CLA data sets leave out children looked after under an agreed series of short-term
///   placements (data set 527b1848-c798-4ce0-8c67-610fc1b2a0ab; stability measures 2024 data
///   guidance).
/// - Three independent implementations count S, P and B only and drop V3/V4: the Children's
///   Commissioner's Stability Index 2019 (github.com/childrenscommissioner/stabilityindex2019,
///   index.Rmd, which does so for consistency with the national statistics), data-to-insight's
///   Annex A list 8 (github.com/data-to-insight/ssd-data-model) and Social Finance's demand
///   model (github.com/SocialFinanceDigitalLabs/cs-demand-model-regional,
///   ssda903/datacontainer.py, `_remove_redundant_episodes`).
[[nodiscard]] inline std::size_t placements_between(const care_history& h, date from, date to) {
    const interval window{from, to};
    auto counted_on = [&](date d) {
        const auto s = h.legal_status_on(d);
        return !s || !is_short_break(*s);
    };
    std::size_t n = 0;
    for (const auto& p : h.periods()) {
        const auto days = p.period.intersection(window);
        if (!days)
            continue;
        // The period counts unless every legal status it had in the window is a short break.
        bool any = false, other = false;
        for (const auto& l : h.legal_statuses())
            if (l.period.overlaps(*days)) {
                any = true;
                other = other || !is_short_break(l.status);
            }
        n += !any || other;
    }
    for (const auto& t : h.transitions())
        if (t.is_move && from < t.on && t.on < to && counted_on(t.on))
            ++n;
    return n;
}

/// Computes the indicators of collection year `year` (2025 = 2024-25) from mapped children.
[[nodiscard]] inline stability_indicators compute_indicators(const mapping_result& m, int year) {
    stability_indicators s;
    s.collection_year = year;
    s.year_start = *make_date(year - 1, 4, 1);
    s.year_end = *make_date(year, 3, 31);
    const date after = s.year_end + days{1}; // the year is [year_start, after)
    // 2.5 years before 31 March is 30 September three years earlier (care since then or before).
    const date long_term_since = *make_date(year - 3, 9, 30);

    for (const auto& c : m.children) {
        const auto& h = c.history;
        // Days in care within the year.
        long long in_year = 0;
        for (const auto& p : h.periods()) {
            const interval year_iv{s.year_start, after};
            if (auto x = p.period.intersection(year_iv))
                in_year += x->length(after).count();
            if (p.period.end() && *p.period.end() >= s.year_start && *p.period.end() < after)
                s.ended_period_days.push_back(p.period.length().count());
        }
        if (in_year > 0)
            ++s.looked_after_in_year;
        s.days_in_care_in_year += in_year;
        s.moves_in_year += h.moves_between(s.year_start, after);

        if (!h.in_care_on(s.year_end))
            continue;
        ++s.looked_after_at_year_end;
        const auto status_at_end = h.legal_status_on(s.year_end);
        const bool short_breaks = status_at_end && is_short_break(*status_at_end);

        // Placements during the year, changes of carer only (see `placements_between`).
        if (!short_breaks) {
            ++s.three_or_more_placements.base;
            if (placements_between(h, s.year_start, after) >= 3)
                ++s.three_or_more_placements.count;
        }

        const auto idx = detail::placement_index_on(h, s.year_end);
        if (idx) {
            // Location of the placement on 31 March, from the episode holding that day.
            std::optional<bool> outside;
            for (const auto& e : c.episodes)
                if (e.start <= s.year_end && (!e.end || *e.end > s.year_end))
                    outside = e.outside_home_authority;
            if (outside) {
                ++s.placed_outside_home_authority.base;
                if (*outside)
                    ++s.placed_outside_home_authority.count;
            }
        }

        // Long-term stability.
        if (short_breaks || !c.birth_date_known
            || age_on(h.subject().birth_date, s.year_end) >= 16)
            continue;
        const care_period* current = nullptr;
        for (const auto& p : h.periods())
            if (p.period.contains(s.year_end))
                current = &p;
        if (!current || current->period.start() > long_term_since || !idx)
            continue;
        ++s.long_term_stability.base;
        const auto& spells = h.placements();
        // The run of placements with the current carer, back from 31 March.
        std::size_t first = *idx;
        while (first > 0 && same_carer(spells[first - 1].where, spells[*idx].where)
               && spells[first - 1].period.end() == spells[first].period.start())
            --first;
        date since = spells[first].period.start();
        if (family_of(spells[*idx].where.type) == placement_family::adoption && *idx > 0
            && spells[*idx - 1].period.end() == spells[*idx].period.start())
            since = std::min(since, spells[*idx - 1].period.start());
        const date two_years_before = *make_date(year - 2, 3, 31);
        if (since <= two_years_before)
            ++s.long_term_stability.count;
    }
    std::ranges::sort(s.ended_period_days);
    return s;
}

/// Prints the indicators as sentences.
inline std::ostream& operator<<(std::ostream& os, const stability_indicators& s) {
    auto pct = [&](const proportion& p) {
        if (auto v = p.share()) {
            os << p.count << " of " << p.base << " (" << static_cast<int>(*v * 100.0 + 0.5) << "%)";
        } else {
            os << "not known";
        }
    };
    os << "Collection year " << s.collection_year - 1 << '-' << s.collection_year % 100 << ": "
       << s.looked_after_in_year << " children looked after during the year, "
       << s.looked_after_at_year_end << " on " << format_uk(s.year_end) << ".\n";
    os << "  3 or more placements in the year: ";
    pct(s.three_or_more_placements);
    os << "\n  under 16 in care 2.5+ years, same placement 2+ years: ";
    pct(s.long_term_stability);
    os << "\n  moves of home in the year: " << s.moves_in_year;
    if (auto v = s.moves_per_child_year())
        os << " (" << static_cast<double>(static_cast<long long>(*v * 100.0 + 0.5)) / 100.0
           << " per child-year in care)";
    os << "\n  placed outside the home authority: ";
    pct(s.placed_outside_home_authority);
    os << '\n';
    return os;
}

} // namespace carepath::ssda903
