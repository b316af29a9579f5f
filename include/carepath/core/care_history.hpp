#pragma once
/// @file
/// A child's care history, built from typed events. Each event is checked against the
/// history so far; a refused event leaves the history exactly as it was. The invariants:
/// - care events (entry, placement, legal, exit, worker) come in date order;
/// - no placement ends before it starts or on the day it starts, and placements overlap only
///   while one is held open;
/// - while the child is in care there is always a placement and a looked-after legal status;
/// - a change of legal status, or of placement type with the same carer, is not a move;
/// - a relationship ends only by an explicit event with a reason, and changes role only by
///   an explicit event with a date;
/// - a carer id stands for one person throughout (`placement::carer_person`);
/// - the event log is complete: a history rebuilt from `events()` equals this one.
#include "carepath/core/care_event.hpp"
#include "carepath/core/dates.hpp"
#include "carepath/core/ids.hpp"
#include "carepath/core/interval.hpp"
#include "carepath/core/legal_order.hpp"
#include "carepath/core/permanence.hpp"
#include "carepath/core/person.hpp"
#include "carepath/core/placement.hpp"
#include "carepath/core/relationship.hpp"
#include "carepath/core/result.hpp"

#include <algorithm>
#include <array>
#include <cstddef>
#include <optional>
#include <iosfwd>
#include <string>
#include <string_view>
#include <type_traits>
#include <variant>
#include <vector>

// Algorithms here take iterator pairs, not ranges: the std::ranges overloads' constraints
// cost every file that includes core.hpp compile time (issue 14).
namespace carepath {

// ---------------------------------------------------------------------------------------------
// What the history holds
// ---------------------------------------------------------------------------------------------

/// A placement as it happened.
struct placement_spell {
    placement where; ///< the placement
    interval period; ///< the days the child was there
    bool held_open = false;                ///< kept open while a later placement was tried
    std::optional<change_reason> reason{}; ///< why the child came to this placement
};
/// A legal status as it held.
struct legal_spell {
    legal_status status; ///< the status
    interval period; ///< the days it held
};
/// A period of care: from entry (or re-entry) to exit.
struct care_period {
    interval period; ///< from entry (or re-entry) to exit; open while in care
    std::optional<exit_route> exit{}; ///< how it ended; empty while still running
    bool reentry = false;           ///< began by re-entry
};
/// A worker's time with the child.
struct worker_spell {
    worker_role role; ///< the role the worker held
    social_worker_id worker; ///< the worker
    interval period; ///< the days the worker held the role
};
/// A change from one placement to the next. `is_move` is false when the carer stays the same
/// (a change of placement type only, RNE T/U); a legal change alone is never a transition.
struct placement_transition {
    date on; ///< the first day in the new placement
    std::size_t from; ///< index into placements()
    std::size_t to;   ///< index into placements()
    bool is_move; ///< true when the carer changed: the child moved home
    bool returns_to_held = false; ///< the child went back to a held-open placement
};

/// How a new episode differs from the one before it: SSDA903 Episodes.RNE ("reason for new
/// episode"). Only P and B move the child to a new home; L, T and U keep the same carer.
enum class episode_change : std::uint8_t {
    started,                   ///< S: started to be looked after
    legal_only,                ///< L: legal status changed, placement unchanged
    placement_and_carer,       ///< P: placement and carer changed, legal status unchanged
    placement_type_same_carer, ///< T: placement type changed, same carer (U6 -> A5)
    legal_and_type_same_carer, ///< U: legal status and placement type changed, same carer
    legal_and_carer            ///< B: legal status, placement and carer all changed
};
/// Codes and labels of `episode_change`.
template <>
struct enum_table<episode_change> {
    using e = episode_change; ///< short name for the enum in the rows
    /// One row per enumerator: value, code, label.
    static constexpr std::array rows{
        enum_row<e>{e::started, "S", "started to be looked after"},
        enum_row<e>{e::legal_only, "L", "change of legal status only"},
        enum_row<e>{e::placement_and_carer, "P", "change of placement and carer"},
        enum_row<e>{e::placement_type_same_carer, "T", "change of placement type, same carer"},
        enum_row<e>{e::legal_and_type_same_carer, "U", "change of legal status and placement type, same carer"},
        enum_row<e>{e::legal_and_carer, "B", "change of legal status, placement and carer"},
    };
};
/// True when the change moves the child to a different home (RNE P and B).
[[nodiscard]] constexpr bool is_move(episode_change c) noexcept {
    return c == episode_change::placement_and_carer || c == episode_change::legal_and_carer;
}
/// Classifies the change between two consecutive episodes of one period of care; nullopt when
/// nothing changed (SSDA903 rules 434-436 would refuse such an episode).
[[nodiscard]] inline std::optional<episode_change> classify_change(legal_status before_status,
                                                                   const placement& before,
                                                                   legal_status after_status,
                                                                   const placement& after) {
    const bool legal = before_status != after_status;
    const bool place = !(before == after);
    const bool carer = !same_carer(before, after);
    if (!place) return legal ? std::optional{episode_change::legal_only} : std::nullopt;
    if (!legal)
        return carer ? episode_change::placement_and_carer
                     : episode_change::placement_type_same_carer;
    return carer ? episode_change::legal_and_carer : episode_change::legal_and_type_same_carer;
}

/// The start of an episode in SSDA903's sense: a day on which the child's legal status or
/// placement changed (or care began), and how.
struct episode_start {
    date on; ///< first day of the episode
    episode_change change; ///< what changed on that day (RNE)
    /// Same day, same change.
    friend bool operator==(const episode_start&, const episode_start&) = default;
};

// ---------------------------------------------------------------------------------------------
// The history
// ---------------------------------------------------------------------------------------------

/// A child's journey through care, built one event at a time. Use it as `care_history`; it is
/// a template with nothing to choose only so that a file including core.hpp compiles the
/// members it calls and no others (issue 14: about a quarter of core.hpp's compile cost).
template <class = void>
class basic_care_history {
public:
    /// An empty history of `subject`; events come in through `add`.
    explicit basic_care_history(carepath::child subject) : child_{std::move(subject)} {}

