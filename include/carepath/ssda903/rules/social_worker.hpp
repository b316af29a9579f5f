#pragma once
/// @file
/// DfE rules on SWEpisodes (the child's social worker episodes, collected from 2023-24) and on
/// DoLo (deprivation of liberty orders, from 2026-27).
#include "carepath/ssda903/rules/common.hpp"

#include <algorithm>
#include <unordered_set>

namespace carepath::ssda903::rules {

namespace detail_social_worker {
/// SWEpisodes columns the rules read.
inline const std::initializer_list<std::string_view> sw_cols = {
    "CHILD", "DOB", "SW_ID", "SW_DECOM", "SW_DEC", "SW_REASON"};
/// Positions in `sw_cols`.
enum sw : std::size_t { s_child, s_dob, sw_id, sw_decom, sw_dec, sw_reason };
/// DoLo (deprivation of liberty) columns the rules read.
inline const std::initializer_list<std::string_view> dolo_cols = {"CHILD", "DOB", "DOLO_START",
                                                                  "DOLO_END"};
/// Positions in `dolo_cols`.
enum dl : std::size_t { d_child, d_dob, dolo_start, dolo_end };

/// A date that may have unknown parts, ZZ/mm/yyyy or ZZ/ZZ/yyyy (taken as the latest day it
/// can be, as the DfE does); nullopt when not such a date.
inline std::optional<date> partial_date(std::string_view s) {
    if (s.size() != 10 || s[2] != '/' || s[5] != '/') return to_date(s);
    const bool zd = s.substr(0, 2) == "ZZ";
    const bool zm = s.substr(3, 2) == "ZZ";
    if (!zd && !zm) return to_date(s);
    const int y = s.substr(6) == "ZZZZ" ? 2000 : (s[6] - '0') * 1000 + (s[7] - '0') * 100 + (s[8] - '0') * 10 + (s[9] - '0');
    if (zm) return make_date(y, 12, 31);
    if (s[3] < '0' || s[3] > '9' || s[4] < '0' || s[4] > '9') return std::nullopt;
    const unsigned m = static_cast<unsigned>((s[3] - '0') * 10 + (s[4] - '0'));
    if (m < 1 || m > 12) return std::nullopt;
    return last_day_of_month(y, m);
}
/// True for one of the SW_REASON codes (MANAGE ... OTHERS).
inline bool sw_reason_code(std::string_view r) {
    return one_of(r, {"MANAGE", "FCONTA", "LEFTRL", "ORGRST", "TSPROC", "ABSENC", "CHCHAN", "PCCHAN",
                      "SWDIED", "OTHERS"});
}
/// Each child's rows of `name` sorted by date column `start` (undated last).
template <class Fn>
void each_child_sorted(const context& c, std::string_view name,
                       std::initializer_list<std::string_view> cols, std::size_t start, Fn fn) {
    const by_child rows{c, name, cols};
    if (!rows.present()) return;
    std::unordered_set<std::string_view> done;
    for (const auto& r : rows.tab().rows) {
        const auto child = rows.col()(r, 0);
        if (!done.insert(child).second) continue;
        auto list = rows.of(child);
        std::stable_sort(list.begin(), list.end(), [&](const row* a, const row* b) {
            const auto x = to_date(rows.col()(*a, start));
            const auto y = to_date(rows.col()(*b, start));
            if (x.has_value() != y.has_value()) return x.has_value();
            return x && *x < *y;
        });
        fn(rows, list);
    }
}
/// SW10STG2: a social worker episode not starting within 7 days of the previous one's end;
/// with `contract_end_ok`, one with SW_REASON FCONTA is exempt.
inline void sw_gap(const context& c, const sink& s, bool contract_end_ok) {
    each_child_sorted(c, "SWEpisodes", sw_cols, sw_decom, [&](const by_child& t, std::vector<const row*>& rows) {
        for (std::size_t i = 1; i < rows.size(); ++i) {
            if (contract_end_ok && t.col()(*rows[i], sw_reason) == "FCONTA") continue;
            const auto prev_end = to_date(t.col()(*rows[i - 1], sw_dec));
            const auto start = to_date(t.col()(*rows[i], sw_decom));
            if (!prev_end || !start || *start < *prev_end - days{7} || *start > *prev_end + days{7})
                t.add(s, *rows[i]);
        }
    });
}
/// SW12STG2: an episode starting or ending care (short breaks aside) whose child has no
/// SWEpisodes row, or one whose SW_DECOM fits neither that start nor that end. With
/// `only_recent`, an episode counts only if open or ended from a year before the collection year.
inline void sw_covers_care(const context& c, const sink& s, bool only_recent) {
    const by_child sw{c, "SWEpisodes", sw_cols};
    if (!sw.present()) return;
    const auto from = add_years(c.collection_start(), -1);
    each_episode(c, s, [&](const episode& e) {
        if (short_break(c.get(e, ep::ls))) return false;
        const bool starts = c.get(e, ep::rne) == "S";
        const bool ends = c.get(e, ep::rec) != "X1";
        if (!starts && !ends) return false;
        if (only_recent && e.dec && (*e.dec < from || *e.dec > c.collection_end())) return false;
        const auto& rows = sw.of(c.get(e, ep::child));
        if (rows.empty()) return true;
        for (const auto* r : rows) {
            const auto d = to_date(sw.col()(*r, sw_decom));
            const bool before_end = d && e.dec && *d <= *e.dec && ends;
            const bool after_start = d && e.decom && *d >= *e.decom && starts;
            if (!before_end && !after_start) return true;
        }
        return false;
    });
}
/// 705: a DoLo may not start while the previous one is open or before it ended.
inline void dolo_overlaps(const context& c, const sink& s) {
    each_child_sorted(c, "DoLo", dolo_cols, dolo_end, [&](const by_child& t, std::vector<const row*>& rows) {
        flag_overlapping_periods(t, rows, dolo_start, dolo_end, s);
    });
}
/// A DoLo overlapping an episode whose PLACE is (with `allowed_list`, is not) among `places`.
inline void dolo_placement(const context& c, const sink& s, bool allowed_list,
                           std::initializer_list<std::string_view> places) {
    const by_child dolo{c, "DoLo", dolo_cols};
    if (!dolo.present()) return;
    for (const auto& e : c.episodes()) {
        if (!e.decom) continue;
        const auto place = c.get(e, ep::place);
        if (one_of(place, places) == allowed_list) continue;
        for (const auto* r : dolo.of(c.get(e, ep::child))) {
            const auto a = to_date(dolo.col()(*r, dolo_start));
            const auto b = to_date(dolo.col()(*r, dolo_end));
            if (!a || !b) continue;
            if ((!e.dec || *a <= *e.dec) && *b >= *e.decom) {
                dolo.add(s, *r);
                s.add(c, e);
            }
        }
    }
}
} // namespace detail_social_worker

/// The rules on social worker episodes and deprivation of liberty orders.
[[nodiscard]] inline std::vector<rule> social_worker_rules() {
    using namespace detail_social_worker;
    using cx = const context&;
    using sk = const sink&;
    return {
        rule{"SW01STG1", 2024, 2024,
             [](cx c, sk s) {
                 const by_child sw{c, "SWEpisodes", sw_cols};
                 if (!sw.present()) return;
                 each_episode(c, s, [&](const episode& e) {
                     if (!c.get(e, ep::dec).empty() || short_break(c.get(e, ep::ls))) return false;
                     const auto& rows = sw.of(c.get(e, ep::child));
                     if (rows.empty()) return true;
                     for (const auto* r : rows)
                         if (sw.col()(*r, sw_id).empty() || sw.col()(*r, sw_decom).empty()
                             || sw.col()(*r, sw_reason).empty())
                             return true;
                     return false;
                 });
             }},
        rule{"SW01aSTG1", 2025, 2027,
             [](cx c, sk s) {
                 each_bad_row(c, s, "SWEpisodes", sw_cols, [](const row& r, const columns& col) {
                     const auto d = to_date(col(r, sw_decom));
                     return !d || (*d < make_date(2023, 4, 1).value() && col(r, sw_id).empty());
                 });
             }},
        rule{"SW01bSTG1", 2025, 2027,
             [](cx c, sk s) {
                 each_bad_row(c, s, "SWEpisodes", sw_cols, [](const row& r, const columns& col) {
                     const auto d = to_date(col(r, sw_decom));
                     return !d || (*d >= make_date(2023, 4, 1).value()
                                   && (col(r, sw_id).empty() || col(r, sw_reason).empty()));
                 });
             }},
        rule{"SW02STG1", 2024, 2027,
             [](cx c, sk s) {
                 each_bad_row(c, s, "SWEpisodes", sw_cols, [](const row& r, const columns& col) {
                     const auto id = col(r, sw_id);
                     return id.size() < 2 || !one_of(id.substr(0, 2), {"SW", "XX"});
                 });
             }},
        rule{"SW03STG1", 2024, 2024,
             [](cx c, sk s) {
                 each_bad_row(c, s, "SWEpisodes", sw_cols, [](const row& r, const columns& col) {
                     return col(r, sw_id).empty() || col(r, sw_decom).empty() || col(r, sw_reason).empty();
                 });
             }},
        rule{"SW04STG1", 2024, 2027,
             [](cx c, sk s) {
                 each_bad_row(c, s, "SWEpisodes", sw_cols, [](const row& r, const columns& col) {
                     return !col(r, sw_decom).empty() && !partial_date(col(r, sw_decom));
                 });
             }},
        rule{"SW05STG1", 2024, 2027,
             [](cx c, sk s) {
                 each_bad_row(c, s, "SWEpisodes", sw_cols, [](const row& r, const columns& col) {
                     return !col(r, sw_dec).empty() && !partial_date(col(r, sw_dec));
                 });
             }},
        rule{"SW06STG2", 2024, 2027,
             [](cx c, sk s) {
                 each_bad_row(c, s, "SWEpisodes", sw_cols, [&](const row& r, const columns& col) {
                     const auto d = to_date(col(r, sw_decom));
                     return d && *d > c.collection_end();
                 });
             }},
        rule{"SW07STG2", 2024, 2024,
             [](cx c, sk s) {
                 each_bad_row(c, s, "SWEpisodes", sw_cols, [&](const row& r, const columns& col) {
                     const auto d = to_date(col(r, sw_dec));
                     return d && (*d < c.collection_start() || *d > c.collection_end());
                 });
             }},
        // From 2024-25 the reporting period starts a year before the collection year.
        rule{"SW07STG2", 2025, 2027,
             [](cx c, sk s) {
                 each_bad_row(c, s, "SWEpisodes", sw_cols, [&](const row& r, const columns& col) {
                     const auto d = to_date(col(r, sw_dec));
                     return d && (*d < add_years(c.collection_start(), -1) || *d > c.collection_end());
                 });
             }},
        rule{"SW08STG2", 2024, 2027,
             [](cx c, sk s) {
                 each_child_sorted(c, "SWEpisodes", sw_cols, sw_decom,
                                   [&](const by_child& t, std::vector<const row*>& rows) {
                                       for (std::size_t i = 0; i + 1 < rows.size(); ++i)
                                           if (to_date(t.col()(*rows[i], sw_decom))
                                               && !to_date(t.col()(*rows[i], sw_dec)))
                                               t.add(s, *rows[i]);
                                   });
             }},
        rule{"SW09STG2", 2024, 2027,
             [](cx c, sk s) {
                 each_bad_row(c, s, "SWEpisodes", sw_cols, [](const row& r, const columns& col) {
                     return !col(r, sw_dec).empty() && col(r, sw_dec) == col(r, sw_decom);
                 });
             }},
        rule{"SW10STG2", 2024, 2024, [](cx c, sk s) { sw_gap(c, s, false); }},
        rule{"SW10STG2", 2025, 2027, [](cx c, sk s) { sw_gap(c, s, true); }},
        rule{"SW12STG2", 2024, 2024, [](cx c, sk s) { sw_covers_care(c, s, false); }},
        rule{"SW12STG2", 2025, 2027, [](cx c, sk s) { sw_covers_care(c, s, true); }},
        rule{"SW13STG1", 2024, 2024,
             [](cx c, sk s) {
                 each_bad_row(c, s, "SWEpisodes", sw_cols, [](const row& r, const columns& col) {
                     return !sw_reason_code(col(r, sw_reason));
                 });
             }},
        rule{"SW13STG1", 2025, 2027,
             [](cx c, sk s) {
                 each_bad_row(c, s, "SWEpisodes", sw_cols, [](const row& r, const columns& col) {
                     const auto reason = col(r, sw_reason);
                     if (!reason.empty()) return !sw_reason_code(reason);
                     const auto d = to_date(col(r, sw_decom));
                     return d && *d >= make_date(2023, 4, 1).value();
                 });
             }},
        rule{"SW14STG2", 2024, 2024,
             [](cx c, sk s) {
                 each_child_sorted(c, "SWEpisodes", sw_cols, sw_decom,
                                   [&](const by_child& t, std::vector<const row*>& rows) {
                                       for (std::size_t i = 0; i + 1 < rows.size(); ++i)
                                           if (!to_date(t.col()(*rows[i], sw_dec))) t.add(s, *rows[i]);
                                   });
             }},
        rule{"SW17STG2", 2026, 2027,
             [](cx c, sk s) {
                 each_child_sorted(c, "SWEpisodes", sw_cols, sw_decom,
                                   [&](const by_child& t, std::vector<const row*>& rows) {
                                       // The most recent episode (latest start) must be open.
                                       const row* latest = nullptr;
                                       for (const auto* r : rows)
                                           if (to_date(t.col()(*r, sw_decom))) latest = r;
                                       if (!latest && !rows.empty()) latest = rows.front();
                                       if (latest && !t.col()(*latest, sw_dec).empty()) t.add(s, *latest);
                                   });
             }},
        rule{"700", 2027, 2027, [](cx c, sk s) { row_date(c, s, "DoLo", "DOLO_START", false); }},
        rule{"701", 2027, 2027, [](cx c, sk s) { row_date(c, s, "DoLo", "DOLO_END", true); }},
        rule{"702", 2027, 2027,
             [](cx c, sk s) {
                 each_bad_row(c, s, "DoLo", dolo_cols, [](const row& r, const columns& col) {
                     const auto a = to_date(col(r, dolo_start));
                     const auto b = to_date(col(r, dolo_end));
                     return a && b && *b <= *a;
                 });
             }},
        rule{"703", 2027, 2027,
             [](cx c, sk s) {
                 each_bad_row(c, s, "DoLo", dolo_cols, [&](const row& r, const columns& col) {
                     const auto a = to_date(col(r, dolo_start));
                     return a && *a > c.collection_end();
                 });
             }},
        rule{"704", 2027, 2027,
             [](cx c, sk s) {
                 each_bad_row(c, s, "DoLo", dolo_cols, [&](const row& r, const columns& col) {
                     const auto b = to_date(col(r, dolo_end));
                     return b && (*b > c.collection_end() || *b < c.collection_start());
                 });
             }},
        rule{"705", 2027, 2027, dolo_overlaps},
        rule{"706", 2027, 2027,
             [](cx c, sk s) {
                 const by_child now{c, "DoLo", dolo_cols};
                 if (!now.present()) return;
                 each_bad_row(c, s, "DoLo_last", dolo_cols, [&](const row& r, const columns& col) {
                     if (!col(r, dolo_end).empty()) return false;
                     for (const auto* x : now.of(col(r, d_child)))
                         if (now.col()(*x, dolo_start) == col(r, dolo_start)) return false;
                     return true;
                 });
             }},
        rule{"708", 2027, 2027,
             [](cx c, sk s) {
                 each_bad_row(c, s, "DoLo", dolo_cols, [](const row& r, const columns& col) {
                     const auto a = to_date(col(r, dolo_start));
                     const auto d = to_date(col(r, d_dob));
                     return a && d && *a <= *d;
                 });
             }},
        // The validator reads a column PLACEMENT the return does not have; carepath reads PLACE.
        rule{"709", 2027, 2027,
             [](cx c, sk s) { dolo_placement(c, s, true, {"K2", "Z12", "Z13"}); }},
        rule{"710", 2027, 2027,
             [](cx c, sk s) { dolo_placement(c, s, false, {"K1", "P1", "R5", "K3"}); }},
    };
}

} // namespace carepath::ssda903::rules
