#pragma once
/// @file
/// Back-testing a forecast against what later returns show (issue 18): from histories covering
/// collection years first..last, each 31 March from the end of the first year to the year
/// before the last is an origin; the forecaster sees only what was known on it (each history
/// rebuilt from its events up to that day) and forecasts each later 31 March the data covers;
/// every count is compared with the children the full histories show in care on that day:
/// those under 18, the population both forecasts model (`forecastable_on`), with the children
/// 18 or over in care counted beside and left out of the errors.
/// This is validation, never fitting: nothing here feeds back into a forecast.
#include "carepath/core/care_history.hpp"
#include "carepath/core/dates.hpp"
#include "carepath/sim/forecast.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <stdexcept>
#include <string>
#include <vector>

namespace carepath::sim {

/// Which count of a `stock_count` a row is about.
enum class count_kind : std::uint8_t { total, placement, legal, age };

} // namespace carepath::sim

/// Codes and labels of `count_kind`.
template <>
struct carepath::enum_table<carepath::sim::count_kind> {
    using e = carepath::sim::count_kind; ///< short name for the enum in the rows
    /// One row per enumerator: value, code, label.
    static constexpr std::array rows{
        enum_row<e>{e::total, "total", "all children in care"},
        enum_row<e>{e::placement, "placement", "by placement group"},
        enum_row<e>{e::legal, "legal", "by legal group"},
        enum_row<e>{e::age, "age", "by age band"},
    };
};

namespace carepath::sim {

/// One count of a `stock_count`: the total, or one placement group, legal group or age band.
struct count_key {
    count_kind kind = count_kind::total; ///< which array
    std::size_t index = 0;               ///< the group or band within it

