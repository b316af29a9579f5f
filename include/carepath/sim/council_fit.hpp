#pragma once
/// @file
/// A council's own microsimulation (issue 18): the model's rates measured from the council's
/// care histories (its SSDA903 returns merged into one history per child), and a forecast of
/// its children in care that starts from the children actually in care on the snapshot.
///
/// @code
///   auto fit = carepath::sim::fit_council(histories, snapshot, options);
///   fit.params                // a calibration: measured fields say provenance::derived
///   fit.measured              // what was measured, for printing
///   fit.notes                 // the window, every input kept at England's value and why,
///                             // every clamp, and every figure far from England's
///   auto f = carepath::sim::microsim_forecast(histories, snapshot, 3, options);
///   f.points[k].mean.total    // children in care on the (k+1)th 31 March after the snapshot
/// @endcode
///
/// Only what is known on the snapshot is used: days in care up to and including it, and
/// events on or before it. Histories may run on past the snapshot (a back-test relies on this).
///
/// The forecast's replicates each refit the rates on a bootstrap resample of the council's
/// children (`council_bootstrap`, `fit_council`'s weights), so the spread of the replicates
/// carries the uncertainty of rates measured from few cases, as the Markov forecast's does;
/// `microsim_options{.bootstrap = false}` runs every replicate on the one fit instead.
///
/// The model's hazards and how each is measured (child-years are days in care / 365.25,
/// counted inside the window and before the 18th birthday):
/// - entries: every period of care begun in the window, per year (first entries and re-entries:
///   the returns count both, so the model's returns after care are switched off, see below);
///   entrants' age bands (UASC apart, as the model draws their ages), s20 share, UASC share,
///   sex; the first home by age band;
/// - moves of home (a change of carer, not the match to adopters) by the kind of home left and
///   time in it: rate(home) x factor(time) fitted by maximum likelihood for Poisson counts
///   (alternating the two margins), England's factor kept for the band with most moves (it
///   sets the scale), with time in long-term
///   foster homes weighted by England's long-term factor; the next home by age band;
/// - exits before 18 by the model's routes: home by legal group (time placed with parents
///   weighted by England's factor for it), special guardianship from kinship and from
///   unrelated foster care after a year, child arrangements orders, independent living at
///   16-17, adoption orders after placement, the rest as other exits; staying put at 18;
/// - legal changes: s20 to proceedings, care order to placement order (under 5), the match and
///   revocation of placement orders, the length of interim orders and the share of under-5s
///   given a placement order at the final hearing; long-term foster agreements.
/// A hazard needs at least a child-year of exposure, a share or a row of weights at least 5
/// cases; otherwise England's value is kept and named in the notes. A measured figure under 0.2
/// or over 5 times England's (rates, shares, entrants' age bands and sex, entries a year against
/// England's scaled to the council's children in care, each kind of home's move rate and each
/// time-in-placement factor, the months to match and to adoption order, the weeks of
/// proceedings beyond the PLO target, each legal group's return-home rate) is used but named in
/// the notes with its count and exposure (the rows of first and next homes are not checked: see
/// the comment in fit_council); so is the clamp of the weeks beyond the PLO
/// target to at least 1. When only some legal groups' return-home rates are measured, the row's
/// source and note name the groups measured and those kept at England's rate.
#include "carepath/core/care_history.hpp"
#include "carepath/sim/calibration.hpp"
#include "carepath/sim/detail/council_counts.hpp"
#include "carepath/sim/engine.hpp"
#include "carepath/sim/forecast.hpp"
#include "carepath/sim/scenario.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <chrono>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <deque>
#include <memory>
#include <optional>
#include <ostream>
#include <span>
#include <stdexcept>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

