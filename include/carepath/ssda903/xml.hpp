#pragma once
/// @file
/// The XML form of the return (one file, the same fields as the CSV tables) read into the same
/// `return_data`. The layout, as the DfE's XML and the Python validator read it:
///
///     <Message>                       (any root name)
///       <CHILD>                       (any element holding a CHILDID is one child)
///         <CHILDID>..</CHILDID> <SEX/> <DOB/> <ETHNIC/> <UPN/> <MOTHER/> <MC_DOB/>
///         <UASC/> <DUC/>                      Header (+ a UASC row when UASC=1 or DUC given)
///         <IN_TOUCH/> <ACTIV/> <ACCOM/>       OC3 row, when any is given
///         <DATE_INT/> ... <LS_ADOPTR/>        AD1 row, when any is given
///         <EPISODE> <DECOM/> <RNE/> ... <PL/> (= PLACE) ... </EPISODE>   one Episodes row each
///         <HEADER>  <AREVIEW/> <AMISSING/> <OC2/> <PERMANENCE/> <AD_PLACED/>  </HEADER>
///       </CHILD>
///     </Message>
///
/// The XML reader is small and tolerant: it knows elements, text, the five named entities and
/// numeric character references, CDATA, comments and processing instructions; attributes and
/// namespace prefixes are ignored. A missing or mismatched end tag is an error with line and
/// column, and reading goes on. Each row's line is the line its element starts on.
///
/// Functions here that begin `template <class = void>` have nothing to deduce and are called
/// as plain functions; they are templates only so that their bodies are compiled in the files
/// that call them, not in every file that includes this header (issue 14, compile cost).
#include "carepath/core/result.hpp"
#include "carepath/ssda903/csv.hpp"
#include "carepath/ssda903/detail/check.hpp"
#include "carepath/ssda903/fields.hpp"
#include "carepath/ssda903/table.hpp"

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <istream>
#include <string>
#include <string_view>
#include <vector>

namespace carepath::ssda903 {

/// One element of a parsed XML document (stored flat: children are indices).
struct xml_element {
    std::string name;                  ///< local name (a namespace prefix is dropped)
    std::string text;                  ///< the text directly inside, entities decoded
    std::size_t line = 0;              ///< line of the start tag
    std::size_t column = 0;            ///< column (in bytes) of the start tag
    std::vector<std::size_t> children; ///< indices into `xml_document::elements`
};

/// A parsed document; element 0 is the root when there is one.
struct xml_document {
    std::vector<xml_element> elements; ///< every element, in document order
    bool truncated = false; ///< reading stopped before the end of the text (see diagnostics)
    /// Bytes read plus open elements searched for end tags: the parser's work, which stays
    /// within a small multiple of the text's size whatever its shape (tests/ssda903/xml_test).
    std::size_t steps = 0;
    /// True when no element was read.
    [[nodiscard]] bool empty() const noexcept { return elements.empty(); }
};

namespace detail {
template <class = void>
class xml_parser {
public:
    xml_parser(std::string_view text, std::string_view file, std::size_t max_depth)
        : s_{text}, file_{file}, max_depth_{max_depth} {
        if (s_.starts_with("\xEF\xBB\xBF"))
            pos_ = 3;
    }

