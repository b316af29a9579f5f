// Round trip as a property (issue 15, item 4): a care history rebuilt from its own `events()`
// answers every query exactly as the original does. Random histories come from
// tests/support/random_history.hpp, with contact days recorded the way the simulation records
// them (through `record_contact`, after the events), so a contact day that the event log
// forgets shows up as a difference.
#include "support/random_history.hpp"

#include "carepath/graph/continuity.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <cstddef>
#include <sstream>
#include <string>
#include <vector>

using namespace carepath;
using carepath::testing::propose_event;
using carepath::testing::random_child;
using carepath::testing::test_rng;

namespace {

constexpr std::size_t events_per_history = 80;

// Days worth asking about: every boundary of every spell, the day before each, and a few
// days well outside the history.
std::vector<date> days_to_ask(const care_history& h) {
    std::vector<date> out{h.subject().birth_date, date::min() + days{1}, *make_date(2040, 1, 1)};
    const auto note = [&out](const interval& i) {
        out.push_back(i.start());
        out.push_back(i.start() - days{1});
        out.push_back(i.start() + days{45});
        if (i.end()) {
            out.push_back(*i.end());
            out.push_back(*i.end() - days{1});
        }
    };
    for (const auto& p : h.periods()) note(p.period);
    for (const auto& p : h.placements()) note(p.period);
    for (const auto& l : h.legal_statuses()) note(l.period);
    for (const auto& w : h.workers()) note(w.period);
    for (const auto& r : h.relationships()) {
        for (const auto& s : r.spells()) note(s);
        for (const date d : r.contact_events()) {
            out.push_back(d);
            out.push_back(d + days{1});
        }
    }
    std::ranges::sort(out);
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
}

// Every query of care_history (and the graph's continuity, which reads contact days), as
// text, asked on `when`.
std::string answers(const care_history& h, const std::vector<date>& when) {
    std::ostringstream os;
    os << carepath::testing::dump(h);
    os << "in_care " << h.in_care() << " moves " << h.moves().size() << " carers "
       << h.distinct_carers().size() << '\n';
    for (const auto role : all_values<worker_role>())
        os << "worker_changes " << to_string(role) << ' ' << h.worker_changes(role) << '\n';
    for (const auto& e : h.episode_starts())
        os << "episode " << format_iso(e.on) << ' ' << to_string(e.change) << '\n';
    for (const auto& r : h.relationships()) {
        os << "rel " << r.other(h.subject().as_person).value() << ' ' << r.kind() << " met";
        for (const date d : r.contact_events()) os << ' ' << format_iso(d);
        os << '\n';
    }
    for (const date d : when) {
        os << format_iso(d) << ": in_care=" << h.in_care_on(d);
        if (const auto* p = h.placement_on(d)) os << " placement=" << to_string(p->where.type);
        if (const auto s = h.legal_status_on(d)) os << " legal=" << to_string(*s);
        os << " moves_to=" << h.moves_between(date::min(), d)
           << " carers=" << h.distinct_carers(d).size() << " days=" << h.time_in_care(d).count();
        for (const auto role : all_values<worker_role>())
            if (const auto w = h.worker_on(d, role)) os << ' ' << to_string(role) << '=' << w->value();
        for (const auto& r : h.relationships()) {
            os << " [" << r.active_on(d) << r.contact_between(d, d + days{1})
               << r.contact_between(d, d + days{120});
            if (const auto c = r.contact_on(d)) os << to_string(c->mode) << to_string(c->frequency);
            os << ']';
        }
        std::ostringstream summary;
        summary << summarise(h, d);
        os << '\n' << summary.str();
    }
    const auto continuity = graph::continuity_across_moves(h);
    for (const auto& m : continuity.moves) {
        os << "move " << format_iso(m.on);
        for (const auto& t : m.prior)
            os << ' ' << t.other.value() << ':' << t.kind << '=' << to_string(t.outcome);
        os << " gained " << m.gained.size() << '\n';
    }
    os << "data gaps " << continuity.data_gaps() << '\n';
    return os.str();
}

// Records a contact day on one of the child's relationships, sometimes on a day it did not
// exist (refused, which must leave no trace either).
void maybe_record_contact(test_rng& r, care_history& h) {
    if (h.relationships().empty() || !r.chance(30)) return;
    const auto& rels = h.relationships();
    const auto& rel = rels[static_cast<std::size_t>(r.below(rels.size()))];
    const auto& spell = rel.spells()[static_cast<std::size_t>(r.below(rel.spells().size()))];
    const date d = spell.start() + days{r.between(-10, 400)};
    (void)h.record_contact(rel.other(h.subject().as_person), rel.kind(), d);
}

} // namespace

TEST_CASE("care history round trip: rebuilt from its events, a history answers every query "
          "as the original does",
          "[property][care_history][roundtrip]") {
    const auto seed = GENERATE(range(5000u, 5200u));
    CAPTURE(seed);
    test_rng r{seed};
    care_history original{random_child(r)};
    for (std::size_t i = 0; i < events_per_history; ++i) {
        (void)original.add(propose_event(r, original).event);
        maybe_record_contact(r, original);
    }
    care_history rebuilt{original.subject()};
    for (const auto& e : original.events()) {
        const auto s = rebuilt.add(e);
        INFO((s.ok() ? std::string{} : to_string(s.error())));
        REQUIRE(s.ok());
    }
    const auto when = days_to_ask(original);
    const auto want = answers(original, when);
    const auto got = answers(rebuilt, when);
    if (got != want) {
        // Point at the first line that differs rather than printing two long texts.
        std::istringstream a{want}, b{got};
        std::string la, lb;
        std::size_t line = 0;
        while (std::getline(a, la) && std::getline(b, lb) && la == lb) ++line;
        INFO("first difference at line " << line << ":\n original: " << la << "\n rebuilt:  "
                                         << lb);
        CHECK(got == want);
    }
}

TEST_CASE("care history round trip: the random histories record contact days that matter",
          "[property][care_history][roundtrip]") {
    // Guards the property above: over these seeds contact days are recorded and some tie is
    // scored kept at a move because of one.
    std::size_t contact_days = 0;
    std::size_t kept = 0;
    for (std::uint64_t seed = 5000; seed < 5200; ++seed) {
        test_rng r{seed};
        care_history h{random_child(r)};
        for (std::size_t i = 0; i < events_per_history; ++i) {
            (void)h.add(propose_event(r, h).event);
            maybe_record_contact(r, h);
        }
        for (const auto& rel : h.relationships()) contact_days += rel.contact_events().size();
        for (const auto& m : graph::continuity_across_moves(h).moves)
            kept += m.count(graph::tie_outcome::kept);
    }
    CHECK(contact_days > 100);
    CHECK(kept > 10);
}