    /// "total", "placement foster", "legal care_order", "age 10_15".
    [[nodiscard]] std::string name() const {
        switch (kind) {
        case count_kind::total: return "total";
        case count_kind::placement:
            return "placement " + std::string{to_string(static_cast<forecast_placement>(index))};
        case count_kind::legal:
            return "legal " + std::string{to_string(static_cast<forecast_legal>(index))};
        case count_kind::age: return "age " + std::string{to_string(static_cast<age_band>(index))};
        }
        return {};
    }
    /// The count this key names in `c`.
    [[nodiscard]] double of(const stock_count& c) const noexcept {
        switch (kind) {
        case count_kind::total: return c.total;
        case count_kind::placement: return c.by_placement[index];
        case count_kind::legal: return c.by_legal[index];
        case count_kind::age: return c.by_age[index];
        }
        return 0;
    }
    /// Same kind and index.
    friend bool operator==(const count_key&, const count_key&) = default;
};

/// Every count: the total, then placement groups, legal groups and age bands in table order.
[[nodiscard]] inline std::vector<count_key> all_count_keys() {
    std::vector<count_key> out{{count_kind::total, 0}};
    for (std::size_t i = 0; i < forecast_placement_count; ++i)
        out.push_back({count_kind::placement, i});
    for (std::size_t i = 0; i < forecast_legal_count; ++i) out.push_back({count_kind::legal, i});
    for (std::size_t i = 0; i < forecast_age_count; ++i) out.push_back({count_kind::age, i});
    return out;
}

/// The histories as they were known on `day`: each rebuilt from its events dated on or before
/// it (a relationship event by its own date), leaving out children with none. What a council's
/// returns up to that day would have shown, so a forecaster cannot see later events.
[[nodiscard]] inline std::vector<care_history> known_on(std::span<const care_history> histories,
                                                        date day) {
    std::vector<care_history> out;
    for (const auto& h : histories) {
        care_history cut{h.subject()};
        bool any = false;
        for (const auto& e : h.events()) {
            if (event_date(e) > day) continue;
            // A prefix of an accepted history is accepted; a refusal would leave `cut` as it
            // was, so ignoring it keeps the rest consistent.
            if (cut.add(e).ok()) any = true;
        }
        if (any) out.push_back(std::move(cut));
    }
    return out;
}

/// What to back-test.
struct backtest_options {
    int first_year = 0; ///< first collection year in the data (its 1 April starts the data)
    int last_year = 0;  ///< last collection year in the data (its 31 March is the last actual)
    int max_horizon = 3; ///< years ahead to compare, at most
    forecast_options forecast{}; ///< passed to the forecaster (data_from set from first_year)
};

/// One count of one forecast against what happened.
struct backtest_row {
    std::string method;  ///< the forecast's method
    date origin{};       ///< the snapshot it started from
    int horizon = 0;     ///< years after the origin
    date on{};           ///< the day compared
    count_key key;       ///< which count
    double actual = 0;   ///< children under 18 the full histories show in care (and in the group)
    /// Children 18 or over the full histories show in care on `on`: not in `actual`, as no
    /// forecast models them; the same on every row of one day.
    double aged_18_or_over = 0;
    double mean = 0;     ///< the forecast's mean
    double low = 0;      ///< 2.5th percentile of its replicates
    double high = 0;     ///< 97.5th percentile of its replicates
    bool has_spread = true; ///< false when the forecast had under 2 replicates (no low, high)
    /// mean - actual: positive when the forecast was too high.
    [[nodiscard]] double error() const noexcept { return mean - actual; }
    /// |error| / actual x 100; nullopt when nobody was there (no percentage of zero).
    [[nodiscard]] std::optional<double> absolute_percentage_error() const noexcept {
        if (actual == 0) return std::nullopt;
        return std::abs(mean - actual) / actual * 100;
    }
    /// True when the actual count lies inside the spread (ends included); false when there is
    /// no spread.
    [[nodiscard]] bool inside() const noexcept {
        return has_spread && low <= actual && actual <= high;
    }
    /// True for an empty group: nobody there and a spread of 0 to 0. Such a row is a hit that
    /// tells nothing about the spread, so the coverage leaves it out (docs/forecast.md).
    [[nodiscard]] bool empty_group() const noexcept {
        return actual == 0 && low == 0 && high == 0;
    }
    /// True when the row counts in the coverage: it has a spread and is not an empty group.
    [[nodiscard]] bool in_coverage() const noexcept { return has_spread && !empty_group(); }
};

/// Runs `f` from every origin the data allows and compares each count.
/// @throws std::invalid_argument when the years leave no origin with a later year to compare.
[[nodiscard]] inline std::vector<backtest_row>
backtest(std::span<const care_history> histories, const forecaster& f,
         const backtest_options& options) {
    if (options.last_year <= options.first_year || options.max_horizon < 1)
        throw std::invalid_argument{"a back-test needs at least two collection years"};
    auto fopt = options.forecast;
    if (!fopt.data_from)
        fopt.data_from = census_day(options.first_year - 1) + days{1};
    const auto keys = all_count_keys();
    std::vector<backtest_row> out;
    for (int origin_year = options.first_year; origin_year < options.last_year; ++origin_year) {
        const date origin = census_day(origin_year);
        const int years = std::min(options.max_horizon, options.last_year - origin_year);
        const auto known = known_on(histories, origin);
        const auto result = f(known, origin, years, fopt);
        for (const auto& point : result.points) {
            const int horizon = year_of(point.on) - origin_year;
            if (horizon < 1 || horizon > years || point.on != census_day(origin_year + horizon))
                continue;
            const auto actual = count_in_care(histories, point.on);
            for (const auto& k : keys)
                out.push_back({.method = result.method, .origin = origin, .horizon = horizon,
                               .on = point.on, .key = k, .actual = k.of(actual),
                               .aged_18_or_over = actual.aged_18_or_over,
                               .mean = k.of(point.mean), .low = k.of(point.low),
                               .high = k.of(point.high), .has_spread = point.has_spread});
        }
    }
    return out;
}

/// Summary of one method at one horizon, over the rows of one kind of count.
struct backtest_summary {
    std::string method;  ///< the forecast's method
    int horizon = 0;     ///< years ahead
    count_kind kind = count_kind::total; ///< which counts (the total, or every group of a kind)
    std::size_t rows = 0; ///< comparisons (every row; the n of `mean_error`)
    /// Mean absolute percentage error over rows with an actual count above zero.
    std::optional<double> mean_absolute_percentage_error;
    std::size_t percentage_rows = 0; ///< rows behind the MAPE (actual above zero)
    double mean_error = 0;   ///< mean of mean - actual over every row (bias)
    /// Share of the `coverage_rows` whose actual lies inside the spread; nullopt when none.
    std::optional<double> coverage;
    std::size_t coverage_rows = 0; ///< rows behind the coverage (`backtest_row::in_coverage`)
    std::size_t empty_rows = 0;    ///< empty groups (actual 0, spread 0 to 0): not in coverage
};

/// Summarises rows by method, horizon and kind of count, in the order first met: each measure
/// with its own n (mean error over every row, MAPE over rows with an actual above zero,
/// coverage over rows with a spread that are not empty groups).
[[nodiscard]] inline std::vector<backtest_summary>
summarise_backtest(std::span<const backtest_row> rows) {
    std::vector<backtest_summary> out;
    std::vector<double> inside;
    std::vector<double> percentage_sum;
    for (const auto& r : rows) {
        std::size_t i = 0;
        while (i < out.size()
               && !(out[i].method == r.method && out[i].horizon == r.horizon
                    && out[i].kind == r.key.kind))
            ++i;
        if (i == out.size()) {
            backtest_summary s;
            s.method = r.method;
            s.horizon = r.horizon;
            s.kind = r.key.kind;
            out.push_back(std::move(s));
            inside.push_back(0);
            percentage_sum.push_back(0);
        }
        auto& s = out[i];
        ++s.rows;
        s.mean_error += r.error();
        if (r.empty_group()) ++s.empty_rows;
        if (r.in_coverage()) {
            ++s.coverage_rows;
            inside[i] += r.inside() ? 1 : 0;
        }
        if (const auto ape = r.absolute_percentage_error()) {
            ++s.percentage_rows;
            percentage_sum[i] += *ape;
        }
    }
    for (std::size_t i = 0; i < out.size(); ++i) {
        const auto n = static_cast<double>(out[i].rows);
        out[i].mean_error /= n;
        if (out[i].coverage_rows > 0)
            out[i].coverage = inside[i] / static_cast<double>(out[i].coverage_rows);
        if (out[i].percentage_rows > 0)
            out[i].mean_absolute_percentage_error =
                percentage_sum[i] / static_cast<double>(out[i].percentage_rows);
    }
    return out;
}

} // namespace carepath::sim
