#pragma once
/// @file
/// What every forecast of a council's children in care shares (issue 18): the groups it counts
/// children in, a count of the children in care on one day (`count_in_care`: the children under
/// 18, the population every forecast models, with those 18 or over counted apart), a forecast as
/// a series of 31 March points with a mean and the spread of its replicates (2.5th to 97.5th
/// percentile, none with one replicate), and the signature of a forecaster,
/// so that the back-test (`sim/backtest.hpp`) can run the Markov and the microsimulation
/// forecasts alike.
#include "carepath/core/care_history.hpp"
#include "carepath/core/dates.hpp"
#include "carepath/core/enum_table.hpp"
#include "carepath/core/legal_order.hpp"
#include "carepath/core/placement.hpp"
#include "carepath/sim/rng.hpp"
#include "carepath/sim/states.hpp"

#include <algorithm>
#include <array>
#include <chrono>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <span>
#include <stdexcept>
#include <string>
#include <vector>

namespace carepath::sim {

/// The placement groups a forecast reports, close to the DfE's published placement groups
/// ("Children looked after in England", table of placement types):
/// - foster: U4-U6, unrelated foster carers;
/// - kinship_foster: U1-U3, fostered with a relative or friend;
/// - childrens_home: K2, children's homes;
/// - semi_independent: H5, K3, P2, P3, semi-independent, supported or independent living;
/// - with_parents: P1, placed with parents or others with parental responsibility;
/// - placed_for_adoption: A3-A6;
/// - other: secure units (K1), residential care homes (R1), health settings, custody,
///   residential schools, family centres and other placements (Z1, Z11-Z14). R1 is here, as in
///   the DfE's "other residential settings" and in the microsimulation, whose kinds of home
///   cannot tell R1 from the other residential settings: both forecasts count (and cost) R1 and
///   Z1 children alike.
///
/// A child on a temporary stay (T0-T4) is counted in the group of the placement it returns to
/// (`usual_placement_on`: SSDA903 rule 383), in both forecasts; `forecast_placement_of` puts the
/// temporary codes themselves in `other`, used only when no such placement is recorded.
enum class forecast_placement : std::uint8_t {
    foster, kinship_foster, childrens_home, semi_independent, with_parents, placed_for_adoption,
    other
};
/// The legal groups a forecast reports: interim care orders (C1), full care orders (C2),
/// placement orders (E1, and the legacy freeing order D1), accommodation under s20 (V2, and
/// short breaks V3/V4), and the rest (emergency orders L1-L3, youth justice J1-J3).
enum class forecast_legal : std::uint8_t {
    interim_care_order, care_order, placement_order, s20, other
};

} // namespace carepath::sim

/// Codes and labels of `forecast_placement`.
template <>
struct carepath::enum_table<carepath::sim::forecast_placement> {
    using e = carepath::sim::forecast_placement; ///< short name for the enum in the rows
    /// One row per enumerator: value, code, label.
    static constexpr std::array rows{
        enum_row<e>{e::foster, "foster", "foster care with unrelated carers (U4-U6)"},
        enum_row<e>{e::kinship_foster, "kinship_foster", "foster care with a relative or friend (U1-U3)"},
        enum_row<e>{e::childrens_home, "childrens_home", "children's home (K2)"},
        enum_row<e>{e::semi_independent, "semi_independent", "semi-independent, supported or independent living (H5, K3, P2, P3)"},
        enum_row<e>{e::with_parents, "with_parents", "placed with parents (P1)"},
        enum_row<e>{e::placed_for_adoption, "placed_for_adoption", "placed for adoption (A3-A6)"},
        enum_row<e>{e::other, "other", "secure, residential care home (R1), health, custody, residential school and other placements (Z1)"},
    };
};
/// Codes and labels of `forecast_legal`.
template <>
struct carepath::enum_table<carepath::sim::forecast_legal> {
    using e = carepath::sim::forecast_legal; ///< short name for the enum in the rows
    /// One row per enumerator: value, code, label.
    static constexpr std::array rows{
        enum_row<e>{e::interim_care_order, "interim_care_order", "interim care order (C1)"},
        enum_row<e>{e::care_order, "care_order", "care order (C2)"},
        enum_row<e>{e::placement_order, "placement_order", "placement order (E1, D1)"},
        enum_row<e>{e::s20, "s20", "accommodated under s20 CA 1989 (V2-V4)"},
        enum_row<e>{e::other, "other", "emergency and youth justice statuses (L1-L3, J1-J3)"},
    };
};