    /// The child whose history this is.
    [[nodiscard]] const carepath::child& subject() const noexcept { return child_; }

    /// Adds an event. Refused events come back as a diagnostic naming the rule broken, and
    /// leave the history unchanged. Unless the rule names its own field, the diagnostic's
    /// field is the event's kind and its value the event's date.
    [[nodiscard]] status add(const care_event& e) { return add_event(e); }
    /// As `add(const care_event&)`, keeping `e` itself in the event log rather than a copy.
    [[nodiscard]] status add(care_event&& e) { return add_event(std::move(e)); }
    /// Makes room for the events `coming` (not yet added) in the event log and in every list
    /// they would add to, so that adding them allocates each list at most once. Changes
    /// nothing else: the history is the same with or without it.
    void reserve(const std::vector<care_event>& coming) {
        std::size_t periods = 0, placements = 0, legal = 0, transitions = 0, workers = 0,
                    relationships = 0;
        using std::holds_alternative;
        for (const auto& e : coming) {
            if (holds_alternative<entered_care>(e) || holds_alternative<reentered_care>(e))
                ++periods, ++placements, ++legal;
            else if (holds_alternative<placement_changed>(e))
                ++placements, ++transitions;
            else if (holds_alternative<legal_status_changed>(e) || holds_alternative<left_care>(e))
                ++legal; // leaving care by an order adds a legal status
            else if (holds_alternative<worker_changed>(e))
                ++workers;
            else if (holds_alternative<relationship_begun>(e))
                ++relationships;
        }
        events_.reserve(events_.size() + coming.size());
        periods_.reserve(periods_.size() + periods);
        placements_.reserve(placements_.size() + placements);
        legal_.reserve(legal_.size() + legal);
        transitions_.reserve(transitions_.size() + transitions);
        workers_.reserve(workers_.size() + workers);
        relationships_.reserve(relationships_.size() + relationships);
    }

