#pragma once
/// @file
/// Runs the DfE validation rules of one collection year over a return and gathers every
/// finding. Each rule reads the same const `context`, so no rule sees another's work.
#include "carepath/ssda903/rule.hpp"
#include "carepath/ssda903/rules.hpp"

#include "carepath/core/dates.hpp"
#include "carepath/core/enum_table.hpp"
#include "carepath/ssda903/detail/check.hpp"

#include <algorithm>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace carepath::ssda903 {
/// Whether a validation's findings are the whole story.
enum class validation_status : std::uint8_t {
    complete,   ///< every file was read and the year's rules ran over all of it
    incomplete, ///< some files could not be read: no findings does not mean a clean return
    refused,    ///< no rule ran: carepath has no rules for the year (see `problems`)
};
} // namespace carepath::ssda903

namespace carepath {
/// Codes and labels of `validation_status`.
template <>
struct enum_table<ssda903::validation_status> {
    using v = ssda903::validation_status; ///< short name for the enum in the rows
    /// One row per enumerator: value, code, label.
    static constexpr std::array rows{
        enum_row<v>{v::complete, "complete", "every file read, every rule of the year run"},
        enum_row<v>{v::incomplete, "incomplete", "some files could not be read"},
        enum_row<v>{v::refused, "refused", "no rules for the collection year"}};
};
} // namespace carepath

namespace carepath::ssda903 {

/// What to validate against.
struct validate_options {
    int year = 0;                ///< collection year (2025 = 2024-25); 0 = infer from the data
    std::string local_authority; ///< LA code for rules 411 and 1015; empty = skip those
};

/// Why a report is not `complete`: one diagnostic per file not read, or the year refused.
struct validation_report {
    int year = 0;                   ///< the collection year used (asked for, when refused)
    std::size_t rules_run = 0;      ///< implemented rules of that year that ran
    std::vector<finding> findings;  ///< sorted by table, line, then rule order
    validation_status status = validation_status::complete; ///< complete, incomplete or refused
    std::vector<diagnostic> problems; ///< why `status` is not complete; empty when it is

    /// True only when every file was read, the rules ran and none found anything.
    [[nodiscard]] bool clean() const noexcept {
        return status == validation_status::complete && findings.empty();
    }
};

/// The days an Episodes table covers: its first DECOM and its last DECOM or DEC.
struct date_span {
    date first; ///< the first DECOM
    date last; ///< the last DECOM or DEC
};

/// The span of the Episodes table's readable dates; nullopt when it has none.
[[nodiscard]] inline std::optional<date_span> episode_date_span(const return_data& data) {
    const auto* eps = data.find("Episodes");
    if (!eps) return std::nullopt;
    std::optional<date_span> span;
    for (const auto col : {"DECOM", "DEC"}) {
        const auto i = eps->column(col);
        if (!i) continue;
        for (const auto& r : eps->rows) {
            const auto d = detail::cell_date(detail::cell_trim(eps->cell(r, *i)));
            if (!d) continue;
            if (!span) span = date_span{*d, *d};
            if (std::string_view{col} == "DECOM") span->first = std::min(span->first, *d);
            span->last = std::max(span->last, *d);
        }
    }
    if (span && span->first > span->last) span->first = span->last; // only DEC dates
    return span;
}

/// The collection year holding day `d`: the year of the 31 March on or after it.
[[nodiscard]] inline int collection_year_of(date d) {
    const calendar_fields f = fields_of(d);
    return f.month <= 3 ? f.year : f.year + 1;
}

/// The collection year a return is for: its own `collection_year` when set, else the year
/// of the 31 March on or after the last day its episodes cover, the latest DECOM or the day
/// before the latest DEC (an episode ending on 1 April was in care up to 31 March, so belongs
/// to the year ending then); 0 when it has no dates at all.
[[nodiscard]] inline int infer_collection_year(const return_data& data) {
    if (data.collection_year != 0) return data.collection_year;
    const auto* eps = data.find("Episodes");
    if (!eps) return 0;
    std::optional<date> last;
    for (const auto col : {"DECOM", "DEC"}) {
        const auto i = eps->column(col);
        if (!i) continue;
        const bool ends = std::string_view{col} == "DEC";
        for (const auto& r : eps->rows) {
            auto d = detail::cell_date(detail::cell_trim(eps->cell(r, *i)));
            if (!d) continue;
            if (ends) *d -= std::chrono::days{1}; // DEC itself is not a day in care
            if (!last || *d > *last) last = d;
        }
    }
    return last ? collection_year_of(*last) : 0;
}

namespace detail {
inline std::string years_known() {
    return collection_name(first_collection_year) + " to " + collection_name(last_collection_year);
}
} // namespace detail

/// Validates `data` against the rules of `options.year` (inferred when 0). A year carepath has
/// no rules for (2020 to 2027 are known) is refused: no rule runs, `status` is `refused` and
/// `problems` says why; another year's rules are never run in its place. Files the reader
/// could not read (`return_data::unread_files`) make the report `incomplete`.
[[nodiscard]] inline validation_report validate(const return_data& data,
                                                const validate_options& options = {}) {
    validation_report report;
    const int inferred = options.year != 0 ? 0 : infer_collection_year(data);
    const int year = options.year != 0 ? options.year : inferred;
    report.year = year;
    if (year < first_collection_year || year > last_collection_year) {
        report.status = validation_status::refused;
        std::string why;
        if (year == 0)
            why = "the collection year is not known (no readable DECOM or DEC date); give it";
        else if (options.year != 0)
            why = "carepath has no rules for " + detail::collection_name(year) + "; it knows "
                  + detail::years_known() + ". No rules were run";
        else
            why = "the return's episode dates put it in " + detail::collection_name(year)
                  + ", and carepath has rules only for " + detail::years_known()
                  + ". No rules were run; give the year if the dates are wrong";
        report.problems.push_back(diagnostic{.field = options.year != 0 ? "year" : "",
                                             .value = year != 0 ? std::to_string(year) : "",
                                             .message = std::move(why)});
        return report;
    }
    for (const auto& file : data.unread_files) {
        report.status = validation_status::incomplete;
        const auto it = std::ranges::find_if(data.read_errors, [&](const diagnostic& d) {
            return d.file == file && d.severity == severity::error;
        });
        report.problems.push_back(it != data.read_errors.end()
                                      ? *it
                                      : diagnostic{.file = file,
                                                   .message = "the file could not be read"});
    }
    const auto rules = rules_for_year(year);
    std::vector<std::vector<finding>> per_rule(rules.size());
    {
        // The context (about a quarter of the memory at a million episodes) goes before the
        // findings are merged, so that the two are never held together (issue 14).
        const context ctx{data, year, options.local_authority};
        for (std::size_t i = 0; i < rules.size(); ++i) {
            const auto* entry = find_catalogue_entry(rules[i].code, year);
            rules[i].check(ctx, sink{*entry, per_rule[i]});
        }
    }
    report.rules_run = rules.size();
    std::size_t n = 0;
    for (const auto& v : per_rule) n += v.size();
    report.findings.reserve(n);
    for (auto& v : per_rule) {
        for (auto& f : v) report.findings.push_back(std::move(f));
        std::vector<finding>{}.swap(v); // each rule's list freed as soon as it is merged
    }
    std::stable_sort(report.findings.begin(), report.findings.end(),
                     [](const finding& a, const finding& b) {
                         if (a.table != b.table) return a.table < b.table;
                         return a.line < b.line;
                     });
    return report;
}

} // namespace carepath::ssda903
