#pragma once
/// @file
/// The relationship benchmark's continuity measures (its fixed output contract), two ways.
/// `compute_contract` takes a `cohort` already read (the relationship graph: each child's ties,
/// each counted with `count_at_move`; sibling pairs from the graph's sibling ties and their
/// days together from `overlap_in_care`). `run_contract` reads the four files itself and
/// computes the same measures as it goes: placements first, so each child's move days are
/// known, then each relationship row is counted at those moves as it is read and forgotten.
/// It never holds the ties, so its memory is set by the people and placements, not by the
/// relationship rows, and the files are read a chunk at a time. Both give the same bytes.
/// These definitions are a fixed contract, simpler than the library's own measure in
/// continuity.hpp: every placement boundary is a move (even with the same carer) and a tie
/// still open counts as kept.
#include "carepath/core/dates.hpp"
#include "carepath/core/result.hpp"
#include "carepath/graph/cohort_csv.hpp"
#include "carepath/graph/continuity.hpp"
#include "carepath/graph/detail/cohort_rows.hpp"
#include "carepath/graph/siblings.hpp"

#include <algorithm>
#include <charconv>
#include <cstdint>
#include <filesystem>
#include <limits>
#include <map>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace carepath::graph {

/// One placement boundary of one child.
struct contract_move {
    person_id child; ///< the child who moved
    date on; ///< first day of the new placement spell
    std::uint32_t kept = 0; ///< ties counted kept by `count_at_move`
    std::uint32_t lost = 0; ///< ties counted lost by `count_at_move`
    /// kept / (kept + lost); empty when both are zero.
    [[nodiscard]] std::optional<double> index() const noexcept {
        if (kept + lost == 0) return std::nullopt;
        return static_cast<double>(kept) / static_cast<double>(kept + lost);
    }
};

/// Totals for one relationship kind.
struct contract_type_total {
    std::string_view type; ///< the cohort files' name for the kind
    std::uint64_t kept = 0; ///< ties of this kind kept, over all moves
    std::uint64_t lost = 0; ///< ties of this kind lost, over all moves
};

/// A sibling pair in care and their days together.
struct contract_sibling_pair {
    person_id a; ///< the pair ordered by the files' ids: a's id sorts first
    person_id b; ///< the other sibling; b's id sorts after a's
    care_overlap overlap; ///< days both in care and days together
};

/// Everything the four result files hold.
struct contract_results {
    std::vector<contract_move> moves;           ///< by child id (byte order), then date
    std::vector<contract_type_total> by_type;   ///< by type name (byte order), non-empty only
    std::vector<contract_sibling_pair> siblings; ///< by a's id then b's id; both_in_care > 0
};

namespace detail {
// Kept and lost per relationship kind: built-in kinds (codes below 64) in an array, since
// this is counted once per tie and move; any other kind in a map.
class type_totals {
public:
    void add(relationship_kind k, window_count n) {
        const bool kept = n == window_count::kept;
        if (k.code() < by_code_.size()) ++(kept ? by_code_[k.code()].first : by_code_[k.code()].second);
        else ++(kept ? other_[k].first : other_[k].second);
    }
    // Non-empty totals, by the files' type name.
    [[nodiscard]] std::vector<contract_type_total> finish() const {
        auto totals = other_;
        for (const auto& k : kinds::builtin)
            if (k.code() < by_code_.size() && (by_code_[k.code()].first || by_code_[k.code()].second)) {
                totals[k].first += by_code_[k.code()].first;
                totals[k].second += by_code_[k.code()].second;
            }
        std::vector<contract_type_total> out;
        for (const auto& [k, kl] : totals)
            if (kl.first + kl.second > 0) out.push_back({cohort_type_name(k), kl.first, kl.second});
        std::ranges::sort(out, {}, &contract_type_total::type);
        return out;
    }

private:
    std::array<std::pair<std::uint64_t, std::uint64_t>, 64> by_code_{};
    std::map<relationship_kind, std::pair<std::uint64_t, std::uint64_t>> other_;
};

// Counts one tie at one move.
inline void count_tie(const interval& span, relationship_kind k, contract_move& m, type_totals& totals,
                      move_window w) {
    const auto n = count_at_move(span, m.on, w);
    if (n == window_count::none) return;
    ++(n == window_count::kept ? m.kept : m.lost);
    totals.add(k, n);
}
} // namespace detail