    xml_document parse(std::vector<diagnostic>& errors) {
        xml_document doc;
        std::vector<std::size_t> open; // stack of element indices
        while (pos_ < s_.size()) {
            if (s_[pos_] != '<') {
                const std::size_t start = pos_;
                while (pos_ < s_.size() && s_[pos_] != '<')
                    advance();
                if (!open.empty())
                    decode(s_.substr(start, pos_ - start), doc.elements[open.back()].text, errors);
                else if (detail::trim(strip_ws(s_.substr(start, pos_ - start))).size() != 0)
                    errors.push_back(problem("text outside the root element is ignored"));
                continue;
            }
            if (starts("<?")) {
                skip_past("?>", errors);
                continue;
            }
            if (starts("<!--")) {
                skip_past("-->", errors);
                continue;
            }
            if (starts("<![CDATA[")) {
                const std::size_t start = pos_ + 9;
                skip_past("]]>", errors);
                const std::size_t end =
                    pos_ >= 3 && s_.substr(pos_ - 3, 3) == "]]>" ? pos_ - 3 : pos_;
                if (!open.empty())
                    doc.elements[open.back()].text.append(s_.substr(start, end - start));
                continue;
            }
            if (starts("<!")) {
                skip_past(">", errors);
                continue;
            }
            const std::size_t tag_line = line_, tag_col = col_;
            const std::size_t close = find_tag_end();
            if (close == std::string_view::npos) {
                errors.push_back(
                    problem("a tag is not closed with '>'; the rest of the file is ignored"));
                doc.truncated = true;
                break;
            }
            std::string_view tag = s_.substr(pos_ + 1, close - pos_ - 1);
            while (pos_ <= close)
                advance();
            if (tag.starts_with('/')) {
                const auto name = local_name(tag.substr(1));
                close_element(doc, open, name, tag_line, tag_col, errors);
                continue;
            }
            const bool self_closing = tag.ends_with('/');
            if (self_closing)
                tag.remove_suffix(1);
            const auto name = local_name(tag);
            if (name.empty()) {
                errors.push_back(problem_at(tag_line, tag_col, std::string{tag},
                                            "a tag without a name is ignored"));
                continue;
            }
            if (open.empty() && !doc.elements.empty()) {
                errors.push_back(
                    problem_at(tag_line, tag_col, std::string{name},
                               "a second root element; it is read as part of the first"));
                open.push_back(0);
            }
            if (!self_closing && open.size() >= max_depth_) {
                errors.push_back(problem_at(
                    tag_line, tag_col, std::string{name},
                    "elements nested more than " + std::to_string(max_depth_)
                        + " deep (a return nests 4); the rest of the file is not read"));
                doc.truncated = true;
                break;
            }
            const std::size_t idx = doc.elements.size();
            doc.elements.push_back(xml_element{std::string{name}, {}, tag_line, tag_col, {}});
            if (!open.empty())
                doc.elements[open.back()].children.push_back(idx);
            if (!self_closing)
                open.push_back(idx);
        }
        doc.steps += pos_ + steps_;
        for (auto it = open.rbegin(); it != open.rend(); ++it) {
            const auto& e = doc.elements[*it];
            errors.push_back(
                problem_at(e.line, e.column, e.name, "element <" + e.name + "> is not closed"));
        }
        return doc;
    }

private:
    static std::string_view strip_ws(std::string_view s) noexcept {
        while (!s.empty()
               && (s.front() == '\n' || s.front() == '\r' || s.front() == ' ' || s.front() == '\t'))
            s.remove_prefix(1);
        while (!s.empty()
               && (s.back() == '\n' || s.back() == '\r' || s.back() == ' ' || s.back() == '\t'))
            s.remove_suffix(1);
        return s;
    }
    // "ns:NAME attr='x'" -> "NAME"
    static std::string_view local_name(std::string_view tag) noexcept {
        std::size_t e = 0;
        while (e < tag.size() && tag[e] != ' ' && tag[e] != '\t' && tag[e] != '\n' && tag[e] != '\r'
               && tag[e] != '/')
            ++e;
        auto n = tag.substr(0, e);
        if (const auto c = n.rfind(':'); c != std::string_view::npos)
            n.remove_prefix(c + 1);
        return n;
    }
    [[nodiscard]] bool starts(std::string_view p) const noexcept {
        return s_.substr(pos_).starts_with(p);
    }
    void advance() noexcept {
        if (s_[pos_] == '\n') {
            ++line_;
            col_ = 1;
        } else {
            ++col_;
        }
        ++pos_;
    }
    void skip_past(std::string_view end, std::vector<diagnostic>& errors) {
        const auto f = s_.find(end, pos_);
        const std::size_t stop = f == std::string_view::npos ? s_.size() : f + end.size();
        if (f == std::string_view::npos)
            errors.push_back(problem("a comment, CDATA section or declaration is not closed"));
        while (pos_ < stop)
            advance();
    }
    // The '>' ending the tag at pos_, skipping quoted attribute values.
    [[nodiscard]] std::size_t find_tag_end() const noexcept {
        char quote = 0;
        for (std::size_t p = pos_ + 1; p < s_.size(); ++p) {
            const char c = s_[p];
            if (quote) {
                if (c == quote)
                    quote = 0;
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (c == '>') {
                return p;
            } else if (c == '<') {
                return std::string_view::npos;
            }
        }
        return std::string_view::npos;
    }
    void close_element(xml_document& doc, std::vector<std::size_t>& open, std::string_view name,
                       std::size_t line, std::size_t col, std::vector<diagnostic>& errors) {
        std::size_t depth = open.size();
        while (depth > 0 && doc.elements[open[depth - 1]].name != name)
            --depth;
        steps_ += open.size() - depth + 1;
        if (depth == 0) {
            errors.push_back(problem_at(line, col, std::string{name},
                                        "end tag </" + std::string{name}
                                            + "> matches no open element; ignored"));
            return;
        }
        while (open.size() > depth) {
            const auto& e = doc.elements[open.back()];
            errors.push_back(problem_at(e.line, e.column, e.name,
                                        "element <" + e.name + "> is not closed before </"
                                            + std::string{name} + ">"));
            open.pop_back();
        }
        open.pop_back();
    }
    void decode(std::string_view raw, std::string& out, std::vector<diagnostic>& errors) {
        std::size_t i = 0;
        while (i < raw.size()) {
            const auto amp = raw.find('&', i);
            out.append(raw.substr(i, amp == std::string_view::npos ? raw.size() - i : amp - i));
            if (amp == std::string_view::npos)
                break;
            // An entity is short: look for its ';' in the next few bytes only, so a text of
            // many '&' stays linear.
            const auto near = raw.substr(amp, 12).find(';');
            steps_ += std::min<std::size_t>(12, raw.size() - amp);
            const auto semi = near == std::string_view::npos ? near : amp + near;
            const auto ent = semi == std::string_view::npos || semi - amp > 10
                                 ? std::string_view{}
                                 : raw.substr(amp + 1, semi - amp - 1);
            if (!append_entity(ent, out)) {
                errors.push_back(problem(
                    std::string{raw.substr(amp, std::min<std::size_t>(10, raw.size() - amp))},
                    "unknown entity kept as written", severity::warning));
                out.push_back('&');
                i = amp + 1;
                continue;
            }
            i = semi + 1;
        }
    }
    static bool append_entity(std::string_view e, std::string& out) {
        if (e == "amp")
            out.push_back('&');
        else if (e == "lt")
            out.push_back('<');
        else if (e == "gt")
            out.push_back('>');
        else if (e == "quot")
            out.push_back('"');
        else if (e == "apos")
            out.push_back('\'');
        else if (e.size() >= 2 && e[0] == '#') {
            std::uint32_t cp = 0;
            const bool hex = e[1] == 'x' || e[1] == 'X';
            const auto digits = e.substr(hex ? 2 : 1);
            if (digits.empty())
                return false;
            for (char c : digits) {
                int v = -1;
                if (c >= '0' && c <= '9')
                    v = c - '0';
                else if (hex && c >= 'a' && c <= 'f')
                    v = c - 'a' + 10;
                else if (hex && c >= 'A' && c <= 'F')
                    v = c - 'A' + 10;
                if (v < 0)
                    return false;
                cp = cp * (hex ? 16u : 10u) + static_cast<std::uint32_t>(v);
                if (cp > 0x10FFFF)
                    return false;
            }
            if (cp == 0 || (cp >= 0xD800 && cp <= 0xDFFF))
                return false;
            // UTF-8 encode.
            if (cp < 0x80)
                out.push_back(static_cast<char>(cp));
            else if (cp < 0x800) {
                out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
                out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
            } else if (cp < 0x10000) {
                out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
                out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
                out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
            } else {
                out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
                out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
                out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
                out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
            }
        } else {
            return false;
        }
        return true;
    }
    [[nodiscard]] diagnostic problem(std::string message) const {
        return problem_at(line_, col_, {}, std::move(message));
    }
    [[nodiscard]] diagnostic problem(std::string value, std::string message,
                                     severity level = severity::error) const {
        return problem_at(line_, col_, std::move(value), std::move(message), level);
    }
    [[nodiscard]] diagnostic problem_at(std::size_t line, std::size_t col, std::string value,
                                        std::string message,
                                        severity level = severity::error) const {
        return diagnostic{.file = std::string{file_},
                          .line = line,
                          .column = col,
                          .value = std::move(value),
                          .message = std::move(message),
                          .severity = level};
    }

    std::string_view s_;
    std::string_view file_;
    std::size_t max_depth_;
    std::size_t steps_ = 0;
    std::size_t pos_ = 0;
    std::size_t line_ = 1;
    std::size_t col_ = 1;
};
} // namespace detail

/// Parses an XML document held in `text`; problems go to `errors`, and what could be read is
/// returned.
template <class = void>
[[nodiscard]] xml_document parse_xml(std::string_view text, std::string_view file_name,
                                     std::vector<diagnostic>& errors,
                                     const read_limits& limits = {}) {
    return detail::xml_parser<>{text, file_name, limits.max_xml_depth}.parse(errors);
}

namespace detail {
// The XML element names that differ from the CSV column names.
constexpr std::string_view column_of_element(std::string_view e) noexcept {
    if (e == "CHILDID")
        return "CHILD";
    if (e == "PL")
        return "PLACE";
    return e;
}
// Sub-records of a child and the table each fills.
constexpr std::string_view table_of_record(std::string_view e) noexcept {
    if (e == "EPISODE")
        return "Episodes";
    if (e == "AREVIEW")
        return "Reviews";
    if (e == "AMISSING")
        return "Missing";
    if (e == "OC2")
        return "OC2";
    if (e == "PERMANENCE")
        return "PrevPerm";
    if (e == "AD_PLACED")
        return "PlacedAdoption";
    if (e == "SWEPISODE")
        return "SWEpisodes";
    if (e == "DOLO")
        return "DoLo";
    return {};
}

template <class = void>
struct xml_builder {
    const xml_document& doc;
    std::string_view file;
    return_data& out;
    std::vector<diagnostic>& errors;
    std::size_t max_cell_bytes;

