#pragma once
/// @file
/// Writing a return back out: each table as CSV (the columns in the order read, every row
/// with its cells as read, so reading then writing gives the same rows and values), a folder
/// of tables, or the XML form (xml.hpp describes the layout).
///
/// Functions here that begin `template <class = void>` have nothing to deduce and are called
/// as plain functions; they are templates only so that their bodies are compiled in the files
/// that call them, not in every file that includes this header (issue 14, compile cost).
#include "carepath/core/result.hpp"
#include "carepath/ssda903/csv.hpp"
#include "carepath/ssda903/fields.hpp"
#include "carepath/ssda903/reader.hpp"
#include "carepath/ssda903/table.hpp"

#include <filesystem>
#include <fstream>
#include <map>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

namespace carepath::ssda903 {

/// How tables are written.
struct write_options {
    std::string_view eol = "\n";   ///< "\r\n" for strict RFC 4180
    bool write_extra_cells = true; ///< write the surplus cells of long rows (kept by the reader)
};

/// Writes `t` as CSV: the header row, then each row's cells (and surplus cells of long rows).
/// Records are built in a string and written 64 KiB at a time: a stream insert per field took
/// most of the time of writing a simulation's histories (issue 14).
template <class = void>
void write_table(std::ostream& os, const table& t, const write_options& opt = {}) {
    constexpr std::size_t chunk = 64 * 1024;
    std::string text;
    text.reserve(chunk + 1024);
    auto flush = [&] {
        os.write(text.data(), static_cast<std::streamsize>(text.size()));
        text.clear();
    };
    append_csv_record(text, t.columns, opt.eol);
    std::vector<std::string_view> cells;
    for (const auto& r : t.rows) {
        const auto own = t.cells(r);
        cells.assign(own.begin(), own.end());
        if (opt.write_extra_cells) {
            const auto surplus = t.extra(r);
            cells.insert(cells.end(), surplus.begin(), surplus.end());
        }
        append_csv_record(text, cells, opt.eol);
        if (text.size() >= chunk)
            flush();
    }
    flush();
}

/// The file name a table is written to in a folder: the name it was read from when that was a
/// CSV file in the folder, else the table's name in lower case ("episodes.csv"); previous-year
/// tables go to `last_year/`.
[[nodiscard]] inline std::filesystem::path output_name(const table& t, std::string_view key) {
    namespace fs = std::filesystem;
    const bool previous = key.ends_with("_last");
    const fs::path read_from{t.file};
    std::string base;
    if (!t.file.empty() && detail::lower_ascii(read_from.extension().string()) == ".csv")
        base = read_from.filename().string();
    else {
        base = detail::lower_ascii(std::string{previous ? key.substr(0, key.size() - 5) : key})
               + ".csv";
    }
    return previous ? fs::path{"last_year"} / base : fs::path{base};
}

/// Writes every table of `r` into `dir` (created if needed) as CSV files.
template <class = void>
[[nodiscard]] status write_return(const return_data& r, const std::filesystem::path& dir,
                                  const write_options& opt = {}) {
    namespace fs = std::filesystem;
    std::error_code ec;
    fs::create_directories(dir, ec);
    if (ec) {
        diagnostic d;
        d.file = dir.string();
        d.message = "cannot create the folder: " + ec.message();
        return d;
    }
    for (const auto& [key, t] : r.tables) {
        const auto path = dir / output_name(t, key);
        fs::create_directories(path.parent_path(), ec);
        std::ofstream out{path, std::ios::binary};
        if (out)
            write_table(out, t, opt);
        if (!out) {
            diagnostic d;
            d.file = path.string();
            d.message = "cannot write the file";
            return d;
        }
    }
    return ok;
}

namespace detail {
inline void write_xml_text(std::ostream& os, std::string_view s) {
    for (char c : s) {
        switch (c) {
        case '&':
            os << "&amp;";
            break;
        case '<':
            os << "&lt;";
            break;
        case '>':
            os << "&gt;";
            break;
        default:
            os << c;
        }
    }
}
inline void write_xml_leaf(std::ostream& os, std::string_view indent, std::string_view column,
                           std::string_view value) {
    // The XML form leaves out blank fields, except a child's id: an element without a CHILDID
    // is not read as a child, so a child whose id is blank would vanish (found by fuzz_xml).
    if (value.empty() && column != "CHILD")
        return;
    const std::string_view tag = column == "CHILD" ? "CHILDID" : column == "PLACE" ? "PL" : column;
    os << indent << '<' << tag << '>';
    write_xml_text(os, value);
    os << "</" << tag << ">\n";
}
template <class = void>
void write_xml_record(std::ostream& os, std::string_view indent, const table& t,
                      const row& r, bool skip_child_fields) {
    for (std::size_t i = 0; i < t.columns.size() && i < r.width; ++i) {
        if (skip_child_fields && (t.columns[i] == "CHILD" || t.columns[i] == "DOB"))
            continue;
        write_xml_leaf(os, indent, t.columns[i], t.cell(r, i));
    }
}
} // namespace detail

/// Writes the current year's tables of `r` in the XML form, one CHILD element per child in the
/// order children first appear (Header first). Blank cells are left out, as the XML form does;
/// a record's CHILD and DOB come from its child element when read back.
template <class = void>
void write_xml_return(std::ostream& os, const return_data& r) {
    std::vector<std::string> order;
    std::map<std::string, std::map<std::string, std::vector<const row*>, std::less<>>, std::less<>>
        rows_of; // child -> table -> rows
    for (std::string_view name : {"Header", "UASC", "OC3", "AD1", "Episodes", "Reviews", "Missing",
                                  "OC2", "PrevPerm", "PlacedAdoption"}) {
        const table* t = r.find(name);
        if (!t)
            continue;
        const auto idc = t->column("CHILD");
        for (const auto& rw : t->rows) {
            const std::string id =
                idc ? normalise_child_id(t->cell(rw, *idc)) : "";
            auto& per = rows_of[id];
            if (per.empty())
                order.push_back(id);
            per[std::string{name}].push_back(&rw);
        }
    }
    os << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Message>\n";
    for (const auto& id : order) {
        auto& per = rows_of[id];
        os << "  <CHILD>\n";
        auto first = [&](std::string_view name) -> const row* {
            auto it = per.find(name);
            return it == per.end() || it->second.empty() ? nullptr : it->second.front();
        };
        if (const row* h = first("Header"))
            detail::write_xml_record(os, "    ", *r.find("Header"), *h, false);
        else
            detail::write_xml_leaf(os, "    ", "CHILD", id);
        if (const row* u = first("UASC")) {
            const table& t = *r.find("UASC");
            if (!first("Header"))
                detail::write_xml_leaf(os, "    ", "UASC", "1");
            detail::write_xml_leaf(os, "    ", "DUC", t.get(*u, "DUC"));
        }
        for (std::string_view name : {"OC3", "AD1"})
            if (const row* x = first(name))
                detail::write_xml_record(os, "    ", *r.find(name), *x, true);
        for (const row* e : per["Episodes"]) {
            os << "    <EPISODE>\n";
            detail::write_xml_record(os, "      ", *r.find("Episodes"), *e, true);
            os << "    </EPISODE>\n";
        }
        bool header_open = false;
        for (auto [name, tag] :
             {std::pair<std::string_view, std::string_view>{"Reviews", "AREVIEW"},
              {"Missing", "AMISSING"},
              {"OC2", "OC2"},
              {"PrevPerm", "PERMANENCE"},
              {"PlacedAdoption", "AD_PLACED"}}) {
            auto it = per.find(name);
            if (it == per.end())
                continue;
            if (!header_open)
                os << "    <HEADER>\n";
            header_open = true;
            for (const row* x : it->second) {
                os << "      <" << tag << ">\n";
                detail::write_xml_record(os, "        ", *r.find(name), *x, true);
                os << "      </" << tag << ">\n";
            }
        }
        if (header_open)
            os << "    </HEADER>\n";
        os << "  </CHILD>\n";
    }
    os << "</Message>\n";
}

} // namespace carepath::ssda903
