// Properties of the graph module over random care histories and random networks: continuity
// counts add up at every move, and the graph's queries agree with brute force.
#include "support/random_history.hpp"

#include "carepath/graph.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <cstddef>
#include <map>
#include <numeric>
#include <set>
#include <vector>

using namespace carepath;
using carepath::testing::propose_event;
using carepath::testing::random_child;
using carepath::testing::test_rng;

namespace {

care_history random_history(test_rng& r, std::size_t events) {
    care_history h{random_child(r)};
    for (std::size_t i = 0; i < events; ++i)
        (void)h.add(propose_event(r, h).event);
    return h;
}

// Brute force, from classify()'s documentation: the child had `rel` before a move on `d`
// unless it began on or after `d` or ended before `d - before`.
bool had_before(const relationship& rel, date d, graph::move_window w) {
    for (const auto& s : rel.spells()) {
        const bool starts_before = s.start() < d;
        const bool not_ended_before_window = !s.end() || *s.end() >= d - w.before;
        if (starts_before && not_ended_before_window)
            return true;
    }
    return false;
}

} // namespace

TEST_CASE("continuity: kept + ended + unrecorded equals the relationships before each move",
          "[property][continuity]") {
    const auto seed = GENERATE(range(0u, 300u));
    CAPTURE(seed);
    test_rng r{seed};
    const care_history h = random_history(r, 120);
    const graph::move_window w{days{r.between(0, 60)}, days{r.between(0, 120)}};
    const auto c = graph::continuity_across_moves(h, w);

    REQUIRE(c.moves.size() == h.moves().size());
    for (std::size_t i = 0; i < c.moves.size(); ++i) {
        const auto& m = c.moves[i];
        CAPTURE(i, format_iso(m.on));
        CHECK(m.on == h.moves()[i].on);
        std::size_t before = 0;
        for (const auto& rel : h.relationships())
            before += had_before(rel, m.on, w) ? 1 : 0;
        INFO("window " << w.before.count() << " days before, " << w.after.count()
                       << " after; history:\n"
                       << carepath::testing::dump(h));
        const std::size_t kept = m.count(graph::tie_outcome::kept);
        const std::size_t ended = m.count(graph::tie_outcome::ended);
        const std::size_t unrecorded = m.count(graph::tie_outcome::unrecorded);
        CHECK(kept + ended + unrecorded == before);
        CHECK(m.prior.size() == before);
        // An ending is never counted as kept, and an "ended" tie carries the ending that
        // falls in the window.
        for (const auto& t : m.prior) {
            if (t.outcome == graph::tie_outcome::ended) {
                REQUIRE(t.ending.has_value());
                CHECK(t.ending->on >= m.on - w.before);
                CHECK(t.ending->on <= m.on + w.after);
            } else {
                CHECK_FALSE(t.ending.has_value());
            }
        }
        if (const auto index = m.index()) {
            CHECK(*index >= 0.0);
            CHECK(*index <= 1.0);
            CHECK((kept + ended) > 0);
        } else {
            CHECK(kept + ended == 0);
        }
    }
    std::size_t gaps = 0;
    for (const auto& m : c.moves)
        gaps += m.count(graph::tie_outcome::unrecorded);
    CHECK(c.data_gaps() == gaps);
}

TEST_CASE("continuity: only changes of carer are moves, so only they are reported",
          "[property][continuity]") {
    // Moves are only changes of carer: the continuity report has one entry per move and none
    // for same-carer or legal changes, whatever the history.
    const auto seed = GENERATE(range(300u, 400u));
    CAPTURE(seed);
    test_rng r{seed};
    const care_history h = random_history(r, 120);
    std::size_t carer_changes = 0;
    for (const auto& t : h.transitions())
        carer_changes +=
            same_carer(h.placements()[t.from].where, h.placements()[t.to].where) ? 0 : 1;
    CHECK(graph::continuity_across_moves(h).moves.size() == carer_changes);
}

namespace {

struct random_network {
    std::vector<person> people;
    std::vector<relationship> rels;
};

// People 1..n with random ties of random kinds, some of them ended, some resumed.
random_network make_network(test_rng& r) {
    random_network net;
    const int n = r.between(2, 25);
    for (int i = 1; i <= n; ++i)
        net.people.push_back(
            {person_id{static_cast<std::uint32_t>(i)}, "p", person_role::other, {}});
    const int ties = r.between(0, 3 * n);
    const date base = *make_date(2015, 1, 1);
    for (int k = 0; k < ties; ++k) {
        const auto a = static_cast<std::uint32_t>(r.between(1, n));
        auto b = static_cast<std::uint32_t>(r.between(1, n));
        if (a == b)
            b = a % static_cast<std::uint32_t>(n) + 1;
        const auto kind = r.pick(kinds::builtin);
        relationship rel{person_id{a}, person_id{b}, kind, base + days{r.between(0, 2000)}};
        if (r.chance(40)) {
            const date end = rel.start() + days{r.between(0, 800)};
            REQUIRE(rel.end({end, end_reason::lost_contact, false, {}}));
            if (r.chance(30))
                REQUIRE(rel.resume(end + days{r.between(0, 300)}));
        }
        net.rels.push_back(rel);
    }
    return net;
}

} // namespace

