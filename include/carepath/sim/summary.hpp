#pragma once
/// @file
/// What a simulation reports: the `figures` for a year ending 31 March (each comparable with
/// a published statistic), the yearly time series (one table, `series_measures`, lists them)
/// and writers for JSON and CSV. The states it counts (home, legal group, age band) are in
/// sim/states.hpp. JSON is written by hand here so the library needs no JSON dependency.
/// The writers are templates with nothing to choose, compiled only in the files that call
/// them (issue 14; sim/engine.hpp says why).
#include "carepath/core/dates.hpp"
#include "carepath/core/enum_table.hpp"
#include "carepath/core/permanence.hpp"
#include "carepath/sim/detail/tally.hpp"
#include "carepath/sim/states.hpp"

#include <array>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <optional>
#include <ostream>
#include <span>
#include <string>
#include <string_view>
#include <tuple>
#include <vector>

namespace carepath::sim {

/// The figures of a year ending 31 March. The first keys are the issue's; the rest are extra
/// figures the calibration data lets us compare.
enum class figure_key : std::uint8_t {
    cla_count,
    entries,
    exits,
    foster_share,
    kinship_foster_share,
    long_term_foster_share,
    childrens_home_share,
    semi_independent_16_17_share,
    placed_with_parents_share,
    placed_for_adoption_share,
    out_of_area_share,
    uasc_share,
    care_order_share,
    placement_order_share,
    s20_share,
    exit_return_home_share,
    exit_adoption_share,
    exit_sgo_share,
    exit_cao_share,
    exit_age18_share,
    three_plus_placements_share,
    long_term_stability_share,
    siblings_apart_share,
    sw_changes_per_child_year,
    no_change_home_school_sw_1yr_share,
    no_change_home_school_sw_2yr_share,
    reentry_within_5yr_share,
    sgo_disruption_5yr_share,
    adoption_breakdown_12yr_share,
    kinship_foster_continuing_2yr_share,
    unrelated_foster_continuing_2yr_share,
    continuity_index_mean,
    lifelong_links_at_25_mean,
    // extra figures
    adoptions,
    male_share,
    age_under_1_share,
    age_1_4_share,
    age_5_9_share,
    age_10_15_share,
    age_16_plus_share,
    residential_and_semi_share,
    independent_share,
    other_residential_share,
    one_placement_share,
    siblings_apart_count,
    childrens_home_count,
    uasc_count,
    adoption_entry_to_order_months
};

} // namespace carepath::sim

