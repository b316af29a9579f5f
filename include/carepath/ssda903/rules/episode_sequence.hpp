#pragma once
/// @file
/// DfE rules on a child's episodes taken in date order: how one episode follows another
/// (RNE against what changed, X1 continuations, leaving care and coming back, overlaps,
/// temporary placements and the return from them) and how long a legal status lasts.
#include "carepath/ssda903/rules/common.hpp"

#include <algorithm>

namespace carepath::ssda903::rules {

namespace detail_sequence {
/// True when any placement detail (PLACE, PL_POST, URN, PLACE_PROVIDER) differs between two
/// episodes. Blank cells compare equal: "nothing recorded" did not change.
inline bool placement_changed(const context& c, const episode& a, const episode& b) {
    for (const ep f : {ep::place, ep::pl_post, ep::urn, ep::place_provider})
        if (c.get(a, f) != c.get(b, f)) return true;
    return false;
}
/// Runs of consecutive episodes with legal status `ls` that follow on without a gap (one's
/// DEC is the next one's DECOM; an open episode ends at 31 March): reports every episode of a
/// run lasting more than `max_days`.
inline void legal_status_max_days(const context& c, const sink& s, std::string_view ls,
                                  int max_days) {
    each_child(c, [&](std::uint32_t, std::span<const episode* const> eps) {
        std::size_t i = 0;
        while (i < eps.size()) {
            if (c.get(*eps[i], ep::ls) != ls || !eps[i]->decom) {
                ++i;
                continue;
            }
            std::size_t j = i;
            date first = *eps[i]->decom;
            auto last = dec_or_end(c, *eps[i]);
            while (j + 1 < eps.size() && c.get(*eps[j + 1], ep::ls) == ls && eps[j + 1]->decom
                   && last && *last == *eps[j + 1]->decom) {
                ++j;
                const auto next_end = dec_or_end(c, *eps[j]);
                if (next_end && *next_end > *last) last = next_end;
            }
            if (last && *last - first > days{max_days})
                for (std::size_t k = i; k <= j; ++k) s.add(c, *eps[k]);
            i = j + 1;
        }
    });
}
/// The child's episodes with PLACE in `places` after their previous episode's DEC or REC.
inline void after_temporary(const context& c, const sink& s, bool check_postcode) {
    each_child(c, [&](std::uint32_t, std::span<const episode* const> eps) {
        for (std::size_t i = 2; i < eps.size(); ++i) {
            const auto& before = *eps[i - 2];
            const auto& during = *eps[i - 1];
            const auto& after = *eps[i];
            if (!temporary(c.get(during, ep::place))) continue;
            if (c.get(after, ep::rne) != "P" || c.get(after, ep::place) != c.get(before, ep::place)
                || (check_postcode && c.get(after, ep::pl_post) != c.get(before, ep::pl_post)))
                s.add(c, after);
        }
    });
}
} // namespace detail_sequence

/// The rules on each child's sequence of episodes.
[[nodiscard]] inline std::vector<rule> episode_sequence_rules() {
    using namespace detail_sequence;
    return {
        rule{"142", 2020, 2027,
             [](const context& c, const sink& s) {
                 each_child(c, [&](std::uint32_t, std::span<const episode* const> eps) {
                     for (std::size_t i = 0; i + 1 < eps.size(); ++i) {
                         const auto& e = *eps[i];
                         if (e.decom && (!e.dec || c.get(e, ep::rec).empty())) s.add(c, e);
                     }
                 });
             }},
        rule{"199", 2020, 2027,
             [](const context& c, const sink& s) {
                 each_child(c, [&](std::uint32_t, std::span<const episode* const> eps) {
                     bool adopted = false;
                     for (const auto* e : eps) {
                         if (!e->decom) continue;
                         const bool now = one_of(c.get(*e, ep::rec), {"E11", "E12"});
                         if (adopted) s.add(c, *e);
                         adopted = adopted || now;
                     }
                 });
             }},
        rule{"225", 2020, 2027,
             [](const context& c, const sink& s) {
                 each_pair(c, [&](const episode& prev, const episode& next) {
                     if (c.get(prev, ep::rec) == "X1" && c.get(prev, ep::reason_place_change).empty()
                         && !temporary(c.get(prev, ep::place))
                         && one_of(c.get(next, ep::rne), {"P", "B", "T", "U"})
                         && !temporary(c.get(next, ep::place)))
                         s.add(c, prev);
                 });
             }},
        rule{"226", 2020, 2027,
             [](const context& c, const sink& s) {
                 each_child(c, [&](std::uint32_t, std::span<const episode* const> eps) {
                     for (std::size_t i = 0; i < eps.size(); ++i) {
                         const auto& e = *eps[i];
                         if (!temporary(c.get(e, ep::place))) continue;
                         if (!c.get(e, ep::reason_place_change).empty()
                             || (i > 0 && !c.get(*eps[i - 1], ep::reason_place_change).empty()))
                             s.add(c, e);
                     }
                 });
             }},
        rule{"336", 2020, 2027,
             [](const context& c, const sink& s) {
                 each_pair(c, [&](const episode& prev, const episode& e) {
                     if (one_of(c.get(e, ep::place), {"A3", "A4"})
                         && !one_of(c.get(prev, ep::place), {"A3", "A4", "A5", "A6", "U1", "U2",
                                                             "U3", "U4", "U5", "U6"}))
                         s.add(c, e);
                 });
             }},
        rule{"357", 2020, 2027,
             [](const context& c, const sink& s) {
                 each_child(c, [&](std::uint32_t, std::span<const episode* const> eps) {
                     const auto& first = *eps.front();
                     if (first.decom && *first.decom >= c.collection_start()
                         && c.get(first, ep::rne) != "S")
                         s.add(c, first);
                 });
             }},
        rule{"361", 2020, 2027,
             [](const context& c, const sink& s) { legal_status_max_days(c, s, "L1", 3); }},
        rule{"362", 2020, 2027,
             [](const context& c, const sink& s) { legal_status_max_days(c, s, "L2", 21); }},
        rule{"363", 2020, 2027,
             [](const context& c, const sink& s) { legal_status_max_days(c, s, "L3", 7); }},
        rule{"364", 2020, 2027,
             [](const context& c, const sink& s) { legal_status_max_days(c, s, "J2", 21); }},
        rule{"367", 2020, 2027,
             [](const context& c, const sink& s) {
                 each_child(c, [&](std::uint32_t, std::span<const episode* const> eps) {
                     // Respite days inside the collection year, counting each V3 episode.
                     long total = 0;
                     std::vector<const episode*> counted;
                     for (const auto* e : eps) {
                         if (c.get(*e, ep::ls) != "V3" || !e->decom) continue;
                         auto end = dec_or_end(c, *e);
                         if (!end || *end > c.collection_end()) end = c.collection_end();
                         const date start = std::max(*e->decom, c.collection_start());
                         const auto n = (*end - start).count();
                         if (n > 0) {
                             total += n;
                             counted.push_back(e);
                         }
                     }
                     if (total > 75)
                         for (const auto* e : counted) s.add(c, *e);
                 });
             }},
        rule{"377", 2020, 2027,
             [](const context& c, const sink& s) {
                 each_child(c, [&](std::uint32_t, std::span<const episode* const> eps) {
                     std::vector<const episode*> t3;
                     for (const auto* e : eps)
                         if (c.get(*e, ep::place) == "T3") t3.push_back(e);
                     if (t3.size() > 2)
                         for (const auto* e : t3) s.add(c, *e);
                 });
             }},
        rule{"383", 2020, 2025,
             [](const context& c, const sink& s) { after_temporary(c, s, false); }},
        rule{"383", 2026, 2027,
             [](const context& c, const sink& s) { after_temporary(c, s, true); }},
        rule{"388", 2020, 2027,
             [](const context& c, const sink& s) {
                 // The DfE puts an episode without a readable DECOM first (dated 1901), so
                 // the X1 chain is checked from the dated episodes onwards.
                 std::vector<const episode*> eps;
                 each_child(c, [&](std::uint32_t, std::span<const episode* const> dated_first) {
                     eps.assign(dated_first.begin(), dated_first.end());
                     std::stable_partition(eps.begin(), eps.end(),
                                           [](const episode* e) { return !e->decom; });
                     for (std::size_t i = 0; i < eps.size(); ++i) {
                         const auto& e = *eps[i];
                         const auto rec = c.get(e, ep::rec);
                         if (!e.dec || rec.empty()) continue;
                         if (i + 1 == eps.size()) {
                             if (rec == "X1") s.add(c, e); // the last episode cannot continue
                             continue;
                         }
                         const auto& next = eps[i + 1]->decom;
                         if (!next) continue;
                         if ((rec == "X1") != (*e.dec == *next)) s.add(c, e);
                     }
                 });
             }},
        rule{"426", 2020, 2027,
             [](const context& c, const sink& s) {
                 each_child(c, [&](std::uint32_t, std::span<const episode* const> eps) {
                     bool v3 = false;
                     bool v4 = false;
                     for (const auto* e : eps) {
                         v3 = v3 || c.get(*e, ep::ls) == "V3";
                         v4 = v4 || c.get(*e, ep::ls) == "V4";
                     }
                     if (v3 && v4)
                         for (const auto* e : eps)
                             if (short_break(c.get(*e, ep::ls))) s.add(c, *e);
                 });
             }},
        rule{"431", 2020, 2027,
             [](const context& c, const sink& s) {
                 each_pair(c, [&](const episode& prev, const episode& e) {
                     if (c.get(e, ep::rne) == "S" && e.decom && prev.dec && *e.decom <= *prev.dec)
                         s.add(c, e);
                 });
             }},
        rule{"432", 2020, 2027,
             [](const context& c, const sink& s) {
                 each_pair(c, [&](const episode& prev, const episode& e) {
                     if (leaves_care(c.get(prev, ep::rec)) && c.get(e, ep::rne) != "S") s.add(c, e);
                 });
             }},
        rule{"433", 2020, 2027,
             [](const context& c, const sink& s) {
                 each_pair(c, [&](const episode& prev, const episode& e) {
                     if (!one_of(c.get(e, ep::rne), {"P", "L", "T", "U", "B"})) return;
                     const auto prev_dec = c.get(prev, ep::dec);
                     const auto decom = c.get(e, ep::decom);
                     if (prev_dec.empty() || decom.empty() || !prev.dec || !e.decom
                         || *prev.dec != *e.decom)
                         s.add(c, e);
                 });
             }},
        rule{"434", 2020, 2027,
             [](const context& c, const sink& s) {
                 each_pair(c, [&](const episode& prev, const episode& e) {
                     if (c.get(e, ep::rne) == "L"
                         && (c.get(e, ep::ls) == c.get(prev, ep::ls) || placement_changed(c, prev, e)))
                         s.add(c, e);
                 });
             }},
        rule{"435", 2020, 2027,
             [](const context& c, const sink& s) {
                 each_pair(c, [&](const episode& prev, const episode& e) {
                     if (one_of(c.get(e, ep::rne), {"P", "T"})
                         && (c.get(e, ep::ls) != c.get(prev, ep::ls) || !placement_changed(c, prev, e)))
                         s.add(c, e);
                 });
             }},
        rule{"436", 2020, 2027,
             [](const context& c, const sink& s) {
                 each_pair(c, [&](const episode& prev, const episode& e) {
                     if (one_of(c.get(e, ep::rne), {"U", "B"})
                         && (c.get(e, ep::ls) == c.get(prev, ep::ls) || !placement_changed(c, prev, e)))
                         s.add(c, e);
                 });
             }},
        rule{"437", 2020, 2027,
             [](const context& c, const sink& s) {
                 each_pair(c, [&](const episode& prev, const episode&) {
                     if (prev.decom && one_of(c.get(prev, ep::rec), {"E2", "E15"})) s.add(c, prev);
                 });
             }},
        rule{"501", 2020, 2027,
             [](const context& c, const sink& s) {
                 each_pair(c, [&](const episode& prev, const episode& e) {
                     if (e.decom && prev.dec && *e.decom < *prev.dec) s.add(c, e);
                 });
             }},
        rule{"504", 2020, 2027,
             [](const context& c, const sink& s) {
                 each_pair(c, [&](const episode& prev, const episode& e) {
                     if (c.get(prev, ep::rec) == "X1" && prev.dec && e.decom && *prev.dec == *e.decom
                         && c.get(prev, ep::cin) != c.get(e, ep::cin))
                         s.add(c, e);
                 });
             }},
    };
}

} // namespace carepath::ssda903::rules
