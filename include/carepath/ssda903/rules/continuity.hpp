#pragma once
/// @file
/// DfE rules that compare this year's return with last year's (the tables read as
/// "Header_last", "Episodes_last", "PlacedAdoption_last", "Missing_last"): what a child was
/// recorded as last year must carry on, and an episode open on 31 March must reappear.
#include "carepath/ssda903/rules/common.hpp"

#include <array>
#include <charconv>
#include <cmath>
#include <unordered_set>
#include <unordered_map>

namespace carepath::ssda903::rules {

namespace detail_continuity {
/// Last year's latest episode (by DECOM) of each child.
class last_year_episodes {
public:
    /// Reads last year's Episodes (`Episodes_last`) from `c`, which must outlive this.
    explicit last_year_episodes(const context& c) : t_{c.find("Episodes_last")} {
        if (!t_) return;
        col_.emplace(*t_, std::initializer_list<std::string_view>{
                              "CHILD", "DECOM", "DEC", "RNE", "LS", "CIN", "PLACE",
                              "PLACE_PROVIDER", "URN", "PL_DISTANCE", "PL_LA", "PL_LOCATION"});
        for (const auto& r : t_->rows) {
            const auto d = to_date((*col_)(r, 1));
            if (!d) continue;
            auto [it, added] = latest_.try_emplace((*col_)(r, 0), &r, *d);
            if (!added && *d > it->second.second) it->second = {&r, *d};
            children_.insert((*col_)(r, 0));
        }
        for (const auto& r : t_->rows) children_.insert((*col_)(r, 0));
    }
    /// True when the return has last year's Episodes.
    [[nodiscard]] bool present() const noexcept { return t_ != nullptr; }
    /// True when last year's Episodes has a row for `child`.
    [[nodiscard]] bool has_child(std::string_view child) const { return children_.count(child) != 0; }
    /// The child's latest episode last year, or nullptr.
    [[nodiscard]] const row* latest(std::string_view child) const {
        const auto it = latest_.find(child);
        return it == latest_.end() ? nullptr : it->second.first;
    }
    /// A cell of last year's row by column name.
    [[nodiscard]] std::string_view get(const row& r, std::string_view name) const {
        static constexpr std::array<std::string_view, 12> names{
            "CHILD", "DECOM", "DEC", "RNE", "LS", "CIN", "PLACE", "PLACE_PROVIDER", "URN",
            "PL_DISTANCE", "PL_LA", "PL_LOCATION"};
        for (std::size_t i = 0; i < names.size(); ++i)
            if (names[i] == name) return (*col_)(r, i);
        return {};
    }
    /// Last year's Episodes table; only when `present()`.
    [[nodiscard]] const table& tab() const noexcept { return *t_; }
    /// Its columns; only when `present()`.
    [[nodiscard]] const columns& col() const noexcept { return *col_; }

private:
    const table* t_;
    std::optional<columns> col_;
    std::unordered_map<std::string_view, std::pair<const row*, date>> latest_;
    std::unordered_set<std::string_view> children_;
};

/// The child's first episode this year (earliest readable DECOM).
inline const episode* first_episode(std::span<const episode* const> eps) {
    return !eps.empty() && eps.front()->decom ? eps.front() : nullptr;
}
/// 503A-J: the first episode this year must carry on last year's open episode's `field`.
inline void carries_on(const context& c, const sink& s, ep f, std::string_view field) {
    const last_year_episodes last{c};
    if (!last.present()) return;
    each_child(c, [&](std::uint32_t k, std::span<const episode* const> eps) {
        const auto* first = first_episode(eps);
        const auto* prev = last.latest(c.child_name(k));
        if (!first || !prev || to_date(last.get(*prev, "DEC"))) return;
        const auto now = c.get(*first, f);
        const auto before = last.get(*prev, field);
        if (now == before) return;
        if (f == ep::place) {
            // Codes the DfE replaced: H5 became K3 (2023-24, 2024-25), Z1 became Z11-Z14.
            if ((c.year() == 2024 || c.year() == 2025) && before == "H5" && now == "K3") return;
            if (c.year() >= 2026 && before == "Z1" && one_of(now, {"Z11", "Z12", "Z13", "Z14"}))
                return;
        }
        s.add(c, *first);
    });
}
/// Header rows that differ from last year's Header in `pred(this year, last year)`.
template <class Pred>
void header_vs_last(const context& c, const sink& s, Pred differs) {
    const by_child last{c, "Header_last", {"CHILD", "SEX", "DOB", "ETHNIC", "UPN", "MOTHER", "MC_DOB"}};
    if (!last.present()) return;
    each_header(c, s, [&](const header_row& h) {
        const auto& rows = last.of(c.get(h, hd::child));
        return !rows.empty() && differs(h, *rows.front(), last.col());
    });
}
/// True for the UPN codes UN1-UN5, which say why a UPN is not known.
inline bool unknown_upn(std::string_view u) { return one_of(u, {"UN1", "UN2", "UN3", "UN4", "UN5"}); }
} // namespace detail_continuity

/// The rules comparing this year with last year.
[[nodiscard]] inline std::vector<rule> continuity_rules() {
    using namespace detail_continuity;
    using cx = const context&;
    using sk = const sink&;
    return {
        rule{"202", 2020, 2027,
             [](cx c, sk s) {
                 header_vs_last(c, s, [&](const header_row& h, const row& r, const columns& col) {
                     return c.get(h, hd::sex) != col(r, 1);
                 });
             }},
        rule{"203", 2020, 2027,
             [](cx c, sk s) {
                 header_vs_last(c, s, [](const header_row& h, const row& r, const columns& col) {
                     return h.dob != to_date(col(r, 2));
                 });
             }},
        rule{"204", 2020, 2027,
             [](cx c, sk s) {
                 header_vs_last(c, s, [&](const header_row& h, const row& r, const columns& col) {
                     return c.get(h, hd::ethnic) != col(r, 3);
                 });
             }},
        rule{"207", 2020, 2027,
             [](cx c, sk s) {
                 header_vs_last(c, s, [&](const header_row& h, const row& r, const columns& col) {
                     return !c.episodes_of(h.child).empty() && col(r, 5) == "1"
                            && c.get(h, hd::mother) != "1";
                 });
             }},
        rule{"208", 2020, 2027,
             [](cx c, sk s) {
                 header_vs_last(c, s, [&](const header_row& h, const row& r, const columns& col) {
                     const auto now = c.get(h, hd::upn);
                     const auto before = col(r, 4);
                     if (now == before) return false;
                     // Allowed: UN1 or blank to UN2-UN5; an unknown or blank UPN to a real one.
                     const bool to_un2_5 = one_of(now, {"UN2", "UN3", "UN4", "UN5"});
                     if ((before == "UN1" || before.empty()) && to_un2_5) return false;
                     if ((unknown_upn(before) || before.empty()) && !unknown_upn(now) && !now.empty())
                         return false;
                     return true;
                 });
             }},
        rule{"624", 2020, 2027,
             [](cx c, sk s) {
                 header_vs_last(c, s, [&](const header_row& h, const row& r, const columns& col) {
                     return !col(r, 6).empty() && c.get(h, hd::mc_dob) != col(r, 6);
                 });
             }},
        rule{"626", 2020, 2027,
             [](cx c, sk s) {
                 header_vs_last(c, s, [&](const header_row& h, const row& r, const columns& col) {
                     const auto mc = to_date(c.get(h, hd::mc_dob));
                     return mc && c.get(h, hd::mother) == "1" && col(r, 5) == "0"
                            && *mc < c.collection_start();
                 });
             }},
        rule{"205D", 2020, 2027,
             [](cx c, sk s) {
                 // Needs the UASC flag of both years' Headers (the XML form carries it).
                 const by_child last{c, "Header_last", {"CHILD", "UASC"}};
                 if (!last.present() || !c.has_column(hd::uasc) || !last.col().has(1)) return;
                 each_header(c, s, [&](const header_row& h) {
                     const auto& rows = last.of(c.get(h, hd::child));
                     return !rows.empty() && c.get(h, hd::uasc) == "1" && last.col()(*rows.front(), 1) != "1";
                 });
             }},
        rule{"502", 2020, 2027,
             [](cx c, sk s) {
                 const by_child last{c, "Episodes_last", {"CHILD", "DECOM", "DEC"}};
                 if (!last.present()) return;
                 each_child(c, [&](std::uint32_t k, std::span<const episode* const> eps) {
                     const auto* first = first_episode(eps);
                     if (!first) return;
                     for (const auto* r : last.of(c.child_name(k)))
                         if (last.col()(*r, 2).empty() && to_date(last.col()(*r, 1)) != first->decom) {
                             s.add(c, *first);
                             return;
                         }
                 });
             }},
        rule{"503A", 2020, 2027, [](cx c, sk s) { carries_on(c, s, ep::rne, "RNE"); }},
        rule{"503B", 2020, 2027, [](cx c, sk s) { carries_on(c, s, ep::ls, "LS"); }},
        rule{"503C", 2020, 2027, [](cx c, sk s) { carries_on(c, s, ep::cin, "CIN"); }},
        rule{"503D", 2020, 2024, [](cx c, sk s) { carries_on(c, s, ep::place, "PLACE"); }},
        rule{"503D", 2025, 2025, [](cx c, sk s) { carries_on(c, s, ep::place, "PLACE"); }},
        rule{"503D", 2026, 2027, [](cx c, sk s) { carries_on(c, s, ep::place, "PLACE"); }},
        rule{"503E", 2020, 2027,
             [](cx c, sk s) { carries_on(c, s, ep::place_provider, "PLACE_PROVIDER"); }},
        rule{"503F", 2020, 2027, [](cx c, sk s) { carries_on(c, s, ep::urn, "URN"); }},
        rule{"503G", 2020, 2027, [](cx c, sk s) { carries_on(c, s, ep::pl_distance, "PL_DISTANCE"); }},
        rule{"503H", 2020, 2027, [](cx c, sk s) { carries_on(c, s, ep::pl_la, "PL_LA"); }},
        rule{"503J", 2020, 2027, [](cx c, sk s) { carries_on(c, s, ep::pl_location, "PL_LOCATION"); }},
        rule{"452", 2020, 2027,
             [](cx c, sk s) {
                 const last_year_episodes last{c};
                 if (!last.present()) return;
                 each_child(c, [&](std::uint32_t k, std::span<const episode* const> eps) {
                     const auto* first = first_episode(eps);
                     const auto* prev = last.latest(c.child_name(k));
                     if (first && prev && c.get(*first, ep::rne) == last.get(*prev, "RNE")
                         && last.get(*prev, "DEC").empty()
                         && c.get(*first, ep::pl_la) != last.get(*prev, "PL_LA"))
                         s.add(c, *first);
                 });
             }},
        rule{"453", 2020, 2027,
             [](cx c, sk s) {
                 const last_year_episodes last{c};
                 if (!last.present()) return;
                 each_child(c, [&](std::uint32_t k, std::span<const episode* const> eps) {
                     const auto* first = first_episode(eps);
                     const auto* prev = last.latest(c.child_name(k));
                     if (!first || !prev || to_date(last.get(*prev, "DEC"))
                         || c.get(*first, ep::rne) != last.get(*prev, "RNE"))
                         return;
                     const auto now = c.get(*first, ep::pl_distance);
                     const auto before = last.get(*prev, "PL_DISTANCE");
                     double a = 0;
                     double b = 0;
                     const bool ok_a = !now.empty() && std::from_chars(now.data(), now.data() + now.size(), a).ec == std::errc{};
                     const bool ok_b = !before.empty() && std::from_chars(before.data(), before.data() + before.size(), b).ec == std::errc{};
                     if ((before.empty() && !now.empty()) || (ok_a && ok_b && std::fabs(a - b) >= 0.2))
                         s.add(c, *first);
                 });
             }},
        rule{"562", 2020, 2027,
             [](cx c, sk s) {
                 const last_year_episodes last{c};
                 if (!last.present()) return;
                 each_child(c, [&](std::uint32_t k, std::span<const episode* const> eps) {
                     const auto* first = first_episode(eps);
                     if (!first || *first->decom >= c.collection_start()) return;
                     const auto* prev = last.latest(c.child_name(k));
                     if (!prev || to_date(last.get(*prev, "DECOM")) != first->decom) s.add(c, *first);
                 });
             }},
        rule{"NoE", 2020, 2027,
             [](cx c, sk s) {
                 const last_year_episodes last{c};
                 if (!last.present()) return;
                 each_episode(c, s, [&](const episode& e) {
                     return e.decom && *e.decom < c.collection_start()
                            && !last.has_child(c.get(e, ep::child));
                 });
             }},
        rule{"559", 2020, 2027,
             [](cx c, sk s) {
                 const by_child last{c, "PlacedAdoption_last", {"CHILD", "DATE_PLACED"}};
                 if (!last.present()) return;
                 each_bad_row(c, s, "PlacedAdoption", {"CHILD", "DATE_PLACED"}, [&](const row& r, const columns& col) {
                     const auto d = to_date(col(r, 1));
                     if (!d || *d >= c.collection_start()) return false;
                     const auto& rows = last.of(col(r, 0));
                     if (rows.empty()) return true;
                     for (const auto* x : rows)
                         if (!to_date(last.col()(*x, 1))) return true;
                     return false;
                 });
             }},
        rule{"560", 2020, 2027,
             [](cx c, sk s) {
                 const by_child last{c, "PlacedAdoption_last", {"CHILD", "DATE_PLACED", "DATE_PLACED_CEASED"}};
                 if (!last.present()) return;
                 each_bad_row(c, s, "PlacedAdoption", {"CHILD", "DATE_PLACED"}, [&](const row& r, const columns& col) {
                     for (const auto* x : last.of(col(r, 0)))
                         if (!last.col()(*x, 1).empty() && last.col()(*x, 2).empty()
                             && last.col()(*x, 1) != col(r, 1))
                             return true;
                     return false;
                 });
             }},
        rule{"561", 2020, 2027,
             [](cx c, sk s) {
                 const by_child last{c, "PlacedAdoption_last",
                                     {"CHILD", "DATE_PLACED", "DATE_PLACED_CEASED", "REASON_PLACED_CEASED"}};
                 if (!last.present()) return;
                 each_bad_row(c, s, "PlacedAdoption", {"CHILD", "DATE_PLACED"}, [&](const row& r, const columns& col) {
                     if (col(r, 1).empty()) return false;
                     for (const auto* x : last.of(col(r, 0)))
                         if (last.col()(*x, 1) == col(r, 1)
                             && (!last.col()(*x, 2).empty() || !last.col()(*x, 3).empty()))
                             return true;
                     return false;
                 });
             }},
        rule{"584", 2023, 2027,
             [](cx c, sk s) {
                 const by_child last{c, "PlacedAdoption_last",
                                     {"CHILD", "DATE_PLACED", "DATE_PLACED_CEASED", "REASON_PLACED_CEASED"}};
                 if (!last.present()) return;
                 each_bad_row(c, s, "PlacedAdoption", {"CHILD", "DATE_PLACED"}, [&](const row& r, const columns& col) {
                     const auto now = to_date(col(r, 1));
                     for (const auto* x : last.of(col(r, 0))) {
                         if (last.col()(*x, 2).empty() && last.col()(*x, 3).empty()) continue;
                         const auto before = to_date(last.col()(*x, 1));
                         if (col(r, 1).empty() || (now && before && *now <= *before)) return true;
                     }
                     return false;
                 });
             }},
        rule{"576", 2020, 2027,
             [](cx c, sk s) {
                 const by_child last{c, "Missing_last", {"CHILD", "MIS_START", "MIS_END"}};
                 const by_child now{c, "Missing", {"CHILD", "MIS_START"}};
                 if (!last.present() || !now.present()) return;
                 std::unordered_set<std::string_view> done;
                 for (const auto& r : now.tab().rows) {
                     const auto child = now.col()(r, 0);
                     if (!done.insert(child).second) continue;
                     const row* first = nullptr; // earliest start; undated counts as latest
                     std::optional<date> when;
                     for (const auto* x : now.of(child)) {
                         const auto d = to_date(now.col()(*x, 1));
                         if (!first || (d && (!when || *d < *when))) {
                             first = x;
                             when = d;
                         }
                     }
                     for (const auto* x : last.of(child)) {
                         const auto start_last = to_date(last.col()(*x, 1));
                         if (last.col()(*x, 2).empty() && start_last && start_last != when) {
                             now.add(s, *first);
                             break;
                         }
                     }
                 }
             }},
    };
}

} // namespace carepath::ssda903::rules