/// Codes and labels of `figure_key`.
template <>
struct carepath::enum_table<carepath::sim::figure_key> {
    using e = carepath::sim::figure_key; ///< short name for the enum in the rows
    /// One row per enumerator: value, code, label.
    static constexpr std::array rows{
        enum_row<e>{e::cla_count, "cla_count", "children looked after at 31 March"},
        enum_row<e>{e::entries, "entries", "children who started to be looked after in the year"},
        enum_row<e>{e::exits, "exits", "children who ceased to be looked after in the year"},
        enum_row<e>{e::foster_share, "foster_share", "% in foster care (kinship included)"},
        enum_row<e>{e::kinship_foster_share, "kinship_foster_share",
                    "% fostered by a relative or friend"},
        enum_row<e>{e::long_term_foster_share, "long_term_foster_share",
                    "% in long-term foster care"},
        enum_row<e>{e::childrens_home_share, "childrens_home_share", "% in children's homes"},
        enum_row<e>{e::semi_independent_16_17_share, "semi_independent_16_17_share",
                    "% of 16-17s in independent or semi-independent living"},
        enum_row<e>{e::placed_with_parents_share, "placed_with_parents_share",
                    "% placed with parents"},
        enum_row<e>{e::placed_for_adoption_share, "placed_for_adoption_share",
                    "% placed for adoption"},
        enum_row<e>{e::out_of_area_share, "out_of_area_share",
                    "% placed outside the home authority"},
        enum_row<e>{e::uasc_share, "uasc_share", "% unaccompanied asylum-seeking children"},
        enum_row<e>{e::care_order_share, "care_order_share",
                    "% under a care order (interim included)"},
        enum_row<e>{e::placement_order_share, "placement_order_share", "% under a placement order"},
        enum_row<e>{e::s20_share, "s20_share", "% accommodated under s20"},
        enum_row<e>{e::exit_return_home_share, "exit_return_home_share",
                    "% of leavers who returned home"},
        enum_row<e>{e::exit_adoption_share, "exit_adoption_share", "% of leavers adopted"},
        enum_row<e>{e::exit_sgo_share, "exit_sgo_share",
                    "% of leavers on a special guardianship order"},
        enum_row<e>{e::exit_cao_share, "exit_cao_share",
                    "% of leavers on a child arrangements order"},
        enum_row<e>{e::exit_age18_share, "exit_age18_share", "% of leavers who left at 18"},
        enum_row<e>{e::three_plus_placements_share, "three_plus_placements_share",
                    "% with 3+ placements in the year"},
        enum_row<e>{e::long_term_stability_share, "long_term_stability_share",
                    "% of under-16s in care 2.5+ years in the same home 2+ years"},
        enum_row<e>{e::siblings_apart_share, "siblings_apart_share",
                    "% of children with a sibling in care living apart from one"},
        enum_row<e>{e::sw_changes_per_child_year, "sw_changes_per_child_year",
                    "social worker changes per child-year in care"},
        enum_row<e>{e::no_change_home_school_sw_1yr_share, "no_change_home_school_sw_1yr_share",
                    "% in care all year with no change of home, school or social worker"},
        enum_row<e>{e::no_change_home_school_sw_2yr_share, "no_change_home_school_sw_2yr_share",
                    "% in care two years with no change of home, school or social worker"},
        enum_row<e>{e::reentry_within_5yr_share, "reentry_within_5yr_share",
                    "% of those leaving care before 18 (not to live independently) back in care "
                    "within 5 years"},
        enum_row<e>{e::sgo_disruption_5yr_share, "sgo_disruption_5yr_share",
                    "% of SGO leavers back in care within 5 years"},
        enum_row<e>{e::adoption_breakdown_12yr_share, "adoption_breakdown_12yr_share",
                    "% of adopted children back in care within 12 years"},
        enum_row<e>{e::kinship_foster_continuing_2yr_share, "kinship_foster_continuing_2yr_share",
                    "% of kinship foster placements still running 2 years on"},
        enum_row<e>{e::unrelated_foster_continuing_2yr_share,
                    "unrelated_foster_continuing_2yr_share",
                    "% of unrelated foster placements still running 2 years on"},
        enum_row<e>{e::continuity_index_mean, "continuity_index_mean",
                    "mean share of ties kept at a move (0-100)"},
        enum_row<e>{e::lifelong_links_at_25_mean, "lifelong_links_at_25_mean",
                    "mean people still there at 25, for those leaving at 18"},
        enum_row<e>{e::adoptions, "adoptions", "children adopted in the year"},
        enum_row<e>{e::male_share, "male_share", "% male"},
        enum_row<e>{e::age_under_1_share, "age_under_1_share", "% aged under 1"},
        enum_row<e>{e::age_1_4_share, "age_1_4_share", "% aged 1-4"},
        enum_row<e>{e::age_5_9_share, "age_5_9_share", "% aged 5-9"},
        enum_row<e>{e::age_10_15_share, "age_10_15_share", "% aged 10-15"},
        enum_row<e>{e::age_16_plus_share, "age_16_plus_share", "% aged 16 and over"},
        enum_row<e>{e::residential_and_semi_share, "residential_and_semi_share",
                    "% in children's homes, secure units or semi-independent living"},
        enum_row<e>{e::independent_share, "independent_share", "% living independently"},
        enum_row<e>{e::other_residential_share, "other_residential_share",
                    "% in other residential settings"},
        enum_row<e>{e::one_placement_share, "one_placement_share",
                    "% with one placement in the year"},
        enum_row<e>{e::siblings_apart_count, "siblings_apart_count",
                    "children living apart from a sibling in care"},
        enum_row<e>{e::childrens_home_count, "childrens_home_count",
                    "children in children's homes"},
        enum_row<e>{e::uasc_count, "uasc_count", "unaccompanied asylum-seeking children"},
        enum_row<e>{e::adoption_entry_to_order_months, "adoption_entry_to_order_months",
                    "mean months from entry to adoption"},
    };
};