    // -- what happened ------------------------------------------------------------------------
    /// Every accepted event, in the order added.
    [[nodiscard]] const std::vector<care_event>& events() const noexcept { return events_; }
    /// The periods of care, earliest first.
    [[nodiscard]] const std::vector<care_period>& periods() const noexcept { return periods_; }
    /// Every placement, earliest first.
    [[nodiscard]] const std::vector<placement_spell>& placements() const noexcept {
        return placements_;
    }
    /// Every legal status the child has held, earliest first.
    [[nodiscard]] const std::vector<legal_spell>& legal_statuses() const noexcept {
        return legal_;
    }
    /// Each change from one placement to the next.
    [[nodiscard]] const std::vector<placement_transition>& transitions() const noexcept {
        return transitions_;
    }
    /// Each worker's time with the child.
    [[nodiscard]] const std::vector<worker_spell>& workers() const noexcept { return workers_; }
    /// The child's relationships, ended ones included.
    [[nodiscard]] const std::vector<relationship>& relationships() const noexcept {
        return relationships_;
    }

    // -- queries ------------------------------------------------------------------------------
    /// The periods of care as intervals.
    [[nodiscard]] std::vector<interval> periods_of_care() const {
        std::vector<interval> out;
        out.reserve(periods_.size());
        for (const auto& p : periods_) out.push_back(p.period);
        return out;
    }
    /// True when the child is looked after on `d`.
    [[nodiscard]] bool in_care_on(date d) const noexcept {
        return std::any_of(periods_.begin(), periods_.end(),
                           [d](const care_period& p) { return p.period.contains(d); });
    }
    /// True when the last period of care is still running.
    [[nodiscard]] bool in_care() const noexcept {
        return !periods_.empty() && periods_.back().period.is_open();
    }
    /// Where the child lives on `d`: the newest placement covering `d` that is not being held
    /// open behind a trial placement. nullptr when the child is not in care on `d`.
    [[nodiscard]] const placement_spell* placement_on(date d) const noexcept {
        const placement_spell* found = nullptr;
        for (const auto& p : placements_)
            if (p.period.contains(d)) found = &p;
        return found;
    }
    /// The legal status on `d`, including orders the child left care by (adoption, SGO, CAO).
    [[nodiscard]] std::optional<legal_status> legal_status_on(date d) const noexcept {
        for (auto it = legal_.rbegin(); it != legal_.rend(); ++it)
            if (it->period.contains(d)) return it->status;
        return std::nullopt;
    }
    /// The moves of home: transitions to a different carer.
    [[nodiscard]] std::vector<placement_transition> moves() const {
        std::vector<placement_transition> out;
        for (const auto& t : transitions_)
            if (t.is_move) out.push_back(t);
        return out;
    }
    /// Number of moves of home in `[from, to)`.
    [[nodiscard]] std::size_t moves_between(date from, date to) const noexcept {
        return static_cast<std::size_t>(std::count_if(
            transitions_.begin(), transitions_.end(),
            [&](const auto& move) { return move.is_move && from <= move.on && move.on < to; }));
    }
    /// Every carer the child has lived with, in the order first met. Placements recorded with
    /// a provider and no individual carer are not counted.
    [[nodiscard]] std::vector<carer_id> distinct_carers() const {
        return distinct_carers(date::max());
    }
    /// The carers the child had lived with by `as_at` (placements starting on or before it).
    [[nodiscard]] std::vector<carer_id> distinct_carers(date as_at) const {
        std::vector<carer_id> out;
        for (const auto& p : placements_)
            if (p.period.start() <= as_at && p.where.carer
                && std::find(out.begin(), out.end(), *p.where.carer) == out.end())
                out.push_back(*p.where.carer);
        return out;
    }
    /// Days in care up to `as_at` (exclusive), over all periods.
    [[nodiscard]] days time_in_care(date as_at) const noexcept {
        days total{0};
        for (const auto& p : periods_)
            if (p.period.start() < as_at) total += p.period.length(as_at);
        return total;
    }
    /// Changes of allocated worker in `role`: every allocation after the first (the issue's
    /// "social worker changes" with the default role).
    [[nodiscard]] std::size_t worker_changes(worker_role role = worker_role::social_worker) const {
        const auto n = std::count_if(workers_.begin(), workers_.end(),
                                     [role](const auto& w) { return w.role == role; });
        return n == 0 ? 0 : static_cast<std::size_t>(n - 1);
    }
    /// The worker in `role` on `d`.
    [[nodiscard]] std::optional<social_worker_id> worker_on(date d, worker_role role =
                                                                        worker_role::social_worker) const {
        for (auto it = workers_.rbegin(); it != workers_.rend(); ++it)
            if (it->role == role && it->period.contains(d)) return it->worker;
        return std::nullopt;
    }
    /// The history cut into SSDA903-style episodes: each day care began (S) or the legal status
    /// or the placement the child lives in changed, classified as L, P, T, U or B. Changes made
    /// on the same day merge into one episode; releasing a held-open placement starts none. The
    /// number of P and B starts equals `moves().size()`.
    [[nodiscard]] std::vector<episode_start> episode_starts() const {
        std::vector<episode_start> out;
        for (const auto& period : periods_) {
            out.push_back({period.period.start(), episode_change::started});
            // In: the days any legal or placement spell starts or ends inside the period.
            // Out: those days on which what the child lives under or with really changed.
            std::vector<date> days_of_change;
            const auto note = [&](const interval& i) {
                for (const std::optional<date> d : {std::optional{i.start()}, i.end()})
                    if (d && *d > period.period.start() && period.period.contains(*d))
                        days_of_change.push_back(*d);
            };
            for (const auto& l : legal_) note(l.period);
            for (const auto& p : placements_) note(p.period);
            std::sort(days_of_change.begin(), days_of_change.end());
            // std::unique, not std::ranges::unique: clang 14 (which builds the fuzzers) cannot
            // instantiate libstdc++ 12's ranges::subrange.
            days_of_change.erase(std::unique(days_of_change.begin(), days_of_change.end()),
                                 days_of_change.end());
            for (const date d : days_of_change) {
                const auto* before = placement_on(d - days{1});
                const auto* after = placement_on(d);
                const auto status_before = legal_status_on(d - days{1});
                const auto status_after = legal_status_on(d);
                if (!before || !after || !status_before || !status_after) continue;
                if (auto c = classify_change(*status_before, before->where, *status_after,
                                             after->where))
                    out.push_back({d, *c});
            }
        }
        return out;
    }
    /// Records that the child had contact with `other` (relationship `kind` on that day) on
    /// `d`: the same as `add(contact_recorded{other, kind, d})`. Contact days may come in any
    /// order. Refused when the child had no such relationship on `d`.
    [[nodiscard]] status record_contact(person_id other, relationship_kind kind, date d) {
        return add(contact_recorded{other, kind, d});
    }
    /// The child's relationship of `kind` with `other` that is still going on, if any.
    [[nodiscard]] const relationship* find_relationship(person_id other, relationship_kind kind) const {
        for (const auto& r : relationships_)
            if (r.kind() == kind && r.involves(other) && !r.has_ended()) return &r;
        return nullptr;
    }
    /// The person a carer id stands for, when a placement with that carer said so.
    [[nodiscard]] std::optional<person_id> carer_person(carer_id c) const noexcept {
        for (const auto& p : placements_)
            if (p.where.carer == c && p.where.carer_person) return p.where.carer_person;
        return std::nullopt;
    }

private:
    template <class Event>
    [[nodiscard]] status add_event(Event&& e) {
        auto taken = detail::visit_event([this](const auto& ev) { return take(ev); }, e);
        if (!taken) {
            diagnostic d = taken.error();
            if (d.field.empty()) {
                d.field = std::string{event_name(e)};
                d.value = format_iso(event_date(e));
            }
            return d;
        }
        events_.push_back(std::forward<Event>(e));
        return ok;
    }
    // Checks the event in full, then applies it; a refused event changes nothing.
    template <class E>
    [[nodiscard]] status take(const E& e) {
        if (auto r = check(e); !r) return r;
        apply(e);
        return ok;
    }
    // A relationship's own changes check everything before they change anything, so they are
    // made on the relationship itself rather than tried first on a copy of it.
    [[nodiscard]] status take(const relationship_ended& e) {
        relationship* r = mutable_relationship(e.other, e.kind);
        if (!r) return refuse("no current relationship of this kind with this person");
        return r->end(e.ending);
    }
    [[nodiscard]] status take(const contact_changed& e) {
        relationship* r = mutable_relationship(e.other, e.kind);
        if (!r) return refuse("no current relationship of this kind with this person");
        return r->set_contact(e.arrangement);
    }
    [[nodiscard]] status take(const relationship_role_changed& e) {
        relationship* r = mutable_relationship(e.other, e.from);
        if (!r) return refuse("no current relationship of this kind with this person");
        if (e.from != e.to && find_relationship(e.other, e.to))
            return refuse("the child already has a current relationship of the new kind with "
                          "this person");
        return r->change_role(e.on, e.to);
    }

