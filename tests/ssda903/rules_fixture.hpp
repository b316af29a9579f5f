#pragma once
// Small returns written by hand for the rule tests: tables from comma-separated lines (no
// quoting needed in these fixtures), and a runner for one rule of one year.
#include <carepath/ssda903/rules.hpp>
#include <carepath/ssda903/validate.hpp>

#include <set>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

namespace carepath::ssda903::testing {

/// Splits a fixture line at commas (cells keep their spaces).
inline std::vector<std::string> split(const std::string& line) {
    std::vector<std::string> out;
    std::string cell;
    for (const char ch : line) {
        if (ch == ',') {
            out.push_back(cell);
            cell.clear();
        } else {
            cell += ch;
        }
    }
    out.push_back(cell);
    return out;
}

/// A table named `name` with header `columns` and `rows`; row i is on line i + 2.
inline table make_table(const std::string& name, const std::string& columns,
                        const std::vector<std::string>& rows) {
    table t;
    t.name = name;
    t.file = name + ".csv";
    t.columns = split(columns);
    for (std::size_t i = 0; i < rows.size(); ++i) {
        auto cells = split(rows[i]);
        cells.resize(t.columns.size());
        t.add_row(row{.line = i + 2}, cells);
    }
    return t;
}

inline const std::string episode_columns =
    "CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN";
inline const std::string header_columns = "CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB";

/// A return of collection year `year` with the given tables.
inline return_data make_return(int year, std::vector<table> tables) {
    return_data r;
    r.collection_year = year;
    for (auto& t : tables) r.tables.emplace(t.name, std::move(t));
    return r;
}

/// Runs rule `code` as it stands in collection year `year`.
inline std::vector<finding> run_rule(const return_data& data, std::string_view code, int year,
                                     std::string la = {}) {
    const context ctx{data, year, std::move(la)};
    std::vector<finding> out;
    bool found = false;
    for (const auto& r : all_rules()) {
        if (r.code != code || !r.applies_in(year)) continue;
        const auto* entry = find_catalogue_entry(code, year);
        if (!entry) throw std::logic_error{"no catalogue entry"};
        r.check(ctx, sink{*entry, out});
        found = true;
    }
    if (!found) throw std::logic_error{"rule not implemented in that year: " + std::string{code}};
    return out;
}

/// The (table, line) pairs a rule reported.
inline std::set<std::pair<std::string, std::size_t>> hits(const std::vector<finding>& f) {
    std::set<std::pair<std::string, std::size_t>> out;
    for (const auto& x : f) out.emplace(x.table, x.line);
    return out;
}
/// The Episodes lines a rule reported.
inline std::set<std::size_t> episode_lines(const std::vector<finding>& f) {
    std::set<std::size_t> out;
    for (const auto& x : f)
        if (x.table == "Episodes") out.insert(x.line);
    return out;
}
inline std::set<std::size_t> lines_in(const std::vector<finding>& f, const std::string& table) {
    std::set<std::size_t> out;
    for (const auto& x : f)
        if (x.table == table) out.insert(x.line);
    return out;
}

} // namespace carepath::ssda903::testing