namespace carepath::sim {

/// Number of `figure_key` values.
inline constexpr std::size_t figure_count = enum_table<figure_key>::rows.size();

/// True when the figure is a percentage (0-100) rather than a count or a rate.
[[nodiscard]] constexpr bool is_share(figure_key k) noexcept {
    switch (k) {
    case figure_key::cla_count:
    case figure_key::entries:
    case figure_key::exits:
    case figure_key::sw_changes_per_child_year:
    case figure_key::lifelong_links_at_25_mean:
    case figure_key::adoptions:
    case figure_key::siblings_apart_count:
    case figure_key::childrens_home_count:
    case figure_key::uasc_count:
    case figure_key::adoption_entry_to_order_months:
        return false;
    default:
        return true;
    }
}

/// One value per figure key; nullopt when the run is too short (or too small) to measure it.
struct figures {
    std::array<std::optional<double>, figure_count> values{}; ///< indexed by `figure_key`
    /// The value of figure `k`; nullopt when not measured.
    [[nodiscard]] std::optional<double> operator[](figure_key k) const noexcept {
        return values[static_cast<std::size_t>(k)];
    }
    /// The value of figure `k`, to set.
    std::optional<double>& at(figure_key k) noexcept { return values[static_cast<std::size_t>(k)]; }
    /// Same values.
    friend bool operator==(const figures&, const figures&) = default;
};

/// A figure over replicates: the mean and a 95% confidence interval for it (Student's t on
/// replicates - 1 degrees of freedom, sim/stats.hpp). `low` and `high` are absent for fewer
/// than 2 replicates: one replicate says nothing about the spread.
struct figure_estimate {
    /// Mean over the replicates that measured the figure.
    std::optional<double> mean, low, high; ///< upper end of the 95% interval
    std::size_t replicates = 0; ///< replicates in which the figure was measured
    std::vector<double> values; ///< the replicates' own values, in replicate order
    /// Equal in every field.
    friend bool operator==(const figure_estimate&, const figure_estimate&) = default;
};
/// @var figure_estimate::low
/// Lower end of the 95% interval.

/// The time series for one year ending 31 March. Counts are scaled to England (divided by the
/// run's scale), so a run on a 10% sample still reads as national numbers.
struct year_summary {
    int year = 0;  ///< the year ending 31 March `year`
    date snapshot; ///< 31 March of `year`
    double in_care = 0; ///< children in care on 31 March
    std::array<double, home_count> stock_by_home{}; ///< of those, by kind of home
    std::array<double, legal_count> stock_by_legal{}; ///< of those, by legal group
    std::array<double, band_count> stock_by_age{}; ///< of those, by age band
    double entries = 0;               ///< children starting care (counted once each)
    double entries_with_siblings = 0; ///< of which arriving with a sibling on the same day
    std::array<double, exit_route_count> exits_by_route{}; ///< children leaving, last exit
    double exits = 0; ///< children who left care in the year, counted once each
    double moves = 0; ///< moves of home in the year
    double child_years_in_care = 0; ///< days in care in the year / 365.25
    double moves_per_child_year = 0; ///< moves of home per child-year in care
    std::array<double, 4> children_by_moves{}; ///< in care at 31 March: 0, 1, 2, 3+ moves
    double continuity_mean = 0;                ///< mean share (0-1) of ties kept per move
    double siblings_apart = 0;                 ///< children living apart from a sibling in care
    double with_sibling_in_care = 0; ///< children in care on 31 March with a sibling in care
    double sw_changes = 0; ///< changes of allocated social worker in the year
    /// Mean people expected still there at 25, over children leaving care at 18.
    double lifelong_links_at_25_mean = 0;
    figures figs; ///< the year's figures, one per `figure_key`
    /// Equal in every field.
    friend bool operator==(const year_summary&, const year_summary&) = default;
};

/// A run (or one replicate): the reported years in order, and the figures of the last.
struct summary {
    std::vector<year_summary> years; ///< the reported years, in order
    /// The last year's figures; nullptr when no year was reported.
    [[nodiscard]] const figures* last_figures() const noexcept {
        return years.empty() ? nullptr : &years.back().figs;
    }
    /// Equal year by year.
    friend bool operator==(const summary&, const summary&) = default;
};

namespace detail {
template <class E>
inline constexpr auto codes_of = [] {
    std::array<std::string_view, enum_table<E>::rows.size()> out{};
    for (std::size_t i = 0; i < out.size(); ++i)
        out[i] = enum_table<E>::rows[i].code;
    return out;
}();
inline constexpr std::array<std::string_view, 4> move_counts{"0", "1", "2", "3+"};
} // namespace detail

/// How a reported series is made from a year's counts (`up` scales a sample to England).
enum class series_rule : std::uint8_t {
    count,          ///< count x up (slot by slot for a series by category)
    years_of_days,  ///< days / 365.25 x up
    per_child_year, ///< count / (days / 365.25); 0 without days
    mean            ///< sum / n; 0 when n is 0
};

/// One series of `year_summary`: its name in JSON and CSV, its member, the counts it is made
/// from, and its categories (none for a single number).
template <class M>
struct series_measure {
    std::string_view name; ///< name in JSON and CSV
    M year_summary::*member; ///< the `year_summary` member it fills
    detail::tally from; ///< the count it is made from
    series_rule rule = series_rule::count; ///< how the count becomes the series
    detail::tally per = detail::tally::count; ///< the days or n of `per_child_year` and `mean`
    /// Category codes; empty for a single number.
    std::span<const std::string_view> categories = {};
};
/// Deduces `M` from the member pointer.
template <class M>
series_measure(std::string_view, M year_summary::*, auto...) -> series_measure<M>;

/// The series a year reports, in the order written. This one table drives the yearly
/// figures' series (`detail::fill_series`), the mean over replicates and the JSON and CSV
/// writers: a new series is a member of `year_summary`, a line here and its count.
inline constexpr auto series_measures = [] {
    using t = detail::tally;
    using r = series_rule;
    using y = year_summary;
    // clang-format off
    return std::make_tuple(
        series_measure{"in_care", &y::in_care, t::in_care},
        series_measure{"stock_by_placement", &y::stock_by_home, t::by_home, r::count, t::count,
                       std::span{detail::codes_of<home_kind>}},
        series_measure{"stock_by_legal_status", &y::stock_by_legal, t::by_legal, r::count, t::count,
                       std::span{detail::codes_of<legal_group>}},
        series_measure{"stock_by_age", &y::stock_by_age, t::by_age, r::count, t::count,
                       std::span{detail::codes_of<age_band>}},
        series_measure{"entries", &y::entries, t::entries},
        series_measure{"entries_with_siblings", &y::entries_with_siblings, t::entries_with_siblings},
        series_measure{"exits", &y::exits, t::exits_total},
        series_measure{"exits_by_route", &y::exits_by_route, t::exits, r::count, t::count,
                       std::span{detail::codes_of<exit_route>}},
        series_measure{"moves", &y::moves, t::moves},
        series_measure{"child_years_in_care", &y::child_years_in_care, t::care_days, r::years_of_days},
        series_measure{"moves_per_child_year", &y::moves_per_child_year, t::moves, r::per_child_year,
                       t::care_days},
        series_measure{"children_by_moves", &y::children_by_moves, t::by_moves, r::count, t::count,
                       std::span{detail::move_counts}},
        series_measure{"continuity_mean", &y::continuity_mean, t::continuity_sum, r::mean,
                       t::continuity_moves},
        series_measure{"siblings_apart", &y::siblings_apart, t::apart},
        series_measure{"with_sibling_in_care", &y::with_sibling_in_care, t::with_sibling},
        series_measure{"sw_changes", &y::sw_changes, t::worker_changes},
        series_measure{"lifelong_links_at_25_mean", &y::lifelong_links_at_25_mean, t::links_sum,
                       r::mean, t::leavers_at_18});
    // clang-format on
}();

/// Calls `f(measure)` for each series of `series_measures`, in order.
template <class F>
void for_each_series(F&& f) {
    std::apply([&](const auto&... m) { (f(m), ...); }, series_measures);
}

namespace detail {
inline std::span<double> as_values(double& v) noexcept {
    return {&v, 1};
}
template <std::size_t N>
std::span<double> as_values(std::array<double, N>& v) noexcept {
    return v;
}
inline std::span<const double> as_values(const double& v) noexcept {
    return {&v, 1};
}
template <std::size_t N>
std::span<const double> as_values(const std::array<double, N>& v) noexcept {
    return v;
}
/// The numbers of series `m` in year `y` (one, or one per category).
template <class Y, class M>
auto series_values(Y& y, const series_measure<M>& m) noexcept {
    return as_values(y.*(m.member));
}

/// Fills the series of `y` from the year's counts `a`, scaled up by `up`.
template <class = void>
void fill_series(year_summary& y, const year_acc& a, double up) {
    for_each_series([&](const auto& m) {
        const auto out = series_values(y, m);
        for (std::size_t i = 0; i < out.size(); ++i) {
            const double v = a.at(m.from, i);
            switch (m.rule) {
            case series_rule::count:
                out[i] = v * up;
                break;
            case series_rule::years_of_days:
                out[i] = v / days_per_year * up;
                break;
            case series_rule::per_child_year:
                out[i] = a[m.per] > 0 ? v / (a[m.per] / days_per_year) : 0;
                break;
            case series_rule::mean:
                out[i] = a[m.per] > 0 ? v / a[m.per] : 0;
                break;
            }
        }
    });
}
} // namespace detail

namespace detail {
// Fixed formatting, so the same numbers always give the same bytes (locale-free).
inline void put_number(std::ostream& os, double v) {
    if (!std::isfinite(v)) {
        os << "null";
        return;
    }
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.10g", v);
    os << buf;
}
inline void put_optional(std::ostream& os, const std::optional<double>& v) {
    if (v)
        put_number(os, *v);
    else
        os << "null";
}
inline void put_string(std::ostream& os, std::string_view s) {
    os << '"';
    for (char c : s) {
        switch (c) {
        case '"':
            os << "\\\"";
            break;
        case '\\':
            os << "\\\\";
            break;
        case '\n':
            os << "\\n";
            break;
        case '\t':
            os << "\\t";
            break;
        default:
            if (static_cast<unsigned char>(c) < 0x20) {
                char buf[8];
                std::snprintf(buf, sizeof buf, "\\u%04x", static_cast<unsigned>(c));
                os << buf;
            } else {
                os << c;
            }
        }
    }
    os << '"';
}
} // namespace detail

/// Writes `f` as a JSON object, keys in figure order, nulls for figures not measured.
template <class = void>
void write_figures_json(std::ostream& os, const figures& f) {
    os << '{';
    for (std::size_t i = 0; i < figure_count; ++i) {
        if (i)
            os << ',';
        detail::put_string(os, to_string(enum_table<figure_key>::rows[i].value));
        os << ':';
        detail::put_optional(os, f.values[i]);
    }
    os << '}';
}

/// Writes one year's series as a JSON object: the year, its snapshot date, each series of
/// `series_measures` in order, then the figures.
template <class = void>
void write_year_json(std::ostream& os, const year_summary& y) {
    os << "{\"year\":" << y.year << ",\"snapshot\":";
    detail::put_string(os, format_iso(y.snapshot));
    for_each_series([&](const auto& m) {
        os << ',';
        detail::put_string(os, m.name);
        os << ':';
        const auto values = detail::series_values(y, m);
        if (m.categories.empty()) {
            detail::put_number(os, values[0]);
            return;
        }
        os << '{';
        for (std::size_t i = 0; i < values.size(); ++i) {
            if (i)
                os << ',';
            detail::put_string(os, m.categories[i]);
            os << ':';
            detail::put_number(os, values[i]);
        }
        os << '}';
    });
    os << ",\"figures\":";
    write_figures_json(os, y.figs);
    os << '}';
}

/// The header line of `write_series_csv`.
inline void write_series_csv_header(std::ostream& os) {
    os << "year,measure,category,value\n";
}

/// Writes a summary's series in long form: one `year,measure,category,value` row per number,
/// which spreadsheets and data frames pivot easily.
template <class = void>
void write_series_csv(std::ostream& os, const summary& s, bool header = true) {
    if (header)
        write_series_csv_header(os);
    auto row = [&os](int year, std::string_view measure, std::string_view category, double v) {
        os << year << ',' << measure << ',' << category << ',';
        detail::put_number(os, v);
        os << '\n';
    };
    for (const auto& y : s.years) {
        for_each_series([&](const auto& m) {
            const auto values = detail::series_values(y, m);
            for (std::size_t i = 0; i < values.size(); ++i)
                row(y.year, m.name, m.categories.empty() ? "" : m.categories[i], values[i]);
        });
        for (std::size_t i = 0; i < figure_count; ++i)
            if (y.figs.values[i])
                row(y.year, "figure", to_string(enum_table<figure_key>::rows[i].value),
                    *y.figs.values[i]);
    }
}

} // namespace carepath::sim
