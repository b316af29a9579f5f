#pragma once
/// @file
/// A CSV reader and writer written for SSDA903 files (RFC 4180): fields in double quotes may
/// hold commas, doubled quotes and line breaks; a UTF-8 byte order mark is skipped; lines end
/// with CRLF, LF or CR. Bad input never stops the reader: an unterminated quote is reported with
/// its line and column and the rest of the file is still read. Cells are returned exactly as
/// written (no trimming, no case change); what to make of them is the table reader's business.
///
/// Functions here that begin `template <class = void>` have nothing to deduce and are called
/// as plain functions; they are templates only so that their bodies are compiled in the files
/// that call them, not in every file that includes this header (issue 14, compile cost).
#include "carepath/core/result.hpp"

#include <algorithm>
#include <cstddef>
#include <istream>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

namespace carepath::ssda903 {

/// Limits on input, so that a broken or hostile file is refused with its place named instead
/// of filling memory or taking minutes. Real returns stay far below them: the longest SSDA903
/// cell is a 13-character UPN, an Episodes row is under 200 bytes, a return has at most 24
/// tables (12 and the previous year's 12), and the XML form nests 4 elements deep.
struct read_limits {
    std::size_t max_cell_bytes = 4096;     ///< one cell; a longer one is read as blank
    std::size_t max_line_bytes = 1 << 16;  ///< one record; a longer one is not read
    std::size_t max_files = 100;           ///< files in a return's folder; the rest are not read
    std::size_t max_xml_depth = 32;        ///< element nesting; deeper stops the XML reader
};

/// One CSV record: its cells and the 1-based line it starts on.
struct csv_record {
    std::size_t line = 0; ///< 1-based line the record starts on
    std::vector<std::string> fields; ///< the cells, in order
    bool malformed = false; ///< a quoting error was found in this record (see diagnostics)
    bool refused = false;   ///< longer than `read_limits::max_line_bytes`: no cells were read
};

/// Reads all of `in` into a string (the readers parse from memory: one pass, no seeks).
[[nodiscard]] inline std::string read_all(std::istream& in) {
    std::string out;
    char buf[1 << 16];
    // Block reads: a character at a time costs a second on a 70 MB Episodes file.
    while (in.read(buf, sizeof buf) || in.gcount() > 0)
        out.append(buf, static_cast<std::size_t>(in.gcount()));
    return out;
}

/// True when `d` is a warning (input read as written, with a remark), false for an error.
[[nodiscard]] inline bool is_warning(const diagnostic& d) noexcept { return d.is_warning(); }

namespace detail {
inline diagnostic csv_problem(std::string_view file, std::size_t line, std::size_t column,
                              std::string value, std::string message,
                              severity level = severity::error) {
    return diagnostic{.file = std::string{file},
                      .line = line,
                      .column = column,
                      .value = std::move(value),
                      .message = std::move(message),
                      .severity = level};
}
/// Length of the valid UTF-8 prefix of `s`, or s.size() when all of it is valid.
constexpr std::size_t utf8_valid_prefix(std::string_view s) noexcept {
    std::size_t i = 0;
    while (i < s.size()) {
        const auto c = static_cast<unsigned char>(s[i]);
        std::size_t n = 0;
        if (c < 0x80)
            n = 1;
        else if (c >= 0xC2 && c <= 0xDF)
            n = 2;
        else if (c >= 0xE0 && c <= 0xEF)
            n = 3;
        else if (c >= 0xF0 && c <= 0xF4)
            n = 4;
        else
            return i;
        if (i + n > s.size())
            return i;
        for (std::size_t k = 1; k < n; ++k)
            if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80)
                return i;
        i += n;
    }
    return i;
}
} // namespace detail

/// True when `s` is valid UTF-8.
[[nodiscard]] constexpr bool is_valid_utf8(std::string_view s) noexcept {
    return detail::utf8_valid_prefix(s) == s.size();
}

/// Reads records one at a time from text held in memory. Empty lines are skipped (they hold no
/// cells). Problems go to the `errors` vector given to `next`, each with file, line and
/// column (the 1-based field position).
class csv_parser {
public:
    /// `text` must outlive the parser. A leading UTF-8 byte order mark is skipped.
    csv_parser(std::string_view text, std::string_view file_name, char delimiter = ',',
               const read_limits& limits = {})
        : s_{text}, file_{file_name}, delim_{delimiter}, limits_{limits} {
        if (s_.starts_with("\xEF\xBB\xBF"))
            pos_ = 3;
    }

