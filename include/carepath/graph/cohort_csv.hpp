#pragma once
/// @file
/// Reads a cohort written as four CSV files (people, relationships, placements, meta: the
/// shape of the relationship benchmark's workload; docs/graph.md lists the columns) into
/// carepath's types: people become vertices of a `relationship_graph` (person id = row order,
/// the file's id kept as the name), each relationship row one tie, placements a
/// `placement_index`. Bad rows are reported as diagnostics naming file, line and field, and
/// the reader carries on. Not read: placements.csv's `school_id` (the cohort has no place for
/// it) and meta.csv's `children` and `generator`; rows the contract says to ignore (end on or
/// before start, a person tied to themselves) are counted in `skipped_rows`.
#include "carepath/core/dates.hpp"
#include "carepath/core/enum_table.hpp"
#include "carepath/core/ids.hpp"
#include "carepath/core/person.hpp"
#include "carepath/core/placement.hpp"
#include "carepath/core/relationship.hpp"
#include "carepath/core/result.hpp"
#include "carepath/graph/relationship_graph.hpp"
#include "carepath/graph/siblings.hpp"

#include <array>
#include <charconv>
#include <cstdint>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

namespace carepath::graph {

/// A person's kind as the cohort files write it (finer than `person_role`).
enum class cohort_person_kind : std::uint8_t {
    child, mother, father, sibling, grandparent, aunt_uncle, foster_carer, residential_worker,
    social_worker, teacher, friend_, other
};
} // namespace carepath::graph
/// Codes and labels of `cohort_person_kind`.
template <>
struct carepath::enum_table<carepath::graph::cohort_person_kind> {
    using e = carepath::graph::cohort_person_kind; ///< short name for the enum in the rows
    /// One row per enumerator: value, code, label.
    static constexpr std::array rows{
        enum_row<e>{e::child, "child", "child in care"},
        enum_row<e>{e::mother, "mother", "mother"},
        enum_row<e>{e::father, "father", "father"},
        enum_row<e>{e::sibling, "sibling", "sibling not in care"},
        enum_row<e>{e::grandparent, "grandparent", "grandparent"},
        enum_row<e>{e::aunt_uncle, "aunt_uncle", "aunt or uncle"},
        enum_row<e>{e::foster_carer, "foster_carer", "foster carer"},
        enum_row<e>{e::residential_worker, "residential_worker", "residential key worker"},
        enum_row<e>{e::social_worker, "social_worker", "social worker"},
        enum_row<e>{e::teacher, "teacher", "teacher"},
        enum_row<e>{e::friend_, "friend", "friend"},
        enum_row<e>{e::other, "other", "other"},
    };
};
namespace carepath::graph {

/// The role a kind of person plays.
[[nodiscard]] constexpr person_role role_of(cohort_person_kind k) noexcept {
    using c = cohort_person_kind;
    switch (k) {
    case c::child: return person_role::child;
    case c::mother: case c::father: case c::sibling: case c::grandparent: case c::aunt_uncle:
        return person_role::relative;
    case c::foster_carer: case c::residential_worker: return person_role::carer;
    case c::social_worker: case c::teacher: return person_role::professional;
    case c::friend_: return person_role::friend_;
    default: return person_role::other;
    }
}

/// Relationship types of the cohort files and the carepath kinds they are read as. The map is
/// one to one, so results can be written back under the files' own names.
inline constexpr std::array<std::pair<std::string_view, relationship_kind>, 10> cohort_types{{
    {"parent", kinds::birth_parent},
    {"sibling", kinds::full_sibling},
    {"half_sibling", kinds::half_sibling},
    {"grandparent", kinds::grandparent},
    {"kin", kinds::other_relative},
    {"carer", kinds::foster_carer},
    {"social_worker", kinds::social_worker},
    {"teacher", kinds::teacher},
    {"friend", kinds::friend_},
    {"other", kinds::other},
}};
/// The kind a cohort type name is read as.
[[nodiscard]] constexpr std::optional<relationship_kind> kind_from_cohort_type(std::string_view t) noexcept {
    for (const auto& [name, k] : cohort_types)
        if (name == t) return k;
    return std::nullopt;
}
/// The cohort type name of a kind (the kind's own name for kinds the files do not use).
[[nodiscard]] constexpr std::string_view cohort_type_name(relationship_kind k) noexcept {
    for (const auto& [name, kind] : cohort_types)
        if (kind == k) return name;
    return k.name();
}

/// A cohort read from the four files.
struct cohort {
    date census{};                         ///< meta.csv census_date: the extract date
    relationship_graph graph;              ///< everyone, and one tie per relationship row
    std::vector<cohort_person_kind> kinds; ///< by person id
    placement_index placements;            ///< by child
    std::size_t skipped_rows = 0;          ///< rows with end <= start or both ends the same
    std::vector<diagnostic> problems;      ///< bad rows, each named by file, line and field