    table& get(std::string_view name) {
        auto it = out.tables.find(name);
        if (it != out.tables.end())
            return it->second;
        table t;
        t.name = std::string{name};
        t.file = std::string{file};
        for (const auto& f : find_table_spec(name)->fields)
            t.columns.emplace_back(f.name);
        return out.tables.emplace(std::string{name}, std::move(t)).first->second;
    }

    // Leaves of `e` as (column, text); records and unknown elements are left to the caller.
    void add_row(std::string_view table_name, std::size_t line,
                 const std::vector<std::pair<std::string_view, const xml_element*>>& values) {
        table& t = get(table_name);
        row r;
        r.line = line;
        std::vector<std::string_view> cells(t.columns.size());
        std::vector<bool> seen(t.columns.size(), false);
        for (const auto& [col, el] : values) {
            const auto i = t.column(col);
            if (!i)
                continue;
            if (seen[*i] && cells[*i] != el->text) {
                errors.push_back(cell_problem({file, el->line, *i + 1, col}, el->text,
                                              "given twice for one record; the first is read"));
                r.flagged = true;
                continue;
            }
            seen[*i] = true;
            if (el->text.size() > max_cell_bytes) {
                errors.push_back(cell_problem(
                    {file, el->line, *i + 1, col}, el->text.substr(0, 40) + "...",
                    "a cell of " + std::to_string(el->text.size())
                        + " bytes is longer than the limit of " + std::to_string(max_cell_bytes)
                        + "; read as blank"));
                r.flagged = true;
                continue;
            }
            cells[*i] = el->text;
        }
        t.add_row(r, cells);
    }

