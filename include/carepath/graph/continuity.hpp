#pragma once
/// @file
/// Which of a child's relationships survive each move of home. For every move in a care
/// history, each relationship the child had just before it is kept, ended (an explicit ending,
/// with its reason) or unrecorded (no ending and no sign of contact afterwards: a gap in the
/// record, never counted silently as kept or as lost). A change of legal status, or of
/// placement type with the same carer, is not a move and costs nothing.
///
/// Functions here that begin `template <class = void>` have nothing to deduce and are called
/// as plain functions; they are templates only so that their bodies are compiled in the files
/// that call them, not in every file that includes this header (issue 14, compile cost).
#include "carepath/core/care_history.hpp"
#include "carepath/core/dates.hpp"
#include "carepath/core/enum_table.hpp"
#include "carepath/core/interval.hpp"
#include "carepath/core/relationship.hpp"

#include <array>
#include <cstdint>
#include <map>
#include <optional>
#include <vector>

namespace carepath::graph {

// ---------------------------------------------------------------------------------------------
// Window queries: the building block of both the library's measure and the benchmark contract.
// ---------------------------------------------------------------------------------------------

/// Days around a move in which an ending counts against it: from `before` days before the move
/// day to `after` days after it, both inclusive.
struct move_window {
    days before{30}; ///< days before the move day the window opens
    days after{90}; ///< days after the move day the window closes
};

/// How a spell counts at a move on `d` under a window.
enum class window_count : std::uint8_t {
    kept, ///< active the day before the move and still active `after` days later
    lost, ///< began before the move and ended within `[d - before, d + after]`
    none  ///< began on or after the move day, or ended before the window
};
} // namespace carepath::graph
/// Codes and labels of `window_count`.
template <>
struct carepath::enum_table<carepath::graph::window_count> {
    using e = carepath::graph::window_count; ///< short name for the enum in the rows
    /// One row per enumerator: value, code, label.
    static constexpr std::array rows{
        enum_row<e>{e::kept, "kept", "kept across the move"},
        enum_row<e>{e::lost, "lost", "ended around the move"},
        enum_row<e>{e::none, "none", "does not count at this move"},
    };
};
namespace carepath::graph {

/// How `span` counts at a move on `d`. End days are exclusive, so a spell ending on `d + after`
/// is not active that day and is lost; one ending a day later is kept.
[[nodiscard]] constexpr window_count count_at_move(const interval& span, date d,
                                                   move_window w = {}) noexcept {
    if (span.start() >= d) return window_count::none;
    const auto end = span.end();
    if (!end || *end > d + w.after) return window_count::kept;
    if (*end >= d - w.before) return window_count::lost;
    return window_count::none;
}

// ---------------------------------------------------------------------------------------------
// The library's measure on a care history
// ---------------------------------------------------------------------------------------------

/// What became of a relationship at a move.
enum class tie_outcome : std::uint8_t {
    kept,       ///< no ending around the move, and contact is recorded after it
    ended,      ///< an explicit ending falls in the move's window
    unrecorded  ///< no ending and no contact recorded after the move: a data gap
};
} // namespace carepath::graph
/// Codes and labels of `tie_outcome`.
template <>
struct carepath::enum_table<carepath::graph::tie_outcome> {
    using e = carepath::graph::tie_outcome; ///< short name for the enum in the rows
    /// One row per enumerator: value, code, label.
    static constexpr std::array rows{
        enum_row<e>{e::kept, "kept", "kept"},
        enum_row<e>{e::ended, "ended", "ended"},
        enum_row<e>{e::unrecorded, "unrecorded", "no record either way (data gap)"},
    };
};
namespace carepath::graph {

/// Weights per relationship kind for the continuity index; a kind without its own weight
/// counts `fallback`. The default weighs every kind equally. carepath does not choose whose
/// relationships matter more: the user does.
struct continuity_weights {
    std::map<std::uint16_t, double> by_kind; ///< kind code -> weight
    double fallback = 1.0; ///< weight of a kind with no weight of its own

