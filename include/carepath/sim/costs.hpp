#pragma once
/// @file
/// What a forecast of children in care costs (issue 18): a weekly unit cost per placement
/// group, each with its source and price year, read from a small CSV a council can replace
/// with its own; a yearly inflation rate; and for every replicate of a forecast the yearly cost
/// of the children in care on each 31 March (count x weekly cost x 52.18 weeks), with a mean
/// and the spread (2.5th to 97.5th percentile) over replicates. Groups with no published cost
/// are left out of the totals, and the result says so.
///
/// The CSV (docs/forecast.md): a header `placement_group,weekly_cost,price_year,source,note`,
/// then one row per group named as `forecast_placement`'s codes; `weekly_cost` in pounds, or
/// empty when no cost is published (then `price_year` may be empty too); fields with commas in
/// double quotes ("" for a quote inside).
#include "carepath/core/dates.hpp"
#include "carepath/core/result.hpp"
#include "carepath/sim/forecast.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <cstddef>
#include <istream>
#include <optional>
#include <sstream>
#include <string>
#include <string_view>
#include <system_error>
#include <vector>

namespace carepath::sim {

/// Weeks in an average year (365.25 / 7 = 52.18): a weekly cost times this is a yearly cost.
inline constexpr double weeks_per_year = 365.25 / 7;

/// The weekly cost of one placement group, with where it comes from.
struct unit_cost {
    std::optional<double> weekly{}; ///< pounds a week; empty when no figure is published
    /// The year of the prices, as the financial year (1 April to 31 March) they fall in, named
    /// by the year it ends: 2018/19 is 2019, and a price of October 2021 is 2022 (2021/22).
    /// A forecast point on 31 March Y is in the year Y, so inflation moves a price by
    /// Y - price_year years. 0 when no figure.
    int price_year = 0;
    std::string source;             ///< the publication, or "not published"
    std::string note;               ///< what the figure covers, and its caveats
};

/// A unit cost for every placement group, indexed by `forecast_placement`.
struct cost_table {
    std::array<unit_cost, forecast_placement_count> groups{}; ///< one per group
    std::string file; ///< where the table was read from

