#pragma once
/// @file
/// Runs the DfE validation rules of one collection year over a return and gathers every
/// finding. Each rule reads the same const `context`, so no rule sees another's work.
#include "carepath/ssda903/rule.hpp"
#include "carepath/ssda903/rules.hpp"

#include <algorithm>
#include <string>
#include <vector>

namespace carepath::ssda903 {

/// What to validate against.
struct validate_options {
    int year = 0;                ///< collection year (2025 = 2024-25); 0 = infer from the data
    std::string local_authority; ///< LA code for rules 411 and 1015; empty = skip those
};

/// The outcome of a validation.
struct validation_report {
    int year = 0;                   ///< the collection year used
    std::size_t rules_run = 0;      ///< implemented rules of that year that ran
    std::vector<finding> findings;  ///< sorted by table, line, then rule order
};

/// The collection year a return is for: its own `collection_year` when set, else the year
/// of the 31 March on or after its latest DECOM or DEC; 0 when it has no dates at all.
[[nodiscard]] inline int infer_collection_year(const return_data& data) {
    if (data.collection_year != 0) return data.collection_year;
    const auto* eps = data.find("Episodes");
    if (!eps) return 0;
    std::optional<date> latest;
    for (const auto col : {"DECOM", "DEC"}) {
        const auto i = eps->column(col);
        if (!i) continue;
        for (const auto& r : eps->rows) {
            if (*i >= r.cells.size()) continue;
            const auto d = detail::cell_date(detail::cell_trim(r.cells[*i]));
            if (d && (!latest || *d > *latest)) latest = d;
        }
    }
    if (!latest) return 0;
    const std::chrono::year_month_day ymd{*latest};
    const int y = static_cast<int>(ymd.year());
    return static_cast<unsigned>(ymd.month()) <= 3 ? y : y + 1;
}

/// Validates `data` against the rules of `options.year` (inferred when 0; clamped to the
/// years carepath knows, 2023 to 2027).
[[nodiscard]] inline validation_report validate(const return_data& data,
                                                const validate_options& options = {}) {
    validation_report report;
    int year = options.year != 0 ? options.year : infer_collection_year(data);
    if (year == 0) year = last_collection_year;
    year = std::clamp(year, first_collection_year, last_collection_year);
    report.year = year;
    const context ctx{data, year, options.local_authority};
    const auto rules = rules_for_year(year);
    std::vector<std::vector<finding>> per_rule(rules.size());
    for (std::size_t i = 0; i < rules.size(); ++i) {
        const auto* entry = find_catalogue_entry(rules[i].code, year);
        rules[i].check(ctx, sink{*entry, per_rule[i]});
    }
    report.rules_run = rules.size();
    std::size_t n = 0;
    for (const auto& v : per_rule) n += v.size();
    report.findings.reserve(n);
    for (auto& v : per_rule)
        for (auto& f : v) report.findings.push_back(std::move(f));
    std::stable_sort(report.findings.begin(), report.findings.end(),
                     [](const finding& a, const finding& b) {
                         if (a.table != b.table) return a.table < b.table;
                         return a.line < b.line;
                     });
    return report;
}

} // namespace carepath::ssda903