    // The date of the last care event: care events must not go back in time.
    [[nodiscard]] std::optional<date> last_care_date() const noexcept { return last_care_; }

    static status refuse(std::string why, const std::string& value = {}) {
        diagnostic d;
        d.message = std::move(why);
        d.value = value;
        return d;
    }
    [[nodiscard]] status check_order(date on) const {
        if (last_care_ && on < *last_care_)
            return refuse("care events must be added in date order: " + format_iso(on)
                              + " is before " + format_iso(*last_care_),
                          format_iso(on));
        return ok;
    }
    [[nodiscard]] status check_entry(date on, legal_status s) const {
        if (auto r = check_order(on); !r) return r;
        if (on < child_.birth_date) return refuse("a child cannot enter care before birth", format_iso(on));
        if (child_.age_on(on) >= 18)
            return refuse("a person of 18 or over cannot start to be looked after", format_iso(on));
        if (!is_looked_after(s))
            return refuse("entry to care needs a looked-after status, not "
                          + std::string{describe(s)});
        return ok;
    }
    [[nodiscard]] status check_first_placement(const placement& where) const {
        if (is_temporary(where.type))
            return refuse("a period of care cannot begin in a temporary placement ("
                          + std::string{to_string(where.type)} + "; SSDA903 rule 380)");
        return check_carer_link(where);
    }
    // One carer id, one person: a placement naming a different person for a carer the
    // history already links would make "the carer of this placement" ambiguous.
    [[nodiscard]] status check_carer_link(const placement& where) const {
        if (!where.carer_person) return ok;
        if (!where.carer)
            return diagnostic{.field = "carer_person",
                              .value = std::to_string(where.carer_person->value()),
                              .message = "a carer's person id needs the carer id it stands for"};
        if (const auto known = carer_person(*where.carer); known && *known != *where.carer_person)
            return diagnostic{.field = "carer_person",
                              .value = std::to_string(where.carer_person->value()),
                              .message = "carer " + std::to_string(where.carer->value())
                                         + " is person " + std::to_string(known->value())
                                         + " in an earlier placement"};
        return ok;
    }
    [[nodiscard]] status check_in_care(date on) const {
        if (auto r = check_order(on); !r) return r;
        if (!in_care()) return refuse("the child is not in care on " + format_iso(on), format_iso(on));
        return ok;
    }
    [[nodiscard]] std::optional<std::size_t> held_index() const noexcept {
        for (std::size_t i = 0; i < placements_.size(); ++i)
            if (placements_[i].held_open && placements_[i].period.is_open()) return i;
        return std::nullopt;
    }

