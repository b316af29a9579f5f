#pragma once
// The machinery under the cohort readers (graph/cohort_csv.hpp, graph/continuity_contract.hpp):
// lines from a text in memory or from a file read in fixed-size chunks, rows split at commas
// into views of the line, and ids looked up by name. Nothing here allocates per row or cell.
#include "carepath/core/dates.hpp"
#include "carepath/core/detail/names.hpp"
#include "carepath/core/ids.hpp"
#include "carepath/core/result.hpp"

#include <algorithm>
#include <array>
#include <bit>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace carepath::graph::detail {

using carepath::detail::same_text; // ids, type names and codes are compared millions of times

// Looks ids up by name. Case systems number people as a short letter prefix and a zero-padded
// number ("FC0000001"); such ids are found by indexing one small array per prefix and width,
// which stays in cache. Any other id goes to an open-addressing hash table. A cohort has
// hundreds of thousands of ids and millions of lookups, so this is where reading time goes.
// The names must outlive the table (only hashed names are kept, as views).
class id_table {
public:
    /// Indexes people 0..n-1 named by `name(i)`; returns those whose name an earlier person
    /// already has.
    template <class NameOf>
    std::vector<person_id> build(std::uint32_t n, const NameOf& name) {
        std::vector<person_id> repeated;
        // Numbered ids: count them per (prefix, width) and find each family's largest number.
        families_.clear();
        index_families();
        for (std::uint32_t i = 0; i < n; ++i) {
            const auto parts = split_numbered(name(i));
            if (!parts)
                continue;
            auto f = find_family(parts->prefix, parts->width);
            if (f < 0) {
                families_.push_back({parts->prefix, parts->width, {}, 0, 0});
                f = static_cast<std::int32_t>(families_.size() - 1);
                index_families();
            }
            auto& fam = families_[static_cast<std::size_t>(f)];
            ++fam.count;
            fam.max_number = std::max(fam.max_number, parts->number);
        }
        // A family numbered too sparsely for an array is dropped to the hash table.
        std::size_t arrayed = 0;
        for (auto& fam : families_)
            if (fam.max_number <= 4 * fam.count + 1024) {
                fam.index.assign(fam.max_number + 1, none);
                arrayed += fam.count;
            }
        hashed_ = {};
        hashed_.reserve(n - arrayed);
        person_of_.clear();
        for (std::uint32_t i = 0; i < n; ++i) {
            const std::string_view key = name(i);
            if (auto* at = array_slot(key)) {
                if (*at != none)
                    repeated.push_back(person_id{i});
                else
                    *at = i;
                continue;
            }
            const auto known = hashed_.size();
            if (hashed_.intern(key) == known) // new: the first person of that name is found
                person_of_.push_back(i);
            else
                repeated.push_back(person_id{i});
        }
        return repeated;
    }
    [[nodiscard]] std::optional<person_id> find(std::string_view key) const noexcept {
        if (auto parts = split_numbered(key)) {
            const auto f = find_family(parts->prefix, parts->width);
            if (f >= 0 && !families_[static_cast<std::size_t>(f)].index.empty()) {
                const auto& index = families_[static_cast<std::size_t>(f)].index;
                if (parts->number >= index.size() || index[parts->number] == none)
                    return std::nullopt;
                return person_id{index[parts->number]};
            }
        }
        if (const auto k = hashed_.find(key))
            return person_id{person_of_[*k]};
        return std::nullopt;
    }

private:
    static constexpr std::uint32_t none = 0xffffffffu;
    // A family's prefix (up to 4 letters, one byte each) and width packed in one integer, so
    // that finding a family compares integers, not strings.
    struct numbered {
        std::uint64_t prefix;
        std::uint32_t width;
        std::uint64_t number;
    };
    struct family {
        std::uint64_t prefix;
        std::uint32_t width;
        std::vector<std::uint32_t> index; // number -> person; empty: family is hashed
        std::uint64_t count;
        std::uint64_t max_number;
    };
    // "FC0000001" -> {"FC", 7, 1}: 1-4 ASCII letters then 1-9 digits, nothing else.
    static std::optional<numbered> split_numbered(std::string_view key) noexcept {
        std::size_t p = 0;
        std::uint64_t prefix = 0;
        while (p < key.size() && p < 5
               && ((key[p] >= 'A' && key[p] <= 'Z') || (key[p] >= 'a' && key[p] <= 'z'))) {
            prefix = prefix << 8 | static_cast<unsigned char>(key[p]);
            ++p;
        }
        if (p == 0 || p > 4 || key.size() - p == 0 || key.size() - p > 9)
            return std::nullopt;
        std::uint64_t number = 0;
        for (std::size_t i = p; i < key.size(); ++i) {
            if (key[i] < '0' || key[i] > '9')
                return std::nullopt;
            number = number * 10 + static_cast<std::uint64_t>(key[i] - '0');
        }
        return numbered{prefix, static_cast<std::uint32_t>(key.size() - p), number};
    }
    // The array entry of a numbered id whose family has an array; nullptr otherwise.
    std::uint32_t* array_slot(std::string_view key) noexcept {
        const auto parts = split_numbered(key);
        if (!parts)
            return nullptr;
        const auto f = find_family(parts->prefix, parts->width);
        if (f < 0 || families_[static_cast<std::size_t>(f)].index.empty())
            return nullptr;
        return &families_[static_cast<std::size_t>(f)].index[parts->number];
    }
    [[nodiscard]] std::int32_t find_family(std::uint64_t prefix,
                                           std::uint32_t width) const noexcept {
        if (families_.size() <= family_slots_.size() / 2) {
            // Small open table of families (there are a dozen or so), probed from a hash.
            for (std::size_t s = family_slot(prefix, width);; s = (s + 1) % family_slots_.size()) {
                const auto f = family_slots_[s];
                if (f < 0)
                    return -1;
                const auto& fam = families_[static_cast<std::size_t>(f)];
                if (fam.width == width && fam.prefix == prefix)
                    return f;
            }
        }
        for (std::size_t f = 0; f < families_.size(); ++f)
            if (families_[f].width == width && families_[f].prefix == prefix)
                return static_cast<std::int32_t>(f);
        return -1;
    }
    static std::size_t family_slot(std::uint64_t prefix, std::uint32_t width) noexcept {
        return static_cast<std::size_t>(((prefix * 31 + width) * 0x9E3779B97F4A7C15ull) >> 58);
    }
    // Fills family_slots_ from families_ (the table is used only while it has room).
    void index_families() noexcept {
        family_slots_.fill(-1);
        if (families_.size() > family_slots_.size() / 2)
            return;
        for (std::size_t f = 0; f < families_.size(); ++f) {
            std::size_t s = family_slot(families_[f].prefix, families_[f].width);
            while (family_slots_[s] >= 0)
                s = (s + 1) % family_slots_.size();
            family_slots_[s] = static_cast<std::int32_t>(f);
        }
    }
    std::vector<family> families_;
    std::array<std::int32_t, 64> family_slots_ = filled_minus_one();
    static constexpr std::array<std::int32_t, 64> filled_minus_one() {
        std::array<std::int32_t, 64> a{};
        a.fill(-1);
        return a;
    }
    carepath::detail::name_index hashed_;  // ids that are not numbered, or numbered too sparsely
    std::vector<std::uint32_t> person_of_; // hashed id number -> person
};