/// The children with placements, ordered by their ids in the files (byte order).
[[nodiscard]] inline std::vector<person_id> children_by_external_id(const cohort& c) {
    auto out = c.placements.children();
    std::ranges::sort(out, [&](person_id x, person_id y) { return c.external_id(x) < c.external_id(y); });
    return out;
}

/// The moves part: kept and lost per placement boundary, and totals per kind.
inline void contract_moves(const cohort& c, const std::vector<person_id>& children,
                           contract_results& out, move_window w = {}) {
    detail::type_totals totals;
    for (person_id child : children) {
        const auto spells = c.placements.of(child);
        for (std::size_t i = 1; i < spells.size(); ++i) {
            contract_move m{child, spells[i].period.start(), 0, 0};
            c.graph.for_each_tie(child, [&](const tie& t, person_id) {
                detail::count_tie(t.span, t.kind, m, totals, w);
            });
            out.moves.push_back(m);
        }
    }
    out.by_type = totals.finish();
}

/// The siblings part: every sibling pair in care with days both in care and days together.
inline void contract_siblings(const cohort& c, contract_results& out) {
    for (auto [a, b] : sibling_pairs_in_care(c.graph, c.placements)) {
        if (c.external_id(b) < c.external_id(a)) std::swap(a, b);
        const auto o = overlap_in_care(c.placements, a, b, c.census);
        if (o.both_in_care.count() > 0) out.siblings.push_back({a, b, o});
    }
    std::ranges::sort(out.siblings, [&](const auto& x, const auto& y) {
        const auto& xa = c.external_id(x.a);
        const auto& ya = c.external_id(y.a);
        if (xa != ya) return xa < ya;
        return c.external_id(x.b) < c.external_id(y.b);
    });
}

/// All of the contract's measures.
[[nodiscard]] inline contract_results compute_contract(const cohort& c, move_window w = {}) {
    contract_results out;
    contract_moves(c, children_by_external_id(c), out, w);
    contract_siblings(c, out);
    return out;
}

/// The contract's measures computed while reading the files (`run_contract`), with what is
/// needed to write them: everyone's id in the files, by person id (row order of people.csv).
struct contract_run {
    date census{}; ///< meta.csv census_date
    contract_results results; ///< the four files' contents
    std::size_t children = 0; ///< people with at least one placement
    std::size_t ties = 0; ///< relationship rows used
    std::size_t skipped_rows = 0; ///< rows with end <= start or both ends the same
    std::vector<diagnostic> problems; ///< bad rows, in the order `read_cohort` reports them
    std::string names; ///< every person's id, one after another
    std::vector<std::uint32_t> name_starts{0}; ///< person i's id: [name_starts[i], name_starts[i+1])

    /// Number of people (rows of people.csv read, repeated ids included).
    [[nodiscard]] std::size_t people() const noexcept { return name_starts.size() - 1; }
    /// The id a person has in the files.
    [[nodiscard]] std::string_view external_id(person_id p) const {
        const auto i = p.value();
        return std::string_view{names}.substr(name_starts[i], name_starts[i + 1] - name_starts[i]);
    }
};

/// How `run_contract` reads.
struct contract_read_options {
    std::size_t chunk_bytes = std::size_t{1} << 18; ///< bytes read from a file at a time (256 KiB: the buffer stays in cache)
    move_window window{}; ///< the move window
};

