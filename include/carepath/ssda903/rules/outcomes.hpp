#pragma once
/// @file
/// DfE rules on outcomes: OC2 (children looked after continuously for 12 months at 31 March:
/// SDQ, health, convictions, substance misuse) and OC3 (care leavers around their 17th to 21st
/// birthdays), alone and against Header, Episodes and AD1.
#include "carepath/ssda903/rules/common.hpp"

#include <charconv>
#include <unordered_map>
#include <unordered_set>

namespace carepath::ssda903::rules {

namespace detail_outcomes {
/// OC2 (outcomes of children looked after for 12 months) columns the rules read.
inline const std::initializer_list<std::string_view> oc2_cols = {
    "CHILD", "DOB", "SDQ_SCORE", "SDQ_REASON", "CONVICTED", "HEALTH_CHECK", "IMMUNISATIONS",
    "TEETH_CHECK", "HEALTH_ASSESSMENT", "SUBSTANCE_MISUSE", "INTERVENTION_RECEIVED",
    "INTERVENTION_OFFERED"};
/// Positions in `oc2_cols`.
enum o2 : std::size_t {
    o2_child, o2_dob, sdq_score, sdq_reason, convicted, health_check, immunisations, teeth_check,
    health_assessment, substance_misuse, intervention_received, intervention_offered
};
/// OC3 (care leavers) columns the rules read.
inline const std::initializer_list<std::string_view> oc3_cols = {"CHILD", "DOB", "IN_TOUCH",
                                                                     "ACTIV", "ACCOM"};
/// Positions in `oc3_cols`.
enum o3 : std::size_t { o3_child, o3_dob, in_touch, activ, accom };
/// The OC3 ACTIV code list of collection year `year` (rule 132). From 2021-22 training or
/// employment is split: F3/P3 give way to F4/P4 (training, apprenticeship) and F5/P5
/// (employment). Sources: liia-tools SSDA903_schema_2021 vs _2022; csc-validator-be-903 2a93bc9.
inline bool activ_valid(std::string_view a, int year) noexcept {
    if (one_of(a, {"F1", "P1", "F2", "P2", "G4", "G5", "G6", "0"})) return true;
    return year <= 2021 ? one_of(a, {"F3", "P3"}) : one_of(a, {"F4", "P4", "F5", "P5"});
}

/// Looked after continuously for 12 months at 31 March, per child number, as the DfE's
/// guidance defines it: in care during the year, and no episode that starts care (RNE S) after
/// 1 April, ends care (REC other than X1) before 31 March, or is a V3/V4 short break.
inline std::vector<char> continuously_looked_after(const context& c) {
    std::vector<char> in_year(c.child_count(), 0);
    std::vector<char> broken(c.child_count(), 0);
    for (const auto& e : c.episodes()) {
        const bool dec_missing = !e.dec;
        const bool during = e.decom && *e.decom <= c.collection_end()
                            && (dec_missing || *e.dec >= c.collection_start());
        const bool enters = c.get(e, ep::rne) == "S" && e.decom && *e.decom > c.collection_start()
                            && *e.decom <= c.collection_end();
        const bool leaves = c.get(e, ep::rec) != "X1" && e.dec && *e.dec >= c.collection_start()
                            && *e.dec < c.collection_end();
        const bool respite = short_break(c.get(e, ep::ls)) && during;
        in_year[e.child] = in_year[e.child] || during;
        broken[e.child] = broken[e.child] || enters || leaves || respite;
    }
    for (std::size_t k = 0; k < in_year.size(); ++k) in_year[k] = in_year[k] && !broken[k];
    return in_year;
}
/// Whether the child with CHILD text `child` was continuously looked after.
inline bool cla(const context& c, const std::vector<char>& flags, std::string_view child) {
    const auto k = c.child_number(child);
    return k && *k < flags.size() && flags[*k];
}
/// OC2 rows for which `bad(row, cols, continuously looked after)` holds.
template <class Bad>
void oc2_rows(const context& c, const sink& s, Bad bad) {
    if (!c.find("OC2")) return;
    const auto flags = continuously_looked_after(c);
    each_bad_row(c, s, "OC2", oc2_cols, [&](const row& r, const columns& col) {
        return bad(r, col, cla(c, flags, col(r, o2_child)));
    });
}
/// OC2 rows for which `bad(row, cols)` holds (no episodes needed).
template <class Bad>
void oc2_only(const context& c, const sink& s, Bad bad) {
    each_bad_row(c, s, "OC2", oc2_cols, bad);
}
/// OC3 rows for which `bad(row, cols)` holds.
template <class Bad>
void oc3_only(const context& c, const sink& s, Bad bad) {
    each_bad_row(c, s, "OC3", oc3_cols, bad);
}
/// True when any of IN_TOUCH, ACTIV, ACCOM is filled.
inline bool oc3_any(const columns& col, const row& r) { return any_filled(col, r, in_touch, accom + 1); }
/// True when any OC2 item from CONVICTED to INTERVENTION_OFFERED is filled.
inline bool oc2_items_any(const columns& col, const row& r) {
    return any_filled(col, r, convicted, intervention_offered + 1);
}
/// The date in cell `i` of `r`; nullopt when blank or not a date.
inline std::optional<date> dob(const columns& col, const row& r, std::size_t i) {
    return to_date(col(r, i));
}
/// The child's episodes (by CHILD text); empty when the child has none.
inline std::span<const episode* const> episodes_of(const context& c, std::string_view child) {
    const auto k = c.child_number(child);
    return k ? c.episodes_of(*k) : std::span<const episode* const>{};
}
} // namespace detail_outcomes

/// The rules on OC2 and OC3.
[[nodiscard]] inline std::vector<rule> outcome_rules() {
    using namespace detail_outcomes;
    using cx = const context&;
    using sk = const sink&;
    return {
        rule{"180", 2020, 2027,
             [](cx c, sk s) {
                 oc2_only(c, s, [](const row& r, const columns& col) {
                     const auto v = col(r, sdq_score);
                     if (v.empty()) return false;
                     int n = 0;
                     const auto [p, ec] = std::from_chars(v.data(), v.data() + v.size(), n);
                     return ec != std::errc{} || p != v.data() + v.size() || n < 0 || n > 40;
                 });
             }},
        rule{"181", 2020, 2027,
             [](cx c, sk s) {
                 oc2_only(c, s, [](const row& r, const columns& col) {
                     for (std::size_t i = convicted; i <= intervention_offered; ++i)
                         if (!col(r, i).empty() && !one_of(col(r, i), {"0", "1"})) return true;
                     return false;
                 });
             }},
        rule{"182", 2020, 2027,
             [](cx c, sk s) {
                 oc2_only(c, s, [](const row& r, const columns& col) {
                     const bool some_blank = !all_filled(col, r, immunisations, substance_misuse + 1);
                     const bool others = !col(r, convicted).empty() || !col(r, health_check).empty()
                                         || !col(r, intervention_received).empty()
                                         || !col(r, intervention_offered).empty();
                     return some_blank && others;
                 });
             }},
        rule{"185", 2020, 2027,
             [](cx c, sk s) {
                 oc2_rows(c, s, [](const row& r, const columns& col, bool looked_after) {
                     return !col(r, sdq_score).empty() && !looked_after;
                 });
             }},
        rule{"186", 2020, 2027,
             [](cx c, sk s) {
                 oc2_rows(c, s, [&](const row& r, const columns& col, bool looked_after) {
                     const auto d = dob(col, r, o2_dob);
                     return d && looked_after && add_years(*d, 4) <= c.collection_start()
                            && add_years(*d, 17) > c.collection_end() && col(r, sdq_score).empty()
                            && col(r, sdq_reason).empty();
                 });
             }},
        rule{"188", 2020, 2027,
             [](cx c, sk s) {
                 oc2_only(c, s, [&](const row& r, const columns& col) {
                     const auto d = dob(col, r, o2_dob);
                     return d && add_years(*d, 4) > c.collection_end()
                            && (!col(r, sdq_score).empty() || !col(r, sdq_reason).empty());
                 });
             }},
        rule{"189", 2020, 2027,
             [](cx c, sk s) {
                 oc2_only(c, s, [&](const row& r, const columns& col) {
                     const auto d = dob(col, r, o2_dob);
                     return d && add_years(*d, 17) < c.collection_start()
                            && (!col(r, sdq_score).empty() || !col(r, sdq_reason).empty());
                 });
             }},
        rule{"190", 2020, 2027,
             [](cx c, sk s) {
                 oc2_rows(c, s, [](const row& r, const columns& col, bool looked_after) {
                     return !looked_after && oc2_items_any(col, r);
                 });
             }},
        rule{"191", 2020, 2027,
             [](cx c, sk s) {
                 oc2_rows(c, s, [](const row& r, const columns& col, bool looked_after) {
                     return looked_after && !all_filled(col, r, immunisations, substance_misuse + 1);
                 });
                 // A continuously looked-after child with no OC2 row: its first episode.
                 const auto* oc2 = c.find("OC2");
                 if (!oc2) return;
                 const auto in_oc2 = children_in(c, "OC2");
                 const auto flags = continuously_looked_after(c);
                 each_child(c, [&](std::uint32_t k, std::span<const episode* const> eps) {
                     if (flags[k] && !in_oc2.count(c.child_name(k)) && eps.front()->decom)
                         s.add(c, *eps.front());
                 });
             }},
        rule{"192", 2020, 2027,
             [](cx c, sk s) {
                 oc2_only(c, s, [](const row& r, const columns& col) {
                     return col(r, substance_misuse) == "1" && col(r, intervention_received).empty();
                 });
             }},
        rule{"193", 2020, 2027,
             [](cx c, sk s) {
                 oc2_only(c, s, [](const row& r, const columns& col) {
                     const auto m = col(r, substance_misuse);
                     return (m.empty() || m == "0")
                            && (!col(r, intervention_received).empty()
                                || !col(r, intervention_offered).empty());
                 });
             }},
        rule{"196", 2020, 2027,
             [](cx c, sk s) {
                 row_code(c, s, "OC2", "SDQ_REASON", {"SDQ1", "SDQ2", "SDQ3", "SDQ4", "SDQ5"});
             }},
        rule{"197a", 2020, 2027,
             [](cx c, sk s) {
                 oc2_only(c, s, [](const row& r, const columns& col) {
                     return !col(r, sdq_score).empty() && !col(r, sdq_reason).empty();
                 });
             }},
        rule{"197B", 2020, 2027,
             [](cx c, sk s) {
                 oc2_rows(c, s, [&](const row& r, const columns& col, bool looked_after) {
                     const auto d = dob(col, r, o2_dob);
                     if (!d || !looked_after || !col(r, sdq_score).empty()
                         || !col(r, sdq_reason).empty())
                         return false;
                     const auto in_year = [&](date x) {
                         return x >= c.collection_start() && x <= c.collection_end();
                     };
                     return in_year(add_years(*d, 4)) || in_year(add_years(*d, 17));
                 });
             }},
        rule{"198", 2020, 2027,
             [](cx c, sk s) {
                 oc2_rows(c, s, [](const row& r, const columns& col, bool looked_after) {
                     return !col(r, sdq_reason).empty() && !looked_after;
                 });
             }},
        rule{"157", 2020, 2027,
             [](cx c, sk s) {
                 oc2_rows(c, s, [&](const row& r, const columns& col, bool looked_after) {
                     const auto d = dob(col, r, o2_dob);
                     return d && looked_after && add_years(*d, 4) <= c.collection_start()
                            && add_years(*d, 16) >= c.collection_end() && col(r, sdq_score).empty()
                            && col(r, sdq_reason) == "SDQ1";
                 });
             }},
        rule{"158", 2020, 2027,
             [](cx c, sk s) {
                 oc2_only(c, s, [](const row& r, const columns& col) {
                     return col(r, intervention_received) == "1" && !col(r, intervention_offered).empty();
                 });
             }},
        rule{"159", 2020, 2027,
             [](cx c, sk s) {
                 oc2_only(c, s, [](const row& r, const columns& col) {
                     return col(r, substance_misuse) == "1" && col(r, intervention_received) == "0"
                            && col(r, intervention_offered).empty();
                 });
             }},
        rule{"542", 2020, 2027,
             [](cx c, sk s) {
                 oc2_only(c, s, [&](const row& r, const columns& col) {
                     const auto d = dob(col, r, o2_dob);
                     return d && add_years(*d, 10) > c.collection_end() && !col(r, convicted).empty();
                 });
             }},
        rule{"543", 2020, 2027,
             [](cx c, sk s) {
                 oc2_rows(c, s, [&](const row& r, const columns& col, bool looked_after) {
                     const auto d = dob(col, r, o2_dob);
                     return d && looked_after && c.collection_end() > add_years(*d, 10)
                            && col(r, convicted).empty();
                 });
             }},
        rule{"544", 2020, 2027,
             [](cx c, sk s) {
                 oc2_only(c, s, [](const row& r, const columns& col) {
                     return col(r, convicted) == "1"
                            && !all_filled(col, r, immunisations, substance_misuse + 1);
                 });
             }},
        rule{"545", 2020, 2027,
             [](cx c, sk s) {
                 oc2_rows(c, s, [&](const row& r, const columns& col, bool looked_after) {
                     const auto d = dob(col, r, o2_dob);
                     return d && looked_after && c.collection_end() < add_years(*d, 5)
                            && col(r, health_check).empty();
                 });
             }},
        rule{"546", 2020, 2027,
             [](cx c, sk s) {
                 oc2_rows(c, s, [&](const row& r, const columns& col, bool looked_after) {
                     const auto d = dob(col, r, o2_dob);
                     return d && looked_after && c.collection_end() >= add_years(*d, 5)
                            && !col(r, health_check).empty();
                 });
             }},
        rule{"547", 2020, 2027,
             [](cx c, sk s) {
                 oc2_only(c, s, [](const row& r, const columns& col) {
                     return col(r, health_check) == "1"
                            && !all_filled(col, r, immunisations, substance_misuse + 1);
                 });
             }},
        rule{"215", 2020, 2027,
             [](cx c, sk s) {
                 const by_child oc2{c, "OC2", oc2_cols};
                 if (!oc2.present()) return;
                 each_row(c, "OC3", oc3_cols, [&](const row& r, const columns& col) {
                     if (!oc3_any(col, r)) return;
                     for (const auto* x : oc2.of(col(r, o3_child)))
                         if (oc2_items_any(oc2.col(), *x)) {
                             s.add(col.tab(), r, col(r, o3_child));
                             oc2.add(s, *x);
                         }
                 });
             }},
        rule{"131", 2020, 2027,
             [](cx c, sk s) {
                 oc3_only(c, s, [](const row& r, const columns& col) {
                     return !one_of(col(r, in_touch), {"YES", "NO", "DIED", "REFU", "NREQ", "RHOM"});
                 });
             }},
        rule{"132", 2020, 2027,
             [](cx c, sk s) {
                 oc3_only(c, s, [y = c.year()](const row& r, const columns& col) {
                     return !activ_valid(col(r, activ), y);
                 });
             }},
        rule{"133", 2020, 2027,
             [](cx c, sk s) {
                 oc3_only(c, s, [](const row& r, const columns& col) {
                     return !one_of(col(r, accom),
                                    {"B1", "B2", "C1", "C2", "D1", "D2", "E1", "E2", "G1", "G2",
                                     "H1", "H2", "K1", "K2", "R1", "R2", "S2", "T1", "T2", "U1",
                                     "U2", "V1", "V2", "W1", "W2", "X2", "Y1", "Y2", "Z1", "Z2",
                                     "0"});
                 });
             }},
        rule{"153", 2020, 2027,
             [](cx c, sk s) {
                 oc3_only(c, s, [](const row& r, const columns& col) {
                     return oc3_any(col, r) && !all_filled(col, r, in_touch, accom + 1);
                 });
             }},
        rule{"344", 2020, 2027,
             [](cx c, sk s) {
                 oc3_only(c, s, [](const row& r, const columns& col) {
                     return one_of(col(r, in_touch), {"DIED", "RHOM"})
                            && (col(r, activ) != "0" || col(r, accom) != "0");
                 });
             }},
        rule{"345", 2020, 2027,
             [](cx c, sk s) {
                 oc3_only(c, s, [](const row& r, const columns& col) {
                     return col(r, in_touch) == "YES" && (col(r, activ) == "0" || col(r, accom) == "0");
                 });
             }},
        rule{"391", 2020, 2027,
             [](cx c, sk s) {
                 oc3_only(c, s, [&](const row& r, const columns& col) {
                     const auto d = dob(col, r, o3_dob);
                     return d && add_years(*d, 17) > c.collection_end() && oc3_any(col, r);
                 });
             }},
        // The validator compares ACCOM with "T", a code that does not exist, so its 347 never
        // fires; carepath checks the foyer codes T1 and T2 against age 18 on 1 April.
        rule{"347", 2024, 2027,
             [](cx c, sk s) {
                 oc3_only(c, s, [&](const row& r, const columns& col) {
                     const auto d = dob(col, r, o3_dob);
                     return d && one_of(col(r, accom), {"T1", "T2"})
                            && add_years(*d, 18) > c.collection_start();
                 });
             }},
        rule{"3001", 2020, 2027,
             [](cx c, sk s) {
                 oc3_only(c, s, [&](const row& r, const columns& col) {
                     const auto k = c.child_number(col(r, o3_child));
                     const auto d = k ? c.dob_of(*k) : std::nullopt;
                     if (!d || !one_of(col(r, accom), {"Z1", "Z2"})) return false;
                     const auto b17 = add_years(*d, 17);
                     return b17 <= c.collection_end() && b17 >= c.collection_start();
                 });
             }},
        rule{"1000", 2020, 2027,
             [](cx c, sk s) {
                 if (!c.find("OC3")) return;
                 std::unordered_set<std::string_view> died;
                 for (const auto name : {"Episodes", "Episodes_last"})
                     each_row(c, name, {"CHILD", "REC"}, [&](const row& r, const columns& col) {
                         if (col(r, 1) == "E2") died.insert(col(r, 0));
                     });
                 if (!c.episodes_table()) return;
                 oc3_only(c, s, [&](const row& r, const columns& col) {
                     return died.count(col(r, o3_child)) != 0;
                 });
             }},
        rule{"1002", 2020, 2027,
             [](cx c, sk s) {
                 if (!c.episodes_table() || !c.find("Episodes_last")) return;
                 const auto last = children_in(c, "Episodes_last");
                 oc3_only(c, s, [&](const row& r, const columns& col) {
                     return episodes_of(c, col(r, o3_child)).empty() && !last.count(col(r, o3_child));
                 });
             }},
        rule{"1010", 2020, 2027,
             [](cx c, sk s) {
                 if (!c.episodes_table() || !c.find("Episodes_last")) return;
                 // Children whose latest episode last year was still open.
                 std::unordered_map<std::string_view, std::pair<date, bool>> latest;
                 each_row(c, "Episodes_last", {"CHILD", "DECOM", "DEC"}, [&](const row& r, const columns& col) {
                     const auto d = to_date(col(r, 1));
                     if (!d) return;
                     auto [it, added] = latest.try_emplace(col(r, 0), *d, col(r, 2).empty());
                     if (!added && *d >= it->second.first) it->second = {*d, col(r, 2).empty()};
                 });
                 oc3_only(c, s, [&](const row& r, const columns& col) {
                     const auto it = latest.find(col(r, o3_child));
                     return episodes_of(c, col(r, o3_child)).empty() && it != latest.end()
                            && it->second.second;
                 });
             }},
        rule{"1011", 2020, 2027,
             [](cx c, sk s) {
                 if (!c.episodes_table()) return;
                 oc3_only(c, s, [&](const row& r, const columns& col) {
                     const episode* last = nullptr;
                     for (const auto* e : episodes_of(c, col(r, o3_child)))
                         if (e->decom) last = e;
                     return last && c.get(*last, ep::rec) == "E3" && oc3_any(col, r);
                 });
             }},
        rule{"1007", 2020, 2027,
             [](cx c, sk s) {
                 if (!c.episodes_table()) return;
                 oc3_only(c, s, [&](const row& r, const columns& col) {
                     const auto d = dob(col, r, o3_dob);
                     if (!d || !oc3_any(col, r) || add_years(*d, 17) > c.collection_end()
                         || add_years(*d, 19) <= c.collection_end())
                         return false;
                     // The birthday (17th or 18th) that fell in the year to 31 March.
                     auto bday = add_years(*d, year_of(c.collection_end()) - year_of(*d));
                     if (bday > c.collection_end()) bday = add_years(*d, year_of(c.collection_end()) - year_of(*d) - 1);
                     for (const auto* e : episodes_of(c, col(r, o3_child)))
                         if (e->decom && e->dec && *e->decom <= bday && *e->dec > bday) return true;
                     return false;
                 });
             }},
        rule{"1016", 2024, 2027,
             [](cx c, sk s) {
                 if (!c.episodes_table()) return;
                 oc3_only(c, s, [&](const row& r, const columns& col) {
                     const auto d = dob(col, r, o3_dob);
                     if (!d || !oc3_any(col, r)) return false;
                     const int age = age_on(*d, c.collection_end());
                     if (age != 17 && age != 18) return false;
                     for (const auto* e : episodes_of(c, col(r, o3_child)))
                         if (e->dec && *e->dec >= add_years(*d, age)) return true;
                     return false;
                 });
             }},
        rule{"1014", 2020, 2027,
             [](cx c, sk s) {
                 const by_child oc3{c, "OC3", oc3_cols};
                 if (!oc3.present() || !c.episodes_table()) return;
                 each_row(c, "UASC", {"CHILD"}, [&](const row& r, const columns& col) {
                     const auto child = col(r, 0);
                     const auto eps = episodes_of(c, child);
                     if (eps.empty()) return; // the validator joins on episodes
                     for (const auto* e : eps) {
                         const bool in_year =
                             e->decom && *e->decom <= c.collection_end()
                             && (c.get(*e, ep::dec).empty() || (e->dec && *e->dec >= c.collection_start()));
                         if (in_year) return;
                     }
                     bool reported = false;
                     for (const auto* x : oc3.of(child))
                         if (oc3_any(oc3.col(), *x)) {
                             oc3.add(s, *x);
                             reported = true;
                         }
                     if (reported) s.add(col.tab(), r, child);
                 });
             }},
        rule{"134", 2020, 2027,
             [](cx c, sk s) {
                 const by_child oc3{c, "OC3", oc3_cols};
                 if (!oc3.present()) return;
                 each_bad_row(c, s, "AD1",
                              {"CHILD", "DATE_INT", "DATE_MATCH", "FOSTER_CARE", "NB_ADOPTR",
                               "SEX_ADOPTR", "LS_ADOPTR"},
                              [&](const row& r, const columns& col) {
                                  if (!any_filled(col, r, 1, 7)) return false;
                                  for (const auto* x : oc3.of(col(r, 0)))
                                      if (oc3_any(oc3.col(), *x)) return true;
                                  return false;
                              });
             }},
        rule{"187", 2020, 2027,
             [](cx c, sk s) {
                 if (!c.episodes_table() || !c.find("OC3") || !c.find("AD1")) return;
                 const auto flags = continuously_looked_after(c);
                 oc3_only(c, s, [&](const row& r, const columns& col) {
                     return cla(c, flags, col(r, o3_child)) && oc3_any(col, r);
                 });
                 each_bad_row(c, s, "AD1",
                              {"CHILD", "DATE_INT", "DATE_MATCH", "FOSTER_CARE", "NB_ADOPTR",
                               "SEX_ADOPTR", "LS_ADOPTR"},
                              [&](const row& r, const columns& col) {
                                  return cla(c, flags, col(r, 0)) && any_filled(col, r, 1, 7);
                              });
             }},
        rule{"165", 2020, 2027,
             [](cx c, sk s) {
                 const by_child oc3{c, "OC3", oc3_cols};
                 if (!oc3.present() || !c.episodes_table()) return;
                 for (const auto& h : c.headers()) {
                     bool any = false;
                     bool in_year = false;
                     for (const auto* e : c.episodes_of(h.child)) {
                         if (short_break(c.get(*e, ep::ls))) continue;
                         any = true;
                         const auto end = dec_or_end(c, *e);
                         in_year = in_year
                                   || (end && e->decom && *end >= c.collection_start()
                                       && *e->decom <= c.collection_end());
                     }
                     if (!any) continue;
                     const auto mother = c.get(h, hd::mother);
                     const auto sex = c.get(h, hd::sex);
                     bool has_oc3 = false;
                     for (const auto* x : oc3.of(c.get(h, hd::child)))
                         has_oc3 = has_oc3 || oc3_any(oc3.col(), *x);
                     const bool bad = (!mother.empty() && !one_of(mother, {"0", "1"}))
                                      || (!mother.empty() && male(sex, c.year()))
                                      || (mother.empty() && female(sex, c.year()) && in_year)
                                      || (!mother.empty() && female(sex, c.year()) && !in_year && has_oc3);
                     if (!bad) continue;
                     s.add(c, h);
                     for (const auto* x : oc3.of(c.get(h, hd::child))) oc3.add(s, *x);
                 }
             }},
        rule{"628", 2020, 2027,
             [](cx c, sk s) {
                 const by_child oc3{c, "OC3", oc3_cols};
                 if (!oc3.present() || !c.episodes_table()) return;
                 each_header(c, s, [&](const header_row& h) {
                     if (!c.episodes_of(h.child).empty() || c.get(h, hd::mother).empty()) return false;
                     for (const auto* x : oc3.of(c.get(h, hd::child)))
                         if (oc3_any(oc3.col(), *x)) return true;
                     return false;
                 });
             }},
        rule{"348", 2026, 2027,
             [](cx c, sk s) {
                 const by_child last{c, "OC3_last", {"CHILD", "IN_TOUCH"}};
                 if (!last.present()) return;
                 oc3_only(c, s, [&](const row& r, const columns& col) {
                     if (col(r, in_touch) == "DIED") return false;
                     for (const auto* x : last.of(col(r, o3_child)))
                         if (last.col()(*x, 1) == "DIED") return true;
                     return false;
                 });
             }},
    };
}

} // namespace carepath::ssda903::rules
