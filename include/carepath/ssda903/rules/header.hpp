#pragma once
/// @file
/// DfE rules on the Header table (one row per child), alone or joined to the child's episodes.
/// What each code checks is in docs/ssda903-rules.md; the wording is the catalogue's.
#include "carepath/ssda903/rules/common.hpp"

#include <unordered_map>

namespace carepath::ssda903::rules {

namespace detail_header {
/// True for UN1-UN5 or a 13-character UPN: a letter (not I, O, S), 11 digits, a digit or letter.
inline bool valid_upn(std::string_view u) noexcept {
    if (one_of(u, {"UN1", "UN2", "UN3", "UN4", "UN5"})) return true;
    if (u.size() != 13 || u[0] < 'A' || u[0] > 'Z' || u[0] == 'I' || u[0] == 'O' || u[0] == 'S')
        return false;
    for (std::size_t i = 1; i < 12; ++i)
        if (u[i] < '0' || u[i] > '9') return false;
    return (u[12] >= '0' && u[12] <= '9') || (u[12] >= 'A' && u[12] <= 'Z');
}
/// Header rows whose SEX is not one of `l`.
inline void sex_codes(const context& c, const sink& s, std::initializer_list<std::string_view> l) {
    each_header(c, s, [&](const header_row& h) { return !one_of(c.get(h, hd::sex), l); });
}
/// Rule 174: a male child with MC_DOB (the date of birth of the child's own child).
inline void male_mother(const context& c, const sink& s) {
    each_header(c, s, [&](const header_row& h) {
        return male(c.get(h, hd::sex), c.year()) && !c.get(h, hd::mc_dob).empty();
    });
}
/// Rule 393: a female child, MOTHER blank, with an episode that is not a short break.
inline void female_without_mother_field(const context& c, const sink& s) {
    each_header(c, s, [&](const header_row& h) {
        if (!female(c.get(h, hd::sex), c.year()) || !c.get(h, hd::mother).empty()) return false;
        for (const auto* e : c.episodes_of(h.child))
            if (!short_break(c.get(*e, ep::ls))) return true;
        return false;
    });
}
/// Rule 607: a female child, MOTHER blank, whose episode ended in the year (not a short break).
inline void ceased_without_mother_field(const context& c, const sink& s) {
    for (const auto& e : c.episodes()) {
        const auto rec = c.get(e, ep::rec);
        if (!e.dec || rec.empty() || rec == "X1" || short_break(c.get(e, ep::ls))) continue;
        if (*e.dec < c.collection_start() || *e.dec > c.collection_end()) continue;
        const auto* h = c.header_of(e.child);
        if (!h || !female(c.get(*h, hd::sex), c.year()) || !c.get(*h, hd::mother).empty())
            continue;
        s.add(c, e);
        s.add(c, *h);
    }
}
/// Rule 612: a female child with MC_DOB although MOTHER is 0 or blank.
inline void mc_dob_not_mother(const context& c, const sink& s) {
    each_header(c, s, [&](const header_row& h) {
        const auto m = c.get(h, hd::mother);
        return (m == "0" || m.empty()) && female(c.get(h, hd::sex), c.year())
               && !c.get(h, hd::mc_dob).empty();
    });
}
/// Reports each of a child's episodes for which `bad(episode, dob)` holds, and the Header row
/// once per reported episode, as the DfE does for rules on both tables.
template <class Pred>
void episode_and_header(const context& c, const sink& s, Pred bad) {
    for (const auto& e : c.episodes()) {
        const auto* h = c.header_of(e.child);
        if (!h || !h->dob || !bad(e, *h->dob)) continue;
        s.add(c, e);
        s.add(c, *h);
    }
}
/// Episodes for which `bad(episode, dob)` holds (child must have a Header date of birth).
template <class Pred>
void episode_with_dob(const context& c, const sink& s, Pred bad) {
    each_episode(c, s, [&](const episode& e) {
        const auto dob = c.dob_of(e.child);
        return dob && bad(e, *dob);
    });
}
} // namespace detail_header

/// The rules on Header, and on Header joined to Episodes.
[[nodiscard]] inline std::vector<rule> header_rules() {
    using namespace detail_header;
    return {
        rule{"101", 2020, 2024,
             [](const context& c, const sink& s) { sex_codes(c, s, {"1", "2"}); }},
        rule{"101", 2025, 2027,
             [](const context& c, const sink& s) { sex_codes(c, s, {"M", "F", "U"}); }},
        rule{"102", 2020, 2027,
             [](const context& c, const sink& s) {
                 each_header(c, s, [](const header_row& h) { return !h.dob; });
             }},
        rule{"103", 2020, 2027,
             [](const context& c, const sink& s) {
                 each_header(c, s, [&](const header_row& h) {
                     return !one_of(c.get(h, hd::ethnic),
                                    {"WBRI", "WIRI", "WOTH", "WIRT", "WROM", "MWBC", "MWBA",
                                     "MWAS", "MOTH", "AIND", "APKN", "ABAN", "AOTH", "BCRB",
                                     "BAFR", "BOTH", "CHNE", "OOTH", "REFU", "NOBT"});
                 });
             }},
        // 105 applies to the XML form only, whose Header carries UASC; CSV Headers have none.
        rule{"105", 2020, 2027,
             [](const context& c, const sink& s) {
                 if (!c.has_column(hd::uasc)) return;
                 each_header(c, s,
                             [&](const header_row& h) { return !one_of(c.get(h, hd::uasc), {"0", "1"}); });
             }},
        rule{"168", 2020, 2027,
             [](const context& c, const sink& s) {
                 each_header(c, s, [&](const header_row& h) {
                     const auto u = c.get(h, hd::upn);
                     return !u.empty() && !valid_upn(u);
                 });
             }},
        rule{"171", 2020, 2027,
             [](const context& c, const sink& s) {
                 each_header(c, s, [&](const header_row& h) { return bad_date(c.get(h, hd::mc_dob)); });
             }},
        rule{"174", 2020, 2027, male_mother},
        rule{"209", 2020, 2027,
             [](const context& c, const sink& s) {
                 // School age: 4 or over on 31 August before the collection year started.
                 const auto ref = make_date(year_of(c.collection_start()) - 1, 8, 31).value();
                 each_header(c, s, [&](const header_row& h) {
                     return c.get(h, hd::upn) == "UN1" && h.dob && add_years(*h.dob, 4) <= ref;
                 });
             }},
        // The validator reports UN4 for children who *started* on or after 24 March, the
        // opposite of the DfE message; carepath checks what the message says: UN4 is for
        // children newly looked after, so a child in care at 31 March whose care began
        // before 24 March must not have it.
        rule{"210", 2020, 2027,
             [](const context& c, const sink& s) {
                 const auto ref = make_date(c.year(), 3, 24).value();
                 each_header(c, s, [&](const header_row& h) {
                     if (c.get(h, hd::upn) != "UN4") return false;
                     bool open = false;
                     bool early = false;
                     for (const auto* e : c.episodes_of(h.child)) {
                         open = open || c.get(*e, ep::dec).empty();
                         early = early || (e->decom && *e->decom < ref);
                     }
                     return open && early;
                 });
             }},
        rule{"231", 2025, 2027,
             [](const context& c, const sink& s) {
                 each_header(c, s, [&](const header_row& h) {
                     return h.dob && c.get(h, hd::uasc_status) == "1"
                            && *h.dob > add_years(c.collection_end(), -11);
                 });
             }},
        rule{"232", 2025, 2027,
             [](const context& c, const sink& s) {
                 each_header(c, s, [&](const header_row& h) { return c.get(h, hd::sex) == "U"; });
             }},
        rule{"234", 2026, 2027,
             [](const context& c, const sink& s) {
                 episode_and_header(c, s, [&](const episode& e, date dob) {
                     return c.get(e, ep::reason_place_change) == "CUSTOD" && e.decom
                            && add_years(dob, 10) > *e.decom;
                 });
             }},
        rule{"301", 2020, 2027,
             [](const context& c, const sink& s) {
                 each_header(c, s,
                             [&](const header_row& h) { return h.dob && *h.dob > c.collection_end(); });
             }},
        rule{"302", 2020, 2027,
             [](const context& c, const sink& s) {
                 each_child(c, [&](std::uint32_t k, std::span<const episode* const> eps) {
                     const auto* h = c.header_of(k);
                     const auto& first = *eps.front();
                     if (!h || !h->dob || !first.decom || *h->dob <= *first.decom) return;
                     s.add(c, first);
                     s.add(c, *h);
                 });
             }},
        rule{"351", 2020, 2027,
             [](const context& c, const sink& s) {
                 each_header(c, s, [&](const header_row& h) {
                     return h.dob && c.collection_start() > add_years(*h.dob, 25);
                 });
             }},
        rule{"352", 2020, 2027,
             [](const context& c, const sink& s) {
                 episode_with_dob(c, s, [&](const episode& e, date dob) {
                     return c.get(e, ep::rne) == "S" && e.decom && add_years(dob, 18) <= *e.decom;
                 });
             }},
        rule{"358", 2020, 2027,
             [](const context& c, const sink& s) {
                 episode_and_header(c, s, [&](const episode& e, date dob) {
                     return one_of(c.get(e, ep::ls), {"J1", "J2", "J3"}) && e.decom
                            && add_years(dob, 10) >= *e.decom;
                 });
             }},
        rule{"359", 2020, 2027,
             [](const context& c, const sink& s) {
                 episode_with_dob(c, s, [&](const episode& e, date dob) {
                     return add_years(dob, 18) < c.collection_end() && c.get(e, ep::dec).empty()
                            && !(c.get(e, ep::ls) == "V2" && c.get(e, ep::place) == "K2");
                 });
             }},
        rule{"370", 2020, 2023,
             [](const context& c, const sink& s) { placement_min_age(c, s, "P2", 15); }},
        rule{"370", 2024, 2024,
             [](const context& c, const sink& s) { placement_min_age(c, s, "P2", 16); }},
        rule{"371", 2020, 2023,
             [](const context& c, const sink& s) { placement_min_age(c, s, "H5", 14); }},
        rule{"371", 2024, 2024,
             [](const context& c, const sink& s) { placement_min_age(c, s, "H5", 16); }},
        rule{"371", 2025, 2027,
             [](const context& c, const sink& s) { placement_min_age(c, s, "K3", 16); }},
        rule{"372", 2020, 2027,
             [](const context& c, const sink& s) { placement_min_age(c, s, "R5", 10); }},
        rule{"373", 2020, 2027,
             [](const context& c, const sink& s) { placement_min_age(c, s, "S1", 4); }},
        rule{"374", 2020, 2027,
             [](const context& c, const sink& s) { placement_min_age(c, s, "P3", 14); }},
        rule{"375", 2020, 2027,
             [](const context& c, const sink& s) { placement_max_days(c, s, "T1", 42); }},
        rule{"376", 2020, 2027,
             [](const context& c, const sink& s) { placement_max_days(c, s, "T3", 21); }},
        rule{"379", 2020, 2027,
             [](const context& c, const sink& s) { placement_max_days(c, s, "T4", 7); }},
        rule{"386", 2020, 2027,
             [](const context& c, const sink& s) {
                 episode_with_dob(c, s, [&](const episode& e, date dob) {
                     return one_of(c.get(e, ep::rec), {"E11", "E12"}) && e.dec
                            && add_years(dob, 18) <= *e.dec;
                 });
             }},
        rule{"387", 2020, 2027,
             [](const context& c, const sink& s) {
                 episode_with_dob(c, s, [&](const episode& e, date dob) {
                     return one_of(c.get(e, ep::rec), {"E5", "E6"}) && e.dec
                            && *e.dec < add_years(dob, 14);
                 });
             }},
        rule{"389", 2020, 2027,
             [](const context& c, const sink& s) {
                 episode_with_dob(c, s, [&](const episode& e, date dob) {
                     return c.get(e, ep::rec) == "E7" && e.dec && *e.dec < add_years(dob, 16);
                 });
             }},
        rule{"393", 2020, 2027, female_without_mother_field},
        rule{"407", 2020, 2027,
             [](const context& c, const sink& s) {
                 episode_and_header(c, s, [&](const episode& e, date dob) {
                     return one_of(c.get(e, ep::rec), {"E45", "E46", "E47", "E48"}) && e.dec
                            && add_years(dob, 18) < *e.dec;
                 });
             }},
        rule{"442", 2020, 2027,
             [](const context& c, const sink& s) {
                 each_header(c, s, [&](const header_row& h) {
                     if (!c.get(h, hd::upn).empty()) return false;
                     for (const auto* e : c.episodes_of(h.child))
                         if (!short_break(c.get(*e, ep::ls))) return true;
                     return false;
                 });
             }},
        rule{"444", 2026, 2027,
             [](const context& c, const sink& s) {
                 std::unordered_map<std::string_view, int> seen;
                 for (const auto& h : c.headers()) {
                     const auto u = c.get(h, hd::upn);
                     if (!u.empty() && !one_of(u, {"UN1", "UN2", "UN3", "UN4", "UN5"})) ++seen[u];
                 }
                 each_header(c, s, [&](const header_row& h) {
                     const auto it = seen.find(c.get(h, hd::upn));
                     return it != seen.end() && it->second > 1;
                 });
             }},
        rule{"460", 2020, 2027,
             [](const context& c, const sink& s) {
                 episode_with_dob(c, s, [&](const episode& e, date dob) {
                     return c.get(e, ep::rec) == "E17" && e.dec && add_years(dob, 18) > *e.dec;
                 });
             }},
        rule{"607", 2020, 2027, ceased_without_mother_field},
        rule{"611", 2020, 2027,
             [](const context& c, const sink& s) {
                 each_header(c, s, [&](const header_row& h) {
                     return c.get(h, hd::mother) == "1" && c.get(h, hd::mc_dob).empty();
                 });
             }},
        rule{"612", 2020, 2027, mc_dob_not_mother},
        rule{"620", 2020, 2027,
             [](const context& c, const sink& s) {
                 each_header(c, s, [&](const header_row& h) {
                     return c.get(h, hd::mother) == "1" && h.dob
                            && add_years(*h.dob, 11) > c.collection_start();
                 });
             }},
        rule{"621", 2020, 2027,
             [](const context& c, const sink& s) {
                 each_header(c, s, [&](const header_row& h) {
                     const auto mc = to_date(c.get(h, hd::mc_dob));
                     return mc && h.dob && *mc <= *h.dob;
                 });
             }},
        rule{"625", 2020, 2027,
             [](const context& c, const sink& s) {
                 each_child(c, [&](std::uint32_t k, std::span<const episode* const> eps) {
                     const auto* h = c.header_of(k);
                     if (!h) return;
                     const auto mc = to_date(c.get(*h, hd::mc_dob));
                     if (!mc) return;
                     const episode* latest = nullptr; // the first episode with the latest DEC
                     for (const auto* e : eps)
                         if (e->dec && (!latest || *e->dec > *latest->dec
                                        || (*e->dec == *latest->dec && e->index < latest->index)))
                             latest = e;
                     if (!latest) return;
                     if (*mc > c.collection_end() || *mc > *latest->dec) {
                         s.add(c, *latest);
                         s.add(c, *h);
                     }
                 });
             }},
        rule{"EPI", 2020, 2027,
             [](const context& c, const sink& s) {
                 const auto oc3 = children_in(c, "OC3");
                 each_header(c, s, [&](const header_row& h) {
                     return c.episodes_of(h.child).empty() && !oc3.count(c.get(h, hd::child));
                 });
             }},
        rule{"INT03", 2020, 2027,
             [](const context& c, const sink& s) {
                 if (!c.header_table()) return;
                 each_episode(c, s, [&](const episode& e) { return !c.header_of(e.child); });
             }},
        rule{"INT32", 2020, 2027,
             [](const context& c, const sink& s) {
                 std::vector<int> count(c.child_count(), 0);
                 for (const auto& h : c.headers()) ++count[h.child];
                 each_header(c, s, [&](const header_row& h) { return count[h.child] > 1; });
             }},
    };
}

} // namespace carepath::ssda903::rules