namespace detail {
// A child's placements as the contract needs them: [start, end) with an open one closed the
// day after the census, and the carer (none: no carer).
struct contract_spell {
    std::uint32_t person;
    date start;
    date end;
    std::uint32_t carer;
};
struct contract_child {
    std::uint32_t person;
    std::uint32_t first_spell, spells;
    std::uint32_t first_move;
};
inline constexpr std::uint32_t no_one = std::numeric_limits<std::uint32_t>::max();

// The files' sizes in bytes, to reserve room once (a row is at least this many bytes long:
// reserving more than is used costs address space, not memory).
struct file_sizes {
    std::size_t people = 0, placements = 0;
};

template <class Lines>
result<contract_run> contract_pass(Lines& meta, Lines& people, Lines& relationships,
                                   Lines& placements, move_window w, file_sizes sizes) {
    contract_run run;
    run.names.reserve(sizes.people / 2);
    run.name_starts.reserve(sizes.people / 16 + 1);
    if (auto bad = read_meta(meta, run.census, run.problems)) return *bad;

    // people.csv: ids only, one after another. A row's line is its index plus an offset that
    // changes only where a row was dropped, so only those changes are kept.
    if (auto bad = check_header("people.csv", people_header, people)) return *bad;
    std::vector<std::pair<std::uint32_t, std::size_t>> line_offsets; // (first person, line - person)
    bool too_big = false;
    for_each_row<3>("people.csv", people, run.problems, [&](const auto& f, std::size_t n) {
        const auto row = parse_person(f, n, run.problems);
        if (!row || too_big) return;
        const auto i = static_cast<std::uint32_t>(run.people());
        if (line_offsets.empty() || line_offsets.back().second != n - i) line_offsets.emplace_back(i, n - i);
        if (run.names.size() + row->id.size() > no_one) {
            too_big = true;
            return;
        }
        run.names.append(row->id);
        run.name_starts.push_back(static_cast<std::uint32_t>(run.names.size()));
    });
    if (too_big) return problem("people.csv", 0, 0, "person_id", "", "more than 4 GiB of ids");
    const auto line_of = [&](person_id p) {
        const auto at = std::ranges::upper_bound(line_offsets, p.value(), {},
                                                 &std::pair<std::uint32_t, std::size_t>::first);
        return p.value() + std::prev(at)->second;
    };
    id_table ids;
    const auto people_count = static_cast<std::uint32_t>(run.people());
    for (person_id p : ids.build(people_count, [&](std::uint32_t i) { return run.external_id(person_id{i}); })) {
        const auto first = ids.find(run.external_id(p));
        run.problems.push_back(listed_twice(line_of(p), run.external_id(p), first ? line_of(*first) : 0));
    }

    // placements.csv before relationships.csv, so that each child's moves are known when the
    // ties go by. Its header and problems are reported after the relationships', as
    // `read_cohort` does.
    if (auto bad = check_header("relationships.csv", relationships_header, relationships)) return *bad;
    if (auto bad = check_header("placements.csv", placements_header, placements)) return *bad;
    std::vector<diagnostic> placement_problems;
    std::vector<contract_spell> spells;
    spells.reserve(sizes.placements / 32);
    const date open_end = run.census + days{1};
    for_each_row<7>("placements.csv", placements, placement_problems, [&](const auto& f, std::size_t n) {
        const auto row = parse_placement(f, n, ids, placement_problems);
        if (!row) return;
        const auto& period = row->spell.period;
        const date end = period.end() ? *period.end() : std::max(open_end, period.start());
        const auto& carer = row->spell.where.carer;
        spells.push_back({row->child.value(), period.start(), end, carer ? carer->value() : no_one});
    });
    // Files list a child's placements together and in date order: then there is nothing to
    // sort (a stable sort would also take a buffer as large as the spells).
    const auto by_person_then_start = [](const contract_spell& x, const contract_spell& y) {
        return x.person != y.person ? x.person < y.person : x.start < y.start;
    };
    if (!std::ranges::is_sorted(spells, by_person_then_start))
        std::ranges::stable_sort(spells, by_person_then_start);
    std::vector<contract_child> children;
    for (std::size_t i = 0; i < spells.size();) {
        std::size_t j = i;
        while (j < spells.size() && spells[j].person == spells[i].person) ++j;
        children.push_back({spells[i].person, static_cast<std::uint32_t>(i),
                            static_cast<std::uint32_t>(j - i), 0});
        i = j;
    }
    // Children in the files' id order: their position is then the output order. An id's first
    // eight bytes, as a big-endian number (zero-padded), order ids as their bytes do; only ids
    // that share them are compared in full.
    const auto head = [&](std::uint32_t person) {
        const auto id = run.external_id(person_id{person});
        std::uint64_t key = 0;
        for (std::size_t i = 0; i < 8; ++i)
            key = key << 8 | (i < id.size() ? static_cast<unsigned char>(id[i]) : 0u);
        return key;
    };
    std::vector<std::pair<std::uint64_t, contract_child>> keyed;
    keyed.reserve(children.size());
    for (const auto& child : children) keyed.emplace_back(head(child.person), child);
    std::ranges::sort(keyed, [&](const auto& x, const auto& y) {
        if (x.first != y.first) return x.first < y.first;
        return run.external_id(person_id{x.second.person}) < run.external_id(person_id{y.second.person});
    });
    for (std::size_t k = 0; k < keyed.size(); ++k) children[k] = keyed[k].second;
    std::vector<std::pair<std::uint64_t, contract_child>>().swap(keyed);
    // child_of: a person's position among the children. Most ties are with people who are not
    // children in care; a bit per person (small enough to stay in cache) says so without
    // reading child_of, which is larger and read at random.
    std::vector<std::uint32_t> child_of(people_count, no_one);
    std::vector<std::uint64_t> is_child((people_count + 63) / 64, 0);
    auto& moves = run.results.moves;
    moves.reserve(spells.size());
    for (std::size_t k = 0; k < children.size(); ++k) {
        auto& child = children[k];
        child_of[child.person] = static_cast<std::uint32_t>(k);
        is_child[child.person / 64] |= std::uint64_t{1} << (child.person % 64);
        child.first_move = static_cast<std::uint32_t>(moves.size());
        for (std::uint32_t s = 1; s < child.spells; ++s)
            moves.push_back({person_id{child.person}, spells[child.first_spell + s].start, 0, 0});
    }
    run.children = children.size();

    // relationships.csv (header read above): each tie counted at its children's moves, then
    // dropped.
    relationship_parser parser{ids};
    type_totals totals;
    std::vector<std::pair<std::uint32_t, std::uint32_t>> sibling_pairs; // child positions
    person_id a, b;
    tie t;
    for_each_row<6>("relationships.csv", relationships, run.problems, [&](const auto& f, std::size_t n) {
        switch (parser.parse(f, n, run.problems, a, b, t)) {
        case row_use::ignored: ++run.skipped_rows; return;
        case row_use::bad: return;
        case row_use::tie: break;
        }
        ++run.ties;
        const auto child_or_none = [&](person_id p) {
            const auto i = p.value();
            return (is_child[i / 64] >> (i % 64) & 1) != 0 ? child_of[i] : no_one;
        };
        const auto ca = child_or_none(a);
        const auto cb = child_or_none(b);
        for (const auto k : {ca, cb}) {
            if (k == no_one) continue;
            const auto& child = children[k];
            for (std::uint32_t m = 0; m + 1 < child.spells; ++m)
                count_tie(t.span, t.kind, moves[child.first_move + m], totals, w);
        }
        if (t.kind.is_sibling() && ca != no_one && cb != no_one) sibling_pairs.emplace_back(std::minmax(ca, cb));
    });
    run.results.by_type = totals.finish();
    run.problems.insert(run.problems.end(), std::make_move_iterator(placement_problems.begin()),
                        std::make_move_iterator(placement_problems.end()));

    // Sibling pairs, already in output order (positions follow the ids' order).
    std::ranges::sort(sibling_pairs);
    sibling_pairs.erase(std::unique(sibling_pairs.begin(), sibling_pairs.end()), sibling_pairs.end());
    for (const auto& [x, y] : sibling_pairs) {
        const auto& cx = children[x];
        const auto& cy = children[y];
        care_overlap o;
        for (std::uint32_t i = 0; i < cx.spells; ++i)
            for (std::uint32_t j = 0; j < cy.spells; ++j) {
                const auto& sx = spells[cx.first_spell + i];
                const auto& sy = spells[cy.first_spell + j];
                const days both = std::min(sx.end, sy.end) - std::max(sx.start, sy.start);
                if (both <= days{0}) continue;
                o.both_in_care += both;
                if (sx.carer != no_one && sx.carer == sy.carer) o.together += both;
            }
        if (o.both_in_care.count() > 0)
            run.results.siblings.push_back({person_id{cx.person}, person_id{cy.person}, o});
    }
    return run;
}
} // namespace detail