    /// The cost of group `g`.
    [[nodiscard]] const unit_cost& of(forecast_placement g) const noexcept {
        return groups[static_cast<std::size_t>(g)];
    }
};

namespace detail {
// Splits one CSV line into fields: commas separate, double quotes enclose, "" is a quote.
// nullopt when a quote is left open.
inline std::optional<std::vector<std::string>> split_csv_line(std::string_view line) {
    std::vector<std::string> out(1);
    bool quoted = false;
    for (std::size_t i = 0; i < line.size(); ++i) {
        const char c = line[i];
        if (quoted) {
            if (c == '"' && i + 1 < line.size() && line[i + 1] == '"') {
                out.back() += '"';
                ++i;
            } else if (c == '"') {
                quoted = false;
            } else {
                out.back() += c;
            }
        } else if (c == '"') {
            quoted = true;
        } else if (c == ',') {
            out.emplace_back();
        } else {
            out.back() += c;
        }
    }
    if (quoted) return std::nullopt;
    return out;
}
} // namespace detail

/// The columns of a cost file, in order.
inline constexpr std::array<std::string_view, 5> cost_columns{"placement_group", "weekly_cost",
                                                              "price_year", "source", "note"};

/// Reads a cost table. Every group must have exactly one row. Errors name the file, line,
/// field and value.
[[nodiscard]] inline result<cost_table> read_costs(std::istream& in, std::string_view file) {
    cost_table out;
    out.file = std::string{file};
    const auto error = [&](std::size_t line, std::string_view field, std::string_view value,
                           std::string message) {
        return diagnostic{.file = std::string{file}, .line = line, .field = std::string{field},
                          .value = std::string{value}, .message = std::move(message)};
    };
    std::string text;
    std::size_t line = 0;
    std::array<bool, forecast_placement_count> seen{};
    bool header = false;
    while (std::getline(in, text)) {
        ++line;
        if (!text.empty() && text.back() == '\r') text.pop_back();
        if (text.empty()) continue;
        const auto fields = detail::split_csv_line(text);
        if (!fields) return error(line, "", text, "a quoted field is not closed");
        if (!header) {
            for (std::size_t i = 0; i < cost_columns.size(); ++i)
                if (fields->size() <= i || (*fields)[i] != cost_columns[i])
                    return error(line, "header", text,
                                 "expected the header placement_group,weekly_cost,price_year,"
                                 "source,note");
            header = true;
            continue;
        }
        if (fields->size() != cost_columns.size())
            return error(line, "", text,
                         "expected 5 fields, found " + std::to_string(fields->size()));
        const auto& f = *fields;
        const auto group = from_string<forecast_placement>(f[0]);
        if (!group)
            return error(line, "placement_group", f[0],
                         "not a placement group (foster, kinship_foster, childrens_home, "
                         "semi_independent, with_parents, placed_for_adoption, other)");
        const auto g = static_cast<std::size_t>(*group);
        if (seen[g]) return error(line, "placement_group", f[0], "a second row for this group");
        seen[g] = true;
        unit_cost cost;
        if (!f[1].empty()) {
            double v = 0;
            const auto [end, ec] = std::from_chars(f[1].data(), f[1].data() + f[1].size(), v);
            if (ec != std::errc{} || end != f[1].data() + f[1].size() || !std::isfinite(v))
                return error(line, "weekly_cost", f[1], "not a number of pounds");
            if (v < 0) return error(line, "weekly_cost", f[1], "a cost cannot be negative");
            cost.weekly = v;
            int y = 0;
            const auto [yend, yec] = std::from_chars(f[2].data(), f[2].data() + f[2].size(), y);
            if (yec != std::errc{} || yend != f[2].data() + f[2].size() || y < 1900 || y > 2200)
                return error(line, "price_year", f[2], "a cost needs the year of its prices");
            cost.price_year = y;
            if (f[3].empty()) return error(line, "source", f[3], "a cost needs its source");
        } else if (!f[2].empty()) {
            return error(line, "weekly_cost", f[1], "a price year is given without a cost");
        }
        cost.source = f[3].empty() ? "not published" : f[3];
        cost.note = f[4];
        out.groups[g] = std::move(cost);
    }
    if (!header) return error(line, "header", "", "the file is empty");
    for (const auto g : all_values<forecast_placement>())
        if (!seen[static_cast<std::size_t>(g)])
            return error(line, "placement_group", to_string(g), "no row for this group");
    return out;
}

/// The unit costs carepath ships (the same rows as data/unit_costs_england.csv, which a test
/// keeps equal). Only figures found published are given; the rest are "not published".
inline constexpr std::string_view default_unit_costs_csv =
    R"csv(placement_group,weekly_cost,price_year,source,note
foster,820,2022,"Competition and Markets Authority, Children's social care market study: interim report, 22 October 2021","average weekly price charged by independent fostering agencies ('about 820'), applied to all unrelated foster care (U4-U6); price year taken as the report's, October 2021, in the financial year 2021/22, so 2022; the CMA found councils' own fostering often cheaper: a council should give its own cost"
kinship_foster,,,not published,"no national weekly cost of fostering by relatives or friends found; left out of totals"
childrens_home,4000,2019,"Independent Review of Children's Social Care, The Case for Change (2021), chapter four, The market for care (carepath calibration row residential_weekly_price)","average weekly price of a place in an independent children's home, 2018/19 ('around 4,000'); the CMA interim report (2021) gives 3,830 for the largest private providers"
semi_independent,,,not published,"no national weekly cost of semi-independent or supported accommodation found; left out of totals"
with_parents,,,not published,"children placed with parents cost mainly social work time; no weekly figure published; left out of totals"
placed_for_adoption,,,not published,"no weekly cost published; left out of totals"
other,,,not published,"residential care homes (R1), secure, health, custody and other settings vary too widely for one figure; left out of totals"
)csv";

/// The shipped unit costs.
[[nodiscard]] inline cost_table default_unit_costs() {
    std::istringstream in{std::string{default_unit_costs_csv}};
    return read_costs(in, "default unit costs").value();
}

/// The yearly cost of the children in care on one 31 March, over a forecast's replicates.
struct cost_point {
    date on{};          ///< the day counted
    double mean = 0;    ///< mean over replicates, pounds a year
    double low = 0;     ///< 2.5th percentile over replicates
    double high = 0;    ///< 97.5th percentile over replicates
    /// Mean yearly cost of each group (0 for groups left out).
    std::array<double, forecast_placement_count> mean_by_placement{};
    double children_left_out = 0; ///< mean children in groups with no cost
    /// False when fewer than 2 replicates are behind the point: `low` and `high` are the mean
    /// and are no spread.
    bool has_spread = true;
};

