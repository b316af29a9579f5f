#pragma once
// Cell and row checks shared by the CSV and XML readers. Not part of the public API.
#include "carepath/core/dates.hpp"
#include "carepath/core/result.hpp"
#include "carepath/ssda903/codes.hpp"
#include "carepath/ssda903/csv.hpp"
#include "carepath/ssda903/fields.hpp"
#include "carepath/ssda903/table.hpp"

#include <charconv>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace carepath::ssda903::detail {

constexpr std::string_view trim(std::string_view s) noexcept {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t'))
        s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t'))
        s.remove_suffix(1);
    return s;
}

constexpr bool all_digits(std::string_view s) noexcept {
    if (s.empty())
        return false;
    for (char c : s)
        if (c < '0' || c > '9')
            return false;
    return true;
}

inline std::string collection_name(int year) {
    return std::to_string(year - 1) + "-" + std::to_string(year % 100 / 10)
           + std::to_string(year % 10);
}

// The checks of one column, prepared once per table: its spec and, for codes, its code list.
struct column_check {
    const field_spec* spec = nullptr;
    std::vector<const code_entry*> codes;
};

inline column_check prepare_column(const field_spec* spec) {
    column_check c;
    c.spec = spec;
    if (spec && spec->type == field_type::code)
        for (const auto& e : code_list)
            if (e.table == spec->codes_table && e.field == spec->codes_field)
                c.codes.push_back(&e);
    return c;
}

// Everything needed to report a problem with one cell.
struct cell_site {
    std::string_view file;
    std::size_t line;
    std::size_t column;
    std::string_view field;
};

inline diagnostic cell_problem(const cell_site& at, std::string_view value, std::string message,
                               severity level = severity::error) {
    return diagnostic{.file = std::string{at.file},
                      .line = at.line,
                      .column = at.column,
                      .field = std::string{at.field},
                      .value = std::string{value},
                      .message = std::move(message),
                      .severity = level};
}
inline diagnostic cell_warning(const cell_site& at, std::string_view value, std::string message) {
    return cell_problem(at, value, std::move(message), severity::warning);
}

inline std::string upper_ascii(std::string_view s) {
    std::string out{s};
    for (char& ch : out)
        if (ch >= 'a' && ch <= 'z')
            ch = static_cast<char>(ch - 'a' + 'A');
    return out;
}

// `a == b` a byte at a time: codes are two or three bytes, and a memcmp call per candidate
// code was most of the cost of checking a cell.
constexpr bool same_code(std::string_view a, std::string_view b) noexcept {
    if (a.size() != b.size())
        return false;
    for (std::size_t i = 0; i < a.size(); ++i)
        if (a[i] != b[i])
            return false;
    return true;
}

// A whole number where a date should be is most likely a spreadsheet's serial day number
// (days since 30/12/1899): name the date it stands for, so the fix is plain.
inline std::string excel_serial_hint(std::string_view v) {
    int n = 0;
    const auto [p, ec] = std::from_chars(v.data(), v.data() + v.size(), n);
    if (ec != std::errc{} || p != v.data() + v.size() || n < 1 || n > 200000)
        return {};
    const date day = date_of({1899, 12, 30}) + days{n};
    return " (it looks like a spreadsheet's day number for " + format_uk(day)
           + ": format the column as a date, dd/mm/yyyy, before saving)";
}