/// The contract's measures from the text of the four files; the same problems, in the same
/// order, as `read_cohort_text`, and the same results as `compute_contract` on its cohort.
[[nodiscard]] inline result<contract_run> run_contract_text(std::string_view people_csv,
                                                            std::string_view relationships_csv,
                                                            std::string_view placements_csv,
                                                            std::string_view meta_csv,
                                                            move_window w = {}) {
    detail::line_reader meta{meta_csv}, people{people_csv}, rels{relationships_csv},
        places{placements_csv};
    return detail::contract_pass(meta, people, rels, places, w,
                                 {.people = people_csv.size(), .placements = placements_csv.size()});
}

/// The contract's measures from `dir/{people,relationships,placements,meta}.csv`, each file
/// read once, `chunk_bytes` at a time. Memory: the people's ids and an index entry per person,
/// the placements and moves, the sibling pairs; the relationship rows are never held.
[[nodiscard]] inline result<contract_run> run_contract(const std::filesystem::path& dir,
                                                       contract_read_options o = {}) {
    const std::array<std::string_view, 4> names{"people.csv", "relationships.csv", "placements.csv",
                                                "meta.csv"};
    std::array<std::optional<detail::file_lines>, 4> files;
    for (std::size_t i = 0; i < files.size(); ++i) {
        files[i].emplace(dir / names[i], o.chunk_bytes);
        if (!files[i]->is_open())
            return detail::problem(names[i], 0, 0, "", (dir / names[i]).string(), "cannot open the file");
    }
    std::error_code ec;
    const auto size_of = [&](std::string_view name) {
        const auto n = std::filesystem::file_size(dir / name, ec);
        return ec ? std::size_t{0} : static_cast<std::size_t>(n);
    };
    auto run = detail::contract_pass(*files[3], *files[0], *files[1], *files[2], o.window,
                                     {.people = size_of(names[0]), .placements = size_of(names[2])});
    for (std::size_t i = 0; i < files.size(); ++i)
        if (files[i]->failed())
            return detail::problem(names[i], 0, 0, "", (dir / names[i]).string(), "cannot read the file");
    return run;
}