    // -- checks ------------------------------------------------------------------------------
    [[nodiscard]] status check(const entered_care& e) const {
        if (!periods_.empty())
            return refuse("the child has been in care before: record a re-entry");
        if (auto r = check_entry(e.on, e.status); !r) return r;
        return check_first_placement(e.where);
    }
    [[nodiscard]] status check(const reentered_care& e) const {
        if (periods_.empty()) return refuse("a re-entry needs an earlier period of care");
        if (in_care()) return refuse("the child is already in care");
        if (auto r = check_entry(e.on, e.status); !r) return r;
        if (auto r = check_first_placement(e.where); !r) return r;
        // SSDA903 rules 388/431: care that resumes the day it ended never stopped; record the
        // change inside the period instead.
        if (e.on == *periods_.back().period.end())
            return refuse("a re-entry on the day care ended is not a new period of care: record "
                          "the change within the period");
        return ok;
    }
    [[nodiscard]] status check(const placement_changed& e) const {
        if (auto r = check_in_care(e.on); !r) return r;
        const placement& current = placements_[current_].where;
        if (e.keep_previous_open && held_index())
            return refuse("only one placement can be held open at a time");
        if (e.keep_previous_open && same_carer(current, e.where))
            return refuse("a placement is held open only while the child tries a different "
                          "carer");
        if (current == e.where)
            return refuse("the placement does not change (same type, carer and place)");
        if (auto r = check_carer_link(e.where); !r) return r;
        // A placement that lasts no day is one the child never lived in; SSDA903 queries such
        // episodes (rule 355), and counting it would make one day's change two moves.
        if (placements_[current_].period.start() == e.on)
            return refuse("the placement began on " + format_iso(e.on)
                          + ": a placement must last at least one day");
        return ok;
    }
    [[nodiscard]] status check(const held_placement_released& e) const {
        if (auto r = check_in_care(e.on); !r) return r;
        if (!held_index()) return refuse("no placement is being held open");
        return ok;
    }
    [[nodiscard]] status check(const legal_status_changed& e) const {
        if (auto r = check_in_care(e.on); !r) return r;
        if (!is_looked_after(e.status))
            return refuse(std::string{describe(e.status)}
                          + " ends care: record it as leaving care");
        return check_transition(legal_.back().status, e.status);
    }
    [[nodiscard]] status check(const left_care& e) const {
        if (auto r = check_in_care(e.on); !r) return r;
        if (is_temporary(placements_[current_].where.type))
            return refuse("a period of care cannot end in a temporary placement (SSDA903 rule "
                          "381): record the return first");
        if (placements_[current_].period.start() == e.on)
            return refuse("the placement began on " + format_iso(e.on)
                          + ": a placement must last at least one day");
        if (auto order = order_after(e.route))
            return check_transition(legal_.back().status, *order);
        return ok;
    }
    [[nodiscard]] status check(const worker_changed& e) const {
        if (auto r = check_order(e.on); !r) return r;
        for (const auto& w : workers_)
            if (w.role == e.role && w.period.is_open() && w.worker == e.worker)
                return refuse("this worker is already allocated");
        return ok;
    }
    [[nodiscard]] status check(const relationship_begun& e) const {
        if (!e.rel.involves(child_.as_person))
            return refuse("the relationship does not involve this child");
        if (find_relationship(e.rel.other(child_.as_person), e.rel.kind()))
            return refuse("the child already has this relationship");
        return ok;
    }
    [[nodiscard]] status check(const contact_recorded& e) const {
        if (!contacted(e.other, e.kind, e.on))
            return refuse("no relationship of this kind with this person on " + format_iso(e.on),
                          format_iso(e.on));
        return ok;
    }
    // The relationship a contact day belongs to: of `kind` on that day, with a spell covering
    // it (the first such, so that replaying the events finds the same one).
    [[nodiscard]] const relationship* contacted(person_id other, relationship_kind kind,
                                                date d) const {
        for (const auto& r : relationships_)
            if (r.involves(other) && r.active_on(d) && r.kind_on(d) == kind) return &r;
        return nullptr;
    }

