#pragma once
/// @file
/// Random care histories for property tests: a proposer that, given the history so far, offers
/// a random next event (most of them plausible, some that the rules must refuse), a full dump of
/// a history's state (to prove a refused event changed nothing) and a checker of the invariants
/// care_history.hpp promises. The "must refuse" flags come from the rules as written in that
/// header, worked out here independently of its code.
#include "support/random.hpp"

#include "carepath/core.hpp"

#include <cstdint>
#include <optional>
#include <sstream>
#include <string>
#include <variant>
#include <vector>

namespace carepath::testing {

/// A child born between 2000 and 2012; their person id is always 1.
inline child random_child(test_rng& r) {
    child c;
    c.id = child_id{static_cast<std::uint32_t>(r.below(1000) + 1)};
    c.as_person = person_id{1};
    c.name = "test child";
    c.birth_date = *make_date(r.between(2000, 2012), static_cast<unsigned>(r.between(1, 12)),
                              static_cast<unsigned>(r.between(1, 28)));
    if (r.chance(10))
        c.birth_date = *make_date(2008, 2, 29); // leap-day birthdays age oddly
    return c;
}

/// An event offered to a history, and whether the rules say it must be refused.
struct proposal {
    care_event event;
    bool must_refuse = false;
    std::string why; ///< the rule that forces the refusal, for the test's message
};

namespace detail {

inline bool is_care_event(const care_event& e) {
    return !std::holds_alternative<relationship_begun>(e)
           && !std::holds_alternative<relationship_ended>(e)
           && !std::holds_alternative<contact_changed>(e)
           && !std::holds_alternative<relationship_role_changed>(e)
           && !std::holds_alternative<contact_recorded>(e);
}

inline std::optional<date> last_care_date(const care_history& h) {
    std::optional<date> last;
    for (const auto& e : h.events())
        if (is_care_event(e) && (!last || event_date(e) > *last))
            last = event_date(e);
    return last;
}

inline bool something_held(const care_history& h) {
    for (const auto& p : h.placements())
        if (p.held_open && p.period.is_open())
            return true;
    return false;
}

// Few carers and providers, so the same carer comes back often (a change of type only, or a
// return to a held placement) and the same-carer rule gets exercised.
inline placement random_placement(test_rng& r) {
    const auto types = all_values<placement_type>();
    const auto type = r.pick(types);
    if (r.chance(15)) { // a placement known only by its provider and place
        placement p;
        p.type = type;
        p.provider = provider_id{static_cast<std::uint32_t>(r.between(1, 2))};
        p.location.authority = local_authority_id{static_cast<std::uint16_t>(r.between(201, 202))};
        return p;
    }
    // Carers are often linked to a person (300 + their id), now and then to a stray one.
    const auto carer = static_cast<std::uint32_t>(r.between(1, 5));
    std::optional<person_id> person;
    if (r.chance(60))
        person = person_id{300 + carer};
    else if (r.chance(5))
        person = person_id{399};
    return placement::with_carer(type, carer_id{carer}, person);
}

// True when `p` links its carer to a person other than the one the history already has.
inline bool conflicting_carer_person(const care_history& h, const placement& p) {
    if (!p.carer || !p.carer_person)
        return false;
    for (const auto& s : h.placements())
        if (s.where.carer == p.carer && s.where.carer_person && s.where.carer_person != p.carer_person)
            return true;
    return false;
}

inline constexpr std::array some_kinds{kinds::full_sibling,  kinds::birth_parent,
                                       kinds::grandparent,   kinds::foster_carer,
                                       kinds::social_worker, kinds::friend_};

} // namespace detail

/// Offers a random next event for `h`. Care events are dated from the last care event on
/// (sometimes the same day, sometimes before it, which must be refused).
inline proposal propose_event(test_rng& r, const care_history& h) {
    const child& c = h.subject();
    const auto last = detail::last_care_date(h);
    const date anchor = last ? *last : c.birth_date + days{r.between(0, 16 * 365)};
    const bool in_care = h.in_care();
    proposal out{held_placement_released{anchor}, false, {}};
    auto refuse_if = [&out](bool cond, const char* why) {
        if (cond && !out.must_refuse) {
            out.must_refuse = true;
            out.why = why;
        }
    };

    // The day of a care event: usually on or after the last one, sometimes before it.
    date on = anchor + days{r.chance(20) ? 0 : r.between(1, 300)};
    const bool backwards = last && r.chance(8);
    if (backwards)
        on = *last - days{r.between(1, 60)};
    auto care_dated = [&](date d) {
        refuse_if(last && d < *last, "care events come in date order");
    };

    const auto statuses = all_values<legal_status>();
    const auto routes = all_values<exit_route>();
    const auto reasons = all_values<end_reason>();
    const auto modes = all_values<contact_mode>();
    const auto freqs = all_values<contact_frequency>();
    const auto changes = all_values<change_reason>();

    // Bias the kind of event by whether the child is in care, so histories get long.
    const int pick = static_cast<int>(r.below(100));
    if (!in_care && pick < 45) {
        const legal_status s = r.chance(85) ? r.pick(std::array{
                                   legal_status::accommodated_s20, legal_status::interim_care_order,
                                   legal_status::care_order, legal_status::police_protection})
                                            : r.pick(statuses);
        const placement where = detail::random_placement(r);
        const bool been_before = !h.periods().empty();
        const bool reentry = r.chance(90) ? been_before : !been_before;
        if (reentry) {
            out.event = reentered_care{on, s, where};
            refuse_if(!been_before, "a re-entry needs an earlier period of care");
        } else {
            out.event = entered_care{on, s, where};
            refuse_if(been_before, "a child who has been in care re-enters, not enters");
        }
        care_dated(on);
        refuse_if(detail::conflicting_carer_person(h, where), "one carer id, one person");
        refuse_if(!is_looked_after(s), "entry needs a looked-after status");
        refuse_if(on < c.birth_date, "no entry to care before birth");
        refuse_if(age_on(c.birth_date, on) >= 18, "no entry to care at 18 or over");
        return out;
    }
    if (pick < 40 || (!in_care && pick < 55)) {
        const bool hold = r.chance(25);
        placement_changed e{on, detail::random_placement(r), std::nullopt, hold};
        if (r.chance(50))
            e.reason = r.pick(changes);
        out.event = e;
        care_dated(on);
        refuse_if(!in_care, "placements change only in care");
        refuse_if(hold && detail::something_held(h), "only one placement is held open");
        refuse_if(detail::conflicting_carer_person(h, e.where), "one carer id, one person");
        return out;
    }
    if (pick < 48) {
        out.event = held_placement_released{on};
        care_dated(on);
        refuse_if(!in_care, "a held placement is released only in care");
        refuse_if(!detail::something_held(h), "nothing is held open");
        return out;
    }
    if (pick < 60) {
        const legal_status s = r.pick(statuses);
        out.event = legal_status_changed{on, s};
        care_dated(on);
        refuse_if(!in_care, "legal status changes only in care");
        refuse_if(!is_looked_after(s), "a status outside care is recorded as leaving care");
        if (in_care && !h.legal_statuses().empty())
            refuse_if(h.legal_statuses().back().status == s, "the status must change");
        return out;
    }
    if (pick < 68) {
        out.event = left_care{on, r.pick(routes)};
        care_dated(on);
        refuse_if(!in_care, "only a child in care can leave it");
        return out;
    }
    if (pick < 76) {
        const auto role = r.pick(all_values<worker_role>());
        out.event =
            worker_changed{on, role, social_worker_id{static_cast<std::uint32_t>(r.between(1, 4))}};
        care_dated(on);
        return out;
    }

    // Relationship events carry their own dates and are not bound by the care-event order.
    const date rel_day = anchor + days{r.between(-200, 300)};
    const person_id other{static_cast<std::uint32_t>(r.between(100, 105))};
    const relationship_kind kind = r.pick(detail::some_kinds);
    if (pick < 86) {
        if (r.chance(5)) {
            out.event =
                relationship_begun{relationship{person_id{200}, person_id{201}, kind, rel_day}};
            refuse_if(true, "the relationship must involve the child");
            return out;
        }
        out.event = relationship_begun{relationship{c.as_person, other, kind, rel_day}};
        refuse_if(h.find_relationship(other, kind) != nullptr, "no duplicate current relationship");
        return out;
    }
    // End or change contact with someone the child knows (or, sometimes, a stranger).
    const relationship* existing = nullptr;
    for (const auto& rel : h.relationships())
        if (!rel.has_ended() && r.chance(50))
            existing = &rel;
    const bool stranger = existing == nullptr || r.chance(10);
    const person_id who = stranger ? person_id{999} : existing->other(c.as_person);
    const relationship_kind which = stranger ? kind : existing->kind();
    const date from =
        stranger ? rel_day : existing->spells().back().start() + days{r.between(-5, 200)};
    if (pick >= 90 && pick < 94) {
        // A contact day, on a day the tie existed in that role or (to be refused) not.
        const date day = stranger ? rel_day : from + days{r.between(-30, 30)};
        out.event = contact_recorded{who, which, day};
        bool had = false;
        for (const auto& rel : h.relationships())
            had = had || (rel.involves(who) && rel.active_on(day) && rel.kind_on(day) == which);
        refuse_if(!had, "contact is recorded only on a day the tie existed in that role");
        return out;
    }
    if (pick >= 86 && pick < 88) {
        // The tie goes on in a new role (sometimes the same one, which must be refused).
        const relationship_kind to = r.chance(10) ? which : r.pick(detail::some_kinds);
        out.event = relationship_role_changed{who, which, to, from};
        refuse_if(stranger, "no current relationship to change");
        refuse_if(to == which, "the role must change");
        if (!stranger) {
            refuse_if(h.find_relationship(who, to) != nullptr, "no duplicate current relationship");
            refuse_if(from <= existing->spells().back().start(), "a role changes after the start");
            const auto& roles = existing->role_changes();
            refuse_if(!roles.empty() && from <= roles.back().on, "role changes in date order");
        }
        return out;
    }
    if (pick < 94) {
        relationship_ending ending{from, r.pick(reasons), r.chance(20), {}};
        if (r.chance(5))
            ending.reason.reset();
        out.event = relationship_ended{who, which, ending};
        refuse_if(stranger, "no current relationship to end");
        refuse_if(!ending.reason, "an ending says why");
        if (!stranger)
            refuse_if(from < existing->spells().back().start(), "no end before start");
        refuse_if(ending.planned && ending.reason == end_reason::not_known,
                  "a planned ending says why");
    } else {
        out.event =
            contact_changed{who, which, contact_arrangement{from, r.pick(modes), r.pick(freqs)}};
        refuse_if(stranger, "no current relationship to change");
        if (!stranger)
            refuse_if(from < existing->start(), "no contact before the relationship");
    }
    return out;
}

// ---------------------------------------------------------------------------------------------
// Full state, as text: two histories with the same dump hold the same facts.
// ---------------------------------------------------------------------------------------------

namespace detail {
inline void put(std::ostream& os, const interval& i) {
    os << i;
}
inline void put(std::ostream& os, const placement& p) {
    os << to_string(p.type) << " carer=";
    if (p.carer)
        os << p.carer->value();
    else
        os << '-';
    if (p.carer_person)
        os << " person=" << p.carer_person->value();
    os << " provider=";
    if (p.provider)
        os << p.provider->value();
    else
        os << '-';
    os << " kin=" << p.kinship << " lt=" << p.long_term_fostering
       << " la=" << p.location.authority.value() << " in=" << p.location.inside_home_authority
       << " pc=" << p.location.postcode_district;
}
} // namespace detail

/// Everything `h` records, one fact per line.
inline std::string dump(const care_history& h) {
    std::ostringstream os;
    os << "events " << h.events().size() << '\n';
    for (const auto& e : h.events())
        os << " e" << e.index() << ' ' << format_iso(event_date(e)) << '\n';
    for (const auto& p : h.periods()) {
        os << "period " << p.period << " reentry=" << p.reentry << " exit=";
        os << (p.exit ? to_string(*p.exit) : std::string_view{"-"}) << '\n';
    }
    for (const auto& p : h.placements()) {
        os << "placement ";
        detail::put(os, p.where);
        os << ' ' << p.period << " held=" << p.held_open
           << " reason=" << (p.reason ? to_string(*p.reason) : std::string_view{"-"}) << '\n';
    }
    for (const auto& l : h.legal_statuses())
        os << "legal " << to_string(l.status) << ' ' << l.period << '\n';
    for (const auto& t : h.transitions())
        os << "transition " << format_iso(t.on) << ' ' << t.from << "->" << t.to
           << " move=" << t.is_move << " back=" << t.returns_to_held << '\n';
    for (const auto& w : h.workers())
        os << "worker " << to_string(w.role) << ' ' << w.worker.value() << ' ' << w.period << '\n';
    for (const auto& rel : h.relationships()) {
        os << "rel " << rel.a().value() << '-' << rel.b().value() << ' ' << rel.kind() << '\n';
        for (const auto& s : rel.spells())
            os << "  spell " << s << '\n';
        for (const auto& e : rel.endings())
            os << "  ended " << format_iso(e.on) << ' '
               << (e.reason ? to_string(*e.reason) : std::string_view{"-"})
               << " planned=" << e.planned << " note=" << e.note << '\n';
        for (const auto& k : rel.contact())
            os << "  contact " << format_iso(k.from) << ' ' << to_string(k.mode) << ' '
               << to_string(k.frequency) << '\n';
        for (const auto& c : rel.role_changes())
            os << "  role " << format_iso(c.on) << ' ' << c.from << "->" << c.to << '\n';
        for (const date d : rel.contact_events())
            os << "  met " << format_iso(d) << '\n';
    }
    return os.str();
}

// ---------------------------------------------------------------------------------------------
// Invariants
// ---------------------------------------------------------------------------------------------

namespace detail {
inline bool inside(const interval& inner, const interval& outer) {
    if (inner.start() < outer.start())
        return false;
    if (outer.is_open())
        return true;
    return !inner.is_open() && *inner.end() <= *outer.end();
}
inline bool before_or_meets(const interval& a, const interval& b) {
    return a.end() && *a.end() <= b.start();
}
} // namespace detail

/// The child's care on day `d` is fully described: a placement and a looked-after status.
/// Returns a message when not.
inline std::optional<std::string> check_day_in_care(const care_history& h, date d) {
    if (!h.in_care_on(d))
        return std::nullopt;
    if (h.placement_on(d) == nullptr)
        return "in care on " + format_iso(d) + " with no placement";
    const auto s = h.legal_status_on(d);
    if (!s)
        return "in care on " + format_iso(d) + " with no legal status";
    if (!is_looked_after(*s))
        return "in care on " + format_iso(d) + " under " + std::string{to_string(*s)};
    return std::nullopt;
}

/// Every invariant of care_history.hpp that can be checked from outside. Returns the broken
/// ones (empty when all hold). Days are checked at every boundary (starts and ends of spells
/// and the day before each end); `every_day` also checks each day of each care period.
inline std::vector<std::string> check_invariants(const care_history& h, bool every_day = false) {
    std::vector<std::string> broken;
    auto fail = [&broken](std::string s) { broken.push_back(std::move(s)); };
    const auto& periods = h.periods();
    const auto& places = h.placements();
    const auto& legal = h.legal_statuses();

    // Care events in date order.
    std::optional<date> last;
    for (const auto& e : h.events())
        if (detail::is_care_event(e)) {
            if (last && event_date(e) < *last)
                fail("care events out of date order");
            last = event_date(e);
        }

    // Periods of care: in order, not overlapping, only the last open, an exit iff closed.
    for (std::size_t i = 0; i < periods.size(); ++i) {
        const auto& p = periods[i];
        if (p.period.end() && *p.period.end() < p.period.start())
            fail("period ends before it starts");
        if (p.period.is_open() != !p.exit)
            fail("period exit recorded iff the period is closed");
        if (i + 1 < periods.size() && !detail::before_or_meets(p.period, periods[i + 1].period))
            fail("periods of care overlap or are out of order");
        if (p.reentry != (i > 0))
            fail("only periods after the first are re-entries");
    }
    if (h.in_care() != (!periods.empty() && periods.back().period.is_open()))
        fail("in_care() disagrees with the periods");

    // Placements: never end before they start, lie inside a period of care, overlap only
    // while one is held open.
    std::size_t open_now = 0;
    std::size_t held_now = 0;
    for (const auto& p : places) {
        if (p.period.end() && *p.period.end() < p.period.start())
            fail("placement ends before it starts");
        bool in_some = false;
        for (const auto& c : periods)
            in_some = in_some || detail::inside(p.period, c.period);
        if (!in_some) {
            std::ostringstream os;
            os << "placement " << p.period << " lies outside every period of care";
            fail(os.str());
        }
        if (p.held_open && !p.period.is_open())
            fail("a closed placement is marked held open");
        if (p.period.is_open())
            ++open_now;
        if (p.held_open)
            ++held_now;
    }
    if (held_now > 1)
        fail("more than one placement held open");
    if (open_now > 1 + held_now)
        fail("two placements open without one being held");
    if (!h.in_care() && open_now > 0)
        fail("a placement is open out of care");
    if (h.in_care() && open_now == 0)
        fail("in care with no open placement");

    // At every day, at most two placements (the home and one held open).
    std::vector<date> boundaries;
    for (const auto& p : places) {
        boundaries.push_back(p.period.start());
        if (p.period.end()) {
            boundaries.push_back(*p.period.end());
            boundaries.push_back(*p.period.end() - days{1});
        }
    }
    for (const auto& l : legal) {
        boundaries.push_back(l.period.start());
        if (l.period.end())
            boundaries.push_back(*l.period.end() - days{1});
    }
    for (const auto& c : periods) {
        boundaries.push_back(c.period.start());
        if (c.period.end())
            boundaries.push_back(*c.period.end() - days{1});
    }
    if (every_day)
        for (const auto& c : periods) {
            const date end = c.period.end() ? *c.period.end() : c.period.start() + days{400};
            for (date d = c.period.start(); d < end; d += days{1})
                boundaries.push_back(d);
        }
    for (const date d : boundaries) {
        int covering = 0;
        for (const auto& p : places)
            covering += p.period.contains(d) ? 1 : 0;
        if (covering > 2)
            fail("three or more placements on " + format_iso(d));
        if (auto msg = check_day_in_care(h, d))
            fail(*msg);
        if (!h.in_care_on(d) && h.placement_on(d) != nullptr)
            fail("a placement on " + format_iso(d) + " while not in care");
    }

    // Legal spells: in order, not overlapping, only the last open.
    for (std::size_t i = 0; i + 1 < legal.size(); ++i)
        if (!detail::before_or_meets(legal[i].period, legal[i + 1].period))
            fail("legal statuses overlap or are out of order");

    // Transitions: a move is exactly a change of carer.
    std::size_t moves = 0;
    for (const auto& t : h.transitions()) {
        if (t.from >= places.size() || t.to >= places.size()) {
            fail("transition points past the placements");
            continue;
        }
        const bool changed_carer = !same_carer(places[t.from].where, places[t.to].where);
        if (t.is_move != changed_carer)
            fail("transition on " + format_iso(t.on)
                 + (t.is_move ? " counted as a move with the same carer"
                              : " to a new carer not counted as a move"));
        moves += t.is_move ? 1 : 0;
    }
    if (h.moves().size() != moves)
        fail("moves() disagrees with the transitions");

    // Workers: at most one open allocation per role, allocations in order.
    for (const auto role : all_values<worker_role>()) {
        const worker_spell* prev = nullptr;
        for (const auto& w : h.workers()) {
            if (w.role != role)
                continue;
            if (prev && !detail::before_or_meets(prev->period, w.period))
                fail("two allocations of one role overlap");
            prev = &w;
        }
    }

    // Relationships: one ending per closed spell, only the last spell open, one current
    // relationship per person and kind.
    const auto& rels = h.relationships();
    for (std::size_t i = 0; i < rels.size(); ++i) {
        const auto& rel = rels[i];
        if (!rel.involves(h.subject().as_person))
            fail("a relationship not involving the child");
        const auto& spells = rel.spells();
        std::size_t closed = 0;
        for (std::size_t k = 0; k < spells.size(); ++k) {
            if (spells[k].is_open() && k + 1 != spells.size())
                fail("an earlier spell is open");
            closed += spells[k].is_open() ? 0 : 1;
        }
        if (closed != rel.endings().size())
            fail("a relationship ended without an ending");
        for (std::size_t j = i + 1; j < rels.size(); ++j)
            if (!rel.has_ended() && !rels[j].has_ended() && rel.kind() == rels[j].kind()
                && rel.other(h.subject().as_person) == rels[j].other(h.subject().as_person))
                fail("two current relationships of one kind with one person");
    }
    return broken;
}

} // namespace carepath::testing
