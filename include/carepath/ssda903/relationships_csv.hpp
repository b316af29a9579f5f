#pragma once
/// @file
/// A council's relationship records as a CSV extract beside its SSDA903 return: who each child
/// is related to (siblings, birth family, carers, professionals, school, friends), from when,
/// until when and why it ended, and the days contact happened. A return records placements
/// and legal statuses but no relationships, so this is what lets continuity across moves and
/// sibling separation be measured for real children. The format is in docs/relationships.md.
///
/// One row is one spell of one relationship, keyed by the return's CHILD id:
///
///     CHILD,PERSON,PERSON_CHILD,TYPE,START,END,END_REASON,CONTACT_DATES
///     101,P7,103,full_sibling,05/05/2010,,,14/09/2024;12/10/2024
///     101,FC1,,foster_carer,01/06/2022,01/09/2024,placement_move,
///
/// Dates are dd/mm/yyyy as in the return; TYPE is a relationship kind's name (core's kinds,
/// plus `sibling` and `school` below); END_REASON is an `end_reason` code. A row with an
/// error is not used and its diagnostic names file, line, column, field and value; every
/// other row is kept. A contact date that cannot be read is left out of its row, which is kept.
#include "carepath/core/dates.hpp"
#include "carepath/core/relationship.hpp"
#include "carepath/core/result.hpp"
#include "carepath/ssda903/csv.hpp"
#include "carepath/ssda903/detail/check.hpp"
#include "carepath/ssda903/reader.hpp"

#include <array>
#include <cstddef>
#include <filesystem>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

namespace carepath::ssda903 {

/// Kinds the extract adds to core's: case systems often record a sibling without saying
/// whether full, half or step, and a school rather than a teacher.
namespace relationship_kinds {
/// A sibling, not recorded whether full, half or step: counts as a sibling everywhere.
inline constexpr relationship_kind sibling{1100, kind_family::sibling, "sibling"};
/// The school the child attends, as one tie (it ends with a school move).
inline constexpr relationship_kind school{1101, kind_family::professional, "school"};
} // namespace relationship_kinds

/// The kinds TYPE may name: core's built-in kinds and `relationship_kinds`.
[[nodiscard]] inline kind_catalogue relationship_catalogue() {
    kind_catalogue c;
    c.add(relationship_kinds::sibling);
    c.add(relationship_kinds::school);
    return c;
}

/// The columns of the extract, in the order the writer uses. PERSON_CHILD and CONTACT_DATES
/// may be left out of a file; the others must be there.
inline constexpr std::array<std::string_view, 8> relationship_columns{
    "CHILD", "PERSON", "PERSON_CHILD", "TYPE", "START", "END", "END_REASON", "CONTACT_DATES"};

/// One spell of one relationship, as read.
struct relationship_record {
    std::size_t line = 0; ///< 1-based line of the row (the header is line 1)
    std::string child;    ///< CHILD, normalised as the return's reader joins it ("123.0" -> "123")
    /// PERSON: the council's id of the other person; may be empty when PERSON_CHILD is given
    std::string person;
    /// PERSON_CHILD: the other person's CHILD id when they are a child in the return too (a
    /// sibling in care); empty otherwise
    std::string person_child;
    relationship_kind kind = kinds::other; ///< TYPE
    date start;                            ///< START: first day of the spell
    std::optional<date> end{};             ///< END: first day without it (exclusive); empty: going on
    std::optional<end_reason> reason{};    ///< END_REASON; present exactly when `end` is
    std::vector<date> contacts{};          ///< CONTACT_DATES, in date order