    // -- effects (only called after the check passed) -----------------------------------------
    static std::optional<legal_status> order_after(exit_route r) noexcept {
        switch (r) {
        case exit_route::adoption: return legal_status::adoption_order;
        case exit_route::special_guardianship: return legal_status::special_guardianship_order;
        case exit_route::child_arrangements_order: return legal_status::child_arrangements_order;
        default: return std::nullopt;
        }
    }
    void close_open_legal(date on) {
        if (!legal_.empty() && legal_.back().period.is_open())
            legal_.back().period = legal_.back().period.closed_at(on);
    }
    void begin_period(date on, legal_status s, const placement& where, bool reentry) {
        close_open_legal(on); // an order the child left care by ends with re-entry
        periods_.push_back({interval{on}, std::nullopt, reentry});
        legal_.push_back({s, interval{on}});
        placements_.push_back({where, interval{on}, false, std::nullopt});
        current_ = placements_.size() - 1;
        last_care_ = on;
    }
    void apply(const entered_care& e) { begin_period(e.on, e.status, e.where, false); }
    void apply(const reentered_care& e) { begin_period(e.on, e.status, e.where, true); }
    void apply(const placement_changed& e) {
        const std::size_t from = current_;
        const auto held = held_index();
        const bool back_to_held = held && *held != from && same_carer(placements_[*held].where, e.where);
        auto& cur = placements_[from];
        if (e.keep_previous_open) cur.held_open = true;
        else cur.period = cur.period.closed_at(e.on);
        if (back_to_held) {
            placements_[*held].held_open = false;
            current_ = *held;
            transitions_.push_back({e.on, from, *held, true, true});
        } else {
            placements_.push_back({e.where, interval{e.on}, false, e.reason});
            current_ = placements_.size() - 1;
            transitions_.push_back({e.on, from, current_, !same_carer(placements_[from].where, e.where), false});
        }
        last_care_ = e.on;
    }
    void apply(const held_placement_released& e) {
        auto& held = placements_[*held_index()];
        held.period = held.period.closed_at(e.on);
        held.held_open = false;
        last_care_ = e.on;
    }
    void apply(const legal_status_changed& e) {
        close_open_legal(e.on);
        legal_.push_back({e.status, interval{e.on}});
        last_care_ = e.on;
    }
    void apply(const left_care& e) {
        for (auto& p : placements_)
            if (p.period.is_open()) {
                p.period = p.period.closed_at(e.on);
                p.held_open = false;
            }
        close_open_legal(e.on);
        if (auto order = order_after(e.route)) legal_.push_back({*order, interval{e.on}});
        periods_.back().period = periods_.back().period.closed_at(e.on);
        periods_.back().exit = e.route;
        last_care_ = e.on;
    }
    void apply(const worker_changed& e) {
        for (auto& w : workers_)
            if (w.role == e.role && w.period.is_open()) w.period = w.period.closed_at(e.on);
        workers_.push_back({e.role, e.worker, interval{e.on}});
        last_care_ = e.on;
    }
    void apply(const relationship_begun& e) { relationships_.push_back(e.rel); }
    void apply(const contact_recorded& e) {
        (void)const_cast<relationship&>(*contacted(e.other, e.kind, e.on)) // NOLINT: own data
            .record_contact(e.on);
    }
    relationship* mutable_relationship(person_id other, relationship_kind kind) {
        return const_cast<relationship*>(find_relationship(other, kind)); // NOLINT: own data
    }