namespace carepath::sim {

namespace detail {
// A measured figure under plausible_low or over plausible_high times England's value is named
// in the fit's notes.
inline constexpr double plausible_low = 0.2;
inline constexpr double plausible_high = 5;

// `x` to 3 significant figures, for notes: 295.2 -> "295", 0.012345 -> "0.0123".
inline std::string rounded_text(double x) {
    if (x == 0 || !std::isfinite(x)) return number_text(x);
    const int decimals = 2 - static_cast<int>(std::floor(std::log10(std::abs(x))));
    if (decimals <= 0) {
        const double unit = std::pow(10.0, -decimals);
        return number_text(std::round(x / unit) * unit);
    }
    const double scale = std::pow(10.0, decimals);
    return number_text(std::round(x * scale) / scale);
}
} // namespace detail

/// What the fit measured from a council's histories (the raw figures behind `params`).
struct council_measures {
    date from{};  ///< first day of the fitting window
    date to{};    ///< the snapshot: the window is [from, snapshot]
    double years = 0; ///< length of the window in years
    std::vector<int> years_used; ///< collection years (ending 31 March) the window touches
    double children_in_care = 0; ///< in care on the snapshot and under 18: the starting stock
    /// In care on the snapshot but 18 or over (a return's slip, or care recorded past 18): not
    /// simulated, as the model ends care at 18.
    double adults_in_care = 0;
    double care_years = 0;       ///< child-years in care in the window, under 18
    double entries = 0;          ///< periods of care begun in the window
    double entries_per_year = 0; ///< of which per year
    std::array<double, band_count> entry_age{}; ///< entrants not UASC by age band (shares)
    double entry_s20 = 0;  ///< share of entrants not UASC accommodated under s20
    double entry_uasc = 0; ///< share of entrants who are UASC
    /// First homes of entrants: counts by age band (rows) and kind of home (columns).
    std::array<std::array<double, home_count>, band_count> first_home{};
    std::array<double, home_count> care_years_by_home{}; ///< child-years by kind of home
    std::array<double, home_count> moves_by_home{};      ///< moves of home from each kind
    /// Moves a year from each kind of home, before the factor for time in placement and the
    /// long-term factor; 0 where not measured.
    std::array<double, home_count> move_rate{};
    /// Factor on moves by time in placement: <3 months, 3-12 months, 1-2 years, 2+ years.
    std::array<double, 4> move_duration{};
    std::array<double, legal_count> care_years_by_legal{}; ///< child-years by legal group
    std::array<double, legal_count> return_home_rate{};    ///< returns home a year by group
    double exits = 0;                                  ///< periods of care ended in the window
    std::array<double, exit_route_count> exits_by_route{}; ///< of which by route
    double exits_at_18 = 0;                                ///< of which on reaching 18
};

/// A calibration fitted to one council, with what was measured and what was kept.
/// `params`' notes point into text the fit owns (shared by its copies): keep the fit, or a copy
/// of it, alive while `params` is in use.
struct council_fit {
    calibration params;               ///< England's calibration with the measured inputs set
    council_measures measured;        ///< the figures measured
    /// The window, the inputs kept and why, clamps, and figures outside 0.2-5 times England's.
    std::vector<std::string> notes;
    std::shared_ptr<std::deque<std::string>> texts; ///< the notes `params` points into
};

/// The first collection year (named by the year it ends: 2020 = 2019-20) the histories cover
/// up to `snapshot`, judged from when placements and periods of care end: a return lists only
/// the episodes open in its year, so ends fall in the years returned, while starts may be years
/// earlier. The first year with at least a tenth as many ends as the busiest counts (a stray
/// date does not move it). Nullopt when nothing ended by `snapshot`.
[[nodiscard]] inline std::optional<int>
first_year_covered(std::span<const care_history> histories, date snapshot) {
    const auto day = detail::first_day_covered(histories, snapshot);
    if (!day) return std::nullopt;
    return year_of(*day) + 1;
}

namespace detail {
// The first day of the fitting window: `fit_years` years before the day after `snapshot`, cut
// to the first day the returns cover (`cut` says whether it was).
struct fit_window_start {
    date from{};
    bool cut = false;
};
inline fit_window_start fit_window(std::span<const care_history> histories, date snapshot,
                                   int fit_years) {
    const auto back = std::chrono::year_month_day{snapshot} - std::chrono::years{fit_years};
    fit_window_start out;
    out.from = (back.ok() ? date{back} : date{back.year() / back.month() / std::chrono::last})
               + days{1};
    if (const auto covered = first_day_covered(histories, snapshot);
        covered && *covered > out.from) {
        out.from = std::min(*covered, snapshot);
        out.cut = true;
    }
    return out;
}
// True when a period of care of `h` overlaps the window [from, to): the child's days or events
// can count in the fit.
inline bool seen_in_window(const care_history& h, date from, date to) {
    return std::ranges::any_of(h.periods(), [&](const care_period& p) {
        return p.period.start() < to && p.period.end().value_or(to) >= from;
    });
}
} // namespace detail

/// Fits the model to a council's histories: the window is the `options.fit_years` years up to
/// and including `snapshot`, cut to the first year the returns cover. Inputs the histories
/// cannot give (families, carers, social workers, schools, what happens after care) keep
/// England's values; the notes list them.
///
/// `weights`, when given, has one whole number (0, 1, 2, ...) per history: the times that
/// child's days and events count in the rates (a bootstrap resample, `council_bootstrap`). The
/// window and the starting stock are always of every history as given.
/// @throws std::invalid_argument when fit_years < 1, or `weights` is neither empty nor one
/// whole number >= 0 per history.
[[nodiscard]] inline council_fit fit_council(std::span<const care_history> histories,
                                             date snapshot, const forecast_options& options,
                                             std::span<const double> weights = {}) {
    if (options.fit_years < 1)
        throw std::invalid_argument{"fit_council: fit_years must be at least 1"};
    if (!weights.empty() && weights.size() != histories.size())
        throw std::invalid_argument{"fit_council: one weight per history"};
    if (!std::ranges::all_of(weights, [](double w) { return w >= 0 && w == std::floor(w); }))
        throw std::invalid_argument{"fit_council: weights must be whole numbers >= 0"};
    council_fit out;
    out.texts = std::make_shared<std::deque<std::string>>();
    auto& m = out.measured;
    const auto window = detail::fit_window(histories, snapshot, options.fit_years);
    const date from = window.from;
    if (window.cut)
        out.notes.push_back("the returns begin on " + format_iso(from)
                            + ": the window is cut to start there");
    const date to = snapshot + days{1};
    m.from = from;
    m.to = snapshot;
    m.years = static_cast<double>((to - from).count()) / detail::days_per_year;
    for (int y = year_of(from); y <= year_of(snapshot) + 1; ++y)
        if (census_day(y) >= from && census_day(y - 1) < snapshot)
            m.years_used.push_back(y);

    const calibration england = default_england();
    detail::council_counts c;
    for (std::size_t i = 0; i < histories.size(); ++i) {
        const auto& h = histories[i];
        const double times = weights.empty() ? 1.0 : weights[i];
        for (double k = 0; k < times; ++k)
            detail::count_child(h, from, to, england, c);
        if (!h.in_care_on(snapshot) || !h.placement_on(snapshot) || !h.legal_status_on(snapshot))
            continue;
        if (forecastable_on(h, snapshot)) // the forecasts' one rule: under 18 on the day
            m.children_in_care += 1;
        else
            m.adults_in_care += 1;
    }
    if (m.adults_in_care > 0)
        out.notes.push_back(detail::number_text(m.adults_in_care)
                            + " in care on the snapshot are 18 or over: they are not simulated "
                              "(the model ends care at 18)");

    // the note every measured input carries
    std::string years_text;
    if (!m.years_used.empty())
        years_text = std::to_string(m.years_used.front()) + "-" + std::to_string(m.years_used.back());
    out.texts->push_back("measured from the council's returns, collection years " + years_text
                         + " (" + format_iso(from) + " to " + format_iso(snapshot) + ")");
    const std::string_view note = out.texts->back();
    constexpr std::string_view source = "council returns";
    auto& p = out.params;
    std::vector<std::string> kept;
    const auto set = [&](auto& field, const auto& value) {
        if constexpr (requires { field.values; })
            field.values = value;
        else
            field.value = value;
        field.from = provenance::derived;
        field.source = source;
        field.note = note;
        if constexpr (requires { field.fitted; })
            field.fitted = false;
    };
    const auto years_of = [](double d) { return d / detail::days_per_year; };
    // a measured figure outside 0.2-5 times England's value is used, and named in the notes
    // with what it rests on (listed after the inputs kept)
    std::vector<std::string> implausible;
    const auto check = [&](std::string_view name, double measured, double england_value,
                           const std::string& basis) {
        if (!(england_value > 0)) return; // no ratio to England's 0
        const double ratio = measured / england_value;
        if (ratio >= detail::plausible_low && ratio <= detail::plausible_high) return;
        implausible.push_back(std::string{name} + " measured " + detail::rounded_text(measured)
                              + " (" + basis + ") against England's "
                              + detail::rounded_text(england_value) + ": "
                              + detail::rounded_text(ratio)
                              + " times England's, outside 0.2-5 times; used as measured, but "
                                "check the returns");
    };
    const auto exposure_text = [&](double events, double days_exposed) {
        return detail::rounded_text(events) + " in " + detail::rounded_text(years_of(days_exposed))
               + " child-years";
    };
    // a rate a year: events over exposure, when there is exposure enough
    const auto rate = [&](sourced& field, double events, double days_exposed,
                          std::string_view name) {
        if (years_of(days_exposed) >= detail::min_child_years) {
            check(name, events / years_of(days_exposed), field.value,
                  exposure_text(events, days_exposed));
            set(field, events / years_of(days_exposed));
        } else {
            kept.emplace_back(name);
        }
    };
    const auto share = [&](sourced& field, double part, double whole, std::string_view name) {
        if (whole >= detail::min_cases) {
            check(name, part / whole, field.value,
                  detail::rounded_text(part) + " of " + detail::rounded_text(whole));
            set(field, part / whole);
        } else {
            kept.emplace_back(name);
        }
    };

    // The plausibility check covers every figure measured from the returns and put into the
    // calibration, except two, which have no England value of the same kind to be a ratio of:
    // - stock_count: it is the council's size itself, the scale every count is judged by;
    // - the rows of entry_home and move_home: counts of first and next homes for an age band
    //   with 5 or more, spread over eight kinds of home, so most slots are 0 or 1 by chance and
    //   a slot's ratio to England's weight says nothing (the row's cases are in the notes'
    //   source for the rows measured, and kept rows are named).
    // Fixed consequences of the measurements (move_scale and return_home_scale set to 1, the
    // carers scaled to the council's size, returns after care switched off) are not measured.

    // the starting stock is the council's children; its count sets the authority's size
    set(p.stock_count, m.children_in_care);
    const double size = m.children_in_care / england.stock_count.value;
    out.texts->push_back("England's figure times the council's share of England's children in "
                         "care (" + detail::number_text(m.children_in_care) + " / "
                         + detail::number_text(england.stock_count.value) + "): the returns have "
                         "no count of the council's carers");
    p.foster_carers.value = england.foster_carers.value * size;
    p.carer_approvals.value = england.carer_approvals.value * size;
    for (auto* f : {&p.foster_carers, &p.carer_approvals}) {
        f->from = provenance::derived;
        f->note = out.texts->back();
    }

    // entries
    m.care_years = years_of(c.care_days);
    m.entries = c.entries;
    m.entries_per_year = m.years > 0 ? c.entries / m.years : 0;
    // against England's entries scaled to the council's size (its share of England's
    // children in care); no check for a council with no child in care on the snapshot
    check("entries_per_year", m.entries_per_year, england.entries_per_year.value * size,
          detail::rounded_text(c.entries) + " periods of care begun in "
              + detail::rounded_text(m.years) + " years; England's scaled to the council's "
              + detail::number_text(m.children_in_care) + " children in care");
    set(p.entries_per_year, m.entries_per_year);
    const double not_uasc = c.entries - c.entries_uasc;
    if (not_uasc >= detail::min_cases) {
        for (std::size_t b = 0; b < band_count; ++b) {
            m.entry_age[b] = c.entry_band[b] / not_uasc;
            check("entry_age for " + std::string{to_string(static_cast<age_band>(b))},
                  m.entry_age[b], england.entry_age.values[b],
                  detail::rounded_text(c.entry_band[b]) + " of "
                      + detail::rounded_text(not_uasc) + " entrants not unaccompanied");
        }
        set(p.entry_age, m.entry_age);
    } else {
        kept.emplace_back("entry_age");
    }
    share(p.entry_s20, c.entries_s20, not_uasc, "entry_s20");
    share(p.entry_uasc, c.entries_uasc, c.entries, "entry_uasc");
    if (c.entries_known_sex >= detail::min_cases) {
        check("male", 100 * c.entries_male / c.entries_known_sex, england.male.value,
              detail::rounded_text(c.entries_male) + " of "
                  + detail::rounded_text(c.entries_known_sex) + " entrants, percent");
        set(p.male, 100 * c.entries_male / c.entries_known_sex);
    } else
        kept.emplace_back("male");
    m.entry_s20 = not_uasc > 0 ? c.entries_s20 / not_uasc : 0;
    m.entry_uasc = c.entries > 0 ? c.entries_uasc / c.entries : 0;
    m.first_home = c.entry_home;
    // rows of weights: a band's row is measured when it has cases enough, else England's
    const auto rows = [&](auto& grid, const auto& counts, std::string_view name) {
        int measured = 0;
        for (std::size_t b = 0; b < band_count; ++b) {
            double n = 0;
            for (double v : counts[b])
                n += v;
            if (n >= detail::min_cases) {
                grid[b] = counts[b];
                ++measured;
            } else {
                kept.push_back(std::string{name} + " for " + std::string{to_string(
                                                                  static_cast<age_band>(b))});
            }
        }
        return measured;
    };
    const int entry_rows = rows(p.entry_home, c.entry_home, "entry_home");
    const int move_rows = rows(p.move_home, c.move_to, "move_home");
    if (entry_rows + move_rows > 0) {
        out.texts->push_back(std::string{note} + "; entry_home and move_home: counts of first "
                             "and next homes for age bands with 5 or more, England's weights "
                             "for the others");
        p.homes_note = out.texts->back();
    }

    // moves
    std::array<double, home_count> base{};
    std::array<double, 4> factor{};
    std::array<bool, home_count> home_ok{};
    std::array<bool, 4> band_ok{};
    detail::fit_moves(c, england, base, factor, home_ok, band_ok);
    set(p.move_rate, base);
    set(p.move_duration, factor);
    set(p.move_scale, 1.0);
    for (std::size_t h = 0; h < home_count; ++h) {
        m.care_years_by_home[h] = years_of(c.days_by_home[h]);
        for (double v : c.moves[h])
            m.moves_by_home[h] += v;
        m.move_rate[h] = home_ok[h] ? base[h] : 0;
        if (home_ok[h]) {
            // against England's rate as the model uses it (times move_scale, here set to 1)
            double moves = 0, days_exposed = 0;
            for (std::size_t d = 0; d < 4; ++d) {
                moves += c.moves[h][d];
                days_exposed += c.move_days[h][d];
            }
            check("move_rate for " + std::string{to_string(static_cast<home_kind>(h))}, base[h],
                  england.move_rate.values[h] * england.move_scale.value,
                  exposure_text(moves, days_exposed) + ", before the factor for time in "
                                                       "placement");
        }
        if (!home_ok[h] && c.days_by_home[h] > 0)
            kept.push_back("move_rate for " + std::string{to_string(static_cast<home_kind>(h))});
    }
    for (std::size_t d = 0; d < 4; ++d) {
        m.move_duration[d] = band_ok[d] ? factor[d] : 0;
        if (band_ok[d]) { // the band with most moves keeps England's factor: ratio 1
            double moves = 0, days_exposed = 0;
            for (std::size_t h = 0; h < home_count; ++h) {
                moves += c.moves[h][d];
                days_exposed += c.move_days[h][d];
            }
            check("move_duration band " + std::to_string(d), factor[d],
                  england.move_duration.values[d], exposure_text(moves, days_exposed));
        }
        if (!band_ok[d])
            kept.push_back("move_duration band " + std::to_string(d));
    }

    // exits
    std::string home_measured, home_kept; // legal groups, comma-separated
    for (std::size_t g = 0; g < legal_count; ++g) {
        m.care_years_by_legal[g] = years_of(c.days_by_legal[g]);
        const std::string group{to_string(static_cast<legal_group>(g))};
        // England's rate for the group, as the model uses it (times return_home_scale)
        const double england_rate =
            england.return_home_rate.values[g] * england.return_home_scale.value;
        if (years_of(c.home_days[g]) >= detail::min_child_years) {
            p.return_home_rate.values[g] = c.returns_home[g] / years_of(c.home_days[g]);
            m.return_home_rate[g] = p.return_home_rate.values[g];
            check("return_home_rate for " + group, m.return_home_rate[g], england_rate,
                  exposure_text(c.returns_home[g], c.home_days[g]));
            home_measured += (home_measured.empty() ? "" : ", ") + group;
        } else {
            p.return_home_rate.values[g] = england_rate;
            kept.push_back("return_home_rate for " + group);
            home_kept += (home_kept.empty() ? "" : ", ") + group;
        }
    }
    if (!home_measured.empty()) {
        set(p.return_home_rate, p.return_home_rate.values);
        set(p.return_home_scale, 1.0);
        if (!home_kept.empty()) {
            // one provenance for the row: its source and note say which slots were measured
            out.texts->push_back("council returns for " + home_measured + "; England's for "
                                 + home_kept);
            p.return_home_rate.source = out.texts->back();
            out.texts->push_back(std::string{note} + ", for " + home_measured + "; England's "
                                 "rate times return_home_scale ("
                                 + detail::number_text(england.return_home_scale.value)
                                 + ") kept for " + home_kept + " (too few cases)");
            p.return_home_rate.note = out.texts->back();
        }
    }
    rate(p.sgo_kinship_rate, c.sgo_kinship, c.kinship_days, "sgo_kinship_rate");
    rate(p.sgo_foster_rate, c.sgo_foster, c.foster_year_days, "sgo_foster_rate");
    rate(p.cao_rate, c.cao, c.cao_days, "cao_rate");
    rate(p.independent_living_rate, c.independent, c.older_days, "independent_living_rate");
    rate(p.other_exit_rate, c.other_exits, c.care_days, "other_exit_rate");
    if (c.adoptions > 0 && years_of(c.adoption_days) >= detail::min_child_years) {
        check("placed_to_order_months", 12 * years_of(c.adoption_days) / c.adoptions,
              england.placed_to_order_months.value,
              detail::rounded_text(c.adoptions) + " adoption orders in "
                  + detail::rounded_text(years_of(c.adoption_days)) + " child-years placed");
        set(p.placed_to_order_months, 12 * years_of(c.adoption_days) / c.adoptions);
    } else
        kept.emplace_back("placed_to_order_months");
    share(p.staying_put_share, c.staying_put, c.fostered_at_18, "staying_put_share");
    double exits = 0;
    for (std::size_t r = 0; r < exit_route_count; ++r)
        exits += c.exits_by_route[r];
    m.exits = exits;
    m.exits_by_route = c.exits_by_route;
    m.exits_at_18 = c.exits_at_18;

    // legal changes and long-term agreements
    rate(p.s20_to_proceedings_rate, c.s20_to_order, c.s20_days, "s20_to_proceedings_rate");
    rate(p.care_to_placement_order_rate, c.to_placement_order, c.care_order_days,
         "care_to_placement_order_rate");
    rate(p.placement_order_revoked_rate, c.revoked, c.waiting_days,
         "placement_order_revoked_rate");
    if (c.matched > 0 && years_of(c.waiting_days) >= detail::min_child_years) {
        check("match_months", 12 * years_of(c.waiting_days) / c.matched,
              england.match_months.value,
              detail::rounded_text(c.matched) + " matched in "
                  + detail::rounded_text(years_of(c.waiting_days)) + " child-years waiting");
        set(p.match_months, 12 * years_of(c.waiting_days) / c.matched);
    } else {
        kept.emplace_back("match_months");
    }
    if (c.interim_ended >= detail::min_cases) {
        const double weeks = years_of(c.interim_days) / c.interim_ended * 52.18;
        const double extra = weeks - england.plo_weeks.value;
        const std::string basis = detail::rounded_text(c.interim_ended) + " interim orders "
                                  "ended, " + detail::rounded_text(years_of(c.interim_days))
                                  + " child-years on them: " + detail::rounded_text(weeks)
                                  + " weeks on average";
        if (extra < 1)
            out.notes.push_back(
                "proceedings_extra_weeks clamped: interim orders lasted "
                + detail::rounded_text(weeks) + " weeks on average ("
                + detail::rounded_text(c.interim_ended) + " ended), " + detail::rounded_text(extra)
                + " weeks beyond the PLO's " + detail::number_text(england.plo_weeks.value)
                + "; set to 1, so the model's interim orders last about "
                + detail::number_text(england.plo_weeks.value + 1)
                + " weeks, longer than measured");
        else
            check("proceedings_extra_weeks", extra, england.proceedings_extra_weeks.value,
                  basis);
        set(p.proceedings_extra_weeks, std::max(1.0, extra));
    } else {
        kept.emplace_back("proceedings_extra_weeks");
    }
    share(p.placement_order_at_final_under5, c.finals_under5_to_po, c.finals_under5,
          "placement_order_at_final_under5");
    rate(p.long_term_rate, c.long_term, c.long_term_days, "long_term_rate");

    // returns after care are in the measured entries: the model's are switched off
    out.texts->push_back("0: the council's entries count every period of care begun, returns "
                         "after care included, so the model's own returns would count them "
                         "twice");
    for (auto* f : {&p.reentry_after_return_rate, &p.sgo_disruption_rate,
                    &p.adoption_breakdown_under4_rate}) {
        f->value = 0;
        f->from = provenance::derived;
        f->note = out.texts->back();
    }
    p.cao_disruption_rate.values = {0, 0};
    p.cao_disruption_rate.from = provenance::derived;
    p.cao_disruption_rate.note = out.texts->back();
    out.notes.push_back("re-entries are inside the measured entries (every period begun); the "
                        "model's returns after care are switched off, so the post_order_support "
                        "scenario changes nothing in this forecast");

    std::string kept_text = "England's values kept (too few cases in the window):";
    for (const auto& k : kept)
        kept_text += " " + k + ",";
    if (!kept.empty()) {
        kept_text.back() = '.';
        out.notes.push_back(kept_text);
    }
    out.notes.insert(out.notes.end(), implausible.begin(), implausible.end());
    out.notes.push_back("England's values kept (not in the returns): sibling groups, carers' "
                        "households and turnover (counts scaled to the council's size), social "
                        "workers, schools, placements inside the authority, ties at 25, the "
                        "long-term and placed-with-parents factors");
    return out;
}

/// The stream entity of the microsimulation's bootstrap (`bootstrap_weights`): its own, so
/// that its resample is not drawn from the numbers of `draw_assumptions` (entity 0 of the same
/// purpose) when a scenario asks for parameter uncertainty too.
inline constexpr std::uint64_t council_bootstrap_entity = 1;

/// A bootstrap resample of a council's children for replicate `replicate`, as weights for
/// `fit_council`: the children whose care overlaps the fitting window (the only ones the fit
/// counts) drawn with replacement as many times as there are of them, keyed on
/// (`options.seed`, `replicate`); every other history 0. The same seed and replicate give the
/// same weights.
[[nodiscard]] inline std::vector<double> council_bootstrap(std::span<const care_history> histories,
                                                           date snapshot,
                                                           const forecast_options& options,
                                                           std::uint32_t replicate) {
    const date from = detail::fit_window(histories, snapshot, options.fit_years).from;
    const date to = snapshot + days{1};
    std::vector<std::size_t> seen;
    for (std::size_t i = 0; i < histories.size(); ++i)
        if (detail::seen_in_window(histories[i], from, to)) seen.push_back(i);
    const auto drawn =
        bootstrap_weights(options.seed, replicate, seen.size(), council_bootstrap_entity);
    std::vector<double> out(histories.size(), 0.0);
    for (std::size_t k = 0; k < seen.size(); ++k) out[seen[k]] = drawn[k];
    return out;
}

/// Options of the microsimulation forecast besides the shared ones.
struct microsim_options {
    /// Refit each replicate on the council's children drawn with replacement
    /// (`council_bootstrap`), so the spread of the replicates carries the uncertainty of rates
    /// measured from few cases as well as the model's own chance; without it every replicate
    /// runs on the rates of all children (model noise only).
    bool bootstrap = true;
};

namespace detail {
// The forecast group a simulated home stands for (the model's other residential settings,
// secure units among them, count as other; its independent living as semi-independent).
constexpr forecast_placement forecast_group(home_kind h) noexcept {
    switch (h) {
    case home_kind::foster:
        return forecast_placement::foster;
    case home_kind::kinship_foster:
        return forecast_placement::kinship_foster;
    case home_kind::childrens_home:
        return forecast_placement::childrens_home;
    case home_kind::semi_independent:
    case home_kind::independent:
        return forecast_placement::semi_independent;
    case home_kind::with_parents:
        return forecast_placement::with_parents;
    case home_kind::placed_for_adoption:
        return forecast_placement::placed_for_adoption;
    case home_kind::other_residential:
        return forecast_placement::other;
    }
    return forecast_placement::other;
}
constexpr forecast_legal forecast_group(legal_group g) noexcept {
    switch (g) {
    case legal_group::accommodated_s20:
        return forecast_legal::s20;
    case legal_group::interim_care_order:
        return forecast_legal::interim_care_order;
    case legal_group::care_order:
        return forecast_legal::care_order;
    case legal_group::placement_order:
        return forecast_legal::placement_order;
    }
    return forecast_legal::other;
}
// One replicate's count on a 31 March, from the engine's tallies.
inline stock_count count_of(const year_summary& y) {
    stock_count s;
    s.on = y.snapshot;
    s.total = y.in_care;
    for (std::size_t h = 0; h < home_count; ++h)
        s.by_placement[static_cast<std::size_t>(forecast_group(static_cast<home_kind>(h)))] +=
            y.stock_by_home[h];
    for (std::size_t g = 0; g < legal_count; ++g)
        s.by_legal[static_cast<std::size_t>(forecast_group(static_cast<legal_group>(g)))] +=
            y.stock_by_legal[g];
    s.by_age = y.stock_by_age;
    return s;
}
} // namespace detail

/// Forecasts a council's children in care on each of the `years` 31 Marches after `snapshot`
/// under `policy`: the model fitted by `fit_council`, run `options.replicates` times from the
/// council's children in care on the snapshot (their ages, homes, legal status and time in
/// care and in placement), with entries at the measured rate and no burn-in. Each point gives
/// the mean and the 2.5th and 97.5th percentiles over replicates. By default
/// (`extra.bootstrap`) replicate r is fitted on its own resample of the children
/// (`council_bootstrap`) and run on its own seed (both from `options.seed` and r, so a scenario
/// run with the same seed stays paired with its baseline): the spread carries the rates'
/// uncertainty as well as model noise. Without it every replicate runs on the rates fitted to
/// all children: the spread of model noise only.
/// @throws std::invalid_argument when no child is in care on the snapshot, years < 1, or
/// `policy` asks for parameter uncertainty with one replicate.
[[nodiscard]] inline forecast microsim_scenario_forecast(std::span<const care_history> histories,
                                                         date snapshot, int years,
                                                         const forecast_options& options,
                                                         const scenario& policy,
                                                         const microsim_options& extra = {}) {
    if (years < 1)
        throw std::invalid_argument{"microsim_forecast: years must be at least 1"};
    if (options.replicates < 1)
        throw std::invalid_argument{"microsim_forecast: replicates must be at least 1"};
    // checked here, before any replicate runs (a bootstrap replicate runs on a worker thread)
    if (policy.parameter_uncertainty && options.replicates < 2)
        throw std::invalid_argument{
            "microsim_forecast: parameter uncertainty with one replicate would give one random "
            "draw of every unfitted assumption as the forecast; run 2 or more replicates"};
    const auto fit = fit_council(histories, snapshot, options);
    if (fit.measured.children_in_care < 1)
        throw std::invalid_argument{"microsim_forecast: no child under 18 is in care on "
                                    + format_iso(snapshot)};
    sim_config cfg;
    cfg.seed = options.seed;
    cfg.replicates = static_cast<std::uint32_t>(options.replicates);
    cfg.start = snapshot;
    cfg.years = years;
    cfg.params = fit.params;
    // the engine starts from the children in care on the day (the others it would skip)
    for (const auto& h : histories)
        if (h.in_care_on(snapshot)) cfg.initial.push_back(h);
    cfg.threads = 0; // replicates run side by side; the output is the same at any count
    // summary of each replicate, in replicate order
    std::vector<summary> replicates;
    if (!extra.bootstrap) {
        replicates = simulate(cfg, policy).replicates;
    } else {
        // one run of one replicate per resample, side by side; each keyed on its own seed
        replicates.resize(cfg.replicates);
        const unsigned threads = std::max(1u, std::thread::hardware_concurrency());
        detail::run_parallel(
            cfg.replicates, threads,
            [&](std::size_t r) {
                const auto rep = static_cast<std::uint32_t>(r);
                const auto weights = council_bootstrap(histories, snapshot, options, rep);
                const auto refit = fit_council(histories, snapshot, options, weights);
                sim_config one = cfg;
                one.replicates = 1;
                one.combined_replicates = cfg.replicates; // combined into one forecast below
                one.threads = 1;
                one.seed = stream_base({options.seed, rep, council_bootstrap_entity,
                                        purpose::child_events});
                one.params = refit.params; // its notes point into refit, alive until the run ends
                replicates[r] = std::move(simulate(one, policy).replicates.front());
            },
            {});
    }

    forecast out;
    out.method = "microsimulation";
    out.from = snapshot;
    out.years_used = fit.measured.years_used;
    const auto& m = fit.measured;
    out.notes.push_back("fitted to " + detail::number_text(m.entries) + " entries and "
                        + detail::number_text(m.exits) + " exits from " + format_iso(m.from)
                        + " to " + format_iso(m.to) + "; started from the "
                        + detail::number_text(m.children_in_care)
                        + " children under 18 in care on the snapshot");
    out.notes.insert(out.notes.end(), fit.notes.begin(), fit.notes.end());
    out.notes.push_back(extra.bootstrap
                            ? "each replicate refits the rates on the council's children drawn "
                              "with replacement (bootstrap): the spread of the replicates "
                              "includes the rates' uncertainty as well as the model's own chance"
                            : "rates fixed: every replicate runs on the fitted rates as measured, "
                              "so the spread of the replicates is the model's own chance only, "
                              "narrower than the uncertainty of rates measured from few cases");
    if (!policy.name.empty() && policy.name != "baseline")
        out.notes.push_back("scenario: " + policy.name);
    out.notes.push_back("placement groups from the model's kinds of home: residential settings "
                        "other than children's homes (R1 among them) and other placements (Z1) "
                        "count as other, and a child on a temporary stay (T0-T4) in the group "
                        "of the placement it returns to, as in the Markov forecast");
    if (const double other = count_in_care(histories, snapshot).of(forecast_legal::other);
        other > 0)
        out.notes.push_back(
            detail::number_text(other)
            + " in care on the snapshot have an emergency or youth justice status (legal group "
              "other): the model has no such group and runs them as on an interim care order "
              "(emergency) or a care order (youth justice), so the forecast's 'other' is 0");
    for (std::size_t k = 0; k < static_cast<std::size_t>(years); ++k) {
        std::vector<stock_count> reps;
        for (const auto& r : replicates)
            reps.push_back(detail::count_of(r.years[k]));
        out.points.push_back(summarise_replicates(replicates.front().years[k].snapshot,
                                                  std::move(reps)));
    }
    return out;
}

namespace detail {
inline void put_values(std::ostream& os, std::span<const double> values) {
    for (double v : values) {
        os << ' ';
        put_number(os, v);
    }
    os << '\n';
}
} // namespace detail

/// Writes what a fit measured as plain text, one figure (or row of figures) a line, then the
/// notes; the labels name the figures and the order of their slots.
inline void write_council_fit(std::ostream& os, const council_fit& fit) {
    const auto& m = fit.measured;
    const auto line = [&](std::string_view label, double v) {
        os << label << ' ';
        detail::put_number(os, v);
        os << '\n';
    };
    os << "window " << format_iso(m.from) << " to " << format_iso(m.to) << " (";
    detail::put_number(os, m.years);
    os << " years; collection years";
    for (int y : m.years_used)
        os << ' ' << y;
    os << ")\n";
    line("children in care on the snapshot (under 18)", m.children_in_care);
    line("in care on the snapshot aged 18 or over (not simulated)", m.adults_in_care);
    line("child-years in care in the window", m.care_years);
    line("entries", m.entries);
    line("entries a year", m.entries_per_year);
    os << "entrants not UASC by age band (under 1, 1-4, 5-9, 10-15, 16-17):";
    detail::put_values(os, m.entry_age);
    line("entrants not UASC under s20 (share)", m.entry_s20);
    line("entrants UASC (share)", m.entry_uasc);
    os << "by kind of home (foster, kinship foster, children's home, semi-independent, "
          "independent, with parents, placed for adoption, other residential):\n";
    os << "  child-years:";
    detail::put_values(os, m.care_years_by_home);
    os << "  moves of home:";
    detail::put_values(os, m.moves_by_home);
    os << "  moves a year before the time-in-placement factor:";
    detail::put_values(os, m.move_rate);
    os << "factor on moves by time in placement (<3 months, 3-12 months, 1-2 years, 2+):";
    detail::put_values(os, m.move_duration);
    os << "by legal group (s20, interim care order, care order, placement order):\n";
    os << "  child-years:";
    detail::put_values(os, m.care_years_by_legal);
    os << "  returns home a year:";
    detail::put_values(os, m.return_home_rate);
    line("exits", m.exits);
    line("exits at 18", m.exits_at_18);
    for (std::size_t r = 0; r < exit_route_count; ++r)
        if (m.exits_by_route[r] > 0) {
            os << "  exits " << to_string(static_cast<exit_route>(r)) << ' ';
            detail::put_number(os, m.exits_by_route[r]);
            os << '\n';
        }
    for (const auto& n : fit.notes)
        os << "note: " << n << '\n';
}

/// `microsim_scenario_forecast` under the baseline (the `forecaster` signature).
[[nodiscard]] inline forecast microsim_forecast(std::span<const care_history> histories,
                                                date snapshot, int years,
                                                const forecast_options& options) {
    return microsim_scenario_forecast(histories, snapshot, years, options, scenario{});
}

} // namespace carepath::sim