    /// Sets the weight of `k`.
    continuity_weights& set(relationship_kind k, double w) {
        by_kind[k.code()] = w;
        return *this;
    }
    /// The weight of `k`: its own, else `fallback`.
    [[nodiscard]] double of(relationship_kind k) const {
        auto it = by_kind.find(k.code());
        return it == by_kind.end() ? fallback : it->second;
    }
};

/// One relationship at one move.
struct tie_at_move {
    person_id other; ///< the other person in the relationship
    relationship_kind kind = kinds::other; ///< the kind the day before the move
    tie_outcome outcome = tie_outcome::unrecorded; ///< kept, ended or unrecorded at this move
    std::optional<relationship_ending> ending{}; ///< the ending, when outcome is `ended`
    /// The kind it went on with, when its role changed around the move (foster carer to
    /// former foster carer): still one relationship, kept or not like any other.
    std::optional<relationship_kind> became{};
    /// This person was the carer of the home the child left at the move (the placement's
    /// carer linked to a person, `placement::carer_person`).
    bool carer_left = false;
};

/// The relationships around one move.
struct move_continuity {
    date on; ///< the move day: first day in the new home
    std::vector<tie_at_move> prior;  ///< every relationship the child had before the move
    std::vector<tie_at_move> gained; ///< relationships that began in `[on, on + after)`
    /// The carer of the home left, as a person, when the history links the carer id to one.
    std::optional<person_id> carer_left{};

    /// The child's tie with the carer of the home left ("was the former foster carer kept?"):
    /// nullptr when that carer is not linked to a person or the child had no tie with them.
    [[nodiscard]] const tie_at_move* left_carer_tie() const noexcept {
        for (const auto& t : prior)
            if (t.carer_left) return &t;
        return nullptr;
    }

    /// How many of the prior relationships had outcome `o`.
    [[nodiscard]] std::size_t count(tie_outcome o) const noexcept {
        std::size_t n = 0;
        for (const auto& t : prior) n += t.outcome == o ? 1u : 0u;
        return n;
    }
    /// Weighted kept / (kept + ended); unrecorded relationships are left out of both, because
    /// nobody knows which they were. Empty when nothing was kept or ended.
    [[nodiscard]] std::optional<double> index(const continuity_weights& w = {}) const {
        double kept = 0, total = 0;
        for (const auto& t : prior) {
            if (t.outcome == tie_outcome::unrecorded) continue;
            total += w.of(t.kind);
            if (t.outcome == tie_outcome::kept) kept += w.of(t.kind);
        }
        if (total <= 0) return std::nullopt;
        return kept / total;
    }
};

/// Continuity across all of a child's moves.
struct child_continuity {
    /// One entry per move of home, as `care_history::moves()` lists them.
    std::vector<move_continuity> moves;

