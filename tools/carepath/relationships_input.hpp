#pragma once
// `--relationships FILE`: read a council's relationships extract (docs/relationships.md) and
// join it to the children mapped from the return, so continuity per move and sibling
// separation are measured for them. (Program code: it prints to the terminal.)
#include <carepath/report/care_report.hpp>
#include <carepath/ssda903/join_relationships.hpp>
#include <carepath/ssda903/relationships_csv.hpp>

#include <algorithm>
#include <cstddef>
#include <iostream>
#include <optional>
#include <string>
#include <vector>

namespace carepath::cli {

/// What joining an extract gave.
struct relationships_joined {
    std::string file;
    std::size_t rows = 0;      ///< good rows read
    std::size_t joined = 0;    ///< rows that became relationships
    std::size_t children = 0;  ///< children of the return with one or more
    std::size_t problems = 0;  ///< diagnostics of the reader and the join (warnings included)
};

/// Reads `file` and joins it to `mapped`, printing each problem (the first 20 unless `quiet`)
/// and a line saying what was joined. nullopt, with the reason printed, when the file cannot
/// be opened or holds none of the extract's columns.
inline std::optional<relationships_joined>
join_relationships_file(ssda903::mapping_result& mapped, const std::string& file,
                        const std::string& who, bool quiet) {
    auto read = ssda903::read_relationships(file);
    if (!read) {
        std::cerr << "carepath " << who << ": " << read.error()
                  << "\n  give the CSV extract of the children's relationships "
                     "(docs/relationships.md)\n";
        return std::nullopt;
    }
    const auto& extract = read.value();
    const bool unreadable = extract.records.empty()
                            && std::ranges::any_of(extract.diagnostics, [](const diagnostic& d) {
                                   return d.line <= 1 && !d.is_warning();
                               });
    auto join = ssda903::join_relationships(mapped, extract);
    relationships_joined out{file, extract.records.size(), join.rows_joined, join.children,
                             extract.diagnostics.size() + join.diagnostics.size()};
    std::size_t shown = 0;
    const std::vector<diagnostic>* lists[] = {&extract.diagnostics, &join.diagnostics};
    for (const auto* list : lists)
        for (const auto& d : *list)
            if ((unreadable || !quiet) && shown++ < 20)
                std::cerr << "carepath " << who << ": " << d << '\n';
    if (shown > 20)
        std::cerr << "carepath " << who << ": ... and " << shown - 20
                  << " more problems with the relationships extract\n";
    if (unreadable)
        return std::nullopt;
    std::cerr << "carepath " << who << ": relationships: " << out.joined << " of "
              << out.rows << " rows joined, for " << out.children << " children, from " << file
              << '\n';
    return out;
}

/// Says in the report where its continuity and sibling figures come from.
inline void describe_relationships(report::care_report_data& data,
                                   const relationships_joined& joined) {
    data.subtitle += " Relationships from " + joined.file + " (" + std::to_string(joined.joined)
                     + " rows joined, for " + std::to_string(joined.children) + " children).";
    data.continuity_note = "No child in " + joined.file
                           + " had a relationship recorded before a move in this year.";
    data.siblings_note = "No two children of the return are recorded as siblings in "
                         + joined.file + ".";
}

} // namespace carepath::cli
