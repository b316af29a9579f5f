#pragma once
/// @file
/// The classic stock-and-flow forecast of children in care, as councils' demand models make it:
/// a Markov chain on a monthly grid. A child's state is its placement group and legal group;
/// from each state, in each age band, a month ends in another state or in leaving care by one
/// of the exit routes. Rates are counted from what the histories show on the grid over the
/// `fit_years` before the snapshot; entrants arrive at the observed monthly rate, each a copy
/// of an observed entrant (state and age). The projection starts from the children in care on
/// the snapshot, ages them by their birth dates (leaving at 18) and draws every child's month
/// from its state's rates; replicates give the spread (2.5th to 97.5th percentile), and each
/// replicate refits on children resampled with replacement (a bootstrap), so the spread carries
/// the rates' uncertainty too.
#include "carepath/core/care_history.hpp"
#include "carepath/core/dates.hpp"
#include "carepath/sim/forecast.hpp"
#include "carepath/sim/rng.hpp"
#include "carepath/sim/states.hpp"

#include <algorithm>
#include <array>
#include <chrono>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <span>
#include <stdexcept>
#include <string>
#include <vector>

namespace carepath::sim {

/// States of the chain: every placement group with every legal group.
inline constexpr std::size_t markov_state_count = forecast_placement_count * forecast_legal_count;
/// Where a month can end: a state, or out of care by an exit route (after the states).
inline constexpr std::size_t markov_target_count = markov_state_count + exit_route_count;

/// The chain's state index of a placement and legal group.
[[nodiscard]] constexpr std::size_t markov_state(forecast_placement p, forecast_legal l) noexcept {
    return static_cast<std::size_t>(p) * forecast_legal_count + static_cast<std::size_t>(l);
}
/// The target index of leaving care by `r`.
[[nodiscard]] constexpr std::size_t markov_exit(exit_route r) noexcept {
    return markov_state_count + static_cast<std::size_t>(r);
}

/// `d` moved by `k` calendar months; a month's last day stays a last day (31 March, 30 April,
/// ... 31 March), and a day past the end of a shorter month becomes its last day.
[[nodiscard]] constexpr date add_months(date d, int k) noexcept {
    using namespace std::chrono;
    const year_month_day ymd{d};
    const year_month ym = year_month{ymd.year(), ymd.month()} + months{k};
    const year_month_day_last last{ym.year(), month_day_last{ym.month()}};
    const bool was_last = ymd.day() == year_month_day_last{ymd.year(), month_day_last{ymd.month()}}.day();
    if (was_last || ymd.day() > last.day()) return date{last};
    return date{ym / ymd.day()};
}

/// The collection year a day falls in (1 April to 31 March, named by the year it ends).
[[nodiscard]] constexpr int collection_year_of(date d) noexcept {
    const std::chrono::year_month_day ymd{d};
    const int y = static_cast<int>(ymd.year());
    return ymd.month() <= std::chrono::March ? y : y + 1;
}

/// A month of one child on the grid: the age band and state at its start, where it ended.
struct markov_step {
    age_band band;          ///< at the start of the month
    std::uint8_t from;      ///< state index at the start
    std::uint8_t to;        ///< target index at the end (a state or an exit)
};
/// A child seen in care at a grid day who was not in care at the one before.
struct markov_entry {
    std::uint8_t state; ///< state on the grid day
    days age;           ///< age on the grid day
};
/// What one child's history shows on the fit grid.
struct markov_child_record {
    std::vector<markov_step> steps;    ///< months in care (aged under 18 at both ends)
    std::vector<markov_entry> entries; ///< arrivals (first entries and re-entries)
};
/// The observations a chain is fitted on: the grid, and each child's months and arrivals.
struct markov_observations {
    date first{};         ///< first grid day of the fit window
    date snapshot{};      ///< last grid day
    int months = 0;       ///< months in the window
    std::vector<markov_child_record> children; ///< children with anything in the window
    std::vector<int> years_used; ///< collection years the window covers
};

namespace detail {
// A child's chain state on `on`, or nullopt when not in care or aged 18 or over (outside the
// population forecast, `forecastable_on`).
inline std::optional<std::uint8_t> markov_state_on(const care_history& h, date on) {
    if (!forecastable_on(h, on)) return std::nullopt;
    const auto s = state_on(h, on);
    if (!s) return std::nullopt;
    return static_cast<std::uint8_t>(markov_state(s->placement, s->legal));
}
// How the period of care covering `in_care` ended (other when not recorded).
inline exit_route exit_after(const care_history& h, date in_care) {
    for (const auto& p : h.periods())
        if (p.period.contains(in_care)) return p.exit.value_or(exit_route::other);
    return exit_route::other;
}
} // namespace detail

/// Reads the monthly grid ending on `snapshot` over `fit_years` years (cut at `data_from`: the
/// first grid day may be the day before it, whose state the first return shows, as it lists
/// every episode open on `data_from`; a one-year history gives 12 months, 31 March to 31 March):
/// only days up to the snapshot are looked at, so later events cannot change the fit. A month
/// in which the child turns 18 is left out: the projection ends care at 18 by birth date.
[[nodiscard]] inline markov_observations observe_markov(std::span<const care_history> histories,
                                                        date snapshot, int fit_years,
                                                        std::optional<date> data_from = {}) {
    if (fit_years < 1) throw std::invalid_argument{"fit_years must be at least 1"};
    markov_observations out;
    out.snapshot = snapshot;
    int months = 12 * fit_years;
    while (months > 0 && data_from && add_months(snapshot, -months) + days{1} < *data_from)
        --months;
    if (months == 0) throw std::invalid_argument{"no whole month of data before the snapshot"};
    out.months = months;
    out.first = add_months(snapshot, -months);
    for (int y = collection_year_of(out.first + days{1}); y <= collection_year_of(snapshot); ++y)
        out.years_used.push_back(y);
    std::vector<date> grid;
    for (int k = months; k >= 0; --k) grid.push_back(add_months(snapshot, -k));
    for (const auto& h : histories) {
        markov_child_record rec;
        auto before = detail::markov_state_on(h, grid[0]);
        for (std::size_t j = 1; j < grid.size(); ++j) {
            const auto after = detail::markov_state_on(h, grid[j]);
            const bool turns_18 = grid[j] >= h.subject().eighteenth_birthday();
            if (before && !turns_18) {
                const auto band = band_of(age_on(h.subject().birth_date, grid[j - 1]));
                const auto to = after ? *after
                                      : static_cast<std::uint8_t>(
                                            markov_exit(detail::exit_after(h, grid[j - 1])));
                rec.steps.push_back({band, *before, to});
            } else if (!before && after) {
                rec.entries.push_back({*after, grid[j] - h.subject().birth_date});
            }
            before = after;
        }
        if (!rec.steps.empty() || !rec.entries.empty()) out.children.push_back(std::move(rec));
    }
    return out;
}

/// A fitted chain: weighted counts of months by age band, start state and end, and arrivals.
struct markov_model {
    /// months[band][from][to]: weighted months in care that began in `from` and ended in `to`.
    std::array<std::array<std::array<double, markov_target_count>, markov_state_count>,
               band_count>
        months{};
    double entries = 0;      ///< weighted arrivals in the window
    int window_months = 0;   ///< months in the window
    std::vector<markov_entry> entrants;   ///< every arrival seen
    std::vector<double> entrant_weights;  ///< the weight of each (its child's)

