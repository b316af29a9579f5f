#pragma once
/// @file
/// The relationship benchmark's continuity measures (its fixed output contract), computed
/// with the library's own queries: each child's ties come from the relationship graph, each
/// tie is counted with `count_at_move` (the move window), sibling pairs come from the graph's
/// sibling ties and their days together from `overlap_in_care` (interval intersections).
/// These definitions are a fixed contract, simpler than the library's own measure in
/// continuity.hpp: every placement boundary is a move (even with the same carer) and a tie
/// still open counts as kept.
#include "carepath/core/dates.hpp"
#include "carepath/graph/cohort_csv.hpp"
#include "carepath/graph/continuity.hpp"
#include "carepath/graph/relationship_graph.hpp"
#include "carepath/graph/siblings.hpp"

#include <algorithm>
#include <charconv>
#include <cstdint>
#include <map>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
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

/// The children with placements, ordered by their ids in the files (byte order).
[[nodiscard]] inline std::vector<person_id> children_by_external_id(const cohort& c) {
    auto out = c.placements.children();
    std::ranges::sort(out, [&](person_id x, person_id y) { return c.external_id(x) < c.external_id(y); });
    return out;
}

/// The moves part: kept and lost per placement boundary, and totals per kind.
inline void contract_moves(const cohort& c, const std::vector<person_id>& children,
                           contract_results& out, move_window w = {}) {
    std::map<relationship_kind, std::pair<std::uint64_t, std::uint64_t>> totals;
    std::vector<std::pair<std::uint64_t, std::uint64_t>> by_code(64);
    for (person_id child : children) {
        const auto spells = c.placements.of(child);
        for (std::size_t i = 1; i < spells.size(); ++i) {
            contract_move m{child, spells[i].period.start(), 0, 0};
            c.graph.for_each_tie(child, [&](const tie& t, person_id) {
                switch (count_at_move(t.span, m.on, w)) {
                case window_count::kept:
                    ++m.kept;
                    if (t.kind.code() < by_code.size()) ++by_code[t.kind.code()].first;
                    else ++totals[t.kind].first;
                    break;
                case window_count::lost:
                    ++m.lost;
                    if (t.kind.code() < by_code.size()) ++by_code[t.kind.code()].second;
                    else ++totals[t.kind].second;
                    break;
                case window_count::none: break;
                }
            });
            out.moves.push_back(m);
        }
    }
    // Fold the fast per-code counters back into kinds (built-in codes are all below 64).
    for (const auto& k : kinds::builtin)
        if (k.code() < by_code.size() && (by_code[k.code()].first || by_code[k.code()].second)) {
            totals[k].first += by_code[k.code()].first;
            totals[k].second += by_code[k.code()].second;
        }
    for (const auto& [k, kl] : totals)
        if (kl.first + kl.second > 0) out.by_type.push_back({cohort_type_name(k), kl.first, kl.second});
    std::ranges::sort(out.by_type, {}, &contract_type_total::type);
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
    const std::chrono::year_month_day ymd{d};
    const int y = static_cast<int>(ymd.year());
    const unsigned m = static_cast<unsigned>(ymd.month());
    const unsigned dd = static_cast<unsigned>(ymd.day());
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
} // namespace detail

/// moves.csv: `child_id,move_date,kept,lost,index`.
inline void write_moves_csv(std::ostream& os, const cohort& c, const contract_results& r) {
    std::string s = "child_id,move_date,kept,lost,index\n";
    s.reserve(r.moves.size() * 40 + 64);
    for (const auto& m : r.moves) {
        s += c.external_id(m.child);
        s += ',';
        detail::append_iso(s, m.on);
        s += ',';
        detail::append_uint(s, m.kept);
        s += ',';
        detail::append_uint(s, m.lost);
        s += ',';
        if (auto i = m.index()) detail::append_fixed6(s, *i);
        s += '\n';
    }
    os.write(s.data(), static_cast<std::streamsize>(s.size()));
}

/// children.csv: `child_id,moves,moves_with_index,mean_index`, one row per child with a move;
/// the mean is a left-to-right sum in move order divided by the count.
inline void write_children_csv(std::ostream& os, const cohort& c, const contract_results& r) {
    std::string s = "child_id,moves,moves_with_index,mean_index\n";
    s.reserve(r.moves.size() * 20 + 64);
    for (std::size_t i = 0; i < r.moves.size();) {
        const person_id child = r.moves[i].child;
        std::size_t n = 0, defined = 0;
        double sum = 0;
        for (; i < r.moves.size() && r.moves[i].child == child; ++i, ++n)
            if (auto x = r.moves[i].index()) {
                sum += *x;
                ++defined;
            }
        s += c.external_id(child);
        s += ',';
        detail::append_uint(s, n);
        s += ',';
        detail::append_uint(s, defined);
        s += ',';
        if (defined) detail::append_fixed6(s, sum / static_cast<double>(defined));
        s += '\n';
    }
    os.write(s.data(), static_cast<std::streamsize>(s.size()));
}

/// by_type.csv: `type,kept,lost,share_kept`.
inline void write_by_type_csv(std::ostream& os, const contract_results& r) {
    std::string s = "type,kept,lost,share_kept\n";
    for (const auto& t : r.by_type) {
        s += t.type;
        s += ',';
        detail::append_uint(s, t.kept);
        s += ',';
        detail::append_uint(s, t.lost);
        s += ',';
        detail::append_fixed6(s, static_cast<double>(t.kept) / static_cast<double>(t.kept + t.lost));
        s += '\n';
    }
    os.write(s.data(), static_cast<std::streamsize>(s.size()));
}

/// siblings.csv: `child_a,child_b,both_in_care_days,together_days,share`.
inline void write_siblings_csv(std::ostream& os, const cohort& c, const contract_results& r) {
    std::string s = "child_a,child_b,both_in_care_days,together_days,share\n";
    s.reserve(r.siblings.size() * 48 + 64);
    for (const auto& p : r.siblings) {
        s += c.external_id(p.a);
        s += ',';
        s += c.external_id(p.b);
        s += ',';
        detail::append_uint(s, static_cast<std::uint64_t>(p.overlap.both_in_care.count()));
        s += ',';
        detail::append_uint(s, static_cast<std::uint64_t>(p.overlap.together.count()));
        s += ',';
        detail::append_fixed6(s, *p.overlap.share());
        s += '\n';
    }
    os.write(s.data(), static_cast<std::streamsize>(s.size()));
}

} // namespace carepath::graph
