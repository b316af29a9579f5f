#pragma once
/// @file
/// Reading an SSDA903 return: one CSV file into a `table`, or a whole folder (CSV files and/or
/// the XML form) into a `return_data`. Tables are recognised by their column names. Cells are
/// kept exactly as written; every problem is a diagnostic naming file, line, column, field and
/// value, and the row it was found on is kept and flagged. Messy but readable input (a child id
/// written "123.0", trailing spaces, a lower-case code, an extra column) is read with a warning
/// (`is_warning`); input that cannot be read as written (a malformed or two-digit-year date, an
/// unknown code, a short row, an unterminated quote, a missing column) is an error.
///
/// Functions here that begin `template <class = void>` have nothing to deduce and are called
/// as plain functions; they are templates only so that their bodies are compiled in the files
/// that call them, not in every file that includes this header (issue 14, compile cost).
#include "carepath/core/result.hpp"
#include "carepath/ssda903/csv.hpp"
#include "carepath/ssda903/detail/check.hpp"
#include "carepath/ssda903/fields.hpp"
#include "carepath/ssda903/table.hpp"
#include "carepath/ssda903/xml.hpp"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <istream>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <system_error>
#include <vector>

namespace carepath::ssda903 {

/// The child id used to join tables: `raw` without surrounding spaces, and without a decimal
/// part of zeros that a spreadsheet added ("123.0" -> "123"). The reader warns about both; the
/// cell itself keeps what the file said.
[[nodiscard]] inline std::string normalise_child_id(std::string_view raw) {
    const auto v = detail::trim(raw);
    const auto dot = v.find('.');
    if (dot != std::string_view::npos && dot + 1 < v.size() && detail::all_digits(v.substr(0, dot))
        && v.substr(dot + 1).find_first_not_of('0') == std::string_view::npos)
        return std::string{v.substr(0, dot)};
    return std::string{v};
}

/// The table whose layout `header` (column names of a file) matches, or nullopt. Column order
/// does not matter; a file with a missing or extra column is still recognised when most of
/// its columns, including at least one that only that table has, belong to one table.
[[nodiscard]] inline std::optional<std::string>
identify_table(const std::vector<std::string>& header) {
    auto shared = [](std::string_view c) { return c == "CHILD" || c == "DOB" || c == "SEX"; };
    const table_spec* best = nullptr;
    double best_score = 0;
    for (const auto& spec : table_specs) {
        std::size_t matched = 0, own = 0, required = 0;
        for (const auto& f : spec.fields) {
            if (!f.optional)
                ++required;
            const bool present =
                std::any_of(header.begin(), header.end(),
                            [&](const std::string& h) { return detail::trim(h) == f.name; });
            if (!present)
                continue;
            ++matched;
            if (!shared(f.name))
                ++own;
        }
        if (own == 0)
            continue;
        // Fraction of the table's columns present, less a little for each unknown column.
        const double score =
            static_cast<double>(matched) / static_cast<double>(required)
            - 0.01 * static_cast<double>(header.size() - std::min(header.size(), matched));
        if (score >= 0.5 && score > best_score) {
            best = &spec;
            best_score = score;
        }
    }
    if (!best)
        return std::nullopt;
    return std::string{best->name};
}

namespace detail {
// True when some table has a column called `name`.
inline bool is_known_column(std::string_view name) noexcept {
    for (const auto& spec : table_specs)
        if (find_field(spec, name))
            return true;
    return false;
}
inline diagnostic file_problem(std::string_view file, std::string message,
                               severity level = severity::error) {
    return diagnostic{.file = std::string{file}, .message = std::move(message), .severity = level};
}
// A header no table matches. A semicolon- or tab-separated file (Excel's CSV in many locales)
// reads as one column holding every name: say so, with the fix.
inline diagnostic unknown_columns(std::string_view file, const std::vector<std::string>& columns) {
    std::string message = "the columns do not match any SSDA903 table; the file is not read";
    if (columns.size() == 1)
        for (const char sep : {';', '\t', '|'})
            if (columns[0].find(sep) != std::string::npos) {
                message = std::string{"the file is separated by "}
                          + (sep == '\t' ? "tabs" : std::string{"'"} + sep + "'")
                          + ", not commas; save it as CSV (comma delimited); the file is not "
                            "read";
                break;
            }
    return diagnostic{.file = std::string{file},
                      .line = 1,
                      .column = 1,
                      .field = "header",
                      .value = columns.empty() ? std::string{} : columns[0].substr(0, 80),
                      .message = std::move(message)};
}
} // namespace detail

/// Reads one CSV table held in `text`, which becomes the table's cell store (cells are written
/// over it as it is parsed: a file is held once, not once as text and again as cells).
/// `table_name` names the table ("Episodes", "Episodes_last"); empty means recognise it from the
/// header (an unrecognised table is read with its cells unchecked and an error). With
/// `collection_year` (2025 = 2024-25), codes not valid in that year are warned about.
template <class = void>
[[nodiscard]] table read_table_buffer(std::string&& text, std::string_view file_name,
                                    std::string_view table_name,
                                    std::vector<diagnostic>& errors,
                                    int collection_year = 0,
                                    const read_limits& limits = {}) {
    table t;
    t.file = std::string{file_name};
    t.name = std::string{table_name};
    if (text.starts_with("\xFF\xFE") || text.starts_with("\xFE\xFF")) {
        errors.push_back(detail::file_problem(
            file_name, "the file is UTF-16; save it as UTF-8 (CSV UTF-8 in Excel)"));
        return t;
    }
    const std::size_t lines = static_cast<std::size_t>(std::count(text.begin(), text.end(), '\n'));
    const std::string_view whole = t.adopt_text(std::move(text));
    csv_parser parser{whole, file_name, ',', limits};
    csv_record rec;
    if (!parser.next(rec, errors)) {
        errors.push_back(detail::file_problem(file_name, "empty file (no header row)",
                                                    severity::warning));
        t.finish_text();
        return t;
    }
    if (rec.refused) {
        t.finish_text();
        return t; // the header row is past the line limit: nothing can be read
    }
    const std::size_t header_line = rec.line;
    t.columns.reserve(rec.fields.size());
    for (auto& c : rec.fields) {
        const auto trimmed = detail::trim(c);
        if (trimmed.size() != c.size())
            errors.push_back(detail::cell_warning({file_name, rec.line, t.columns.size() + 1, c}, c,
                                                  "spaces around a column name; read as \""
                                                      + std::string{trimmed} + "\""));
        std::string name{trimmed};
        const std::string upper = detail::upper_ascii(name);
        if (upper != name && detail::is_known_column(upper)) {
            errors.push_back(detail::cell_warning({file_name, rec.line, t.columns.size() + 1, c}, c,
                                                  "column name not in capitals; read as \""
                                                      + upper + "\""));
            name = upper;
        }
        t.columns.push_back(std::move(name));
    }
    if (t.name.empty()) {
        if (auto n = identify_table(t.columns))
            t.name = *n;
        else
            errors.push_back(detail::unknown_columns(file_name, t.columns));
    }
    const auto checks = detail::check_header(t, header_line, errors, false);
    const std::size_t width = t.columns.size();
    // One row per line, near enough: reserving spares the copies of a growing vector.
    t.rows.reserve(lines);
    t.reserve_cells(lines * width, 0);
    while (parser.next(rec, errors)) {
        if (rec.refused)
            continue; // too long to read; the parser's error names the line
        row r;
        r.line = rec.line;
        r.flagged = rec.malformed;
        const bool blank =
            std::all_of(rec.fields.begin(), rec.fields.end(),
                        [](const std::string& f) { return detail::trim(f).empty(); });
        // A line of one blank cell in a table of many columns is a blank row too (kept, it
        // would be padded to a row of blanks that a second read skips).
        if (blank && (rec.fields.size() > 1 || width > 1)) {
            errors.push_back(detail::cell_warning({file_name, rec.line, 0, {}}, "",
                                                  "row of empty cells skipped"));
            continue;
        }
        std::size_t surplus = 0;
        if (rec.fields.size() < width) {
            errors.push_back(detail::cell_problem(
                {file_name, rec.line, rec.fields.size() + 1, t.columns[rec.fields.size()]}, "",
                "short row: " + std::to_string(rec.fields.size()) + " of " + std::to_string(width)
                    + " cells; the missing cells are read as blank"));
            r.flagged = true;
            rec.fields.resize(width);
        } else if (rec.fields.size() > width) {
            errors.push_back(detail::cell_problem(
                {file_name, rec.line, width + 1, {}}, rec.fields[width],
                "long row: " + std::to_string(rec.fields.size()) + " cells for "
                    + std::to_string(width) + " columns; the extra cells are kept apart"));
            r.flagged = true;
            surplus = rec.fields.size() - width;
        }
        // The cells go over text already parsed: never past what the parser has read.
        std::size_t bytes = 0;
        for (const auto& f : rec.fields)
            bytes += f.size();
        if (t.stored_bytes() + bytes > parser.offset())
            throw std::logic_error("ssda903 reader: cells longer than the text they came from");
        r.first = static_cast<std::uint32_t>(t.cell_count());
        for (const auto& f : rec.fields)
            t.push_cell(f);
        r.width = static_cast<std::uint32_t>(width);
        r.extra = static_cast<std::uint32_t>(surplus);
        detail::check_row(t, r, checks, collection_year, errors);
        t.rows.push_back(r);
    }
    t.finish_text();
    return t;
}

/// Reads one CSV table held in `text` (copied; `read_table_buffer` takes a string to keep).
template <class = void>
[[nodiscard]] table read_table_text(std::string_view text, std::string_view file_name,
                                    std::string_view table_name,
                                    std::vector<diagnostic>& errors,
                                    int collection_year = 0,
                                    const read_limits& limits = {}) {
    return read_table_buffer(std::string{text}, file_name, table_name, errors, collection_year,
                           limits);
}

/// Reads one CSV table from `in` (see `read_table_text`).
template <class = void>
[[nodiscard]] table read_table(std::istream& in, std::string_view file_name,
                               std::string_view table_name, std::vector<diagnostic>& errors,
                               int collection_year = 0) {
    return read_table_buffer(read_all(in), file_name, table_name, errors, collection_year);
}

namespace detail {
inline std::string lower_ascii(std::string s) {
    for (char& c : s)
        if (c >= 'A' && c <= 'Z')
            c = static_cast<char>(c - 'A' + 'a');
    return s;
}
// Folders holding the previous year's tables.
inline bool is_previous_year_folder(const std::string& name) {
    const auto n = lower_ascii(name);
    return n == "last_year" || n == "previous_year" || n == "last" || n == "previous"
           || n == "prev";
}
// File stems that mark a previous year's table: episodes_last.csv, header_prev.csv.
inline bool is_previous_year_stem(const std::string& stem) {
    const auto n = lower_ascii(stem);
    return n.ends_with("_last") || n.ends_with("_prev") || n.ends_with("_previous")
           || n.ends_with("-last") || n.ends_with("-prev");
}
template <class = void>
bool read_file_text(const std::filesystem::path& p, std::string& out) {
    std::ifstream in{p, std::ios::binary};
    if (!in)
        return false;
    // One read of the whole file when its size is known (a growing string copied a 70 MB
    // Episodes file several times); read_all picks up anything written since.
    std::error_code ec;
    const auto size = std::filesystem::file_size(p, ec);
    out.clear();
    if (!ec && size > 0) {
        out.resize(static_cast<std::size_t>(size));
        in.read(out.data(), static_cast<std::streamsize>(size));
        out.resize(static_cast<std::size_t>(in.gcount()));
        if (in.bad())
            return false;
        if (!in.eof()) {
            in.clear();
            out += read_all(in);
        }
        return !in.bad();
    }
    out = read_all(in);
    return !in.bad();
}

// Adds a table read from a file; a second file of the same table is refused by name.
template <class = void>
void add_table(return_data& ret, table t, bool previous) {
    if (t.name.empty())
        return;
    if (previous)
        t.name += "_last";
    if (auto it = ret.tables.find(t.name); it != ret.tables.end()) {
        ret.read_errors.push_back(
            file_problem(t.file, "a second " + t.name + " table (first read from " + it->second.file
                                     + "); this file is not used"));
        ret.unread_files.push_back(t.file);
        return;
    }
    std::string key = t.name;
    ret.tables.emplace(std::move(key), std::move(t));
}

// Reads one file of a return (CSV or XML) into `ret`; `shown` is the name diagnostics use.
// `previous` marks a previous year's table; `files` counts files against the limit.
template <class = void>
void read_file_into(const std::filesystem::path& path, const std::string& shown,
                    bool previous, return_data& ret, const read_limits& limits,
                    std::size_t& files) {
    const auto ext = lower_ascii(path.extension().string());
    if (ext != ".csv" && ext != ".xml") {
        ret.read_errors.push_back(
            file_problem(shown, "not a .csv or .xml file; not read", severity::warning));
        return;
    }
    if (++files > limits.max_files) {
        ret.read_errors.push_back(file_problem(
            shown, "more than " + std::to_string(limits.max_files)
                       + " files in the return; this file and those after it are not read"));
        ret.unread_files.push_back(shown);
        return;
    }
    std::string text;
    if (!read_file_text(path, text)) {
        ret.read_errors.push_back(file_problem(shown, "cannot read the file"));
        ret.unread_files.push_back(shown);
        return;
    }
    const bool prev = previous || is_previous_year_stem(path.stem().string());
    if (ext == ".xml") {
        auto x = read_xml_return_text(text, shown, ret.collection_year, limits);
        for (auto& d : x.read_errors)
            ret.read_errors.push_back(std::move(d));
        for (auto& f : x.unread_files)
            ret.unread_files.push_back(std::move(f));
        for (auto& [n, t] : x.tables)
            add_table(ret, std::move(t), prev);
        return;
    }
    const std::size_t before = ret.read_errors.size();
    auto t = read_table_buffer(std::move(text), shown, {}, ret.read_errors, ret.collection_year,
                             limits);
    const bool failed = std::any_of(
        ret.read_errors.begin() + static_cast<std::ptrdiff_t>(before), ret.read_errors.end(),
        [](const diagnostic& d) { return d.severity == severity::error && d.line <= 1; });
    if (t.name.empty() && (failed || !t.columns.empty())) {
        ret.unread_files.push_back(shown); // UTF-16, another separator, unknown columns
        return;
    }
    if (t.columns.empty())
        return; // blank optional file: warned about, nothing to keep
    add_table(ret, std::move(t), prev);
}

template <class = void>
void read_folder(const std::filesystem::path& dir, const std::string& prefix, bool previous,
                 return_data& ret, int depth, const read_limits& limits,
                 std::size_t& files) {
    namespace fs = std::filesystem;
    std::error_code ec;
    std::vector<fs::directory_entry> entries;
    for (fs::directory_iterator it{dir, ec}, end; !ec && it != end; it.increment(ec))
        entries.push_back(*it);
    std::sort(entries.begin(), entries.end(),
              [](const fs::directory_entry& a, const fs::directory_entry& b) {
                  return a.path().filename() < b.path().filename();
              });
    for (const auto& e : entries) {
        const auto name = e.path().filename().string();
        const auto shown = prefix + name;
        std::error_code sec;
        if (e.is_directory(sec)) {
            if (depth == 0 && is_previous_year_folder(name))
                read_folder(e.path(), shown + "/", true, ret, depth + 1, limits, files);
            else
                ret.read_errors.push_back(file_problem(
                    shown + "/",
                    "folder not read (only a previous year's folder, such as last_year/, is)",
                    severity::warning));
            continue;
        }
        read_file_into(e.path(), shown, previous, ret, limits, files);
        if (files > limits.max_files)
            return; // said once, at the first file past the limit
    }
}
} // namespace detail

/// Reads every CSV (and XML) file in `dir` as a return. The previous year's tables (used by the
/// rules that compare years) are read as "Header_last", "Episodes_last", ... from a subfolder
/// named `last_year`, `previous_year`, `last`, `previous` or `prev`, or from files whose name
/// ends in `_last`, `_prev` or `_previous` (`episodes_last.csv`). Other subfolders and other
/// file types are ignored. Fails only when the folder cannot be read; problems with files and
/// rows go into `read_errors`.
template <class = void>
[[nodiscard]] result<return_data> read_return(const std::filesystem::path& dir,
                                              int collection_year = 0,
                                              const read_limits& limits = {}) {
    std::error_code ec;
    if (!std::filesystem::is_directory(dir, ec))
        return diagnostic{.file = dir.string(),
                          .message = std::filesystem::exists(dir, ec) ? "not a folder"
                                                                      : "no such folder"};
    std::filesystem::directory_iterator probe{dir, ec};
    if (ec)
        return diagnostic{.file = dir.string(),
                          .message = "cannot read the folder: " + ec.message()};
    return_data ret;
    ret.collection_year = collection_year;
    std::size_t files = 0;
    detail::read_folder(dir, "", false, ret, 0, limits, files);
    return ret;
}

} // namespace carepath::ssda903