    /// Mean of the moves' defined indices, in move order; empty when none is defined.
    [[nodiscard]] std::optional<double> index(const continuity_weights& w = {}) const {
        double sum = 0;
        std::size_t n = 0;
        for (const auto& m : moves)
            if (auto i = m.index(w)) {
                sum += *i;
                ++n;
            }
        if (n == 0) return std::nullopt;
        return sum / static_cast<double>(n);
    }
    /// Relationships left unrecorded at some move: the gaps to ask the social worker about.
    [[nodiscard]] std::size_t data_gaps() const noexcept {
        std::size_t n = 0;
        for (const auto& m : moves) n += m.count(tie_outcome::unrecorded);
        return n;
    }
};

namespace detail {
// Contact after the move is shown by a contact event on or after `d`, or by a contact
// arrangement (other than "none") in force from `d` on: either is a record that the
// relationship went on.
template <class = void>
bool contact_after(const relationship& r, date d) {
    const auto& met = r.contact_events();
    if (!met.empty() && met.back() >= d) return true;
    if (auto c = r.contact_on(d); c && c->mode != contact_mode::none) return true;
    for (const auto& c : r.contact())
        if (c.from > d && c.mode != contact_mode::none) return true;
    return false;
}
} // namespace detail

/// The carer of a placement as a person: the placement's own link, else the link any other
/// placement of the history gives that carer id.
template <class = void>
[[nodiscard]] std::optional<person_id> carer_as_person(const care_history& h,
                                                       const placement_spell& p) {
    if (p.where.carer_person) return p.where.carer_person;
    if (p.where.carer) return h.carer_person(*p.where.carer);
    return std::nullopt;
}

/// Classifies one relationship at a move on `d`: nullopt when the child did not have it in
/// the window before the move (it began on or after `d`, or ended before `d - before`).
template <class = void>
[[nodiscard]] std::optional<tie_at_move> classify(const relationship& r, person_id child, date d,
                                                  move_window w = {}) {
    // Same test as count_at_move, so an ending exactly `before` days before the move (inside
    // the window) is counted as ended rather than left out (found by tests/property).
    bool had_before = false;
    for (const auto& s : r.spells())
        if (count_at_move(s, d, w) != window_count::none) had_before = true;
    if (!had_before) return std::nullopt;
    tie_at_move out{r.other(child), r.kind_on(d - days{1}), tie_outcome::unrecorded};
    for (const auto& c : r.role_changes())
        if (c.on >= d - w.before && c.on <= d + w.after) out.became = c.to;
    for (const auto& e : r.endings())
        if (e.on >= d - w.before && e.on <= d + w.after) {
            out.outcome = tie_outcome::ended;
            out.ending = e;
            return out;
        }
    if (r.active_on(d) && detail::contact_after(r, d)) out.outcome = tie_outcome::kept;
    return out;
}

/// The relationships around each move of `h` (moves of home only: `care_history::moves()`
/// leaves out changes with the same carer, and legal changes are not transitions at all).
template <class = void>
[[nodiscard]] child_continuity continuity_across_moves(const care_history& h,
                                                       move_window w = {}) {
    child_continuity out;
    const person_id child = h.subject().as_person;
    for (const auto& m : h.moves()) {
        move_continuity mc;
        mc.on = m.on;
        mc.carer_left = carer_as_person(h, h.placements()[m.from]);
        for (const auto& r : h.relationships()) {
            if (auto t = classify(r, child, m.on, w)) {
                t->carer_left = mc.carer_left && t->other == *mc.carer_left;
                mc.prior.push_back(*t);
            } else if (r.start() >= m.on && r.start() < m.on + w.after) {
                mc.gained.push_back({r.other(child), r.kind_on(r.start()), tie_outcome::kept});
            }
        }
        out.moves.push_back(std::move(mc));
    }
    return out;
}

/// The child's relationship with the carer of their last placement, and whether the child
/// still sees them on `as_at`: the link from the placement's carer id to a person lets the
/// graph tell that the carer of the last placement is someone the child still sees.
struct last_carer_contact {
    person_id carer;                          ///< the carer of the last placement, as a person
    const relationship* tie = nullptr;        ///< the child's current tie with them, if any
    bool seen = false; ///< contact recorded on or after `as_at`, or arranged (not "none") then
};
/// The carer of `h`'s last placement and the child's tie with them; nullopt when the history
/// has no placement or does not link its carer to a person.
template <class = void>
[[nodiscard]] std::optional<last_carer_contact> last_carer(const care_history& h,
                                                           date as_at) {
    if (h.placements().empty()) return std::nullopt;
    const auto person = carer_as_person(h, h.placements().back());
    if (!person) return std::nullopt;
    last_carer_contact out{*person};
    for (const auto& r : h.relationships())
        if (r.involves(*person) && r.active_on(as_at)) {
            out.tie = &r;
            out.seen = detail::contact_after(r, as_at);
            break;
        }
    return out;
}

} // namespace carepath::graph