namespace detail {
// printf("%.6f"): std::to_chars gives the correctly rounded shortest-exact fixed form, the
// same digits as glibc's printf, without the locale and at a fraction of the cost.
inline void append_fixed6(std::string& s, double x) {
    char buf[64];
    const auto r = std::to_chars(buf, buf + sizeof buf, x, std::chars_format::fixed, 6);
    s.append(buf, r.ptr);
}
inline void append_uint(std::string& s, std::uint64_t x) {
    char buf[24];
    const auto r = std::to_chars(buf, buf + sizeof buf, x);
    s.append(buf, r.ptr);
}
inline void append_iso(std::string& s, date d) {
    const auto [y, m, dd] = fields_of(d);
    if (y < 0 || y > 9999) {
        s += format_iso(d);
        return;
    }
    const char out[10] = {static_cast<char>('0' + y / 1000), static_cast<char>('0' + y / 100 % 10),
                          static_cast<char>('0' + y / 10 % 10), static_cast<char>('0' + y % 10),
                          '-', static_cast<char>('0' + m / 10), static_cast<char>('0' + m % 10),
                          '-', static_cast<char>('0' + dd / 10), static_cast<char>('0' + dd % 10)};
    s.append(out, 10);
}

// Rows are built in a string handed to the stream every 256 KiB, so a file of any length is
// written from a buffer of bounded size.
class csv_buffer {
public:
    csv_buffer(std::ostream& os, std::string_view header) : os_{os} {
        s_.reserve(limit + 256);
        s_ += header;
    }
    csv_buffer(const csv_buffer&) = delete;
    csv_buffer& operator=(const csv_buffer&) = delete;
    ~csv_buffer() { flush(); }
    std::string& row() {
        if (s_.size() >= limit) flush();
        return s_;
    }

private:
    static constexpr std::size_t limit = std::size_t{1} << 18;
    void flush() {
        os_.write(s_.data(), static_cast<std::streamsize>(s_.size()));
        s_.clear();
    }
    std::ostream& os_;
    std::string s_;
};

template <class NameOf>
void write_moves(std::ostream& os, const NameOf& name, const contract_results& r) {
    csv_buffer out{os, "child_id,move_date,kept,lost,index\n"};
    for (const auto& m : r.moves) {
        auto& s = out.row();
        s += name(m.child);
        s += ',';
        append_iso(s, m.on);
        s += ',';
        append_uint(s, m.kept);
        s += ',';
        append_uint(s, m.lost);
        s += ',';
        if (auto i = m.index()) append_fixed6(s, *i);
        s += '\n';
    }
}

template <class NameOf>
void write_children(std::ostream& os, const NameOf& name, const contract_results& r) {
    csv_buffer out{os, "child_id,moves,moves_with_index,mean_index\n"};
    for (std::size_t i = 0; i < r.moves.size();) {
        const person_id child = r.moves[i].child;
        std::size_t n = 0, defined = 0;
        double sum = 0;
        for (; i < r.moves.size() && r.moves[i].child == child; ++i, ++n)
            if (auto x = r.moves[i].index()) {
                sum += *x;
                ++defined;
            }
        auto& s = out.row();
        s += name(child);
        s += ',';
        append_uint(s, n);
        s += ',';
        append_uint(s, defined);
        s += ',';
        if (defined) append_fixed6(s, sum / static_cast<double>(defined));
        s += '\n';
    }
}

template <class NameOf>
void write_siblings(std::ostream& os, const NameOf& name, const contract_results& r) {
    csv_buffer out{os, "child_a,child_b,both_in_care_days,together_days,share\n"};
    for (const auto& p : r.siblings) {
        auto& s = out.row();
        s += name(p.a);
        s += ',';
        s += name(p.b);
        s += ',';
        append_uint(s, static_cast<std::uint64_t>(p.overlap.both_in_care.count()));
        s += ',';
        append_uint(s, static_cast<std::uint64_t>(p.overlap.together.count()));
        s += ',';
        append_fixed6(s, *p.overlap.share());
        s += '\n';
    }
}

inline auto names_of(const cohort& c) {
    return [&c](person_id p) -> std::string_view { return c.external_id(p); };
}
inline auto names_of(const contract_run& run) {
    return [&run](person_id p) { return run.external_id(p); };
}
} // namespace detail