// Splits `text` into lines (without the '\n', and without a '\r' before it).
class line_reader {
public:
    explicit line_reader(std::string_view text) : text_{text} {}
    bool next(std::string_view& line) {
        if (pos_ >= text_.size())
            return false;
        const auto nl = text_.find('\n', pos_);
        const auto stop = nl == std::string_view::npos ? text_.size() : nl;
        line = text_.substr(pos_, stop - pos_);
        if (!line.empty() && line.back() == '\r')
            line.remove_suffix(1);
        pos_ = stop + 1;
        ++number_;
        return true;
    }
    [[nodiscard]] std::size_t number() const noexcept { return number_; }
    [[nodiscard]] bool failed() const noexcept { return false; }

private:
    std::string_view text_;
    std::size_t pos_ = 0;
    std::size_t number_ = 0;
};

// The same lines read from a file `chunk` bytes at a time, so a file of any size is read in
// bounded memory (a line longer than the buffer grows it). A line's view lasts until the next
// call; anything kept longer must be copied.
class file_lines {
public:
    file_lines(const std::filesystem::path& p, std::size_t chunk)
        : file_{std::fopen(p.c_str(), "rb"), &std::fclose}, cap_{std::max<std::size_t>(chunk, 2)} {
        if (file_)
            std::setvbuf(file_.get(), nullptr, _IONBF, 0); // read straight into buf_
        buf_ = std::make_unique_for_overwrite<char[]>(cap_);
    }
    [[nodiscard]] bool is_open() const noexcept { return file_ != nullptr; }
    bool next(std::string_view& line) {
        for (;;) {
            const char* from = buf_.get() + pos_;
            if (const auto* nl = static_cast<const char*>(std::memchr(from, '\n', end_ - pos_))) {
                line = {from, static_cast<std::size_t>(nl - from)};
                pos_ += line.size() + 1;
                return found(line);
            }
            if (eof_) {
                if (pos_ == end_)
                    return false;
                line = {from, end_ - pos_};
                pos_ = end_;
                return found(line);
            }
            refill();
        }
    }
    [[nodiscard]] std::size_t number() const noexcept { return number_; }
    [[nodiscard]] bool failed() const noexcept { return failed_; }

private:
    bool found(std::string_view& line) {
        if (!line.empty() && line.back() == '\r')
            line.remove_suffix(1);
        ++number_;
        return true;
    }
    // Keeps the unfinished line, moved to the front, and reads after it.
    void refill() {
        std::memmove(buf_.get(), buf_.get() + pos_, end_ - pos_);
        end_ -= pos_;
        pos_ = 0;
        if (end_ == cap_) {
            auto bigger = std::make_unique_for_overwrite<char[]>(2 * cap_);
            std::memcpy(bigger.get(), buf_.get(), end_);
            buf_ = std::move(bigger);
            cap_ *= 2;
        }
        const auto got = std::fread(buf_.get() + end_, 1, cap_ - end_, file_.get());
        end_ += got;
        if (got == 0) {
            eof_ = true;
            failed_ = std::ferror(file_.get()) != 0;
        }
    }
    std::unique_ptr<std::FILE, int (*)(std::FILE*)> file_;
    std::unique_ptr<char[]> buf_;
    std::size_t cap_;
    std::size_t pos_ = 0, end_ = 0, number_ = 0;
    bool eof_ = false, failed_ = false;
};