    /// Reads the next record into `out`; false when the text is used up.
    bool next(csv_record& out, std::vector<diagnostic>& errors) {
        while (pos_ < s_.size() && (s_[pos_] == '\n' || s_[pos_] == '\r'))
            end_line();
        if (pos_ >= s_.size())
            return false;
        out.line = line_;
        out.fields.clear();
        out.malformed = false;
        out.refused = false;
        const std::size_t start = pos_;
        for (;;) {
            if (pos_ - start > limits_.max_line_bytes) {
                refuse_record(out, start, errors);
                return true;
            }
            out.fields.emplace_back();
            read_field(out, errors);
            if (pos_ >= s_.size()) {
                if (pos_ - start > limits_.max_line_bytes)
                    refuse_record(out, start, errors);
                break;
            }
            if (s_[pos_] == delim_) {
                ++pos_;
                continue;
            }
            if (pos_ - start > limits_.max_line_bytes) {
                refuse_record(out, start, errors);
                return true;
            }
            end_line(); // at '\r' or '\n'
            break;
        }
        return true;
    }

    /// Offset in the text of the next byte to read: every byte before it has been parsed.
    [[nodiscard]] std::size_t offset() const noexcept { return pos_; }

    /// Bytes examined so far, counting every rescan: the parser's work, which stays within a
    /// small multiple of the text's size whatever its shape (tests/ssda903/csv_test.cpp).
    [[nodiscard]] std::size_t bytes_scanned() const noexcept { return scanned_; }

private:
    // A record longer than the limit: its cells are dropped, the error names its line and
    // length, and reading goes on after the physical line it ends on.
    void refuse_record(csv_record& out, std::size_t start, std::vector<diagnostic>& errors) {
        const std::size_t from = pos_;
        while (pos_ < s_.size() && s_[pos_] != '\n' && s_[pos_] != '\r')
            ++pos_;
        scanned_ += pos_ - from;
        errors.push_back(detail::csv_problem(
            file_, out.line, 0, std::string{s_.substr(start, 40)} + "...",
            "a line of " + std::to_string(pos_ - start) + " bytes is longer than the limit of "
                + std::to_string(limits_.max_line_bytes) + "; the row is not read"));
        out.fields.clear();
        out.refused = true;
        out.malformed = true;
        if (pos_ < s_.size())
            end_line();
        plain_ = false;
    }
    // A cell longer than the limit is read as blank, with an error naming it.
    bool cell_too_long(std::size_t length, std::string_view head, csv_record& rec,
                       std::vector<diagnostic>& errors) const {
        if (length <= limits_.max_cell_bytes)
            return false;
        errors.push_back(detail::csv_problem(
            file_, line_, rec.fields.size(), std::string{head.substr(0, 40)} + "...",
            "a cell of " + std::to_string(length) + " bytes is longer than the limit of "
                + std::to_string(limits_.max_cell_bytes) + "; read as blank"));
        rec.malformed = true;
        return true;
    }
    // Moves past one line ending (CRLF, LF or CR).
    void end_line() {
        if (s_[pos_] == '\r' && pos_ + 1 < s_.size() && s_[pos_ + 1] == '\n')
            ++pos_;
        ++pos_;
        ++line_;
        plain_ = false;
    }
    [[nodiscard]] bool at_field_end(std::size_t p) const noexcept {
        return p >= s_.size() || s_[p] == delim_ || s_[p] == '\n' || s_[p] == '\r';
    }

    void read_unquoted(std::string& cell, csv_record& rec, std::vector<diagnostic>& errors) {
        const std::size_t start = pos_;
        bool quote = false;
        for (; pos_ < s_.size(); ++pos_) {
            const char c = s_[pos_];
            if (c == delim_ || c == '\n' || c == '\r')
                break;
            quote = quote || c == '"';
        }
        scanned_ += pos_ - start;
        if (cell_too_long(cell.size() + pos_ - start, s_.substr(start), rec, errors)) {
            cell.clear();
            return;
        }
        cell.append(s_.data() + start, pos_ - start);
        // A quote inside an unquoted field (5'3") is not RFC 4180, but its meaning is plain.
        if (quote && !rec.malformed)
            errors.push_back(detail::csv_problem(file_, line_, rec.fields.size(), cell,
                                                 "a quote inside an unquoted field is kept as "
                                                 "written",
                                                 severity::warning));
    }