namespace carepath::sim {

/// Number of `forecast_placement` values.
inline constexpr std::size_t forecast_placement_count =
    enum_table<forecast_placement>::rows.size();
/// Number of `forecast_legal` values.
inline constexpr std::size_t forecast_legal_count = enum_table<forecast_legal>::rows.size();
/// Number of age bands (`age_band`: under 1, 1-4, 5-9, 10-15, 16-17; children 18 or over are
/// not in any band, see `stock_count::aged_18_or_over`).
inline constexpr std::size_t forecast_age_count = band_count;

/// The forecast group of an SSDA903 placement type.
[[nodiscard]] constexpr forecast_placement forecast_placement_of(placement_type t) noexcept {
    using p = placement_type;
    switch (t) {
    case p::U4: case p::U5: case p::U6: return forecast_placement::foster;
    case p::U1: case p::U2: case p::U3: return forecast_placement::kinship_foster;
    case p::K2: return forecast_placement::childrens_home;
    case p::H5: case p::K3: case p::P2: case p::P3: return forecast_placement::semi_independent;
    case p::P1: return forecast_placement::with_parents;
    case p::A3: case p::A4: case p::A5: case p::A6: return forecast_placement::placed_for_adoption;
    default: return forecast_placement::other;
    }
}
/// The forecast group of a legal status (statuses outside care fall in `other`).
[[nodiscard]] constexpr forecast_legal forecast_legal_of(legal_status s) noexcept {
    using l = legal_status;
    switch (s) {
    case l::interim_care_order: return forecast_legal::interim_care_order;
    case l::care_order: return forecast_legal::care_order;
    case l::placement_order: case l::freeing_order: return forecast_legal::placement_order;
    case l::accommodated_s20: case l::short_breaks_single: case l::short_breaks_series:
        return forecast_legal::s20;
    default: return forecast_legal::other;
    }
}

/// 31 March of `year`: the SSDA903 snapshot day that ends the collection year `year`.
[[nodiscard]] constexpr date census_day(int year) noexcept {
    return date{std::chrono::year{year} / std::chrono::March / 31};
}

/// True when `h`'s child is in the population a forecast models on `on`: in care and under 18
/// that day (`on` before the 18th birthday). The one rule of the Markov chain's states, the
/// microsimulation's start count and the back-test's actuals; care as a child ends at 18.
[[nodiscard]] inline bool forecastable_on(const care_history& h, date on) {
    return on < h.subject().eighteenth_birthday() && h.in_care_on(on);
}

/// Children in care on one date, counted by placement group, legal group and age band.
struct stock_count {
    date on{};        ///< the day counted
    double total = 0; ///< every child under 18 in care on `on` (the population forecast)
    std::array<double, forecast_placement_count> by_placement{}; ///< indexed by forecast_placement
    std::array<double, forecast_legal_count> by_legal{};         ///< indexed by forecast_legal
    std::array<double, forecast_age_count> by_age{};             ///< indexed by age_band
    /// Children in care on `on` aged 18 or over: in no other count (no forecast models them,
    /// care as a child ends at 18), kept so that they are reported, not dropped. Always 0 in a
    /// forecast.
    double aged_18_or_over = 0;

