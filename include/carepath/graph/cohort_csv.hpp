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
#include "carepath/graph/detail/cohort_rows.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <cstring>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
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

// The file names and header rows, one place for both readers.
inline constexpr std::string_view meta_header = "key,value";
inline constexpr std::string_view people_header = "person_id,kind,birth_date";
inline constexpr std::string_view relationships_header = "from_id,to_id,type,start,end,end_reason";
inline constexpr std::string_view placements_header =
    "child_id,start,end,placement_type,carer_id,school_id,local_authority";

// meta.csv: key,value. An error when the census date is missing, bad or given twice.
template <class Lines>
std::optional<diagnostic> read_meta(Lines& lines, date& census, std::vector<diagnostic>& problems) {
    if (auto bad = check_header("meta.csv", meta_header, lines)) return bad;
    std::size_t census_line = 0;
    std::optional<diagnostic> fatal;
    for_each_row<2>("meta.csv", lines, problems, [&](const auto& f, std::size_t n) {
        if (fatal) return;
        // `children` and `generator` describe the files and change nothing read here.
        if (f[0] == "children" || f[0] == "generator") return;
        if (f[0] != "census_date") {
            problems.push_back(problem("meta.csv", n, 1, "key", f[0],
                                       "not a known key (census_date, children, generator); ignored"));
            return;
        }
        // Two census dates would make every measure depend on which one won.
        if (census_line != 0) {
            fatal = problem("meta.csv", n, 2, "census_date", f[1],
                            "census_date given twice (first on line " + std::to_string(census_line) + ")");
            return;
        }
        auto d = read_iso_date(f[1]);
        if (!d) {
            fatal = problem("meta.csv", n, 2, "census_date", f[1], d.error().message);
            return;
        }
        census = *d;
        census_line = n;
    });
    if (fatal) return fatal;
    if (census_line == 0) return problem("meta.csv", 0, 0, "census_date", "", "meta.csv has no census_date");
    return std::nullopt;
}

// from_string, comparing lengths and first letters before whole codes: these run once per
// row of files with millions of rows.
template <class E>
std::optional<E> quick_from_string(std::string_view t) noexcept {
    for (const auto& row : enum_table<E>::rows)
        if (row.code.size() == t.size() && !t.empty() && row.code[0] == t[0] && same_text(row.code, t))
            return row.value;
    return std::nullopt;
}

// One row of people.csv, checked; its id is a view of the line.
struct person_row {
    std::string_view id;
    cohort_person_kind kind = cohort_person_kind::other;
    std::optional<date> birth;
};
inline std::optional<person_row> parse_person(const std::array<std::string_view, 3>& f,
                                              std::size_t n, std::vector<diagnostic>& problems) {
    constexpr std::string_view file = "people.csv";
    if (f[0].empty()) {
        problems.push_back(problem(file, n, 1, "person_id", f[0], "empty id"));
        return std::nullopt;
    }
    person_row row;
    row.id = f[0];
    if (auto kind = quick_from_string<cohort_person_kind>(f[1])) row.kind = *kind;
    else problems.push_back(problem(file, n, 2, "kind", f[1], "not a known kind of person; read as other"));
    if (!f[2].empty()) {
        if (auto b = read_iso_date(f[2])) row.birth = *b;
        else problems.push_back(problem(file, n, 3, "birth_date", f[2], b.error().message));
    }
    return row;
}

// What a relationship row gives: a tie, a row the contract ignores, or a bad row (reported).
enum class row_use : std::uint8_t { tie, ignored, bad };

// The kind of a cohort type name: as kind_from_cohort_type, comparing lengths and first
// letters before whole names, since this runs once per relationship row.
inline std::optional<relationship_kind> quick_cohort_type(std::string_view t) noexcept {
    for (const auto& [name, k] : cohort_types)
        if (name.size() == t.size() && !t.empty() && name[0] == t[0] && same_text(name, t)) return k;
    return std::nullopt;
}