    /// The id a person has in the files.
    [[nodiscard]] const std::string& external_id(person_id p) const {
        return graph.person_of(p).name;
    }
};

namespace detail {

// Looks ids up by name. Case systems number people as a short letter prefix and a zero-padded
// number ("FC0000001"); such ids are found by indexing one small array per prefix and width,
// which stays in cache. Any other id goes to an open-addressing hash table. A cohort has
// hundreds of thousands of ids and millions of lookups, so this is where reading time goes.
class id_table {
public:
    /// Indexes every name; returns the people whose name an earlier person already has.
    std::vector<person_id> build(const relationship_graph& g) {
        std::vector<person_id> repeated;
        const auto n = static_cast<std::uint32_t>(g.person_count());
        const auto name = [&](std::uint32_t i) -> std::string_view {
            return g.person_of(person_id{i}).name;
        };
        // Numbered ids: count them per (prefix, width) and find each family's largest number.
        families_.clear();
        std::vector<std::int32_t> family_of(n, -1);
        std::vector<std::uint64_t> number_of(n, 0);
        for (std::uint32_t i = 0; i < n; ++i) {
            const auto parts = split_numbered(name(i));
            if (!parts) continue;
            auto f = find_family(parts->prefix, parts->width);
            if (f < 0) {
                families_.push_back({std::string{parts->prefix}, parts->width, {}, 0, 0});
                f = static_cast<std::int32_t>(families_.size() - 1);
            }
            auto& fam = families_[static_cast<std::size_t>(f)];
            ++fam.count;
            fam.max_number = std::max(fam.max_number, parts->number);
            family_of[i] = f;
            number_of[i] = parts->number;
        }
        // A family numbered too sparsely for an array is dropped to the hash table.
        for (auto& fam : families_)
            if (fam.max_number <= 4 * fam.count + 1024) fam.index.assign(fam.max_number + 1, none);
        std::size_t hashed = 0;
        for (std::uint32_t i = 0; i < n; ++i)
            if (family_of[i] < 0 || families_[static_cast<std::size_t>(family_of[i])].index.empty()) ++hashed;
        std::size_t cap = 16;
        while (cap < 2 * hashed) cap *= 2;
        slots_.assign(cap, none);
        keys_.assign(n, std::string_view{});
        for (std::uint32_t i = 0; i < n; ++i) {
            keys_[i] = name(i);
            if (family_of[i] >= 0) {
                auto& fam = families_[static_cast<std::size_t>(family_of[i])];
                if (!fam.index.empty()) {
                    auto& at = fam.index[number_of[i]];
                    if (at != none) repeated.push_back(person_id{i});
                    else at = i;
                    continue;
                }
            }
            std::size_t s = hash(keys_[i]) & (cap - 1);
            bool again = false;
            while (slots_[s] != none) {
                again = again || keys_[slots_[s]] == keys_[i];
                s = (s + 1) & (cap - 1);
            }
            slots_[s] = i;
            if (again) repeated.push_back(person_id{i});
        }
        return repeated;
    }
    /// Asks the processor to bring `key`'s hash slot into cache ahead of `find`.
    void prefetch(std::string_view key) const noexcept {
        if (families_.empty() && !slots_.empty())
            __builtin_prefetch(&slots_[hash(key) & (slots_.size() - 1)]);
    }
    [[nodiscard]] std::optional<person_id> find(std::string_view key) const noexcept {
        if (auto parts = split_numbered(key)) {
            const auto f = find_family(parts->prefix, parts->width);
            if (f >= 0 && !families_[static_cast<std::size_t>(f)].index.empty()) {
                const auto& index = families_[static_cast<std::size_t>(f)].index;
                if (parts->number >= index.size() || index[parts->number] == none) return std::nullopt;
                return person_id{index[parts->number]};
            }
        }
        if (slots_.empty()) return std::nullopt;
        const std::size_t mask = slots_.size() - 1;
        for (std::size_t s = hash(key) & mask;; s = (s + 1) & mask) {
            const auto i = slots_[s];
            if (i == none) return std::nullopt;
            if (keys_[i] == key) return person_id{i};
        }
    }

private:
    static constexpr std::uint32_t none = 0xffffffffu;
    struct numbered {
        std::string_view prefix;
        std::uint32_t width;
        std::uint64_t number;
    };
    struct family {
        std::string prefix;
        std::uint32_t width;
        std::vector<std::uint32_t> index; // number -> person; empty: family is hashed
        std::uint64_t count;
        std::uint64_t max_number;
    };
    // "FC0000001" -> {"FC", 7, 1}: 1-4 ASCII letters then 1-9 digits, nothing else.
    static std::optional<numbered> split_numbered(std::string_view key) noexcept {
        std::size_t p = 0;
        while (p < key.size() && p < 5 && ((key[p] >= 'A' && key[p] <= 'Z') || (key[p] >= 'a' && key[p] <= 'z'))) ++p;
        if (p == 0 || p > 4 || key.size() - p == 0 || key.size() - p > 9) return std::nullopt;
        std::uint64_t number = 0;
        for (std::size_t i = p; i < key.size(); ++i) {
            if (key[i] < '0' || key[i] > '9') return std::nullopt;
            number = number * 10 + static_cast<std::uint64_t>(key[i] - '0');
        }
        return numbered{key.substr(0, p), static_cast<std::uint32_t>(key.size() - p), number};
    }
    [[nodiscard]] std::int32_t find_family(std::string_view prefix, std::uint32_t width) const noexcept {
        for (std::size_t f = 0; f < families_.size(); ++f)
            if (families_[f].width == width && families_[f].prefix.size() == prefix.size()
                && std::equal(prefix.begin(), prefix.end(), families_[f].prefix.begin()))
                return static_cast<std::int32_t>(f);
        return -1;
    }
    static std::size_t hash(std::string_view s) noexcept {
        std::uint64_t h = 1469598103934665603ull; // FNV-1a, then a final mix for the low bits
        for (unsigned char c : s) h = (h ^ c) * 1099511628211ull;
        h ^= h >> 29;
        h *= 0xbf58476d1ce4e5b9ull;
        return static_cast<std::size_t>(h ^ (h >> 32));
    }
    std::vector<family> families_;
    std::vector<std::uint32_t> slots_;
    std::vector<std::string_view> keys_;
};

// Splits `text` into lines (without the '\n', and without a '\r' before it).
class line_reader {
public:
    explicit line_reader(std::string_view text) : text_{text} {}
    bool next(std::string_view& line) {
        if (pos_ >= text_.size()) return false;
        const auto nl = text_.find('\n', pos_);
        const auto stop = nl == std::string_view::npos ? text_.size() : nl;
        line = text_.substr(pos_, stop - pos_);
        if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
        pos_ = stop + 1;
        ++number_;
        return true;
    }
    [[nodiscard]] std::size_t number() const noexcept { return number_; }

private:
    std::string_view text_;
    std::size_t pos_ = 0;
    std::size_t number_ = 0;
};

// Splits a line at commas into exactly N fields; false when the count differs.
template <std::size_t N>
bool split(std::string_view line, std::array<std::string_view, N>& out) {
    std::size_t start = 0;
    for (std::size_t i = 0; i < N; ++i) {
        const auto comma = line.find(',', start);
        if (i + 1 == N) {
            if (comma != std::string_view::npos) return false;
            out[i] = line.substr(start);
            return true;
        }
        if (comma == std::string_view::npos) return false;
        out[i] = line.substr(start, comma - start);
        start = comma + 1;
    }
    return true;
}

inline diagnostic problem(std::string_view file, std::size_t line, std::size_t column,
                          std::string_view field, std::string_view value, std::string message) {
    return diagnostic{std::string{file}, line, column, std::string{field}, std::string{value},
                      std::move(message), {}};
}

inline bool check_header(std::string_view file, std::string_view want,
                         line_reader& lines, std::vector<diagnostic>& problems) {
    std::string_view header;
    if (!lines.next(header) || header != want) {
        problems.push_back(problem(file, 1, 0, "header", header,
                                   "expected the header row " + std::string{want}));
        return false;
    }
    return true;
}

} // namespace detail

/// Reads the cohort from the text of its four files. Never throws on bad data: a file whose
/// header is wrong, or a meta.csv without `census_date`, is an error result; a bad row is a
/// diagnostic in `problems` and the reader goes on.
[[nodiscard]] inline result<cohort> read_cohort_text(std::string_view people_csv,
                                                     std::string_view relationships_csv,
                                                     std::string_view placements_csv,
                                                     std::string_view meta_csv) {
    using detail::problem;
    cohort c;
    std::vector<diagnostic> fatal;
    std::vector<std::size_t> person_lines; // people.csv line of each person, by person id

    // meta.csv: key,value
    {
        detail::line_reader lines{meta_csv};
        if (!detail::check_header("meta.csv", "key,value", lines, fatal)) return fatal.front();
        std::string_view line;
        std::size_t census_line = 0;
        while (lines.next(line)) {
            if (line.empty()) continue;
            std::array<std::string_view, 2> f;
            if (!detail::split(line, f)) {
                c.problems.push_back(problem("meta.csv", lines.number(), 0, "", line, "expected 2 fields"));
                continue;
            }
            // `children` and `generator` describe the files and change nothing read here.
            if (f[0] == "children" || f[0] == "generator") continue;
            if (f[0] != "census_date") {
                c.problems.push_back(problem("meta.csv", lines.number(), 1, "key", f[0],
                                             "not a known key (census_date, children, generator); ignored"));
                continue;
            }
            // Two census dates would make every measure depend on which one won.
            if (census_line != 0)
                return problem("meta.csv", lines.number(), 2, "census_date", f[1],
                               "census_date given twice (first on line " + std::to_string(census_line) + ")");
            auto d = parse_iso_date(f[1]);
            if (!d) return problem("meta.csv", lines.number(), 2, "census_date", f[1], d.error().message);
            c.census = *d;
            census_line = lines.number();
        }
        const bool have_census = census_line != 0;
        if (!have_census) return problem("meta.csv", 0, 0, "census_date", "", "meta.csv has no census_date");
    }

    // people.csv: person_id,kind,birth_date
    {
        const std::string_view file = "people.csv";
        detail::line_reader lines{people_csv};
        if (!detail::check_header(file, "person_id,kind,birth_date", lines, fatal))
            return fatal.front();
        const auto rows = static_cast<std::size_t>(std::count(people_csv.begin(), people_csv.end(), '\n'));
        c.graph.reserve(rows, 0);
        c.kinds.reserve(rows);
        person_lines.reserve(rows);
        std::string_view line;
        while (lines.next(line)) {
            if (line.empty()) continue;
            std::array<std::string_view, 3> f;
            if (!detail::split(line, f)) {
                c.problems.push_back(problem(file, lines.number(), 0, "", line, "expected 3 fields"));
                continue;
            }
            if (f[0].empty()) {
                c.problems.push_back(problem(file, lines.number(), 1, "person_id", f[0], "empty id"));
                continue;
            }
            person p;
            p.id = person_id{static_cast<std::uint32_t>(c.graph.person_count())};
            p.name = std::string{f[0]};
            auto kind = from_string<cohort_person_kind>(f[1]);
            if (!kind) {
                c.problems.push_back(problem(file, lines.number(), 2, "kind", f[1], "not a known kind of person; read as other"));
                kind = cohort_person_kind::other;
            }
            p.role = role_of(*kind);
            if (!f[2].empty()) {
                if (auto b = parse_iso_date(f[2])) p.birth_date = *b;
                else c.problems.push_back(problem(file, lines.number(), 3, "birth_date", f[2], b.error().message));
            }
            c.graph.add_person(p);
            c.kinds.push_back(*kind);
            person_lines.push_back(lines.number());
        }
    }
    // A person listed twice: lookups find the first row; the later one is reported.
    detail::id_table ids;
    for (person_id p : ids.build(c.graph)) {
        const auto first = ids.find(c.external_id(p));
        c.problems.push_back(problem("people.csv", person_lines[p.value()], 1, "person_id", c.external_id(p),
                                     "person listed more than once; the first row (line "
                                         + std::to_string(first ? person_lines[first->value()] : 0)
                                         + ") is used"));
    }

    // relationships.csv: from_id,to_id,type,start,end,end_reason
    {
        const std::string_view file = "relationships.csv";
        detail::line_reader lines{relationships_csv};
        if (!detail::check_header(file, "from_id,to_id,type,start,end,end_reason",
                                  lines, fatal))
            return fatal.front();
        relationship_graph::bulk_ties rows{c.graph, static_cast<std::size_t>(std::count(
                                                        relationships_csv.begin(),
                                                        relationships_csv.end(), '\n'))};
        std::string_view last_from_text;
        std::optional<person_id> last_from;
        std::string_view last_type_text;
        std::optional<relationship_kind> last_kind;
        const auto process = [&](const std::array<std::string_view, 6>& f, std::size_t n) {
            // Rows come grouped by child, so the first id is usually the previous row's.
            if (f[0] != last_from_text) {
                last_from = ids.find(f[0]);
                last_from_text = f[0];
            }
            const auto a = last_from;
            const auto b = ids.find(f[1]);
            if (!a || !b) {
                const bool first_bad = !a;
                c.problems.push_back(problem(file, n, first_bad ? 1 : 2, first_bad ? "from_id" : "to_id",
                                             first_bad ? f[0] : f[1], "not in people.csv"));
                return;
            }
            // Consecutive rows often share a type; one comparison instead of a table scan.
            if (f[2] != last_type_text) {
                last_kind = kind_from_cohort_type(f[2]);
                last_type_text = f[2];
            }
            const auto kind = last_kind;
            if (!kind) {
                c.problems.push_back(problem(file, n, 3, "type", f[2], "not a known relationship type"));
                return;
            }
            const auto start = parse_iso_date(f[3]);
            if (!start) {
                c.problems.push_back(problem(file, n, 4, "start", f[3], start.error().message));
                return;
            }
            std::optional<date> end;
            if (!f[4].empty()) {
                auto e = parse_iso_date(f[4]);
                if (!e) {
                    c.problems.push_back(problem(file, n, 5, "end", f[4], e.error().message));
                    return;
                }
                end = *e;
            }
            // The contract ignores these rows everywhere; they are counted, not reported.
            if (*a == *b || (end && *end <= *start)) {
                ++c.skipped_rows;
                return;
            }
            tie t;
            t.kind = *kind;
            t.span = interval{*start, end};
            t.source = static_cast<std::uint32_t>(n);
            if (end) {
                auto why = parse_end_reason(f[5]);
                if (why) {
                    t.reason = *why;
                } else {
                    c.problems.push_back(problem(file, n, 6, "end_reason", f[5], why.error().message + "; read as unknown"));
                    t.reason = end_reason::not_known;
                }
            } else if (!f[5].empty()) {
                c.problems.push_back(problem(file, n, 6, "end_reason", f[5], "a reason without an end date; ignored"));
            }
            rows.add(*a, *b, t);
        };
        // Rows go in batches: the id slots of a whole batch are fetched from memory together,
        // so the lookups wait for memory once per batch rather than once per row.
        constexpr std::size_t batch = 32;
        std::array<std::array<std::string_view, 6>, batch> fields;
        std::array<std::size_t, batch> numbers{};
        std::size_t held = 0;
        const auto flush = [&] {
            for (std::size_t i = 0; i < held; ++i) ids.prefetch(fields[i][1]);
            for (std::size_t i = 0; i < held; ++i) process(fields[i], numbers[i]);
            held = 0;
        };
        std::string_view line;
        while (lines.next(line)) {
            if (line.empty()) continue;
            if (!detail::split(line, fields[held])) {
                flush(); // keep problems in line order
                c.problems.push_back(problem(file, lines.number(), 0, "", line, "expected 6 fields"));
                continue;
            }
            numbers[held] = lines.number();
            if (++held == batch) flush();
        }
        flush();
        rows.finish();
    }

    // placements.csv: child_id,start,end,placement_type,carer_id,school_id,local_authority
    {
        const std::string_view file = "placements.csv";
        detail::line_reader lines{placements_csv};
        if (!detail::check_header(file,
                                  "child_id,start,end,placement_type,carer_id,school_id,local_authority",
                                  lines, fatal))
            return fatal.front();
        std::string_view line;
        while (lines.next(line)) {
            if (line.empty()) continue;
            const auto n = lines.number();
            std::array<std::string_view, 7> f;
            if (!detail::split(line, f)) {
                c.problems.push_back(problem(file, n, 0, "", line, "expected 7 fields"));
                continue;
            }
            const auto child = ids.find(f[0]);
            if (!child) {
                c.problems.push_back(problem(file, n, 1, "child_id", f[0], "not in people.csv"));
                continue;
            }
            const auto start = parse_iso_date(f[1]);
            if (!start) {
                c.problems.push_back(problem(file, n, 2, "start", f[1], start.error().message));
                continue;
            }
            std::optional<date> end;
            if (!f[2].empty()) {
                auto e = parse_iso_date(f[2]);
                if (!e) {
                    c.problems.push_back(problem(file, n, 3, "end", f[2], e.error().message));
                    continue;
                }
                if (*e < *start) {
                    c.problems.push_back(problem(file, n, 3, "end", f[2], "placement ends before it starts"));
                    continue;
                }
                end = *e;
            }
            placement_spell s{placement{}, interval{*start, end}, false, std::nullopt};
            if (auto t = from_string<placement_type>(f[3])) {
                s.where.type = *t;
            } else {
                c.problems.push_back(problem(file, n, 4, "placement_type", f[3], "not an SSDA903 placement code; read as Z1"));
                s.where.type = placement_type::Z1;
            }
            s.where.kinship = is_kinship(s.where.type);
            s.where.long_term_fostering = is_long_term_fostering(s.where.type);
            if (!f[4].empty()) {
                // In the files a carer is a person: the carer id is that person's row, and
                // the link says so (the graph then knows the carer as someone the child knows).
                if (auto carer = ids.find(f[4])) {
                    s.where.carer = carer_id{carer->value()};
                    s.where.carer_person = *carer;
                }
                else c.problems.push_back(problem(file, n, 5, "carer_id", f[4], "not in people.csv; read as no carer"));
            }
            const auto la = f[6];
            unsigned code = 0;
            const auto digits = la.starts_with("LA") ? la.substr(2) : la;
            const auto [ptr, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), code);
            if (ec == std::errc{} && ptr == digits.data() + digits.size() && code <= 0xffff)
                s.where.location.authority = local_authority_id{static_cast<std::uint16_t>(code)};
            else if (!la.empty())
                c.problems.push_back(problem(file, n, 7, "local_authority", la, "expected LA and a number"));
            c.placements.add(*child, std::move(s));
        }
    }
    return c;
}