    static bool is_leaf(const xml_element& e) noexcept { return e.children.empty(); }

    void child(const xml_element& c) {
        std::vector<std::pair<std::string_view, const xml_element*>> leaves;
        for (auto i : c.children) {
            const auto& e = doc.elements[i];
            if (is_leaf(e) && table_of_record(e.name).empty())
                leaves.emplace_back(column_of_element(e.name), &e);
        }
        auto has = [&](std::initializer_list<std::string_view> cols) {
            for (const auto& [col, el] : leaves)
                for (auto want : cols)
                    if (col == want && !detail::trim(el->text).empty())
                        return true;
            return false;
        };
        // Which table each leaf belongs to, so unknown leaves can be reported.
        for (const auto& [col, el] : leaves) {
            bool known = false;
            for (auto tn : {"Header", "UASC", "OC3", "AD1"})
                if (find_field(*find_table_spec(tn), col))
                    known = true;
            if (!known)
                errors.push_back(cell_warning({file, el->line, 0, col}, el->text,
                                              "element not part of any table; ignored"));
        }
        add_row("Header", c.line, leaves);
        bool uasc_flag = false;
        for (const auto& [col, el] : leaves)
            if (col == "UASC" && detail::trim(el->text) == "1")
                uasc_flag = true;
        if (uasc_flag || has({"DUC"}))
            add_row("UASC", c.line, leaves);
        if (has({"IN_TOUCH", "ACTIV", "ACCOM"}))
            add_row("OC3", c.line, leaves);
        if (has({"DATE_INT", "DATE_MATCH", "FOSTER_CARE", "NB_ADOPTR", "SEX_ADOPTR", "LS_ADOPTR"}))
            add_row("AD1", c.line, leaves);
        records(c, leaves);
    }

