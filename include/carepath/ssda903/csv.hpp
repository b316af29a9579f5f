#pragma once
/// @file
/// A CSV reader and writer written for SSDA903 files (RFC 4180): fields in double quotes may
/// hold commas, doubled quotes and line breaks; a UTF-8 byte order mark is skipped; lines end
/// with CRLF, LF or CR. Bad input never stops the reader: an unterminated quote is reported with
/// its line and column and the rest of the file is still read. Cells are returned exactly as
/// written (no trimming, no case change); what to make of them is the table reader's business.
#include "carepath/core/result.hpp"

#include <cstddef>
#include <istream>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

namespace carepath::ssda903 {

/// One CSV record: its cells and the 1-based line it starts on.
struct csv_record {
    std::size_t line = 0;
    std::vector<std::string> fields;
    bool malformed = false; ///< a quoting error was found in this record (see diagnostics)
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

/// Diagnostics that do not reject anything (input read as written, with a remark) carry this
/// prefix in their message; everything else is an error.
inline constexpr std::string_view warning_prefix = "warning: ";

/// True when `d` is a warning (see `warning_prefix`), false for an error.
[[nodiscard]] inline bool is_warning(const diagnostic& d) noexcept {
    return std::string_view{d.message}.starts_with(warning_prefix);
}

namespace detail {
inline diagnostic csv_problem(std::string_view file, std::size_t line, std::size_t column,
                              std::string value, std::string message) {
    diagnostic d;
    d.file = std::string{file};
    d.line = line;
    d.column = column;
    d.value = std::move(value);
    d.message = std::move(message);
    return d;
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
    csv_parser(std::string_view text, std::string_view file_name, char delimiter = ',')
        : s_{text}, file_{file_name}, delim_{delimiter} {
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
        for (;;) {
            out.fields.emplace_back();
            read_field(out, errors);
            if (pos_ >= s_.size())
                break;
            if (s_[pos_] == delim_) {
                ++pos_;
                continue;
            }
            end_line(); // at '\r' or '\n'
            break;
        }
        return true;
    }

private:
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
        cell.append(s_.data() + start, pos_ - start);
        // A quote inside an unquoted field (5'3") is not RFC 4180, but its meaning is plain.
        if (quote && !rec.malformed)
            errors.push_back(detail::csv_problem(file_, line_, rec.fields.size(), cell,
                                                 "warning: a quote inside an unquoted field is "
                                                 "kept as written"));
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
        while (p < s_.size()) {
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
            text.push_back(c);
            ++p;
        }
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
        cell = std::move(text);
        pos_ = p;
        line_ += lines;
        if (!at_field_end(pos_)) {
            const std::size_t start = pos_;
            while (!at_field_end(pos_))
                ++pos_;
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
    std::size_t pos_ = 0;
    std::size_t line_ = 1;
    bool plain_ = false; // after an unterminated quote: quotes are text until the line ends
};

/// Parses all records of `text`.
[[nodiscard]] inline std::vector<csv_record>
parse_csv(std::string_view text, std::string_view file_name, std::vector<diagnostic>& errors) {
    std::vector<csv_record> out;
    csv_parser p{text, file_name};
    csv_record r;
    while (p.next(r, errors))
        out.push_back(std::move(r));
    return out;
}

/// True when a field must be quoted to read back the same (RFC 4180: delimiter, quote or line
/// break inside).
[[nodiscard]] constexpr bool needs_quotes(std::string_view field, char delimiter = ',') noexcept {
    for (char c : field)
        if (c == delimiter || c == '"' || c == '\n' || c == '\r')
            return true;
    return false;
}

/// Writes one field, quoted only when it must be.
inline void write_csv_field(std::ostream& os, std::string_view field, char delimiter = ',') {
    if (!needs_quotes(field, delimiter)) {
        os << field;
        return;
    }
    os << '"';
    for (char c : field) {
        if (c == '"')
            os << '"';
        os << c;
    }
    os << '"';
}

/// Writes one record ending in `eol` ("\n" by default; "\r\n" for strict RFC 4180).
template <class Range>
void write_csv_record(std::ostream& os, const Range& fields, std::string_view eol = "\n",
                      char delimiter = ',') {
    bool first = true;
    for (const auto& f : fields) {
        if (!first)
            os << delimiter;
        first = false;
        write_csv_field(os, f, delimiter);
    }
    os << eol;
}

} // namespace carepath::ssda903