// Reads relationship rows. Rows come grouped by child, so the first id is usually the previous
// row's: it is remembered, as a copy (a line's view may not outlive the next read).
class relationship_parser {
public:
    explicit relationship_parser(const id_table& ids) : ids_{&ids} {}
    row_use parse(const std::array<std::string_view, 6>& f, std::size_t n,
                  std::vector<diagnostic>& problems, person_id& a, person_id& b, tie& t) {
        constexpr std::string_view file = "relationships.csv";
        const auto from = find_from(f[0]);
        const auto to = from ? ids_->find(f[1]) : std::nullopt;
        if (!from || !to) {
            const bool first_bad = !from;
            problems.push_back(problem(file, n, first_bad ? 1 : 2, first_bad ? "from_id" : "to_id",
                                       first_bad ? f[0] : f[1], "not in people.csv"));
            return row_use::bad;
        }
        const auto kind = quick_cohort_type(f[2]);
        if (!kind) {
            problems.push_back(problem(file, n, 3, "type", f[2], "not a known relationship type"));
            return row_use::bad;
        }
        auto start = quick_iso_date(f[3]);
        if (!start) {
            const auto slow = parse_iso_date(f[3]);
            if (!slow) {
                problems.push_back(problem(file, n, 4, "start", f[3], slow.error().message));
                return row_use::bad;
            }
            start = *slow;
        }
        std::optional<date> end;
        if (!f[4].empty()) {
            end = quick_iso_date(f[4]);
            if (!end) {
                const auto slow = parse_iso_date(f[4]);
                if (!slow) {
                    problems.push_back(problem(file, n, 5, "end", f[4], slow.error().message));
                    return row_use::bad;
                }
                end = *slow;
            }
        }
        // The contract ignores these rows everywhere; they are counted, not reported.
        if (*from == *to || (end && *end <= *start)) return row_use::ignored;
        a = *from;
        b = *to;
        t = tie{};
        t.kind = *kind;
        t.span = interval{*start, end};
        t.source = static_cast<std::uint32_t>(n);
        if (end) {
            if (auto quick = quick_from_string<end_reason>(f[5])) {
                t.reason = *quick;
            } else if (auto why = parse_end_reason(f[5])) {
                t.reason = *why;
            } else {
                problems.push_back(problem(file, n, 6, "end_reason", f[5], why.error().message + "; read as unknown"));
                t.reason = end_reason::not_known;
            }
        } else if (!f[5].empty()) {
            problems.push_back(problem(file, n, 6, "end_reason", f[5], "a reason without an end date; ignored"));
        }
        return row_use::tie;
    }

private:
    std::optional<person_id> find_from(std::string_view id) {
        if (remembered_ && same_text({last_text_.data(), last_size_}, id))
            return last_from_;
        last_from_ = ids_->find(id);
        remembered_ = id.size() <= last_text_.size(); // longer ids are looked up every time
        if (remembered_) {
            std::memcpy(last_text_.data(), id.data(), id.size());
            last_size_ = id.size();
        }
        return last_from_;
    }
    const id_table* ids_;
    std::array<char, 32> last_text_{};
    std::size_t last_size_ = 0;
    bool remembered_ = false;
    std::optional<person_id> last_from_;
};

// One row of placements.csv, checked.
struct placement_row {
    person_id child;
    placement_spell spell;
};
inline std::optional<placement_row> parse_placement(const std::array<std::string_view, 7>& f,
                                                    std::size_t n, const id_table& ids,
                                                    std::vector<diagnostic>& problems) {
    constexpr std::string_view file = "placements.csv";
    const auto child = ids.find(f[0]);
    if (!child) {
        problems.push_back(problem(file, n, 1, "child_id", f[0], "not in people.csv"));
        return std::nullopt;
    }
    const auto start = read_iso_date(f[1]);
    if (!start) {
        problems.push_back(problem(file, n, 2, "start", f[1], start.error().message));
        return std::nullopt;
    }
    std::optional<date> end;
    if (!f[2].empty()) {
        auto e = read_iso_date(f[2]);
        if (!e) {
            problems.push_back(problem(file, n, 3, "end", f[2], e.error().message));
            return std::nullopt;
        }
        if (*e < *start) {
            problems.push_back(problem(file, n, 3, "end", f[2], "placement ends before it starts"));
            return std::nullopt;
        }
        end = *e;
    }
    placement_row row{*child, placement_spell{placement{}, interval{*start, end}, false, std::nullopt}};
    auto& where = row.spell.where;
    if (auto t = quick_from_string<placement_type>(f[3])) {
        where.type = *t;
    } else {
        problems.push_back(problem(file, n, 4, "placement_type", f[3], "not an SSDA903 placement code; read as Z1"));
        where.type = placement_type::Z1;
    }
    where.kinship = is_kinship(where.type);
    where.long_term_fostering = is_long_term_fostering(where.type);
    if (!f[4].empty()) {
        // In the files a carer is a person: the carer id is that person's row, and the link
        // says so (the graph then knows the carer as someone the child knows).
        if (auto carer = ids.find(f[4])) {
            where.carer = carer_id{carer->value()};
            where.carer_person = *carer;
        } else {
            problems.push_back(problem(file, n, 5, "carer_id", f[4], "not in people.csv; read as no carer"));
        }
    }
    const auto la = f[6];
    unsigned code = 0;
    const auto digits = la.starts_with("LA") ? la.substr(2) : la;
    const auto [ptr, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), code);
    if (ec == std::errc{} && ptr == digits.data() + digits.size() && code <= 0xffff)
        where.location.authority = local_authority_id{static_cast<std::uint16_t>(code)};
    else if (!la.empty())
        problems.push_back(problem(file, n, 7, "local_authority", la, "expected LA and a number"));
    return row;
}