TEST_CASE("relationship graph: ties on a day are exactly the spells that contain it",
          "[property][relationship_graph]") {
    const auto seed = GENERATE(range(0u, 200u));
    CAPTURE(seed);
    test_rng r{seed};
    const auto net = make_network(r);
    const graph::relationship_graph g{net.people, net.rels};

    std::size_t spells = 0;
    for (const auto& rel : net.rels)
        spells += rel.spells().size();
    CHECK(g.person_count() == net.people.size());
    CHECK(g.tie_count() == spells);

    for (int probe = 0; probe < 10; ++probe) {
        const date d = *make_date(2015, 1, 1) + days{r.between(-10, 3200)};
        for (const auto& p : net.people) {
            std::size_t expected = 0;
            for (const auto& rel : net.rels)
                if (rel.involves(p.id))
                    for (const auto& s : rel.spells())
                        expected += s.contains(d) ? 1 : 0;
            CAPTURE(p.id.value(), format_iso(d));
            CHECK(g.ties_on(p.id, d).size() == expected);
        }
    }
}

TEST_CASE("sibling groups: a partition matching the components of the sibling ties",
          "[property][siblings]") {
    const auto seed = GENERATE(range(0u, 200u));
    CAPTURE(seed);
    test_rng r{seed};
    const auto net = make_network(r);
    const graph::relationship_graph g{net.people, net.rels};

    // Union-find over sibling ties, by brute force.
    std::map<std::uint32_t, std::uint32_t> parent;
    for (const auto& p : net.people)
        parent[p.id.value()] = p.id.value();
    auto find = [&parent](std::uint32_t x) {
        while (parent[x] != x)
            x = parent[x] = parent[parent[x]];
        return x;
    };
    for (const auto& rel : net.rels)
        if (rel.kind().is_sibling())
            parent[find(rel.a().value())] = find(rel.b().value());
    std::map<std::uint32_t, std::vector<person_id>> by_root;
    for (const auto& p : net.people)
        by_root[find(p.id.value())].push_back(p.id);
    std::vector<std::vector<person_id>> expected;
    for (auto& [root, members] : by_root)
        if (members.size() >= 2) {
            std::ranges::sort(members);
            expected.push_back(members);
        }
    std::ranges::sort(expected);

    const auto groups = graph::sibling_groups(g);
    CHECK(groups == expected);
    std::set<person_id> seen;
    for (const auto& grp : groups)
        for (const auto p : grp)
            CHECK(seen.insert(p).second); // no one in two groups
}

// Found by the first property above (seed 19): a relationship ending exactly `before` days
// before a move falls inside the window, so it is counted as ended at that move, not left out.
TEST_CASE("continuity: an ending on the first day of the window counts against the move",
          "[property][continuity]") {
    child c;
    c.as_person = person_id{1};
    c.birth_date = *make_date(2012, 5, 4);
    const date d0 = *make_date(2020, 1, 6);
    care_history h{c};
    REQUIRE(h.add(entered_care{d0, legal_status::care_order,
                               placement::with_carer(placement_type::U6, carer_id{1})}));
    REQUIRE(
        h.add(relationship_begun{relationship{c.as_person, person_id{7}, kinds::grandparent, d0}}));
    const date move = d0 + days{100};
    const graph::move_window w{days{12}, days{8}};
    REQUIRE(h.add(relationship_ended{
        person_id{7}, kinds::grandparent, {move - w.before, end_reason::lost_contact, false, {}}}));
    REQUIRE(h.add(placement_changed{
        move, placement::with_carer(placement_type::U6, carer_id{2}), {}, false}));
    const auto c1 = graph::continuity_across_moves(h, w);
    REQUIRE(c1.moves.size() == 1);
    CHECK(c1.moves[0].count(graph::tie_outcome::ended) == 1);
    // One day earlier, the ending is outside the window and the relationship is not counted.
    const auto c2 = graph::continuity_across_moves(h, {days{11}, days{8}});
    CHECK(c2.moves[0].prior.empty());
}