/// A cost forecast from one forecast.
struct cost_forecast {
    std::string method;             ///< the forecast's method
    double inflation = 0;           ///< the yearly rate used
    std::vector<cost_point> points; ///< one per forecast point
    std::vector<std::string> notes; ///< groups left out, prices, their years and caveats
    /// The price years of the costs added into the totals, ascending, each once.
    std::vector<int> price_years;

    /// True when the totals add costs of different price years left at their own prices (no
    /// inflation given): they are in no single year's pounds.
    [[nodiscard]] bool mixed_prices() const noexcept {
        return inflation == 0 && price_years.size() > 1;
    }
    /// What the totals are in: "pounds", "pounds at Y prices" (one price year, no inflation),
    /// "pounds, moved to each date's year by inflation" or, when `mixed_prices()`, "mixed
    /// prices (2019 and 2022), not adjusted".
    [[nodiscard]] std::string price_basis() const {
        if (price_years.empty()) return "pounds";
        if (inflation != 0) return "pounds, moved to each date's year by inflation";
        if (price_years.size() == 1)
            return "pounds at " + std::to_string(price_years.front()) + " prices";
        std::string years;
        for (std::size_t i = 0; i < price_years.size(); ++i) {
            if (i > 0) years += i + 1 == price_years.size() ? " and " : ", ";
            years += std::to_string(price_years[i]);
        }
        return "mixed prices (" + years + "), not adjusted";
    }
};

/// The cost of `f` with `costs`, prices moved from each cost's price year to the year of each
/// point by `inflation` a year (0.03 = 3%). A point whose replicates were not kept is costed
/// from its mean only (its interval is then the mean).
[[nodiscard]] inline cost_forecast forecast_costs(const forecast& f, const cost_table& costs,
                                                  double inflation = 0) {
    cost_forecast out;
    out.method = f.method;
    out.inflation = inflation;
    const auto weekly_in = [&](std::size_t g, int year) {
        const auto& c = costs.groups[g];
        return *c.weekly * std::pow(1 + inflation, year - c.price_year);
    };
    for (const auto& p : f.points) {
        const int year = year_of(p.on);
        const auto cost_of = [&](const stock_count& c) {
            double sum = 0;
            for (std::size_t g = 0; g < forecast_placement_count; ++g)
                if (costs.groups[g].weekly)
                    sum += c.by_placement[g] * weekly_in(g, year) * weeks_per_year;
            return sum;
        };
        cost_point cp;
        cp.on = p.on;
        cp.has_spread = p.has_spread && p.replicates.size() >= 2;
        for (std::size_t g = 0; g < forecast_placement_count; ++g) {
            if (costs.groups[g].weekly)
                cp.mean_by_placement[g] = p.mean.by_placement[g] * weekly_in(g, year) * weeks_per_year;
            else
                cp.children_left_out += p.mean.by_placement[g];
        }
        if (p.replicates.empty()) {
            cp.mean = cp.low = cp.high = cost_of(p.mean);
        } else {
            std::vector<double> values;
            double sum = 0;
            for (const auto& r : p.replicates) {
                values.push_back(cost_of(r));
                sum += values.back();
            }
            cp.mean = sum / static_cast<double>(values.size());
            cp.low = quantile(values, 0.025);
            cp.high = quantile(values, 0.975);
        }
        out.points.push_back(cp);
    }
    for (const auto g : all_values<forecast_placement>()) {
        const auto& c = costs.of(g);
        const std::string note = c.note.empty() ? "" : "; " + c.note;
        if (c.weekly) {
            out.notes.push_back(std::string{to_string(g)} + ": " + std::to_string(std::lround(*c.weekly))
                                + " pounds a week at " + std::to_string(c.price_year)
                                + " prices (" + c.source + note + ")");
            if (std::ranges::find(out.price_years, c.price_year) == out.price_years.end())
                out.price_years.push_back(c.price_year);
        } else {
            out.notes.push_back(std::string{to_string(g)} + ": no cost published, left out of "
                                                             "the totals"
                                + (c.note.empty() ? "" : " (" + c.note + ")"));
        }
    }
    std::ranges::sort(out.price_years);
    if (out.mixed_prices())
        out.notes.push_back("no inflation: each cost stays at its own year's prices, so the "
                            "totals are at " + out.price_basis()
                            + ": give --inflation to move them to each date's year");
    else if (inflation == 0)
        out.notes.push_back("no inflation: each cost stays at its own year's prices");
    return out;
}

} // namespace carepath::sim