// "person listed more than once" for `repeated`, whose first row is `first_line`.
inline diagnostic listed_twice(std::size_t line, std::string_view id, std::size_t first_line) {
    return problem("people.csv", line, 1, "person_id", id,
                   "person listed more than once; the first row (line " + std::to_string(first_line)
                       + ") is used");
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
    {
        detail::line_reader lines{meta_csv};
        if (auto bad = detail::read_meta(lines, c.census, c.problems)) return *bad;
    }

    std::vector<std::size_t> person_lines; // people.csv line of each person, by person id
    {
        detail::line_reader lines{people_csv};
        if (auto bad = detail::check_header("people.csv", detail::people_header, lines)) return *bad;
        const auto rows = static_cast<std::size_t>(std::ranges::count(people_csv, '\n'));
        c.graph.reserve(rows, 0);
        c.kinds.reserve(rows);
        person_lines.reserve(rows);
        detail::for_each_row<3>("people.csv", lines, c.problems, [&](const auto& f, std::size_t n) {
            const auto row = detail::parse_person(f, n, c.problems);
            if (!row) return;
            person p;
            p.id = person_id{static_cast<std::uint32_t>(c.graph.person_count())};
            p.name = std::string{row->id};
            p.role = role_of(row->kind);
            p.birth_date = row->birth;
            c.graph.add_person(p);
            c.kinds.push_back(row->kind);
            person_lines.push_back(n);
        });
    }
    // A person listed twice: lookups find the first row; the later one is reported.
    detail::id_table ids;
    const auto repeated = ids.build(static_cast<std::uint32_t>(c.graph.person_count()),
                                    [&](std::uint32_t i) -> std::string_view {
                                        return c.external_id(person_id{i});
                                    });
    for (person_id p : repeated) {
        const auto first = ids.find(c.external_id(p));
        c.problems.push_back(detail::listed_twice(person_lines[p.value()], c.external_id(p),
                                                  first ? person_lines[first->value()] : 0));
    }

    {
        detail::line_reader lines{relationships_csv};
        if (auto bad = detail::check_header("relationships.csv", detail::relationships_header, lines))
            return *bad;
        relationship_graph::bulk_ties rows{
            c.graph, static_cast<std::size_t>(std::ranges::count(relationships_csv, '\n'))};
        detail::relationship_parser parser{ids};
        person_id a, b;
        tie t;
        detail::for_each_row<6>("relationships.csv", lines, c.problems, [&](const auto& f, std::size_t n) {
            switch (parser.parse(f, n, c.problems, a, b, t)) {
            case detail::row_use::tie: rows.add(a, b, t); break;
            case detail::row_use::ignored: ++c.skipped_rows; break;
            case detail::row_use::bad: break;
            }
        });
        rows.finish();
    }

    {
        detail::line_reader lines{placements_csv};
        if (auto bad = detail::check_header("placements.csv", detail::placements_header, lines))
            return *bad;
        detail::for_each_row<7>("placements.csv", lines, c.problems, [&](const auto& f, std::size_t n) {
            if (auto row = detail::parse_placement(f, n, ids, c.problems))
                c.placements.add(row->child, std::move(row->spell));
        });
    }
    return c;
}

namespace detail {
// A whole file in memory, not zero-filled first.
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

/// Reads `dir/{people,relationships,placements,meta}.csv` into a cohort (the whole graph in
/// memory). For the continuity measures alone, `run_contract` (continuity_contract.hpp) reads
/// the same files in far less memory.
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
