#pragma once
/// @file
/// DfE rules on the smaller tables of a child's care: Missing (missing / away without
/// authorisation), Reviews, UASC and PrevPerm (permanence before this period of care), alone
/// and against Header and Episodes.
#include "carepath/ssda903/rules/common.hpp"

#include <algorithm>
#include <charconv>
#include <string>
#include <unordered_set>

namespace carepath::ssda903::rules {

namespace detail_care {
/// Missing columns the rules read.
inline const std::initializer_list<std::string_view> mis_cols = {"CHILD", "DOB", "MISSING",
                                                                     "MIS_START", "MIS_END"};
/// Positions in `mis_cols`.
enum mi : std::size_t { m_child, m_dob, missing, mis_start, mis_end };
/// Reviews columns the rules read.
inline const std::initializer_list<std::string_view> rev_cols = {"CHILD", "DOB", "REVIEW",
                                                                     "REVIEW_CODE"};
/// Positions in `rev_cols`.
enum rv : std::size_t { r_child, r_dob, review, review_code };
/// PrevPerm columns the rules read.
inline const std::initializer_list<std::string_view> perm_cols = {
    "CHILD", "DOB", "PREV_PERM", "LA_PERM", "DATE_PERM"};
/// Positions in `perm_cols`.
enum pp : std::size_t { p_child, p_dob, prev_perm, la_perm, date_perm };

/// The child's episodes (by CHILD text); empty when the child has none.
inline std::span<const episode* const> episodes_of(const context& c, std::string_view child) {
    const auto k = c.child_number(child);
    return k ? c.episodes_of(*k) : std::span<const episode* const>{};
}
/// A period of care: consecutive episodes with no gap between one's DEC and the next DECOM.
struct period_of_care {
    date start; ///< the first episode's DECOM
    std::optional<date> end; ///< the last episode's DEC (nullopt when open or unreadable)
};
/// The periods of care in `eps`; a new one starts after a gap or after an episode with no DEC.
inline std::vector<period_of_care> periods(const context& c, std::span<const episode* const> eps) {
    std::vector<period_of_care> out;
    std::optional<date> prev_dec;
    for (const auto* e : eps) {
        if (!e->decom) continue;
        if (out.empty() || !prev_dec || *e->decom > *prev_dec) out.push_back({*e->decom, e->dec});
        else out.back().end = e->dec;
        prev_dec = e->dec;
        (void)c;
    }
    return out;
}
/// The DfE's 2016 permanence question: LA codes where a previous order may have been made.
inline bool la_code(std::string_view s) {
    static constexpr std::string_view codes =
        ",800,889,822,301,304,303,330,825,837,302,846,370,350,890,867,380,305,801,351,873,823,"
        "895,896,381,909,202,908,331,306,841,830,831,878,371,835,332,840,307,308,811,881,845,390,"
        "916,203,876,850,311,204,884,312,205,313,805,919,310,309,420,921,206,207,886,810,382,314,"
        "340,888,208,856,383,855,209,925,341,201,821,352,806,887,826,315,929,812,391,926,892,813,"
        "802,928,891,392,316,815,353,931,879,836,851,874,807,354,317,870,318,372,857,333,935,343,"
        "803,373,342,893,356,355,871,394,334,933,882,936,861,852,319,860,808,393,866,210,357,894,"
        "883,880,358,211,937,869,320,359,865,384,335,336,212,868,872,885,344,877,213,938,816,999,"
        "WAL,SCO,NUK,NIR,";
    if (s.empty() || s.find(',') != std::string_view::npos) return false;
    std::string key{","};
    key += s;
    key += ',';
    return codes.find(key) != std::string_view::npos;
}
} // namespace detail_care

/// The rules on Missing, Reviews, UASC and PrevPerm.
[[nodiscard]] inline std::vector<rule> care_detail_rules() {
    using namespace detail_care;
    using cx = const context&;
    using sk = const sink&;
    return {
        rule{"1004", 2020, 2027, [](cx c, sk s) { row_date(c, s, "Missing", "MIS_START", false); }},
        rule{"1005", 2020, 2027, [](cx c, sk s) { row_date(c, s, "Missing", "MIS_END", true); }},
        rule{"1006", 2020, 2027, [](cx c, sk s) { row_code(c, s, "Missing", "MISSING", {"M", "A"}); }},
        rule{"564", 2020, 2027,
             [](cx c, sk s) {
                 each_bad_row(c, s, "Missing", mis_cols, [](const row& r, const columns& col) {
                     return one_of(col(r, missing), {"M", "A", "m", "a"}) && col(r, mis_start).empty();
                 });
             }},
        rule{"565", 2020, 2027,
             [](cx c, sk s) {
                 each_bad_row(c, s, "Missing", mis_cols, [](const row& r, const columns& col) {
                     return !col(r, mis_start).empty() && col(r, missing).empty();
                 });
             }},
        rule{"566", 2020, 2027,
             [](cx c, sk s) {
                 each_bad_row(c, s, "Missing", mis_cols, [](const row& r, const columns& col) {
                     return !col(r, mis_end).empty() && col(r, missing).empty();
                 });
             }},
        rule{"567", 2020, 2027,
             [](cx c, sk s) {
                 each_bad_row(c, s, "Missing", mis_cols, [](const row& r, const columns& col) {
                     const auto a = to_date(col(r, mis_start));
                     const auto b = to_date(col(r, mis_end));
                     return a && b && *a > *b;
                 });
             }},
        rule{"570", 2020, 2027,
             [](cx c, sk s) {
                 each_bad_row(c, s, "Missing", mis_cols, [&](const row& r, const columns& col) {
                     const auto a = to_date(col(r, mis_start));
                     return a && *a > c.collection_end();
                 });
             }},
        rule{"571", 2020, 2027,
             [](cx c, sk s) {
                 each_bad_row(c, s, "Missing", mis_cols, [&](const row& r, const columns& col) {
                     const auto b = to_date(col(r, mis_end));
                     return b && (*b < c.collection_start() || *b > c.collection_end());
                 });
             }},
        rule{"586", 2020, 2027,
             [](cx c, sk s) {
                 each_bad_row(c, s, "Missing", mis_cols, [](const row& r, const columns& col) {
                     const auto a = to_date(col(r, mis_start));
                     const auto d = to_date(col(r, m_dob));
                     return a && d && *a <= *d;
                 });
             }},
        rule{"574", 2020, 2027,
             [](cx c, sk s) {
                 const by_child mis{c, "Missing", mis_cols};
                 if (!mis.present()) return;
                 std::unordered_set<std::string_view> done;
                 for (const auto& first : mis.tab().rows) {
                     const auto child = mis.col()(first, m_child);
                     if (!done.insert(child).second) continue;
                     auto rows = mis.of(child);
                     flag_overlapping_periods(mis, rows, mis_start, mis_end, s);
                 }
             }},
        rule{"575", 2020, 2027,
             [](cx c, sk s) {
                 if (!c.episodes_table()) return;
                 each_bad_row(c, s, "Missing", mis_cols, [&](const row& r, const columns& col) {
                     const auto a = to_date(col(r, mis_start));
                     if (!a || !col(r, mis_end).empty()) return false;
                     for (const auto* e : episodes_of(c, col(r, m_child)))
                         if (e->decom && e->dec && *a >= *e->decom && *a <= *e->dec) return true;
                     return false;
                 });
             }},
        rule{"577", 2020, 2027,
             [](cx c, sk s) {
                 if (!c.episodes_table()) return;
                 each_bad_row(c, s, "Missing", mis_cols, [&](const row& r, const columns& col) {
                     const auto a = to_date(col(r, mis_start));
                     if (!a) return false;
                     const auto b = to_date(col(r, mis_end));
                     const bool open = col(r, mis_end).empty();
                     const auto pocs = periods(c, episodes_of(c, col(r, m_child)));
                     if (pocs.empty()) return false;
                     // Wrong only when it fits no period of care.
                     return std::all_of(pocs.begin(), pocs.end(), [&](const period_of_care& p) {
                         return (open && p.end) || (open && *a < p.start) || (b && p.end && *b > *p.end)
                                || (b && *b < p.start);
                     });
                 });
             }},
        rule{"578", 2020, 2027,
             [](cx c, sk s) {
                 if (!c.episodes_table()) return;
                 each_bad_row(c, s, "Missing", mis_cols, [&](const row& r, const columns& col) {
                     const auto a = to_date(col(r, mis_start));
                     if (!a) return false;
                     const auto pocs = periods(c, episodes_of(c, col(r, m_child)));
                     if (pocs.empty()) return false;
                     return std::all_of(pocs.begin(), pocs.end(), [&](const period_of_care& p) {
                         return *a < p.start || (p.end && *a > *p.end);
                     });
                 });
             }},
        rule{"580", 2020, 2027,
             [](cx c, sk s) {
                 const by_child mis{c, "Missing", mis_cols};
                 if (!mis.present()) return;
                 each_episode(c, s, [&](const episode& e) {
                     if (!e.dec || c.get(e, ep::rec) == "E8") return false;
                     for (const auto* r : mis.of(c.get(e, ep::child))) {
                         const auto end = to_date(mis.col()(*r, mis_end));
                         const auto d = to_date(mis.col()(*r, m_dob));
                         if (end && d && *end == *e.dec && add_years(*d, 18) == *end) return true;
                     }
                     return false;
                 });
             }},
        rule{"581", 2023, 2027,
             [](cx c, sk s) {
                 if (!c.episodes_table()) return;
                 each_bad_row(c, s, "Missing", mis_cols, [&](const row& r, const columns& col) {
                     const auto a = to_date(col(r, mis_start));
                     const auto eps = episodes_of(c, col(r, m_child));
                     if (eps.empty()) return false;
                     for (const auto* e : eps)
                         if (a && e->decom && *a >= *e->decom
                             && (c.get(*e, ep::dec).empty() || !e->dec || *a <= *e->dec))
                             return false;
                     return true;
                 });
             }},
        rule{"166", 2020, 2027, [](cx c, sk s) { row_date(c, s, "Reviews", "REVIEW", false); }},
        rule{"167", 2020, 2027,
             [](cx c, sk s) {
                 each_bad_row(c, s, "Reviews", rev_cols, [](const row& r, const columns& col) {
                     const bool has_review = !col(r, review).empty();
                     const auto code = col(r, review_code);
                     if (!has_review) return !code.empty();
                     return !one_of(code, {"PN0", "PN1", "PN2", "PN3", "PN4", "PN5", "PN6", "PN7"});
                 });
             }},
        rule{"440", 2020, 2027,
             [](cx c, sk s) {
                 each_bad_row(c, s, "Reviews", rev_cols, [](const row& r, const columns& col) {
                     const auto d = to_date(col(r, r_dob));
                     const auto when = to_date(col(r, review));
                     return col(r, review_code) == "PN0" && d && when && *when > add_years(*d, 4);
                 });
             }},
        rule{"441", 2020, 2027,
             [](cx c, sk s) {
                 each_bad_row(c, s, "Reviews", rev_cols, [](const row& r, const columns& col) {
                     const auto d = to_date(col(r, r_dob));
                     const auto when = to_date(col(r, review));
                     return one_of(col(r, review_code), {"PN1", "PN2", "PN3", "PN4", "PN5", "PN6", "PN7"})
                            && d && when && *when < add_years(*d, 4);
                 });
             }},
        rule{"399", 2020, 2027,
             [](cx c, sk s) {
                 const by_child rev{c, "Reviews", rev_cols};
                 if (!rev.present() || !c.header_table()) return;
                 each_child(c, [&](std::uint32_t k, std::span<const episode* const> eps) {
                     if (!std::all_of(eps.begin(), eps.end(), [&](const episode* e) {
                             return short_break(c.get(*e, ep::ls));
                         }))
                         return;
                     const auto* h = c.header_of(k);
                     const bool mother = h && !c.get(*h, hd::mother).empty();
                     std::vector<const row*> reviews;
                     for (const auto* r : rev.of(c.child_name(k)))
                         if (!rev.col()(*r, review).empty() || !rev.col()(*r, review_code).empty())
                             reviews.push_back(r);
                     if (!mother && reviews.empty()) return;
                     for (const auto* e : eps) s.add(c, *e);
                     if (h) s.add(c, *h);
                     for (const auto* r : reviews) rev.add(s, *r);
                 });
             }},
        rule{"104", 2020, 2027,
             [](cx c, sk s) {
                 each_bad_row(c, s, "UASC", {"CHILD", "DUC"}, [&](const row& r, const columns& col) {
                     if (col(r, 1).empty()) return false;
                     const auto d = to_date(col(r, 1));
                     return !d || *d < c.collection_start();
                 });
             }},
        rule{"304", 2020, 2027,
             [](cx c, sk s) {
                 each_bad_row(c, s, "UASC", {"CHILD", "DOB", "DUC"}, [](const row& r, const columns& col) {
                     const auto d = to_date(col(r, 1));
                     const auto duc = to_date(col(r, 2));
                     return duc && d && *duc > add_years(*d, 18);
                 });
             }},
        rule{"303", 2020, 2027,
             [](cx c, sk s) {
                 if (!c.has_column(hd::uasc)) return; // CSV Headers carry no UASC flag
                 const by_child uasc{c, "UASC", {"CHILD", "DUC"}};
                 if (!uasc.present()) return;
                 for (const auto& h : c.headers())
                     for (const auto* r : uasc.of(c.get(h, hd::child)))
                         if (!uasc.col()(*r, 1).empty() && c.get(h, hd::uasc) != "1") {
                             uasc.add(s, *r);
                             s.add(c, h);
                         }
             }},
        rule{"631", 2020, 2027,
             [](cx c, sk s) {
                 row_code(c, s, "PrevPerm", "PREV_PERM", {"P1", "P2", "P3", "P4", "Z1"});
             }},
        rule{"633", 2020, 2027,
             [](cx c, sk s) {
                 each_bad_row(c, s, "PrevPerm", perm_cols, [](const row& r, const columns& col) {
                     return !col(r, la_perm).empty() && !la_code(col(r, la_perm));
                 });
             }},
        rule{"635", 2020, 2027,
             [](cx c, sk s) {
                 each_bad_row(c, s, "PrevPerm", perm_cols, [](const row& r, const columns& col) {
                     return (!col(r, la_perm).empty() || !col(r, date_perm).empty())
                            && col(r, prev_perm).empty();
                 });
             }},
        rule{"630", 2020, 2027,
             [](cx c, sk s) {
                 const by_child perm{c, "PrevPerm", perm_cols};
                 if (!perm.present()) return;
                 each_episode(c, s, [&](const episode& e) {
                     if (c.get(e, ep::rne) != "S" || !e.decom || *e.decom < c.collection_start())
                         return false;
                     const auto& rows = perm.of(c.get(e, ep::child));
                     if (rows.empty()) return true;
                     for (const auto* r : rows) {
                         const auto p = perm.col()(*r, prev_perm);
                         if (p.empty()) return true;
                         if (p != "Z1" && (perm.col()(*r, la_perm).empty() || perm.col()(*r, date_perm).empty()))
                             return true;
                     }
                     return false;
                 });
             }},
        // DATE_PERM may be partly unknown: ZZ/mm/yyyy, ZZ/ZZ/yyyy (the latest day it can be).
        rule{"632", 2020, 2027,
             [](cx c, sk s) {
                 const by_child perm{c, "PrevPerm", perm_cols};
                 if (!perm.present()) return;
                 each_child(c, [&](std::uint32_t k, std::span<const episode* const> eps) {
                     const auto& first = *eps.front();
                     if (!first.decom) return;
                     for (const auto* r : perm.of(c.child_name(k))) {
                         const auto text = perm.col()(*r, date_perm);
                         if (text.empty()) continue;
                         std::optional<date> d;
                         if (text.size() == 10 && text[2] == '/' && text[5] == '/') {
                             int y = 0;
                             std::from_chars(text.data() + 6, text.data() + 10, y);
                             if (text.substr(6) == "ZZZZ") y = 2000;
                             const bool zm = text.substr(3, 2) == "ZZ";
                             const bool zd = text.substr(0, 2) == "ZZ";
                             const std::string fixed = std::string{zd ? "01" : text.substr(0, 2)} + '/'
                                                       + std::string{zm ? "01" : text.substr(3, 2)} + '/'
                                                       + std::to_string(y);
                             d = to_date(fixed);
                             if (d && zm) d = make_date(y, 12, 31);
                             else if (d && zd) {
                                 const calendar_fields f = fields_of(*d);
                                 d = last_day_of_month(f.year, f.month);
                             }
                         }
                         if (!d || *d >= *first.decom) {
                             s.add(c, first);
                             perm.add(s, *r);
                         }
                     }
                 });
             }},
        rule{"634", 2020, 2027,
             [](cx c, sk s) {
                 const by_child perm{c, "PrevPerm", perm_cols};
                 if (!perm.present()) return;
                 for (const auto& r : perm.tab().rows) {
                     if (!any_filled(perm.col(), r, prev_perm, date_perm + 1)) continue;
                     const auto eps = episodes_of(c, perm.col()(r, p_child));
                     std::optional<date> last;
                     for (const auto* e : eps)
                         if (e->decom && (!last || *e->decom > *last)) last = e->decom;
                     if (!last || *last >= c.collection_start()) continue;
                     perm.add(s, r);
                     for (const auto* e : eps) s.add(c, *e);
                 }
             }},
        rule{"1012", 2020, 2027,
             [](cx c, sk s) {
                 if (!c.episodes_table()) return;
                 for (const auto name : {"PlacedAdoption", "Missing", "Reviews", "AD1", "PrevPerm", "OC2"})
                     each_bad_row(c, s, name, {"CHILD"}, [&](const row& r, const columns& col) {
                         return episodes_of(c, col(r, 0)).empty();
                     });
             }},
    };
}

} // namespace carepath::ssda903::rules