    /// The count of placement group `g`.
    [[nodiscard]] double of(forecast_placement g) const noexcept {
        return by_placement[static_cast<std::size_t>(g)];
    }
    /// The count of legal group `g`.
    [[nodiscard]] double of(forecast_legal g) const noexcept {
        return by_legal[static_cast<std::size_t>(g)];
    }
    /// The count of age band `b`.
    [[nodiscard]] double of(age_band b) const noexcept {
        return by_age[static_cast<std::size_t>(b)];
    }
    /// Adds one child in the three groups given.
    void add(forecast_placement p, forecast_legal l, age_band a, double weight = 1) noexcept {
        total += weight;
        by_placement[static_cast<std::size_t>(p)] += weight;
        by_legal[static_cast<std::size_t>(l)] += weight;
        by_age[static_cast<std::size_t>(a)] += weight;
    }
};

/// The groups a history places its child in on `on`; false when the child is not in care then.
/// The placement is the one the child usually lives in (`usual_placement_on`: during a
/// temporary stay, the placement before it). A child in care with no recorded placement or
/// legal status (which a `care_history` does not allow, but a partial return may lead to)
/// counts under `other`.
struct care_state {
    forecast_placement placement = forecast_placement::other; ///< placement group
    forecast_legal legal = forecast_legal::other;             ///< legal group
    age_band age = age_band::under_1; ///< age band on the day (18+ in the last band)
};
/// The state of `h`'s child on `on`, or nullopt when not in care on that day.
[[nodiscard]] inline std::optional<care_state> state_on(const care_history& h, date on) {
    if (!h.in_care_on(on)) return std::nullopt;
    care_state s;
    if (const auto* p = usual_placement_on(h, on))
        s.placement = forecast_placement_of(p->where.type);
    if (const auto l = h.legal_status_on(on)) s.legal = forecast_legal_of(*l);
    s.age = band_of(age_on(h.subject().birth_date, on));
    return s;
}

/// Counts the children of `histories` in care on `on` (the state each history gives for that
/// day: the day's placement, legal status and age in completed years): the children under 18
/// (`forecastable_on`) in the total and the groups, those 18 or over in `aged_18_or_over` only.
[[nodiscard]] inline stock_count count_in_care(std::span<const care_history> histories,
                                               date on) {
    stock_count out;
    out.on = on;
    for (const auto& h : histories) {
        if (!forecastable_on(h, on)) {
            if (h.in_care_on(on)) out.aged_18_or_over += 1;
            continue;
        }
        if (const auto s = state_on(h, on)) out.add(s->placement, s->legal, s->age);
    }
    return out;
}

/// One projected date: the mean over replicates and, for every count, the spread of the
/// replicates (their 2.5th and 97.5th percentiles). The spread is not a 95% interval of
/// anything: with R replicates a new replicate falls inside it with probability 0.95(R-1)/(R+1)
/// (0.86 at R = 20), and it holds only the uncertainty each method draws (docs/forecast.md).
struct forecast_point {
    date on{};       ///< the day projected (a 31 March)
    stock_count mean;     ///< mean over replicates
    stock_count low;      ///< 2.5th percentile of each count over replicates
    stock_count high;     ///< 97.5th percentile of each count over replicates
    /// Each replicate's counts, for what is computed per replicate afterwards (costs). Empty
    /// when a method keeps none.
    std::vector<stock_count> replicates;
    /// False when fewer than 2 replicates are behind the point: there is no spread, `low` and
    /// `high` equal `mean` and must not be shown or compared as an interval.
    bool has_spread = true;
};

/// A forecast from one method.
struct forecast {
    std::string method;              ///< "microsimulation" or "markov"
    date from{};                     ///< the snapshot date it starts from (a 31 March)
    std::vector<int> years_used;     ///< collection years whose data fitted it
    std::vector<forecast_point> points; ///< one per 31 March after `from`
    std::vector<std::string> notes;  ///< what was fitted, what was assumed, what was left out
};

/// What every forecaster takes besides the histories, snapshot and number of years.
struct forecast_options {
    int replicates = 20;     ///< simulated replicates behind each mean and interval
    std::uint64_t seed = 1;  ///< seed of the counter-based random streams
    int fit_years = 3;       ///< years before the snapshot whose events fit the rates
    /// The first day the histories are complete from (every child in care on or after it is
    /// in them: 1 April of the first return read). A fit window reaching further back is cut
    /// here, so that missing earlier years do not look like years without entries or exits.
    std::optional<date> data_from{};
};

/// Signature every forecaster has: `histories` may extend beyond `snapshot`; a forecaster must
/// only use what is known on `snapshot` (events up to and including it), which the back-test
/// relies on. Returns one point per 31 March for `years` years after the snapshot.
using forecaster = std::function<forecast(std::span<const care_history> histories, date snapshot,
                                          int years, const forecast_options& options)>;

/// A bootstrap over `n` units (children): how many times each is drawn in `n` draws with
/// replacement, the weights a forecaster refits a replicate on so that the spread of its
/// replicates carries the uncertainty of its fitted rates. The draws come from the stream keyed
/// (`seed`, `replicate`, `entity`, `purpose::parameters`): the same seed and replicate give the
/// same resample on any thread, and a forecaster gives its own `entity` to draw a resample of
/// its own. Empty when `n` is 0.
[[nodiscard]] inline std::vector<double> bootstrap_weights(std::uint64_t seed,
                                                           std::uint32_t replicate, std::size_t n,
                                                           std::uint64_t entity = 0) {
    std::vector<double> weights(n, 0.0);
    stream pick{{seed, replicate, entity, purpose::parameters}};
    for (std::size_t i = 0; i < n; ++i) weights[pick.below(static_cast<std::uint32_t>(n))] += 1;
    return weights;
}

/// The `q`-quantile (0..1) of `values` by linear interpolation between order statistics
/// (Hyndman and Fan's type 7, R's default). @throws std::invalid_argument when empty.
[[nodiscard]] inline double quantile(std::vector<double> values, double q) {
    if (values.empty()) throw std::invalid_argument{"quantile of no values"};
    std::ranges::sort(values);
    const double h = (static_cast<double>(values.size()) - 1) * std::clamp(q, 0.0, 1.0);
    const auto below = static_cast<std::size_t>(std::floor(h));
    const auto above = std::min(below + 1, values.size() - 1);
    return values[below] + (h - static_cast<double>(below)) * (values[above] - values[below]);
}

/// Summarises replicate counts of one day into a point: the mean of each count and its 2.5th
/// and 97.5th percentiles; keeps the replicates. One replicate gives no spread (`has_spread`
/// false, `low` and `high` the mean). @throws std::invalid_argument when empty.
[[nodiscard]] inline forecast_point summarise_replicates(date on,
                                                         std::vector<stock_count> replicates) {
    if (replicates.empty()) throw std::invalid_argument{"a forecast point needs replicates"};
    forecast_point out;
    out.on = on;
    out.mean.on = out.low.on = out.high.on = on;
    out.has_spread = replicates.size() >= 2;
    const auto n = static_cast<double>(replicates.size());
    std::vector<double> values(replicates.size());
    // One count at a time: `get` picks it out of a stock_count.
    const auto summarise = [&](auto get) {
        double sum = 0;
        for (std::size_t r = 0; r < replicates.size(); ++r) {
            values[r] = get(replicates[r]);
            sum += values[r];
        }
        get(out.mean) = sum / n;
        get(out.low) = quantile(values, 0.025);
        get(out.high) = quantile(values, 0.975);
    };
    summarise([](auto& c) -> auto& { return c.total; });
    for (std::size_t i = 0; i < forecast_placement_count; ++i)
        summarise([i](auto& c) -> auto& { return c.by_placement[i]; });
    for (std::size_t i = 0; i < forecast_legal_count; ++i)
        summarise([i](auto& c) -> auto& { return c.by_legal[i]; });
    for (std::size_t i = 0; i < forecast_age_count; ++i)
        summarise([i](auto& c) -> auto& { return c.by_age[i]; });
    out.replicates = std::move(replicates);
    return out;
}

} // namespace carepath::sim