// Checks one non-blank cell; returns true when an error (not a warning) was reported.
inline bool check_cell(const column_check& col, std::string_view raw, const cell_site& at,
                       int collection_year, std::vector<diagnostic>& out) {
    const std::string_view v = trim(raw);
    if (v.size() != raw.size())
        out.push_back(
            cell_warning(at, raw, "leading or trailing spaces; read as \"" + std::string{v} + "\""));
    if (v.empty() || !col.spec)
        return false;
    if (!is_valid_utf8(v))
        out.push_back(cell_warning(at, raw, "not valid UTF-8; kept byte for byte"));
    switch (col.spec->type) {
    case field_type::child_id: {
        const auto dot = v.find('.');
        if (dot != std::string_view::npos && all_digits(v.substr(0, dot))) {
            auto frac = v.substr(dot + 1);
            while (!frac.empty() && frac.back() == '0')
                frac.remove_suffix(1);
            if (frac.empty() && dot + 1 < v.size()) {
                out.push_back(cell_warning(at, raw,
                                           "child id written as a decimal number (a "
                                           "spreadsheet's doing); matched as \""
                                               + std::string{v.substr(0, dot)} + "\""));
                return false;
            }
        }
        return false;
    }
    case field_type::date: {
        auto d = parse_dfe_date(v);
        if (d)
            return false;
        out.push_back(cell_problem(at, raw, d.error().message + excel_serial_hint(v)));
        return true;
    }
    case field_type::partial_date: {
        // DATE_PERM may hide an unknown day or month as "zz".
        if (v.size() == 10 && v[2] == '/' && v[5] == '/') {
            std::string probe{v};
            const bool zd =
                (probe[0] == 'z' || probe[0] == 'Z') && (probe[1] == 'z' || probe[1] == 'Z');
            const bool zm =
                (probe[3] == 'z' || probe[3] == 'Z') && (probe[4] == 'z' || probe[4] == 'Z');
            if (zd)
                probe.replace(0, 2, "01");
            if (zm)
                probe.replace(3, 2, "01"); // January has every day a month can have
            if (parse_uk_date(probe))
                return false;
        }
        auto d = parse_uk_date(v);
        out.push_back(
            cell_problem(at, raw,
                         d ? std::string{"expected dd/mm/yyyy, with zz for an unknown "
                                         "day or month"}
                           : d.error().message + " (zz may stand for an unknown day or month)"));
        return true;
    }
    case field_type::integer: {
        int n = 0;
        const auto* end = v.data() + v.size();
        const auto [p, ec] = std::from_chars(v.data(), end, n);
        if (ec != std::errc{} || p != end) {
            out.push_back(cell_problem(at, raw, "expected a whole number"));
            return true;
        }
        if (n < col.spec->min || n > col.spec->max) {
            out.push_back(cell_problem(at, raw,
                                       "outside " + std::to_string(col.spec->min) + " to "
                                           + std::to_string(col.spec->max)));
            return true;
        }
        return false;
    }
    case field_type::code: {
        const code_entry* found = nullptr;
        for (const auto* e : col.codes)
            if (same_code(e->code, v)) {
                found = e;
                break;
            }
        if (!found) {
            const std::string up = upper_ascii(v);
            for (const auto* e : col.codes)
                if (e->code == up) {
                    found = e;
                    break;
                }
            if (!found) {
                out.push_back(cell_problem(at, raw,
                                           "not a code of " + std::string{col.spec->codes_table}
                                               + "." + std::string{col.spec->codes_field}));
                return true;
            }
            out.push_back(
                cell_warning(at, raw, "lower-case code; read as \"" + up + "\""));
        }
        if (collection_year != 0 && !found->valid_in(collection_year)) {
            std::string why = found->retired_year != 0 && collection_year >= found->retired_year
                                  ? "retired from " + collection_name(found->retired_year)
                                  : "introduced from " + collection_name(found->first_year);
            out.push_back(cell_warning(at, raw,
                                       "code not valid in "
                                           + collection_name(collection_year) + " (" + why + ")"));
        }
        return false;
    }
    case field_type::text:
        return false;
    }
    return false;
}

// Checks a table's header against its layout and prepares the column checks.
inline std::vector<column_check> check_header(const table& t, std::size_t header_line,
                                              std::vector<diagnostic>& out, bool from_xml) {
    std::vector<column_check> checks;
    const table_spec* spec = find_table_spec(t.name);
    checks.reserve(t.columns.size());
    for (std::size_t i = 0; i < t.columns.size(); ++i) {
        const auto& name = t.columns[i];
        const field_spec* f = spec ? find_field(*spec, name) : nullptr;
        checks.push_back(prepare_column(f));
        const cell_site at{t.file, header_line, i + 1, name};
        if (name.empty()) {
            // Trailing commas in a spreadsheet's export give columns with no name.
            out.push_back(cell_warning(at, name,
                                       "column " + std::to_string(i + 1)
                                           + " has no name (a trailing comma in the header?); "
                                             "its cells are kept as read and not checked"));
            continue;
        }
        for (std::size_t j = 0; j < i; ++j)
            if (t.columns[j] == name) {
                out.push_back(cell_problem(at, name,
                                           "column named twice; the table reads column "
                                               + std::to_string(j + 1)));
                break;
            }
        if (spec && !f)
            out.push_back(cell_warning(at, name,
                                       "extra column, not in the "
                                           + std::string{spec->name} + " layout; kept as read"));
    }
    if (spec && !from_xml)
        for (const auto& f : spec->fields) {
            if (f.optional || t.column(f.name))
                continue;
            out.push_back(cell_problem({t.file, header_line, 0, f.name}, "",
                                       "missing column: its cells are read as blank"));
        }
    return checks;
}

// Checks every cell of `r`; flags the row on any error.
inline void check_row(const table& t, row& r, const std::vector<column_check>& checks,
                      int collection_year, std::vector<diagnostic>& out) {
    for (std::size_t i = 0; i < r.width && i < checks.size(); ++i) {
        const auto v = t.cell(r, i);
        if (v.empty())
            continue;
        const cell_site at{t.file, r.line, i + 1, t.columns[i]};
        if (check_cell(checks[i], v, at, collection_year, out))
            r.flagged = true;
    }
}

} // namespace carepath::ssda903::detail