    /// Arrivals expected per month.
    [[nodiscard]] double entries_per_month() const noexcept {
        return window_months > 0 ? entries / window_months : 0;
    }
    /// Weighted months that began in `from` at `band`.
    [[nodiscard]] double exposure(age_band band, std::size_t from) const noexcept {
        double n = 0;
        for (double v : months[static_cast<std::size_t>(band)][from]) n += v;
        return n;
    }
    /// The probability that a month begun in `from` at `band` ends in `to`. A band with no
    /// months in `from` uses every band's months; a state never seen keeps its children.
    [[nodiscard]] double probability(age_band band, std::size_t from, std::size_t to) const {
        return row(band, from)[to];
    }
    /// Every target's probability from `from` at `band` (see `probability`).
    [[nodiscard]] std::array<double, markov_target_count> row(age_band band,
                                                               std::size_t from) const {
        std::array<double, markov_target_count> out{};
        const auto& own = months[static_cast<std::size_t>(band)][from];
        double n = 0;
        for (double v : own) n += v;
        if (n > 0) {
            for (std::size_t t = 0; t < markov_target_count; ++t) out[t] = own[t] / n;
            return out;
        }
        for (std::size_t a = 0; a < band_count; ++a)
            for (std::size_t t = 0; t < markov_target_count; ++t) {
                out[t] += months[a][from][t];
                n += months[a][from][t];
            }
        if (n > 0) {
            for (double& v : out) v /= n;
            return out;
        }
        out[from] = 1.0;
        return out;
    }
};

/// Fits the chain on `obs`, each child counted `weights[i]` times (all once when empty).
[[nodiscard]] inline markov_model fit_markov(const markov_observations& obs,
                                             std::span<const double> weights = {}) {
    if (!weights.empty() && weights.size() != obs.children.size())
        throw std::invalid_argument{"one weight per observed child"};
    markov_model m;
    m.window_months = obs.months;
    for (std::size_t i = 0; i < obs.children.size(); ++i) {
        const double w = weights.empty() ? 1.0 : weights[i];
        if (w == 0) continue;
        for (const auto& s : obs.children[i].steps)
            m.months[static_cast<std::size_t>(s.band)][s.from][s.to] += w;
        for (const auto& e : obs.children[i].entries) {
            m.entries += w;
            m.entrants.push_back(e);
            m.entrant_weights.push_back(w);
        }
    }
    return m;
}

/// Options of the Markov forecast besides the shared ones.
struct markov_options {
    /// Refit each replicate on children drawn with replacement, so the interval includes the
    /// uncertainty of the rates; without it every replicate uses the rates of all children.
    bool bootstrap = true;
};

namespace detail {
// A Poisson count with mean `mean`: products of uniforms (Knuth) in chunks of mean <= 20,
// summed (a sum of Poisson counts is Poisson), so exp(-chunk) never underflows.
inline std::uint64_t poisson(stream& s, double mean) {
    std::uint64_t count = 0;
    while (mean > 0) {
        const double chunk = std::min(mean, 20.0);
        mean -= chunk;
        const double limit = std::exp(-chunk);
        double product = s.uniform();
        while (product > limit) {
            ++count;
            product *= s.uniform();
        }
    }
    return count;
}
// Cumulative weights, for drawing by binary search.
inline std::vector<double> cumulative(std::span<const double> weights) {
    std::vector<double> out(weights.size());
    double sum = 0;
    for (std::size_t i = 0; i < weights.size(); ++i) out[i] = sum += weights[i];
    return out;
}
inline std::size_t draw(stream& s, const std::vector<double>& cum) {
    const double u = s.uniform() * cum.back();
    const auto it = std::upper_bound(cum.begin(), cum.end(), u);
    return std::min(static_cast<std::size_t>(it - cum.begin()), cum.size() - 1);
}
// A projected child: its state and band, and the days its band changes and care ends, so the
// monthly loop compares dates instead of working out ages.
struct markov_child {
    date birth;
    std::uint8_t state;
    age_band band;
    date next_band; // first day of the next band (the 18th birthday in the last)
    date leaves;    // the 18th birthday
};
inline date band_end(date birth, age_band b) {
    constexpr std::array<int, band_count> ends{1, 5, 10, 16, 18};
    return birthday(birth, ends[static_cast<std::size_t>(b)]);
}
inline markov_child make_child(date birth, std::uint8_t state, date on) {
    const auto b = band_of(age_on(birth, on));
    return {birth, state, b, band_end(birth, b), birthday(birth, 18)};
}
inline void age_to(markov_child& c, date on) {
    while (on >= c.next_band && c.band != age_band::age_16_17) {
        c.band = static_cast<age_band>(static_cast<std::size_t>(c.band) + 1);
        c.next_band = band_end(c.birth, c.band);
    }
}
} // namespace detail

/// The Markov forecast: one point per 31 March (each 12 months after `snapshot`) for `years`
/// years, from `options.replicates` replicates.
[[nodiscard]] inline forecast markov_forecast(std::span<const care_history> histories,
                                              date snapshot, int years,
                                              const forecast_options& options,
                                              const markov_options& extra = {}) {
    if (years < 1) throw std::invalid_argument{"a forecast needs at least one year"};
    if (options.replicates < 1) throw std::invalid_argument{"a forecast needs replicates"};
    const auto obs = observe_markov(histories, snapshot, options.fit_years, options.data_from);
    std::vector<detail::markov_child> start;
    for (const auto& h : histories)
        if (const auto s = detail::markov_state_on(h, snapshot))
            start.push_back(detail::make_child(h.subject().birth_date, *s, snapshot));

    std::vector<std::vector<stock_count>> counts(static_cast<std::size_t>(years));
    const auto n = obs.children.size();
    for (int r = 0; r < options.replicates; ++r) {
        const auto rep = static_cast<std::uint32_t>(r);
        const auto weights = extra.bootstrap ? bootstrap_weights(options.seed, rep, n)
                                             : std::vector<double>{};
        const auto model = fit_markov(obs, weights);
        // cum[band][from]: cumulative probabilities over targets, worked out when first needed.
        std::array<std::array<std::vector<double>, markov_state_count>, band_count> cum;
        const auto row_of = [&](age_band b, std::size_t f) -> const std::vector<double>& {
            auto& c = cum[static_cast<std::size_t>(b)][f];
            if (c.empty()) c = detail::cumulative(model.row(b, f));
            return c;
        };
        const auto entrant_cum = detail::cumulative(model.entrant_weights);
        const double arrivals = model.entries_per_month();

        stream moves{{options.seed, rep, 0, purpose::child_events}};
        stream arrive{{options.seed, rep, 0, purpose::entries}};
        auto children = start;
        for (int k = 1; k <= 12 * years; ++k) {
            const date next = add_months(snapshot, k);
            std::vector<detail::markov_child> kept;
            kept.reserve(children.size());
            for (auto c : children) {
                if (next >= c.leaves) continue; // leaves care at 18
                const auto to = detail::draw(moves, row_of(c.band, c.state));
                if (to >= markov_state_count) continue;
                c.state = static_cast<std::uint8_t>(to);
                detail::age_to(c, next);
                kept.push_back(c);
            }
            if (!entrant_cum.empty() && arrivals > 0) {
                const auto arriving = detail::poisson(arrive, arrivals);
                for (std::uint64_t a = 0; a < arriving; ++a) {
                    const auto& e = model.entrants[detail::draw(arrive, entrant_cum)];
                    kept.push_back(detail::make_child(next - e.age, e.state, next));
                }
            }
            children = std::move(kept);
            if (k % 12 == 0) {
                stock_count c;
                c.on = next;
                for (const auto& child : children)
                    c.add(static_cast<forecast_placement>(child.state / forecast_legal_count),
                          static_cast<forecast_legal>(child.state % forecast_legal_count),
                          child.band);
                counts[static_cast<std::size_t>(k / 12 - 1)].push_back(c);
            }
        }
    }

    forecast out;
    out.method = "markov";
    out.from = snapshot;
    out.years_used = obs.years_used;
    for (int y = 1; y <= years; ++y)
        out.points.push_back(summarise_replicates(add_months(snapshot, 12 * y),
                                                  std::move(counts[static_cast<std::size_t>(y - 1)])));
    const auto all = fit_markov(obs);
    double months_seen = 0;
    for (std::size_t b = 0; b < band_count; ++b)
        for (std::size_t f = 0; f < markov_state_count; ++f)
            months_seen += all.exposure(static_cast<age_band>(b), f);
    const auto pooled = std::ranges::count_if(start, [&](const detail::markov_child& c) {
        return all.exposure(c.band, c.state) == 0;
    });
    const auto num = [](double v) { return std::to_string(static_cast<long long>(std::llround(v))); };
    out.notes.push_back("monthly transition rates between " + std::to_string(markov_state_count)
                        + " states (placement group x legal group) in each of 5 age bands, from "
                        + num(months_seen) + " child-months in care of "
                        + std::to_string(obs.children.size()) + " children, "
                        + format_iso(obs.first) + " to " + format_iso(obs.snapshot));
    out.notes.push_back("arrivals: " + num(all.entries) + " in " + std::to_string(obs.months)
                        + " months, each a copy of an observed arrival's state and age");
    out.notes.push_back("children leave care at 18; ages move on by date of birth");
    if (pooled > 0)
        out.notes.push_back(std::to_string(pooled)
                            + " children in care on the snapshot are in an age band and state "
                              "with no months in the window: they use the rates of all ages");
    out.notes.push_back(extra.bootstrap ? "each replicate refits on children drawn with "
                                          "replacement (bootstrap): the spread of the "
                                          "replicates includes the rates' uncertainty"
                                        : "rates fixed: the spread of the replicates is the "
                                          "chain's own chance only");
    return out;
}

/// The Markov forecast as a `forecaster` (for the back-test), with `extra` options.
[[nodiscard]] inline forecaster markov_forecaster(markov_options extra = {}) {
    return [extra](std::span<const care_history> histories, date snapshot, int years,
                   const forecast_options& options) {
        return markov_forecast(histories, snapshot, years, options, extra);
    };
}

} // namespace carepath::sim