/// moves.csv: `child_id,move_date,kept,lost,index`.
inline void write_moves_csv(std::ostream& os, const cohort& c, const contract_results& r) {
    detail::write_moves(os, detail::names_of(c), r);
}
/// moves.csv of a run.
inline void write_moves_csv(std::ostream& os, const contract_run& run) {
    detail::write_moves(os, detail::names_of(run), run.results);
}

/// children.csv: `child_id,moves,moves_with_index,mean_index`, one row per child with a move;
/// the mean is a left-to-right sum in move order divided by the count.
inline void write_children_csv(std::ostream& os, const cohort& c, const contract_results& r) {
    detail::write_children(os, detail::names_of(c), r);
}
/// children.csv of a run.
inline void write_children_csv(std::ostream& os, const contract_run& run) {
    detail::write_children(os, detail::names_of(run), run.results);
}

/// by_type.csv: `type,kept,lost,share_kept`.
inline void write_by_type_csv(std::ostream& os, const contract_results& r) {
    detail::csv_buffer out{os, "type,kept,lost,share_kept\n"};
    for (const auto& t : r.by_type) {
        auto& s = out.row();
        s += t.type;
        s += ',';
        detail::append_uint(s, t.kept);
        s += ',';
        detail::append_uint(s, t.lost);
        s += ',';
        detail::append_fixed6(s, static_cast<double>(t.kept) / static_cast<double>(t.kept + t.lost));
        s += '\n';
    }
}

/// siblings.csv: `child_a,child_b,both_in_care_days,together_days,share`.
inline void write_siblings_csv(std::ostream& os, const cohort& c, const contract_results& r) {
    detail::write_siblings(os, detail::names_of(c), r);
}
/// siblings.csv of a run.
inline void write_siblings_csv(std::ostream& os, const contract_run& run) {
    detail::write_siblings(os, detail::names_of(run), run.results);
}

} // namespace carepath::graph