    /// Equal in every field.
    friend bool operator==(const relationship_record&, const relationship_record&) = default;
};

/// What a file gave: its good rows in file order, and every problem met.
struct relationships_extract {
    std::string file;                         ///< the file's name, as given to the reader
    std::vector<relationship_record> records; ///< rows without errors, in file order
    std::vector<diagnostic> diagnostics;      ///< file, line, column, field, value, message
};

namespace detail {
inline diagnostic relationship_problem(std::string_view file, std::size_t line, std::size_t column,
                                       std::string_view field, std::string_view value,
                                       std::string message, severity level = severity::error) {
    return diagnostic{.file = std::string{file},
                      .line = line,
                      .column = column,
                      .field = std::string{field},
                      .value = std::string{value},
                      .message = std::move(message),
                      .severity = level};
}
} // namespace detail

/// Reads the extract held in `text`. Never fails: a file without the required columns gives
/// an error on line 1 and no records. `kinds` says which TYPE names are known
/// (`relationship_catalogue()` by default; add a council's own kinds to it).
[[nodiscard]] inline relationships_extract
read_relationships_text(std::string_view text, std::string_view file_name,
                        const kind_catalogue& kinds = relationship_catalogue(),
                        const read_limits& limits = {}) {
    relationships_extract out;
    out.file = std::string{file_name};
    auto& diags = out.diagnostics;
    csv_parser parser{text, file_name, ',', limits};
    csv_record rec;
    if (!parser.next(rec, diags)) {
        diags.push_back(detail::relationship_problem(file_name, 1, 0, "header", "",
                                                     "empty file: no header row"));
        return out;
    }
    // Position of each known column in the file (npos when absent).
    std::array<std::size_t, relationship_columns.size()> at{};
    at.fill(std::string::npos);
    for (std::size_t i = 0; i < rec.fields.size(); ++i) {
        const auto name = detail::upper_ascii(detail::trim(rec.fields[i]));
        bool known = false;
        for (std::size_t k = 0; k < relationship_columns.size(); ++k)
            if (name == relationship_columns[k]) {
                known = true;
                if (at[k] == std::string::npos)
                    at[k] = i;
                else
                    diags.push_back(detail::relationship_problem(
                        file_name, rec.line, i + 1, "header", rec.fields[i],
                        "a second column of this name: the first is used", severity::warning));
            }
        if (!known)
            diags.push_back(detail::relationship_problem(file_name, rec.line, i + 1, "header",
                                                         rec.fields[i], "unknown column: not read",
                                                         severity::warning));
    }
    bool missing = false;
    for (std::size_t k = 0; k < relationship_columns.size(); ++k) {
        const auto col = relationship_columns[k];
        if (at[k] != std::string::npos || col == "PERSON_CHILD" || col == "CONTACT_DATES")
            continue;
        missing = true;
        diags.push_back(detail::relationship_problem(
            file_name, rec.line, 0, col, "",
            "required column missing: the file is not read (columns: CHILD, PERSON, "
            "PERSON_CHILD, TYPE, START, END, END_REASON, CONTACT_DATES)"));
    }
    if (missing)
        return out;

    while (parser.next(rec, diags)) {
        if (rec.refused)
            continue; // too long to read; the parser named the line
        const std::size_t line = rec.line;
        auto cell = [&](std::size_t k) -> std::string_view {
            return at[k] < rec.fields.size() ? detail::trim(rec.fields[at[k]]) : std::string_view{};
        };
        auto problem = [&](std::size_t k, std::string message,
                           severity level = severity::error) {
            diags.push_back(detail::relationship_problem(
                file_name, line, at[k] == std::string::npos ? 0 : at[k] + 1,
                relationship_columns[k], cell(k), std::move(message), level));
        };
        if (std::ranges::all_of(rec.fields, [](const std::string& f) {
                return detail::trim(f).empty();
            }))
            continue; // a row of empty cells holds nothing
        relationship_record r;
        r.line = line;
        bool bad = false;
        r.child = normalise_child_id(cell(0));
        r.person = std::string{cell(1)};
        r.person_child = normalise_child_id(cell(2));
        if (r.child.empty()) {
            problem(0, "no CHILD id: the row is not used");
            bad = true;
        }
        if (r.person.empty() && r.person_child.empty()) {
            problem(1, "no PERSON (or PERSON_CHILD) id: the row is not used");
            bad = true;
        }
        if (!r.person_child.empty() && r.person_child == r.child) {
            problem(2, "the child cannot be related to themselves: the row is not used");
            bad = true;
        }
        if (auto k = kinds.parse(cell(3)))
            r.kind = *k;
        else if (auto lower = kinds.parse(detail::lower_ascii(std::string{cell(3)})))
            r.kind = *lower;
        else {
            problem(3, cell(3).empty() ? "no relationship TYPE: the row is not used"
                                       : "unknown relationship TYPE: the row is not used");
            bad = true;
        }
        if (auto d = parse_dfe_date(cell(4)))
            r.start = *d;
        else {
            problem(4, (cell(4).empty() ? std::string{"no START date"} : d.error().message)
                           + ": the row is not used");
            bad = true;
        }
        if (!cell(5).empty()) {
            if (auto d = parse_dfe_date(cell(5)))
                r.end = *d;
            else {
                problem(5, d.error().message + ": the row is not used");
                bad = true;
            }
        }
        if (!cell(6).empty()) {
            if (auto why = from_string<end_reason>(detail::lower_ascii(std::string{cell(6)})))
                r.reason = *why;
            else {
                problem(6, "not a known end reason: the row is not used");
                bad = true;
            }
        }
        if (!cell(5).empty() && cell(6).empty()) {
            problem(6, "an ending needs a reason (write `unknown` when the record does not "
                       "say): the row is not used");
            bad = true;
        } else if (cell(5).empty() && !cell(6).empty()) {
            problem(5, "an END_REASON without an END date: the row is not used");
            bad = true;
        }
        if (r.end && !bad && *r.end < r.start) {
            problem(5, "ends before it starts (START " + format_uk(r.start)
                           + "): the row is not used");
            bad = true;
        }
        if (at[7] != std::string::npos && !cell(7).empty()) {
            std::string_view rest = cell(7);
            while (!rest.empty()) {
                const auto semi = rest.find(';');
                const auto one = detail::trim(rest.substr(0, semi));
                rest = semi == std::string_view::npos ? std::string_view{} : rest.substr(semi + 1);
                if (one.empty())
                    continue;
                auto d = parse_dfe_date(one);
                if (!d) {
                    diags.push_back(detail::relationship_problem(
                        file_name, line, at[7] + 1, "CONTACT_DATES", one,
                        d.error().message + ": this contact date is left out"));
                    continue;
                }
                r.contacts.insert(std::ranges::upper_bound(r.contacts, *d), *d);
            }
        }
        if (!bad)
            out.records.push_back(std::move(r));
    }
    return out;
}

/// Reads the extract in file `path`; fails only when the file cannot be opened.
[[nodiscard]] inline result<relationships_extract>
read_relationships(const std::filesystem::path& path,
                   const kind_catalogue& kinds = relationship_catalogue()) {
    std::string text;
    if (!detail::read_file_text(path, text))
        return diagnostic{.file = path.string(), .message = "cannot open the relationships file"};
    return read_relationships_text(text, path.string(), kinds);
}

/// Writes `records` in the extract's format (every column, dates dd/mm/yyyy), so that reading
/// the output gives the same records.
inline void write_relationships(std::ostream& os, const std::vector<relationship_record>& records) {
    write_csv_record(os, relationship_columns);
    for (const auto& r : records) {
        std::string contacts;
        for (const auto d : r.contacts)
            contacts += (contacts.empty() ? "" : ";") + format_uk(d);
        const std::array<std::string, relationship_columns.size()> cells{
            r.child,
            r.person,
            r.person_child,
            std::string{r.kind.name()},
            format_uk(r.start),
            r.end ? format_uk(*r.end) : std::string{},
            r.reason ? std::string{to_string(*r.reason)} : std::string{},
            contacts};
        write_csv_record(os, cells);
    }
}

} // namespace carepath::ssda903
