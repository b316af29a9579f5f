#pragma once
/// @file
/// A single self-contained HTML page: inline CSS, inline SVG charts, tables
/// beside them. It loads nothing (no script, no font, no image from elsewhere),
/// so it opens offline and can be mailed as one file.
#include "carepath/report/detail/text.hpp"
#include "carepath/report/table.hpp"

#include <ostream>
#include <string>
#include <utility>
#include <vector>

namespace carepath::report {

/// One part of a report: a heading, a sentence or two, charts (SVG text as
/// written by svg.hpp) and the tables that hold the same numbers.
struct section {
    std::string id; ///< anchor for the table of contents ("survival")
    std::string title; ///< the section's heading
    std::string text;                ///< plain text, escaped when written
    std::vector<std::string> charts; ///< complete `<svg>` elements
    std::vector<data_table> tables; ///< the numbers behind the charts, as tables
};

/// A whole report.
struct document {
    std::string title; ///< heading of the page
    std::string subtitle; ///< line under the title
    /// Facts about the run or the return, shown as a list at the top ("children",
    /// "1,000").
    std::vector<std::pair<std::string, std::string>> facts;
    std::vector<section> sections; ///< the sections, in page order
};

/// Escapes text for HTML.
[[nodiscard]] inline std::string escape_html(std::string_view s) {
    return detail::escape_xml(s);
}

/// Writes `doc` as one HTML page.
inline void write_html(std::ostream& os, const document& doc) {
    os << "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta "
          "charset=\"utf-8\">\n"
       << "<meta name=\"viewport\" content=\"width=device-width, "
          "initial-scale=1\">\n"
       << "<title>" << escape_html(doc.title) << "</title>\n<style>\n"
       << "body{font-family:system-ui,sans-serif;margin:0 "
          "auto;max-width:1180px;padding:1em 2em;"
          "color:#222;background:#fff}\n"
       << "h1{margin-bottom:.2em}.subtitle{color:#555;margin-top:0}\n"
       << "dl.facts{display:grid;grid-template-columns:max-content auto;gap:.2em "
          "1em}"
          "dl.facts dt{font-weight:600}dl.facts dd{margin:0}\n"
       << "section{border-top:1px solid #ccc;margin-top:1.5em;padding-top:.5em}\n"
       << ".panel{display:flex;flex-wrap:wrap;gap:1.5em;align-items:flex-start}\n"
       << ".charts{flex:0 1 auto;max-width:100%}.charts "
          "svg{max-width:100%;height:auto;display:block;"
          "margin-bottom:1em}\n"
       << ".tables{flex:1 1 "
          "320px;overflow-x:auto;max-height:640px;overflow-y:auto}\n"
       << "table.data{border-collapse:collapse;font-size:.85em;margin-bottom:1em}"
          "table.data caption{text-align:left;font-weight:600;padding:.3em 0}"
          "table.data th,table.data td{border:1px solid #ddd;padding:.2em .5em}"
          "table.data th{background:#f4f4f4}td.num{text-align:right;"
          "font-variant-numeric:tabular-nums}\n"
       << "nav ul{columns:2}\n.empty{color:#777;font-style:italic}\n"
       << "</style>\n</head>\n<body>\n<header>\n<h1>" << escape_html(doc.title) << "</h1>\n";
    if (!doc.subtitle.empty())
        os << "<p class=\"subtitle\">" << escape_html(doc.subtitle) << "</p>\n";
    if (!doc.facts.empty()) {
        os << "<dl class=\"facts\">\n";
        for (const auto& [k, v] : doc.facts)
            os << "<dt>" << escape_html(k) << "</dt><dd>" << escape_html(v) << "</dd>\n";
        os << "</dl>\n";
    }
    if (doc.sections.size() > 1) {
        os << "<nav><ul>\n";
        for (const auto& s : doc.sections)
            os << "<li><a href=\"#" << escape_html(s.id) << "\">" << escape_html(s.title)
               << "</a></li>\n";
        os << "</ul></nav>\n";
    }
    os << "</header>\n<main>\n";
    for (const auto& s : doc.sections) {
        os << "<section id=\"" << escape_html(s.id) << "\">\n<h2>" << escape_html(s.title)
           << "</h2>\n";
        if (!s.text.empty())
            os << "<p>" << escape_html(s.text) << "</p>\n";
        os << "<div class=\"panel\">\n<div class=\"charts\">\n";
        for (const auto& c : s.charts)
            os << c;
        os << "</div>\n<div class=\"tables\">\n";
        for (const auto& t : s.tables)
            write_html(os, t);
        os << "</div>\n</div>\n</section>\n";
    }
    os << "</main>\n<footer><p class=\"subtitle\">Made by carepath. carepath "
          "ranks no "
          "permanence route: colours and order follow the data, not "
          "merit.</p></footer>\n"
          "</body>\n</html>\n";
}

} // namespace carepath::report