namespace detail {
// A whole file in memory, not zero-filled first: a cohort is a hundred megabytes of text.
struct text_file {
    std::unique_ptr<char[]> data;
    std::size_t size = 0;
    [[nodiscard]] std::string_view view() const noexcept { return {data.get(), size}; }
};
inline result<text_file> slurp(const std::filesystem::path& p) {
    std::ifstream in{p, std::ios::binary};
    if (!in) return problem(p.filename().string(), 0, 0, "", p.string(), "cannot open the file");
    in.seekg(0, std::ios::end);
    const auto size = in.tellg();
    in.seekg(0, std::ios::beg);
    text_file text;
    text.size = size > 0 ? static_cast<std::size_t>(size) : 0u;
    text.data = std::make_unique_for_overwrite<char[]>(text.size + 1);
    in.read(text.data.get(), static_cast<std::streamsize>(text.size));
    if (!in) return problem(p.filename().string(), 0, 0, "", p.string(), "cannot read the file");
    return text;
}
} // namespace detail

/// Reads `dir/{people,relationships,placements,meta}.csv`.
[[nodiscard]] inline result<cohort> read_cohort(const std::filesystem::path& dir) {
    auto people = detail::slurp(dir / "people.csv");
    if (!people) return people.error();
    auto rels = detail::slurp(dir / "relationships.csv");
    if (!rels) return rels.error();
    auto places = detail::slurp(dir / "placements.csv");
    if (!places) return places.error();
    auto meta = detail::slurp(dir / "meta.csv");
    if (!meta) return meta.error();
    return read_cohort_text(people->view(), rels->view(), places->view(), meta->view());
}

} // namespace carepath::graph