    carepath::child child_;
    std::vector<care_event> events_;
    std::vector<care_period> periods_;
    std::vector<placement_spell> placements_;
    std::vector<legal_spell> legal_;
    std::vector<placement_transition> transitions_;
    std::vector<worker_spell> workers_;
    std::vector<relationship> relationships_;
    std::size_t current_ = 0; // index of the placement the child lives in, while in care
    std::optional<date> last_care_;
};
/// A child's journey through care (see `basic_care_history`).
using care_history = basic_care_history<>;

/// The placement `h`'s child usually lives in on `d`: `placement_on(d)`, except during a
/// temporary stay (T0-T4: a move of any kind, hospital up to 6 weeks, a holiday, a stay while
/// the foster carer is on holiday, 7 days or less), when it is the last placement before the
/// stay in the same period of care that is not itself temporary: the child must return to it
/// (SSDA903 rule 383), and it is still the child's home. The temporary placement itself when
/// the history holds no such placement (a stay cannot begin a period of care, rule 380);
/// nullptr when the child is not in care on `d`.
template <class Tag>
[[nodiscard]] const placement_spell* usual_placement_on(const basic_care_history<Tag>& h,
                                                        date d) noexcept {
    const placement_spell* p = h.placement_on(d);
    if (!p || !is_temporary(p->where.type)) return p;
    date period_start = p->period.start();
    for (const auto& c : h.periods())
        if (c.period.contains(d)) period_start = c.period.start();
    const auto& all = h.placements();
    for (auto i = static_cast<std::size_t>(p - all.data()); i-- > 0;) {
        if (all[i].period.start() < period_start) break;
        if (all[i].period.start() <= p->period.start() && !is_temporary(all[i].where.type))
            return &all[i];
    }
    return p;
}

// ---------------------------------------------------------------------------------------------
// Summary
// ---------------------------------------------------------------------------------------------

/// The numbers a social worker or researcher asks for first.
struct history_summary {
    date as_at; ///< the day summarised
    std::size_t periods = 0; ///< periods of care begun by `as_at`
    std::size_t placements = 0; ///< placements begun by `as_at`
    std::size_t moves = 0; ///< moves of home on or before `as_at`
    std::size_t distinct_carers = 0; ///< different carers the child has lived with by `as_at`
    std::size_t social_worker_changes = 0; ///< social workers allocated by `as_at`, less the first
    std::size_t relationships = 0; ///< relationships begun by `as_at`
    std::size_t relationships_ended = 0; ///< of those, the ones ended by `as_at`
    days time_in_care{0}; ///< days looked after, up to and including `as_at`
    bool in_care = false; ///< looked after on `as_at`
    /// placement type on `as_at`; empty when not in a placement
    std::optional<placement_type> current_placement;
    std::optional<legal_status> current_status; ///< legal status on `as_at`; empty when not in care
    std::optional<exit_route> last_exit; ///< how the child last left care, on or before `as_at`
};

/// Summarises `h` as it stood on `as_at`. A template only to be compiled where it is called.
template <class = void>
[[nodiscard]] history_summary summarise(const care_history& h, date as_at) {
    history_summary s;
    s.as_at = as_at;
    for (const auto& p : h.periods())
        if (p.period.start() <= as_at) {
            ++s.periods;
            if (p.exit && p.period.end() && *p.period.end() <= as_at) s.last_exit = p.exit;
        }
    s.placements = static_cast<std::size_t>(
        std::count_if(h.placements().begin(), h.placements().end(),
                      [as_at](const auto& p) { return p.period.start() <= as_at; }));
    s.moves = h.moves_between(date::min(), as_at + days{1});
    s.distinct_carers = h.distinct_carers(as_at).size();
    for (const auto& w : h.workers())
        if (w.role == worker_role::social_worker && w.period.start() <= as_at) ++s.social_worker_changes;
    if (s.social_worker_changes > 0) --s.social_worker_changes;
    for (const auto& r : h.relationships())
        if (r.start() <= as_at) {
            ++s.relationships;
            if (r.has_ended() && r.last_ending()->on <= as_at) ++s.relationships_ended;
        }
    s.time_in_care = h.time_in_care(as_at + days{1});
    s.in_care = h.in_care_on(as_at);
    if (const auto* p = h.placement_on(as_at)) s.current_placement = p->where.type;
    s.current_status = h.legal_status_on(as_at);
    return s;
}

/// Prints the summary as a few readable lines.
template <class Traits>
std::basic_ostream<char, Traits>& operator<<(std::basic_ostream<char, Traits>& os,
                                            const history_summary& s) {
    os << "as at " << format_iso(s.as_at) << ": " << (s.in_care ? "in care" : "not in care") << '\n'
       << "  periods of care: " << s.periods << '\n'
       << "  placements: " << s.placements << ", moves of home: " << s.moves
       << ", carers: " << s.distinct_carers << '\n'
       << "  days in care: " << s.time_in_care.count() << '\n'
       << "  social worker changes: " << s.social_worker_changes << '\n'
       << "  relationships: " << s.relationships << " (" << s.relationships_ended << " ended)\n";
    if (s.current_placement)
        os << "  placement: " << to_string(*s.current_placement) << " ("
           << describe(*s.current_placement) << ")\n";
    if (s.current_status) os << "  legal status: " << describe(*s.current_status) << '\n';
    if (s.last_exit) os << "  last left care: " << describe(*s.last_exit) << '\n';
    return os;
}

} // namespace carepath
