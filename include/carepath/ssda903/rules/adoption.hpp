#pragma once
/// @file
/// DfE rules on adoption: AD1 (children adopted in the year) and PlacedAdoption (decisions that
/// a child should, and later should no longer, be placed for adoption), alone and against the
/// child's episodes.
#include "carepath/ssda903/rules/common.hpp"

#include <algorithm>
#include <unordered_set>

namespace carepath::ssda903::rules {

namespace detail_adoption {
// AD1 columns in this order: CHILD, DOB, then the six adoption items.
/// AD1 columns the rules read.
inline const std::initializer_list<std::string_view> ad1_cols = {
    "CHILD", "DOB", "DATE_INT", "DATE_MATCH", "FOSTER_CARE", "NB_ADOPTR", "SEX_ADOPTR",
    "LS_ADOPTR"};
/// Positions in `ad1_cols`.
enum ad : std::size_t { a_child, a_dob, date_int, date_match, foster_care, nb, sex, ls_adoptr };
/// PlacedAdoption columns: CHILD, DOB, then the placement and its ending.
inline const std::initializer_list<std::string_view> pa_cols = {
    "CHILD", "DOB", "DATE_PLACED", "DATE_PLACED_CEASED", "REASON_PLACED_CEASED"};
/// Positions in `pa_cols`.
enum pa : std::size_t { p_child, p_dob, placed, ceased, reason };

/// AD1 rows whose legal status of adopters is `ls` and whose adopters' sexes are not `sexes`.
inline void adopters(const context& c, const sink& s, std::string_view ls,
                     std::initializer_list<std::string_view> sexes) {
    each_bad_row(c, s, "AD1", ad1_cols, [&](const row& r, const columns& col) {
        return col(r, ls_adoptr) == ls && !one_of(col(r, sex), sexes);
    });
}
/// The child's episodes (by CHILD text).
inline std::span<const episode* const> episodes_of(const context& c, std::string_view child) {
    const auto k = c.child_number(child);
    return k ? c.episodes_of(*k) : std::span<const episode* const>{};
}
/// An adoption episode ending in the collection year (REC E11/E12).
inline bool adopted_in_year(const context& c, const episode& e) {
    return one_of(c.get(e, ep::rec), {"E11", "E12"}) && e.dec && *e.dec >= c.collection_start()
           && *e.dec <= c.collection_end();
}
/// True for PLACE A3-A6: placed for adoption.
inline bool placed_for_adoption(std::string_view place) {
    return one_of(place, {"A3", "A4", "A5", "A6"});
}
/// For each episode `pick` chooses per child, reports it and the PlacedAdoption rows of the
/// child for which `bad(episode, row)` holds.
template <class Pick, class Bad>
void episode_vs_placed(const context& c, const sink& s, Pick pick, Bad bad) {
    const by_child pa{c, "PlacedAdoption", pa_cols};
    if (!pa.present() || !c.episodes_table()) return;
    each_child(c, [&](std::uint32_t, std::span<const episode* const> eps) {
        const episode* e = pick(eps);
        if (!e) return;
        for (const auto* r : pa.of(c.get(*e, ep::child)))
            if (bad(*e, *r, pa.col())) {
                s.add(c, *e);
                pa.add(s, *r);
            }
    });
}
/// The first (or last) episode in date order for which `keep` holds.
template <class Keep>
const episode* first_where(std::span<const episode* const> eps, Keep keep) {
    for (const auto* e : eps)
        if (e->decom && keep(*e)) return e;
    return nullptr;
}
/// The last episode in date order for which `keep` holds.
template <class Keep>
const episode* last_where(std::span<const episode* const> eps, Keep keep) {
    const episode* out = nullptr;
    for (const auto* e : eps)
        if (e->decom && keep(*e) && (!out || *e->decom > *out->decom)) out = e;
    return out;
}
/// Episodes for which `bad(episode, AD1 row)` holds against one of the child's AD1 rows; both
/// rows are reported.
template <class Keep, class Bad>
void episode_vs_ad1(const context& c, const sink& s, Keep keep, Bad bad) {
    const by_child ad1{c, "AD1", ad1_cols};
    if (!ad1.present() || !c.episodes_table()) return;
    for (const auto& e : c.episodes()) {
        if (!keep(e)) continue;
        for (const auto* r : ad1.of(c.get(e, ep::child)))
            if (bad(e, *r, ad1.col())) {
                s.add(c, e);
                ad1.add(s, *r);
            }
    }
}
/// Episodes with `ls` and no PlacedAdoption row; open ones whose PlacedAdoption rows say the
/// decision was reversed (553 placement order, 555 freeing order).
inline void order_without_decision(const context& c, const sink& s, std::string_view ls) {
    const by_child pa{c, "PlacedAdoption", pa_cols};
    if (!pa.present()) return;
    for (const auto& e : c.episodes()) {
        if (c.get(e, ep::ls) != ls) continue;
        const auto& rows = pa.of(c.get(e, ep::child));
        if (rows.empty()) s.add(c, e);
        if (!c.get(e, ep::dec).empty()) continue;
        for (const auto* r : rows)
            if (!pa.col()(*r, ceased).empty() || !pa.col()(*r, reason).empty()) pa.add(s, *r);
    }
}
/// Rule 557: episodes ended other than by adoption (REC not E11, E12, X1) while placed for
/// adoption or under one of `orders`, without a PlacedAdoption row with date and reason ceased.
inline void left_not_adopted(const context& c, const sink& s,
                             std::initializer_list<std::string_view> orders) {
    const by_child pa{c, "PlacedAdoption", pa_cols};
    if (!pa.present()) return;
    for (const auto& e : c.episodes()) {
        const auto rec = c.get(e, ep::rec);
        if (!(placed_for_adoption(c.get(e, ep::place)) || one_of(c.get(e, ep::ls), orders))
            || rec.empty() || rec == "X1" || one_of(rec, {"E11", "E12"}))
            continue;
        const auto& rows = pa.of(c.get(e, ep::child));
        bool bad = rows.empty();
        for (const auto* r : rows)
            if (pa.col()(*r, ceased).empty() || pa.col()(*r, reason).empty()) {
                bad = true;
                pa.add(s, *r);
            }
        if (bad) s.add(c, e);
    }
}
/// Rows of `name` whose CHILD is not in Header (INT01-INT09).
inline void not_in_header(const context& c, const sink& s, std::string_view name) {
    if (!c.header_table()) return;
    each_bad_row(c, s, name, {"CHILD"}, [&](const row& r, const columns& col) {
        const auto k = c.child_number(col(r, 0));
        return !k || !c.header_of(*k);
    });
}
/// Rows of `name` whose `field` (DOB, SEX) differs from the child's Header row (INT11-INT21).
inline void differs_from_header(const context& c, const sink& s, std::string_view name,
                                std::string_view field) {
    if (!c.header_table()) return;
    const hd f = field == "DOB" ? hd::dob : hd::sex;
    each_bad_row(c, s, name, {"CHILD", field}, [&](const row& r, const columns& col) {
        const auto k = c.child_number(col(r, 0));
        const auto* h = k ? c.header_of(*k) : nullptr;
        if (!h) return false;
        if (f == hd::dob) {
            const auto mine = to_date(col(r, 1));
            return mine && h->dob && *mine != *h->dob;
        }
        const auto mine = col(r, 1);
        const auto theirs = c.get(*h, hd::sex);
        return !mine.empty() && !theirs.empty() && mine != theirs;
    });
}
/// Rows of `name` whose CHILD appears more than once (INT31-INT36).
inline void child_twice(const context& c, const sink& s, std::string_view name) {
    const by_child rows{c, name, {"CHILD"}};
    if (!rows.present()) return;
    for (const auto& r : rows.tab().rows)
        if (rows.of(rows.col()(r, 0)).size() > 1) rows.add(s, r);
}
} // namespace detail_adoption

/// The rules on AD1 and PlacedAdoption, and the internal checks joining tables to Header.
[[nodiscard]] inline std::vector<rule> adoption_rules() {
    using namespace detail_adoption;
    using cx = const context&;
    using sk = const sink&;
    return {
        rule{"112", 2020, 2027, [](cx c, sk s) { row_date(c, s, "AD1", "DATE_INT", true); }},
        rule{"113", 2020, 2027, [](cx c, sk s) { row_date(c, s, "AD1", "DATE_MATCH", true); }},
        rule{"114", 2020, 2027, [](cx c, sk s) { row_code(c, s, "AD1", "FOSTER_CARE", {"0", "1"}); }},
        rule{"175", 2020, 2027, [](cx c, sk s) { row_code(c, s, "AD1", "NB_ADOPTR", {"1", "2"}); }},
        rule{"176", 2020, 2027,
             [](cx c, sk s) { row_code(c, s, "AD1", "SEX_ADOPTR", {"M1", "F1", "MM", "FF", "MF"}); }},
        rule{"177", 2020, 2027,
             [](cx c, sk s) {
                 row_code(c, s, "AD1", "LS_ADOPTR", {"L0", "L11", "L12", "L2", "L3", "L4"});
             }},
        rule{"151", 2020, 2027,
             [](cx c, sk s) {
                 each_bad_row(c, s, "AD1", ad1_cols, [](const row& r, const columns& col) {
                     return any_filled(col, r, date_int, ls_adoptr + 1)
                            && !all_filled(col, r, date_int, ls_adoptr + 1);
                 });
             }},
        rule{"333", 2020, 2027,
             [](cx c, sk s) {
                 each_bad_row(c, s, "AD1", ad1_cols, [](const row& r, const columns& col) {
                     const auto match = to_date(col(r, date_match));
                     const auto intent = to_date(col(r, date_int));
                     return match && (!intent || *intent > *match);
                 });
             }},
        rule{"511", 2020, 2027,
             [](cx c, sk s) {
                 each_bad_row(c, s, "AD1", ad1_cols, [](const row& r, const columns& col) {
                     return col(r, nb) == "2" && one_of(col(r, sex), {"M1", "F1"});
                 });
             }},
        rule{"514", 2020, 2027, [](cx c, sk s) { adopters(c, s, "L0", {"M1", "F1"}); }},
        rule{"517", 2020, 2027, [](cx c, sk s) { adopters(c, s, "L3", {"MF"}); }},
        rule{"518", 2020, 2027, [](cx c, sk s) { adopters(c, s, "L4", {"MM", "FF"}); }},
        rule{"519", 2020, 2027, [](cx c, sk s) { adopters(c, s, "L2", {"MM", "FF", "MF"}); }},
        rule{"520", 2020, 2027, [](cx c, sk s) { adopters(c, s, "L11", {"MF"}); }},
        rule{"524", 2020, 2027, [](cx c, sk s) { adopters(c, s, "L12", {"MM", "FF"}); }},
        rule{"331", 2020, 2027,
             [](cx c, sk s) {
                 episode_vs_ad1(
                     c, s, [&](const episode& e) { return one_of(c.get(e, ep::rec), {"E11", "E12"}); },
                     [](const episode& e, const row& r, const columns& col) {
                         const auto m = to_date(col(r, date_match));
                         return m && e.decom && *m > *e.decom;
                     });
             }},
        rule{"334", 2020, 2027,
             [](cx c, sk s) {
                 const by_child ad1{c, "AD1", ad1_cols};
                 if (!ad1.present()) return;
                 each_child(c, [&](std::uint32_t, std::span<const episode* const> eps) {
                     const auto* e = last_where(eps, [&](const episode& x) {
                         return c.get(x, ep::rne) == "S";
                     });
                     if (!e) return;
                     for (const auto* r : ad1.of(c.get(*e, ep::child))) {
                         const auto d = to_date(ad1.col()(*r, date_int));
                         if (d && *d < *e->decom) {
                             s.add(c, *e);
                             ad1.add(s, *r);
                         }
                     }
                 });
             }},
        // The validator lists A1 and A2, codes long out of use; only A3-A6 can occur now.
        rule{"335", 2020, 2027,
             [](cx c, sk s) {
                 episode_vs_ad1(
                     c, s,
                     [&](const episode& e) { return one_of(c.get(e, ep::rec), {"E1", "E11", "E12"}); },
                     [&](const episode& e, const row& r, const columns& col) {
                         const auto place = c.get(e, ep::place);
                         const auto fc = col(r, foster_care);
                         return (one_of(place, {"A2", "A3", "A5"}) && fc == "0")
                                || (one_of(place, {"A1", "A4", "A6"}) && fc == "1");
                     });
             }},
        rule{"521", 2020, 2027,
             [](cx c, sk s) {
                 episode_vs_ad1(
                     c, s, [&](const episode& e) { return placed_for_adoption(c.get(e, ep::place)); },
                     [](const episode& e, const row& r, const columns& col) {
                         const auto d = to_date(col(r, date_int));
                         return d && e.decom && *d > *e.decom;
                     });
             }},
        rule{"582", 2023, 2027,
             [](cx c, sk s) {
                 const by_child ad1{c, "AD1", ad1_cols};
                 if (!ad1.present()) return;
                 each_episode(c, s, [&](const episode& e) {
                     if (!one_of(c.get(e, ep::rec), {"E11", "E12"})) return false;
                     for (const auto* r : ad1.of(c.get(e, ep::child)))
                         if (!c.get(e, ep::dec).empty() && ad1.col()(*r, date_match) == c.get(e, ep::dec))
                             return true;
                     return false;
                 });
             }},
        rule{"601", 2020, 2027,
             [](cx c, sk s) {
                 episode_vs_ad1(
                     c, s, [&](const episode& e) { return adopted_in_year(c, e); },
                     [](const episode&, const row& r, const columns& col) {
                         return !all_filled(col, r, date_int, ls_adoptr + 1);
                     });
             }},
        rule{"602", 2020, 2027,
             [](cx c, sk s) {
                 if (!c.episodes_table()) return;
                 each_bad_row(c, s, "AD1", ad1_cols, [&](const row& r, const columns& col) {
                     if (!any_filled(col, r, date_int, ls_adoptr + 1)) return false;
                     for (const auto* e : episodes_of(c, col(r, a_child)))
                         if (adopted_in_year(c, *e)) return false;
                     return true;
                 });
             }},
        rule{"115", 2020, 2027,
             [](cx c, sk s) { row_date(c, s, "PlacedAdoption", "DATE_PLACED", true); }},
        rule{"116", 2020, 2027,
             [](cx c, sk s) { row_date(c, s, "PlacedAdoption", "DATE_PLACED_CEASED", true); }},
        rule{"119", 2020, 2027,
             [](cx c, sk s) {
                 each_bad_row(c, s, "PlacedAdoption", pa_cols, [](const row& r, const columns& col) {
                     return col(r, ceased).empty() != col(r, reason).empty();
                 });
             }},
        rule{"120", 2020, 2027,
             [](cx c, sk s) {
                 row_code(c, s, "PlacedAdoption", "REASON_PLACED_CEASED", {"RD1", "RD2", "RD3", "RD4"});
             }},
        rule{"184", 2020, 2027,
             [](cx c, sk s) {
                 each_bad_row(c, s, "PlacedAdoption", pa_cols, [&](const row& r, const columns& col) {
                     const auto k = c.child_number(col(r, p_child));
                     const auto dob = k ? c.dob_of(*k) : std::nullopt;
                     const auto d = to_date(col(r, placed));
                     return d && dob && *d < *dob;
                 });
             }},
        rule{"522", 2020, 2027,
             [](cx c, sk s) {
                 each_bad_row(c, s, "PlacedAdoption", pa_cols, [](const row& r, const columns& col) {
                     const auto p = to_date(col(r, placed));
                     const auto q = to_date(col(r, ceased));
                     return p && q && *q < *p;
                 });
             }},
        rule{"563", 2020, 2027,
             [](cx c, sk s) {
                 each_bad_row(c, s, "PlacedAdoption", pa_cols, [](const row& r, const columns& col) {
                     return !col(r, reason).empty() && !col(r, ceased).empty() && col(r, placed).empty();
                 });
             }},
        rule{"579", 2020, 2027,
             [](cx c, sk s) {
                 const by_child pa{c, "PlacedAdoption", pa_cols};
                 if (!pa.present()) return;
                 std::unordered_set<std::string_view> done;
                 for (const auto& first : pa.tab().rows) {
                     const auto child = pa.col()(first, p_child);
                     if (!done.insert(child).second) continue;
                     auto rows = pa.of(child);
                     std::stable_sort(rows.begin(), rows.end(), [&](const row* a, const row* b) {
                         const auto x = to_date(pa.col()(*a, placed));
                         const auto y = to_date(pa.col()(*b, placed));
                         if (x.has_value() != y.has_value()) return x.has_value();
                         return x && *x < *y;
                     });
                     for (std::size_t i = 1; i < rows.size(); ++i) {
                         const auto prev_ceased = to_date(pa.col()(*rows[i - 1], ceased));
                         const auto now = to_date(pa.col()(*rows[i], placed));
                         if (!prev_ceased || (now && *now < *prev_ceased)) pa.add(s, *rows[i]);
                     }
                 }
             }},
        rule{"583", 2023, 2027,
             [](cx c, sk s) {
                 const by_child pa{c, "PlacedAdoption", pa_cols};
                 if (!pa.present()) return;
                 for (const auto& r : pa.tab().rows) {
                     const auto& rows = pa.of(pa.col()(r, p_child));
                     const row* latest = nullptr; // the most recent decision may stay open
                     for (const auto* x : rows) {
                         const auto d = to_date(pa.col()(*x, placed));
                         const auto best = latest ? to_date(pa.col()(*latest, placed)) : std::nullopt;
                         if (!latest || (d && (!best || *d > *best))) latest = x;
                     }
                     if (&r != latest && pa.col()(r, ceased).empty()) pa.add(s, r);
                 }
             }},
        rule{"523", 2020, 2027,
             [](cx c, sk s) {
                 const by_child ad1{c, "AD1", ad1_cols};
                 if (!ad1.present()) return;
                 each_row(c, "PlacedAdoption", pa_cols, [&](const row& r, const columns& col) {
                     const auto p = to_date(col(r, placed));
                     if (!p) return;
                     for (const auto* a : ad1.of(col(r, p_child))) {
                         const auto d = to_date(ad1.col()(*a, date_int));
                         if (d && *d != *p) {
                             s.add(col.tab(), r, col(r, p_child));
                             ad1.add(s, *a);
                         }
                     }
                 });
             }},
        rule{"525", 2020, 2027,
             [](cx c, sk s) {
                 const by_child ad1{c, "AD1", ad1_cols};
                 if (!ad1.present()) return;
                 each_row(c, "PlacedAdoption", pa_cols, [&](const row& r, const columns& col) {
                     if (col(r, ceased).empty()) return;
                     for (const auto* a : ad1.of(col(r, p_child)))
                         if (any_filled(ad1.col(), *a, date_int, ls_adoptr + 1)) {
                             s.add(col.tab(), r, col(r, p_child));
                             ad1.add(s, *a);
                         }
                 });
             }},
        rule{"1003", 2020, 2027,
             [](cx c, sk s) {
                 episode_vs_placed(
                     c, s,
                     [&](std::span<const episode* const> eps) {
                         return first_where(eps, [&](const episode& e) { return c.get(e, ep::rne) == "S"; });
                     },
                     [](const episode& e, const row& r, const columns& col) {
                         const auto d = to_date(col(r, placed));
                         return d && *d < *e.decom;
                     });
             }},
        rule{"117", 2020, 2027,
             [](cx c, sk s) {
                 episode_vs_placed(
                     c, s,
                     [&](std::span<const episode* const> eps) {
                         return last_where(eps, [&](const episode& e) { return c.get(e, ep::rec) != "X1"; });
                     },
                     [&](const episode& e, const row& r, const columns& col) {
                         for (const auto i : {placed, ceased}) {
                             const auto d = to_date(col(r, i));
                             if (d && (*d > c.collection_end() || (e.dec && *d > *e.dec))) return true;
                         }
                         return false;
                     });
             }},
        rule{"118", 2020, 2027,
             [](cx c, sk s) {
                 episode_vs_placed(
                     c, s,
                     [&](std::span<const episode* const> eps) {
                         return first_where(eps, [&](const episode& e) { return !short_break(c.get(e, ep::ls)); });
                     },
                     [&](const episode& e, const row& r, const columns& col) {
                         const auto d = to_date(col(r, ceased));
                         return d && (*d < *e.decom || *d < c.collection_start());
                     });
             }},
        rule{"551", 2020, 2027,
             [](cx c, sk s) {
                 const by_child pa{c, "PlacedAdoption", pa_cols};
                 if (!pa.present()) return;
                 each_episode(c, s, [&](const episode& e) {
                     if (!placed_for_adoption(c.get(e, ep::place))) return false;
                     const auto& rows = pa.of(c.get(e, ep::child));
                     if (rows.empty()) return true;
                     for (const auto* r : rows)
                         if (pa.col()(*r, placed).empty()) return true;
                     return false;
                 });
             }},
        rule{"552", 2020, 2027,
             [](cx c, sk s) {
                 const by_child pa{c, "PlacedAdoption", pa_cols};
                 if (!pa.present()) return;
                 each_child(c, [&](std::uint32_t, std::span<const episode* const> eps) {
                     const auto* e = first_where(eps, [&](const episode& x) {
                         return placed_for_adoption(c.get(x, ep::place));
                     });
                     if (!e) return;
                     const row* last = nullptr; // the latest decision
                     std::optional<date> when;
                     for (const auto* r : pa.of(c.get(*e, ep::child))) {
                         const auto d = to_date(pa.col()(*r, placed));
                         if (d && (!when || *d > *when)) {
                             when = d;
                             last = r;
                         }
                     }
                     if (last && *e->decom < *when) {
                         s.add(c, *e);
                         pa.add(s, *last);
                     }
                 });
             }},
        rule{"553", 2020, 2027, [](cx c, sk s) { order_without_decision(c, s, "E1"); }},
        rule{"554", 2020, 2027,
             [](cx c, sk s) {
                 episode_vs_placed(
                     c, s,
                     [&](std::span<const episode* const> eps) {
                         return first_where(eps, [&](const episode& e) { return c.get(e, ep::ls) == "E1"; });
                     },
                     [](const episode& e, const row& r, const columns& col) {
                         const auto d = to_date(col(r, placed));
                         return d && *d > *e.decom;
                     });
             }},
        rule{"555", 2020, 2024, [](cx c, sk s) { order_without_decision(c, s, "D1"); }},
        rule{"556", 2020, 2024,
             [](cx c, sk s) {
                 const by_child pa{c, "PlacedAdoption", pa_cols};
                 if (!pa.present()) return;
                 each_episode(c, s, [&](const episode& e) {
                     if (c.get(e, ep::ls) != "D1" || !e.decom) return false;
                     for (const auto* r : pa.of(c.get(e, ep::child))) {
                         const auto d = to_date(pa.col()(*r, placed));
                         if (d && *d > *e.decom) return true;
                     }
                     return false;
                 });
             }},
        rule{"557", 2020, 2024, [](cx c, sk s) { left_not_adopted(c, s, {"D1", "E1"}); }},
        rule{"557", 2025, 2027, [](cx c, sk s) { left_not_adopted(c, s, {"E1"}); }},
        // The validator reports only children with two or more reversed decisions; carepath
        // reports every adopted child all of whose decisions were reversed, as worded.
        rule{"558", 2020, 2027,
             [](cx c, sk s) {
                 const by_child pa{c, "PlacedAdoption", pa_cols};
                 if (!pa.present()) return;
                 each_episode(c, s, [&](const episode& e) {
                     if (!one_of(c.get(e, ep::rec), {"E11", "E12"})) return false;
                     const auto& rows = pa.of(c.get(e, ep::child));
                     if (rows.empty()) return false;
                     for (const auto* r : rows)
                         if (pa.col()(*r, ceased).empty()) return false;
                     return true;
                 });
             }},
        rule{"INT01", 2020, 2027, [](cx c, sk s) { not_in_header(c, s, "AD1"); }},
        rule{"INT02", 2020, 2027, [](cx c, sk s) { not_in_header(c, s, "PlacedAdoption"); }},
        rule{"INT04", 2020, 2027, [](cx c, sk s) { not_in_header(c, s, "Missing"); }},
        rule{"INT05", 2020, 2027, [](cx c, sk s) { not_in_header(c, s, "OC2"); }},
        rule{"INT06", 2020, 2027, [](cx c, sk s) { not_in_header(c, s, "OC3"); }},
        rule{"INT07", 2020, 2027, [](cx c, sk s) { not_in_header(c, s, "PrevPerm"); }},
        rule{"INT08", 2020, 2027, [](cx c, sk s) { not_in_header(c, s, "Reviews"); }},
        rule{"INT09", 2020, 2027, [](cx c, sk s) { not_in_header(c, s, "UASC"); }},
        rule{"INT11", 2020, 2027, [](cx c, sk s) { differs_from_header(c, s, "AD1", "DOB"); }},
        rule{"INT12", 2020, 2027,
             [](cx c, sk s) { differs_from_header(c, s, "PlacedAdoption", "DOB"); }},
        rule{"INT13", 2020, 2027, [](cx c, sk s) { differs_from_header(c, s, "Missing", "DOB"); }},
        rule{"INT14", 2020, 2027, [](cx c, sk s) { differs_from_header(c, s, "OC2", "DOB"); }},
        rule{"INT15", 2020, 2027, [](cx c, sk s) { differs_from_header(c, s, "OC3", "DOB"); }},
        rule{"INT16", 2020, 2027, [](cx c, sk s) { differs_from_header(c, s, "PrevPerm", "DOB"); }},
        rule{"INT17", 2020, 2027, [](cx c, sk s) { differs_from_header(c, s, "Reviews", "DOB"); }},
        rule{"INT18", 2020, 2027, [](cx c, sk s) { differs_from_header(c, s, "UASC", "DOB"); }},
        rule{"INT21", 2020, 2027, [](cx c, sk s) { differs_from_header(c, s, "UASC", "SEX"); }},
        rule{"INT31", 2020, 2027, [](cx c, sk s) { child_twice(c, s, "AD1"); }},
        rule{"INT33", 2020, 2027, [](cx c, sk s) { child_twice(c, s, "OC2"); }},
        rule{"INT34", 2020, 2027, [](cx c, sk s) { child_twice(c, s, "OC3"); }},
        rule{"INT35", 2020, 2027, [](cx c, sk s) { child_twice(c, s, "PrevPerm"); }},
        rule{"INT36", 2020, 2027, [](cx c, sk s) { child_twice(c, s, "UASC"); }},
    };
}

} // namespace carepath::ssda903::rules