    // Sub-records (EPISODE, ...) of `parent`, looking inside wrapper elements such as HEADER.
    void records(const xml_element& parent,
                 const std::vector<std::pair<std::string_view, const xml_element*>>& child_leaves,
                 int depth = 0) {
        for (auto i : parent.children) {
            const auto& e = doc.elements[i];
            if (is_leaf(e) && table_of_record(e.name).empty())
                continue;
            const auto tn = table_of_record(e.name);
            if (tn.empty()) {
                if (depth < 2)
                    records(e, child_leaves, depth + 1); // a wrapper (HEADER)
                continue;
            }
            // The record's own leaves first, then the child's (CHILD, DOB) for what it lacks.
            std::vector<std::pair<std::string_view, const xml_element*>> values;
            for (auto j : e.children) {
                const auto& leaf = doc.elements[j];
                values.emplace_back(column_of_element(leaf.name), &leaf);
                if (!find_field(*find_table_spec(tn), column_of_element(leaf.name)))
                    errors.push_back(cell_warning({file, leaf.line, 0, leaf.name}, leaf.text,
                                                  "element not part of " + std::string{tn}
                                                      + "; ignored"));
            }
            for (const auto& [col, el] : child_leaves)
                if (col == "CHILD" || col == "DOB" || (tn == "UASC" && col == "SEX")) {
                    bool own = false;
                    for (const auto& v : values)
                        own = own || v.first == col;
                    if (!own)
                        values.emplace_back(col, el);
                }
            add_row(tn, e.line, values);
        }
    }
};
} // namespace detail

/// Reads a return in XML form held in `text` (see the file comment for the layout). Tables are
/// created only for records present; every cell is checked as in the CSV reader.
template <class = void>
[[nodiscard]] return_data
read_xml_return_text(std::string_view text, std::string_view file_name, int collection_year = 0,
              const read_limits& limits = {}) {
    return_data out;
    out.collection_year = collection_year;
    if (text.starts_with("\xFF\xFE") || text.starts_with("\xFE\xFF")) {
        out.read_errors.push_back(diagnostic{
            .file = std::string{file_name},
            .message = "the file is UTF-16; save it as UTF-8 (XML files from case systems are)"});
        out.unread_files.emplace_back(file_name);
        return out;
    }
    const auto doc = parse_xml(text, file_name, out.read_errors, limits);
    if (doc.truncated)
        out.unread_files.emplace_back(file_name);
    if (doc.empty()) {
        out.read_errors.push_back(
            detail::cell_problem({file_name, 0, 0, {}}, "", "no XML element found"));
        if (!doc.truncated)
            out.unread_files.emplace_back(file_name);
        return out;
    }
    detail::xml_builder<> b{doc, file_name, out, out.read_errors, limits.max_cell_bytes};
    for (auto i : doc.elements[0].children) {
        const auto& c = doc.elements[i];
        bool has_id = false;
        for (auto j : c.children) {
            const auto& n = doc.elements[j].name;
            has_id = has_id || n == "CHILDID" || n == "CHILD";
        }
        if (has_id)
            b.child(c);
        else if (!c.children.empty() || !detail::trim(c.text).empty())
            out.read_errors.push_back(detail::cell_warning(
                {file_name, c.line, 0, c.name}, "",
                "element without a CHILDID is not a child record; ignored"));
    }
    for (auto& [name, t] : out.tables) {
        const auto checks = detail::check_header(t, 0, out.read_errors, true);
        for (auto& r : t.rows)
            detail::check_row(t, r, checks, collection_year, out.read_errors);
    }
    return out;
}

/// Reads a return in XML form from `in`.
template <class = void>
[[nodiscard]] return_data read_xml_return(std::istream& in, std::string_view file_name,
                                          int collection_year = 0,
                                          const read_limits& limits = {}) {
    const std::string text = read_all(in);
    return read_xml_return_text(text, file_name, collection_year, limits);
}

} // namespace carepath::ssda903