    void read_field(csv_record& rec, std::vector<diagnostic>& errors) {
        std::string& cell = rec.fields.back();
        if (plain_ || pos_ >= s_.size() || s_[pos_] != '"') {
            read_unquoted(cell, rec, errors);
            return;
        }
        // Quoted field: find its closing quote, counting the line breaks inside it.
        const std::size_t open = pos_, open_line = line_;
        std::size_t p = pos_ + 1, lines = 0;
        bool spans_lines = false, closed = false;
        std::string text;
        // A quoted field cannot run past the line limit: stopping the search there keeps the
        // reader linear on a file of stray quotes.
        const std::size_t stop = std::min(s_.size(), open + limits_.max_line_bytes + 1);
        while (p < stop) {
            const char c = s_[p];
            if (c == '"') {
                if (p + 1 < s_.size() && s_[p + 1] == '"') {
                    text.push_back('"');
                    p += 2;
                    continue;
                }
                closed = true;
                ++p;
                break;
            }
            if (c == '\n' || (c == '\r' && !(p + 1 < s_.size() && s_[p + 1] == '\n'))) {
                ++lines;
                spans_lines = true;
            }
            if (text.size() <= limits_.max_cell_bytes)
                text.push_back(c);
            ++p;
        }
        scanned_ += p - open;
        // A "closing" quote lines later followed by more text is almost always a stray quote
        // pairing with the missing one: treat the first quote as unterminated instead.
        if (!closed || (spans_lines && !at_field_end(p))) {
            errors.push_back(detail::csv_problem(
                file_, open_line, rec.fields.size(), std::string{line_text(open)},
                "unterminated quoted field: the closing quote is missing; the quote is kept "
                "as text and the line is read as if unquoted"));
            rec.malformed = true;
            pos_ = open; // reread from the quote to the line's end as plain text
            plain_ = true;
            read_unquoted(cell, rec, errors);
            return;
        }
        if (cell_too_long(p - open - 2, s_.substr(open + 1), rec, errors))
            text.clear();
        cell = std::move(text);
        pos_ = p;
        line_ += lines;
        if (!at_field_end(pos_)) {
            const std::size_t start = pos_;
            while (!at_field_end(pos_))
                ++pos_;
            scanned_ += pos_ - start;
            const auto stray = s_.substr(start, pos_ - start);
            errors.push_back(detail::csv_problem(file_, line_, rec.fields.size(),
                                                 std::string{stray},
                                                 "text after a closing quote is kept as part "
                                                 "of the field"));
            rec.malformed = true;
            cell.append(stray);
        }
    }

    // The rest of the physical line from `p`, for messages.
    [[nodiscard]] std::string_view line_text(std::size_t p) const noexcept {
        std::size_t e = p;
        while (e < s_.size() && s_[e] != '\n' && s_[e] != '\r' && e - p < 80)
            ++e;
        return s_.substr(p, e - p);
    }

    std::string_view s_;
    std::string_view file_;
    char delim_;
    read_limits limits_;
    std::size_t scanned_ = 0;
    std::size_t pos_ = 0;
    std::size_t line_ = 1;
    bool plain_ = false; // after an unterminated quote: quotes are text until the line ends
};

/// Parses all records of `text`.
template <class = void>
[[nodiscard]] std::vector<csv_record>
parse_csv(std::string_view text, std::string_view file_name, std::vector<diagnostic>& errors,
   const read_limits& limits = {}) {
    std::vector<csv_record> out;
    csv_parser p{text, file_name, ',', limits};
    csv_record r;
    while (p.next(r, errors))
        out.push_back(std::move(r));
    return out;
}

/// True when a field must be quoted to read back the same (RFC 4180: delimiter, quote or line
/// break inside; also a leading byte order mark, which the reader skips at a file's start).
[[nodiscard]] constexpr bool needs_quotes(std::string_view field, char delimiter = ',') noexcept {
    if (field.starts_with("\xEF\xBB\xBF"))
        return true;
    for (char c : field)
        if (c == delimiter || c == '"' || c == '\n' || c == '\r')
            return true;
    return false;
}

/// Appends one field to `out`, quoted only when it must be (`needs_quotes`); a quote inside a
/// quoted field is doubled.
inline void append_csv_field(std::string& out, std::string_view field, char delimiter = ',') {
    if (!needs_quotes(field, delimiter)) {
        out.append(field);
        return;
    }
    out.push_back('"');
    for (char c : field) {
        if (c == '"')
            out.push_back('"');
        out.push_back(c);
    }
    out.push_back('"');
}

/// Appends one record ending in `eol` to `out` ("\n" by default; "\r\n" for strict RFC 4180).
/// Building records in a string and writing them in large pieces is much cheaper than a stream
/// insert per field (issue 14: 110 million instructions of a simulation's 6.2 billion).
template <class Range>
void append_csv_record(std::string& out, const Range& fields, std::string_view eol = "\n",
                       char delimiter = ',') {
    // One empty field alone would be an empty line, which the reader skips: quote it.
    if (std::ranges::distance(fields) == 1 && std::string_view{*std::ranges::begin(fields)}.empty()) {
        out.append("\"\"");
        out.append(eol);
        return;
    }
    bool first = true;
    for (const auto& f : fields) {
        if (!first)
            out.push_back(delimiter);
        first = false;
        append_csv_field(out, f, delimiter);
    }
    out.append(eol);
}

/// Writes one field, quoted only when it must be (as `append_csv_field`).
inline void write_csv_field(std::ostream& os, std::string_view field, char delimiter = ',') {
    std::string text;
    append_csv_field(text, field, delimiter);
    os.write(text.data(), static_cast<std::streamsize>(text.size()));
}

/// Writes one record ending in `eol` ("\n" by default; "\r\n" for strict RFC 4180), as
/// `append_csv_record`, with one write to the stream.
template <class Range>
void write_csv_record(std::ostream& os, const Range& fields, std::string_view eol = "\n",
                      char delimiter = ',') {
    std::string text;
    append_csv_record(text, fields, eol, delimiter);
    os.write(text.data(), static_cast<std::streamsize>(text.size()));
}

} // namespace carepath::ssda903
