#pragma once
/// @file
/// DfE rules that look at one Episodes row at a time: codes, dates, and which placement,
/// provider, legal status, URN and postcode combinations may go together.
#include "carepath/ssda903/rules/common.hpp"

namespace carepath::ssda903::rules {

namespace detail_episodes {
/// The DfE's placement code list of collection year `year` (rule 146). The validator's
/// 2024-25 list spells K3 "k3" and so rejects K3 after upper-casing; carepath accepts K3 there,
/// as the DfE's 2024-25 guidance introduced it.
inline bool place_valid(std::string_view p, int year) noexcept {
    if (one_of(p, {"A3", "A4", "A5", "A6", "K1", "K2", "P1", "P3", "R1", "R2", "R3", "R5", "S1",
                   "T0", "T1", "T2", "T3", "T4", "U1", "U2", "U3", "U4", "U5", "U6"}))
        return true;
    if (year <= 2025 && one_of(p, {"H5", "P2", "Z1"})) return true;
    if (year == 2025 && p == "K3") return true;
    return year >= 2026 && one_of(p, {"K3", "Z11", "Z12", "Z13", "Z14"});
}
/// Placements that need no provider (rules 178, 213, 526), by collection year.
inline bool no_provider_2023(std::string_view p) noexcept { return temporary(p) || p == "Z1"; }
/// The same from collection year 2026, where Z11-Z14 replace Z1.
inline bool no_provider_2026(std::string_view p) noexcept {
    return temporary(p) || one_of(p, {"Z11", "Z12", "Z13", "Z14"});
}
/// Episodes whose PLACE_PROVIDER is not PR0-PR5, or is given for a placement that needs none.
inline void provider_code(const context& c, const sink& s, bool (*no_provider)(std::string_view)) {
    each_episode(c, s, [&](const episode& e) {
        const auto pr = c.get(e, ep::place_provider);
        if (pr.empty()) return false;
        return !one_of(pr, {"PR0", "PR1", "PR2", "PR3", "PR4", "PR5"})
               || no_provider(c.get(e, ep::place));
    });
}
/// Episodes with a PLACE_PROVIDER for a placement that needs none.
inline void provider_not_needed(const context& c, const sink& s,
                                bool (*no_provider)(std::string_view)) {
    each_episode(c, s, [&](const episode& e) {
        return no_provider(c.get(e, ep::place)) && !c.get(e, ep::place_provider).empty();
    });
}
/// Episodes with no PLACE_PROVIDER for a placement that needs one.
inline void provider_missing(const context& c, const sink& s,
                             bool (*no_provider)(std::string_view)) {
    each_episode(c, s, [&](const episode& e) {
        return !no_provider(c.get(e, ep::place)) && c.get(e, ep::place_provider).empty();
    });
}
/// Episodes with PLACE_PROVIDER `provider` and a PLACE among `places`.
inline void provider_with(const context& c, const sink& s, std::string_view provider,
                          std::initializer_list<std::string_view> places) {
    each_episode(c, s, [&](const episode& e) {
        return c.get(e, ep::place_provider) == provider && one_of(c.get(e, ep::place), places);
    });
}
/// Placements not regulated by Ofsted, so without URN (rules 218, 222), by collection year.
inline bool urn_exempt(std::string_view p, int year) noexcept {
    if (one_of(p, {"P1", "P3", "R1", "R2", "R5"}) || temporary(p)) return true;
    if (year <= 2023 && p == "H5") return true;
    if (year <= 2024 && p == "P2") return true;
    if (year <= 2025 && p == "Z1") return true;
    return year >= 2026 && one_of(p, {"Z11", "Z12", "Z13", "Z14"});
}
/// Placed outside England, from the derived PL_LA (carried only when the input has it).
inline bool out_of_england(std::string_view pl_la, int year) noexcept {
    if (year >= 2026) return one_of(pl_la, {"CON", "NIR", "SCO", "WAL", "NUK"});
    return !pl_la.empty() && one_of(pl_la.substr(0, 1), {"N", "W", "S", "C"});
}
/// Rule 218: an episode open in the year without a URN, for a placement that needs one in England.
inline void urn_required(const context& c, const sink& s) {
    const int y = c.year() == 2024 ? 2023 : c.year(); // H5 kept its exemption until 2024-25
    each_episode(c, s, [&](const episode& e) {
        const bool ends_in_year =
            c.get(e, ep::dec).empty() || (e.dec && *e.dec >= c.collection_start());
        return ends_in_year && c.get(e, ep::urn).empty() && !urn_exempt(c.get(e, ep::place), y)
               && !out_of_england(c.get(e, ep::pl_la), c.year());
    });
}
/// Rule 222: a URN (other than XXXXXXX) for a placement that needs none.
inline void urn_not_needed(const context& c, const sink& s) {
    each_episode(c, s, [&](const episode& e) {
        const auto urn = c.get(e, ep::urn);
        return urn_exempt(c.get(e, ep::place), c.year()) && !urn.empty() && urn != "XXXXXXX";
    });
}
/// True when the child's Header row has UASC = 1.
inline bool uasc_child(const context& c, const episode& e) {
    const auto* h = c.header_of(e.child);
    return h && c.get(*h, hd::uasc) == "1";
}
/// PL_DISTANCE `s` in miles; `ok` is false when `s` is blank or not a number.
inline double distance(std::string_view s, bool& ok) noexcept {
    // Miles with an optional decimal part; hand-rolled so no locale or stream is involved.
    double v = 0;
    double scale = 0;
    ok = !s.empty();
    bool neg = false;
    if (!s.empty() && s.front() == '-') {
        neg = true;
        s.remove_prefix(1);
    }
    for (const char ch : s) {
        if (ch == '.' && scale == 0) {
            scale = 1;
        } else if (ch >= '0' && ch <= '9') {
            if (scale == 0) {
                v = v * 10 + (ch - '0');
            } else {
                scale /= 10;
                v += (ch - '0') * scale;
            }
        } else {
            ok = false;
        }
    }
    return neg ? -v : v;
}
/// The day y-m-d, which must be a valid date.
inline date day(int y, unsigned m, unsigned d) { return make_date(y, m, d).value(); }
} // namespace detail_episodes

/// The rules on single Episodes rows.
[[nodiscard]] inline std::vector<rule> episode_rules() {
    using namespace detail_episodes;
    return {
        rule{"1009", 2020, 2027,
             [](const context& c, const sink& s) {
                 episode_code(c, s, ep::reason_place_change,
                              {"CARPL", "CLOSE", "ALLEG", "STAND", "APPRR", "CREQB", "CREQO",
                               "CHILD", "LAREQ", "PLACE", "CUSTOD", "OTHER"});
             }},
        rule{"1015", 2020, 2027,
             [](const context& c, const sink& s) {
                 if (c.local_authority().empty() || !c.has_column(ep::pl_la)) return;
                 each_episode(c, s, [&](const episode& e) {
                     const auto place = c.get(e, ep::place);
                     const auto ls = c.get(e, ep::ls);
                     return c.get(e, ep::place_provider) == "PR1" && !place.empty() && !ls.empty()
                            && !one_of(place, {"A3", "A4", "A5", "A6", "U1", "U2", "U3", "U4",
                                               "U5", "U6"})
                            && !short_break(ls) && c.get(e, ep::pl_la) != c.local_authority();
                 });
             }},
        rule{"141", 2020, 2027,
             [](const context& c, const sink& s) {
                 each_episode(c, s, [&](const episode& e) { return !e.decom && !c.get(e, ep::decom).empty(); });
             }},
        rule{"143", 2020, 2027,
             [](const context& c, const sink& s) {
                 episode_code(c, s, ep::rne, {"S", "P", "L", "T", "U", "B"});
             }},
        rule{"144", 2020, 2027,
             [](const context& c, const sink& s) {
                 episode_code(c, s, ep::ls,
                              {"C1", "C2", "D1", "E1", "V2", "V3", "V4", "J1", "J2", "J3", "L1",
                               "L2", "L3"});
             }},
        rule{"145", 2020, 2027,
             [](const context& c, const sink& s) {
                 episode_code(c, s, ep::cin, {"N1", "N2", "N3", "N4", "N5", "N6", "N7", "N8"});
             }},
        rule{"146", 2020, 2027,
             [](const context& c, const sink& s) {
                 each_episode(c, s, [&](const episode& e) {
                     const auto p = c.get(e, ep::place);
                     return !p.empty() && !place_valid(p, c.year());
                 });
             }},
        rule{"147", 2020, 2027,
             [](const context& c, const sink& s) {
                 each_episode(c, s, [&](const episode& e) { return !e.dec && !c.get(e, ep::dec).empty(); });
             }},
        rule{"148", 2020, 2027,
             [](const context& c, const sink& s) {
                 each_episode(c, s, [&](const episode& e) {
                     return c.get(e, ep::dec).empty() != c.get(e, ep::rec).empty();
                 });
             }},
        rule{"149", 2020, 2027,
             [](const context& c, const sink& s) {
                 each_episode(c, s, [&](const episode& e) {
                     const auto r = c.get(e, ep::rec);
                     return !r.empty() && r != "X1" && !leaves_care(r);
                 });
             }},
        rule{"164", 2020, 2027,
             [](const context& c, const sink& s) {
                 each_episode(c, s, [&](const episode& e) {
                     bool ok = false;
                     const double d = distance(c.get(e, ep::pl_distance), ok);
                     return ok && !uasc_child(c, e) && (d < 0.0 || d > 999.9);
                 });
             }},
        rule{"169", 2020, 2027,
             [](const context& c, const sink& s) {
                 if (!c.has_column(ep::pl_la)) return;
                 each_episode(c, s, [&](const episode& e) {
                     return !short_break(c.get(e, ep::ls)) && c.get(e, ep::pl_la).empty();
                 });
             }},
        rule{"178", 2020, 2025,
             [](const context& c, const sink& s) { provider_code(c, s, no_provider_2023); }},
        // The 2025-26 list of placements without a provider leaves out T4; so does carepath.
        rule{"178", 2026, 2027,
             [](const context& c, const sink& s) {
                 provider_code(c, s, [](std::string_view p) {
                     return one_of(p, {"T0", "T1", "T2", "T3", "Z11", "Z12", "Z13", "Z14"});
                 });
             }},
        rule{"179", 2020, 2027,
             [](const context& c, const sink& s) {
                 if (!c.has_column(ep::pl_location)) return;
                 each_episode(c, s, [&](const episode& e) {
                     return !short_break(c.get(e, ep::ls)) && c.get(e, ep::pl_location).empty();
                 });
             }},
        rule{"213", 2020, 2025,
             [](const context& c, const sink& s) {
                 provider_not_needed(c, s, [](std::string_view p) { return temporary(p); });
             }},
        rule{"213", 2026, 2027,
             [](const context& c, const sink& s) { provider_not_needed(c, s, no_provider_2026); }},
        rule{"214", 2020, 2027,
             [](const context& c, const sink& s) {
                 each_episode(c, s, [&](const episode& e) {
                     return short_break(c.get(e, ep::ls))
                            && (!c.get(e, ep::pl_post).empty() || !c.get(e, ep::urn).empty());
                 });
             }},
        rule{"217", 2020, 2027,
             [](const context& c, const sink& s) {
                 each_episode(c, s, [&](const episode& e) {
                     return one_of(c.get(e, ep::place), {"A3", "A5"}) && e.decom
                            && *e.decom >= day(2015, 4, 1)
                            && !one_of(c.get(e, ep::rne), {"S", "T", "U"});
                 });
             }},
        rule{"217t", 2024, 2024,
             [](const context& c, const sink& s) {
                 each_episode(c, s, [&](const episode& e) {
                     return c.get(e, ep::place) == "P2" && (!e.dec || *e.dec > day(2023, 10, 28));
                 });
             }},
        rule{"218", 2020, 2024, urn_required},
        rule{"218", 2025, 2025, urn_required},
        rule{"218", 2026, 2027, urn_required},
        rule{"222", 2020, 2023, urn_not_needed},
        rule{"222", 2024, 2024, urn_not_needed},
        rule{"222", 2025, 2025, urn_not_needed},
        rule{"222", 2026, 2027, urn_not_needed},
        rule{"230", 2024, 2024,
             [](const context& c, const sink& s) {
                 each_episode(c, s, [&](const episode& e) {
                     const auto urn = c.get(e, ep::urn);
                     const auto la = c.get(e, ep::pl_la);
                     return c.get(e, ep::place) == "H5" && (!e.dec || *e.dec >= day(2023, 10, 29))
                            && (urn.empty() || urn == "XXXXXXX")
                            && !(!la.empty() && one_of(la.substr(0, 1), {"N", "W", "S"}));
                 });
             }},
        // The validator reads a column DATE_EPISODE_CEASED that the return does not have, so
        // its 233 never runs; carepath checks the rule as worded, on DEC.
        rule{"233", 2026, 2027,
             [](const context& c, const sink& s) {
                 each_episode(c, s, [&](const episode& e) {
                     return c.get(e, ep::dec).empty() && !c.get(e, ep::reason_place_change).empty();
                 });
             }},
        rule{"353", 2020, 2027,
             [](const context& c, const sink& s) {
                 each_episode(c, s, [&](const episode& e) { return e.decom && *e.decom < day(1991, 10, 14); });
             }},
        rule{"354", 2020, 2027,
             [](const context& c, const sink& s) {
                 each_episode(c, s, [&](const episode& e) { return e.decom && *e.decom > c.collection_end(); });
             }},
        rule{"355", 2020, 2027,
             [](const context& c, const sink& s) {
                 each_episode(c, s, [&](const episode& e) {
                     return !c.get(e, ep::decom).empty() && c.get(e, ep::decom) == c.get(e, ep::dec);
                 });
             }},
        rule{"356", 2020, 2027,
             [](const context& c, const sink& s) {
                 each_episode(c, s, [&](const episode& e) { return e.dec && e.decom && *e.dec < *e.decom; });
             }},
        rule{"365", 2020, 2027,
             [](const context& c, const sink& s) {
                 each_episode(c, s, [&](const episode& e) {
                     const auto end = dec_or_end(c, e);
                     return c.get(e, ep::ls) == "V3" && e.decom && end && *end > *e.decom + days{17};
                 });
             }},
        rule{"366", 2020, 2027,
             [](const context& c, const sink& s) {
                 each_episode(c, s, [&](const episode& e) {
                     return c.get(e, ep::ls) == "V3" && c.get(e, ep::rne) != "S";
                 });
             }},
        rule{"378", 2020, 2027,
             [](const context& c, const sink& s) {
                 each_episode(c, s, [&](const episode& e) {
                     return c.get(e, ep::place) == "P1" && c.get(e, ep::ls) == "V2";
                 });
             }},
        rule{"380", 2020, 2027,
             [](const context& c, const sink& s) {
                 each_episode(c, s, [&](const episode& e) {
                     return temporary(c.get(e, ep::place)) && !one_of(c.get(e, ep::rne), {"P", "B"});
                 });
             }},
        rule{"381", 2020, 2027,
             [](const context& c, const sink& s) {
                 each_episode(c, s, [&](const episode& e) {
                     const auto r = c.get(e, ep::rec);
                     return temporary(c.get(e, ep::place)) && !r.empty() && r != "X1";
                 });
             }},
        rule{"382", 2020, 2027,
             [](const context& c, const sink& s) {
                 each_episode(c, s, [&](const episode& e) {
                     return short_break(c.get(e, ep::ls)) && temporary(c.get(e, ep::place));
                 });
             }},
        rule{"384", 2020, 2027,
             [](const context& c, const sink& s) {
                 each_episode(c, s, [&](const episode& e) {
                     return short_break(c.get(e, ep::ls)) && one_of(c.get(e, ep::place), {"U1", "U4"});
                 });
             }},
        rule{"385", 2020, 2027,
             [](const context& c, const sink& s) {
                 each_episode(c, s, [&](const episode& e) { return e.dec && *e.dec > c.collection_end(); });
             }},
        rule{"390", 2020, 2027,
             [](const context& c, const sink& s) {
                 each_episode(c, s, [&](const episode& e) {
                     return one_of(c.get(e, ep::rec), {"E11", "E12"})
                            && !one_of(c.get(e, ep::place), {"A3", "A4", "A5", "A6"});
                 });
             }},
        rule{"392a", 2020, 2027,
             [](const context& c, const sink& s) {
                 if (!c.has_column(ep::pl_distance)) return;
                 each_episode(c, s, [&](const episode& e) {
                     return !short_break(c.get(e, ep::ls)) && c.get(e, ep::pl_distance).empty()
                            && !uasc_child(c, e);
                 });
             }},
        rule{"392b", 2020, 2027,
             [](const context& c, const sink& s) {
                 each_episode(c, s, [&](const episode& e) {
                     return !short_break(c.get(e, ep::ls)) && !uasc_child(c, e)
                            && (c.get(e, ep::home_post).empty() || c.get(e, ep::pl_post).empty());
                 });
             }},
        rule{"392d", 2023, 2027,
             [](const context& c, const sink& s) {
                 each_episode(c, s, [&](const episode& e) {
                     const auto home = c.get(e, ep::home_post);
                     return c.get(e, ep::place) != "P1" && !home.empty()
                            && home == c.get(e, ep::pl_post);
                 });
             }},
        rule{"398", 2020, 2027,
             [](const context& c, const sink& s) {
                 each_episode(c, s, [&](const episode& e) {
                     return short_break(c.get(e, ep::ls))
                            && (!c.get(e, ep::home_post).empty() || !c.get(e, ep::pl_post).empty());
                 });
             }},
        rule{"406", 2020, 2027,
             [](const context& c, const sink& s) {
                 each_episode(c, s, [&](const episode& e) {
                     return uasc_child(c, e) && !c.get(e, ep::pl_distance).empty();
                 });
             }},
        rule{"408", 2020, 2027,
             [](const context& c, const sink& s) {
                 each_episode(c, s, [&](const episode& e) {
                     return one_of(c.get(e, ep::place), {"A5", "A6"}) && c.get(e, ep::ls) != "E1";
                 });
             }},
        rule{"411", 2020, 2027,
             [](const context& c, const sink& s) {
                 if (c.local_authority().empty()) return;
                 each_episode(c, s, [&](const episode& e) {
                     return c.get(e, ep::pl_location) == "IN"
                            && c.get(e, ep::pl_la) != c.local_authority();
                 });
             }},
        rule{"420", 2020, 2027,
             [](const context& c, const sink& s) {
                 each_episode(c, s, [&](const episode& e) {
                     return short_break(c.get(e, ep::ls)) && !c.get(e, ep::pl_la).empty();
                 });
             }},
        rule{"445", 2020, 2024,
             [](const context& c, const sink& s) {
                 each_episode(c, s, [&](const episode& e) {
                     return c.get(e, ep::ls) == "D1" && e.decom && *e.decom > day(2005, 12, 31);
                 });
             }},
        rule{"446", 2020, 2027,
             [](const context& c, const sink& s) {
                 each_episode(c, s, [&](const episode& e) {
                     return c.get(e, ep::ls) == "E1" && e.decom && *e.decom < day(2005, 12, 1);
                 });
             }},
        rule{"451", 2020, 2024,
             [](const context& c, const sink& s) {
                 each_episode(c, s, [&](const episode& e) {
                     return c.get(e, ep::ls) == "D1" && c.get(e, ep::dec).empty()
                            && c.get(e, ep::rec).empty();
                 });
             }},
        rule{"454", 2026, 2027,
             [](const context& c, const sink& s) {
                 each_episode(c, s, [&](const episode& e) {
                     bool ok = false;
                     const double d = distance(c.get(e, ep::pl_distance), ok);
                     return ok && d > 350.0 && d != 999.9;
                 });
             }},
        rule{"516", 2020, 2027,
             [](const context& c, const sink& s) {
                 each_episode(c, s, [&](const episode& e) {
                     return one_of(c.get(e, ep::rec), {"E45", "E46"})
                            && !one_of(c.get(e, ep::place), {"U1", "U2", "U3", "U4", "U5", "U6"});
                 });
             }},
        rule{"526", 2020, 2025,
             [](const context& c, const sink& s) { provider_missing(c, s, no_provider_2023); }},
        rule{"526", 2026, 2027,
             [](const context& c, const sink& s) { provider_missing(c, s, no_provider_2026); }},
        rule{"527", 2020, 2027,
             [](const context& c, const sink& s) { provider_with(c, s, "PR1", {"P1", "R2", "R5"}); }},
        rule{"528", 2020, 2027,
             [](const context& c, const sink& s) { provider_with(c, s, "PR2", {"P1", "R2", "R5"}); }},
        rule{"529", 2020, 2027,
             [](const context& c, const sink& s) {
                 provider_with(c, s, "PR3",
                               {"A3", "A4", "A5", "A6", "K1", "K2", "P1", "U1", "U2", "U3", "U4",
                                "U5", "U6"});
             }},
        rule{"530", 2020, 2027,
             [](const context& c, const sink& s) { provider_with(c, s, "PR4", {"P1"}); }},
        rule{"531", 2020, 2027,
             [](const context& c, const sink& s) { provider_with(c, s, "PR5", {"P1"}); }},
        rule{"550", 2020, 2027,
             [](const context& c, const sink& s) {
                 each_episode(c, s, [&](const episode& e) {
                     return c.get(e, ep::place_provider) == "PR0" && c.get(e, ep::place) != "P1";
                 });
             }},
    };
}

} // namespace carepath::ssda903::rules