// Splits a line at commas into exactly N fields; false when the count differs. Eight bytes
// at a time: a comma is a zero byte of the word xor ",,,,,,,,", found with the usual bit trick,
// so a 60-byte line costs a few steps rather than a library call per field.
template <std::size_t N>
bool split(std::string_view line, std::array<std::string_view, N>& out) {
    constexpr std::uint64_t ones = 0x0101010101010101ull, highs = 0x8080808080808080ull;
    constexpr std::uint64_t commas = ones * static_cast<unsigned char>(',');
    const char* const begin = line.data();
    const std::size_t size = line.size();
    std::size_t start = 0, i = 0;
    const auto cut = [&](std::size_t at) {
        if (i + 1 == N)
            return false;
        out[i++] = {begin + start, at - start};
        start = at + 1;
        return true;
    };
    std::size_t at = 0;
    if constexpr (std::endian::native == std::endian::little) // countr_zero finds the first byte
        for (; at + 8 <= size; at += 8) {
            std::uint64_t word;
            std::memcpy(&word, begin + at, 8);
            const std::uint64_t x = word ^ commas;
            // Exact: a byte's high bit is set iff the byte of x is zero.
            std::uint64_t found = ~(((x & ~highs) + ~highs) | x | ~highs);
            while (found) {
                if (!cut(at + static_cast<std::size_t>(std::countr_zero(found)) / 8))
                    return false;
                found &= found - 1;
            }
        }
    for (; at < size; ++at)
        if (begin[at] == ',' && !cut(at))
            return false;
    if (i + 1 != N)
        return false;
    out[i] = {begin + start, size - start};
    return true;
}

// A date written exactly as yyyy-mm-dd, in the years parse_iso_date accepts, read without
// building a result; nullopt for anything else, which the caller hands to parse_iso_date
// for its verdict and diagnostic. Cohort files hold millions of dates.
inline std::optional<date> quick_iso_date(std::string_view t) noexcept {
    if (t.size() != 10 || t[4] != '-' || t[7] != '-')
        return std::nullopt;
    const auto digit = [&](std::size_t i) { return static_cast<unsigned>(t[i]) - unsigned{'0'}; };
    const unsigned y0 = digit(0), y1 = digit(1), y2 = digit(2), y3 = digit(3), m0 = digit(5),
                   m1 = digit(6), d0 = digit(8), d1 = digit(9);
    // A byte that is not a digit wraps to more than 9.
    if ((y0 > 9) | (y1 > 9) | (y2 > 9) | (y3 > 9) | (m0 > 9) | (m1 > 9) | (d0 > 9) | (d1 > 9))
        return std::nullopt;
    const int y = static_cast<int>(y0 * 1000 + y1 * 100 + y2 * 10 + y3);
    const unsigned m = m0 * 10 + m1, d = d0 * 10 + d1;
    if (y < 1800 || y > 2200)
        return std::nullopt;
    return make_date(y, m, d);
}
// The date in `t`, or parse_iso_date's error.
inline result<date> read_iso_date(std::string_view t) {
    if (auto d = quick_iso_date(t))
        return *d;
    return parse_iso_date(t);
}

inline diagnostic problem(std::string_view file, std::size_t line, std::size_t column,
                          std::string_view field, std::string_view value, std::string message) {
    return diagnostic{.file = std::string{file},
                      .line = line,
                      .column = column,
                      .field = std::string{field},
                      .value = std::string{value},
                      .message = std::move(message)};
}

// Reads the header row; a diagnostic when it is not `want`.
template <class Lines>
std::optional<diagnostic> check_header(std::string_view file, std::string_view want, Lines& lines) {
    std::string_view header;
    if (!lines.next(header) || header != want)
        return problem(file, 1, 0, "header", header,
                       "expected the header row " + std::string{want});
    return std::nullopt;
}

// Calls `row(fields, line number)` for each non-empty row of N fields after the header; a row
// with another count of fields is a problem and is skipped.
template <std::size_t N, class Lines, class Row>
void for_each_row(std::string_view file, Lines& lines, std::vector<diagnostic>& problems,
                  Row&& row) {
    std::array<std::string_view, N> fields;
    std::string_view line;
    while (lines.next(line)) {
        if (line.empty())
            continue;
        if (!split(line, fields)) {
            problems.push_back(problem(file, lines.number(), 0, "", line,
                                       "expected " + std::to_string(N) + " fields"));
            continue;
        }
        row(fields, lines.number());
    }
}

} // namespace carepath::graph::detail
