#pragma once
/// @file
/// Legal orders and statuses of England: the statute for each, who holds parental
/// responsibility, whether the child is looked after (CA 1989 s22(1)), and which changes of
/// status can happen. SSDA903 legal-status codes (Episodes.LS) map onto these; statuses outside
/// care (special guardianship, adoption, child arrangements) have no LS code.
#include "carepath/core/enum_table.hpp"
#include "carepath/core/result.hpp"

#include <array>
#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace carepath {

/// A child's legal status. The first group are looked-after statuses; the rest are orders a
/// child leaves care by (or lives under outside care).
enum class legal_status : std::uint8_t {
    accommodated_s20,          ///< V2: single period of accommodation, s20 CA 1989
    short_breaks_single,       ///< V3: agreed series of short breaks, each episode recorded,
                               ///<     s20(4) CA 1989
    short_breaks_series,       ///< V4: agreed series of short breaks, recorded as agreements
                               ///<     rather than episodes, s20(4) CA 1989
    interim_care_order,        ///< C1: s38 CA 1989
    care_order,                ///< C2: s31 CA 1989
    placement_order,           ///< E1: s21 ACA 2002
    freeing_order,             ///< D1: s18 Adoption Act 1976 (abolished 30/12/2005)
    police_protection,         ///< L1: s46 CA 1989, at most 72 hours
    emergency_protection_order,///< L2: s44 CA 1989, 8 days, extendable once by 7
    child_assessment_order,    ///< L3: s43 CA 1989, at most 7 days
    remand,                    ///< J1: remanded to LA or youth detention accommodation,
                               ///<     s21(2)(c) CA 1989 / LASPO 2012 s104
    pace_detention,            ///< J2: detained under PACE 1984 s38(6), s21(2)(b) CA 1989
    youth_rehabilitation_order,///< J3: with residence or fostering requirement, s21(2)(c)
    child_arrangements_order,  ///< s8 CA 1989 (formerly residence order): not looked after
    special_guardianship_order,///< s14A CA 1989: not looked after
    adoption_order,            ///< s46 ACA 2002: not looked after; legal ties to birth family end
    no_order,                  ///< living outside care with no order
    supervision_order          ///< s31 CA 1989: the child lives at home; the authority advises,
                               ///< assists and befriends (s35) but is not a PR holder

};
/// Codes and labels of `legal_status`.
template <>
struct enum_table<legal_status> {
    using e = legal_status; ///< short name for the enum in the rows
    /// One row per enumerator: value, code, label.
    static constexpr std::array rows{
        enum_row<e>{e::accommodated_s20, "V2", "accommodated under s20 Children Act 1989"},
        enum_row<e>{e::short_breaks_single, "V3", "agreed series of short breaks, each recorded (s20(4) CA 1989)"},
        enum_row<e>{e::short_breaks_series, "V4", "agreed series of short breaks, recorded as an agreement (s20(4) CA 1989)"},
        enum_row<e>{e::interim_care_order, "C1", "interim care order (s38 CA 1989)"},
        enum_row<e>{e::care_order, "C2", "care order (s31 CA 1989)"},
        enum_row<e>{e::placement_order, "E1", "placement order (s21 ACA 2002)"},
        enum_row<e>{e::freeing_order, "D1", "freeing order (s18 Adoption Act 1976; legacy)"},
        enum_row<e>{e::police_protection, "L1", "police protection (s46 CA 1989)"},
        enum_row<e>{e::emergency_protection_order, "L2", "emergency protection order (s44 CA 1989)"},
        enum_row<e>{e::child_assessment_order, "L3", "child assessment order (s43 CA 1989)"},
        enum_row<e>{e::remand, "J1", "remanded to local authority or youth detention accommodation (s21(2)(c) CA 1989)"},
        enum_row<e>{e::pace_detention, "J2", "detained under PACE 1984 (s21(2)(b) CA 1989)"},
        enum_row<e>{e::youth_rehabilitation_order, "J3", "youth rehabilitation order with residence or fostering requirement (s21(2)(c) CA 1989)"},
        enum_row<e>{e::child_arrangements_order, "CAO", "child arrangements order (s8 CA 1989)"},
        enum_row<e>{e::special_guardianship_order, "SGO", "special guardianship order (s14A CA 1989)"},
        enum_row<e>{e::adoption_order, "AO", "adoption order (s46 ACA 2002)"},
        enum_row<e>{e::no_order, "NONE", "no order"},
        enum_row<e>{e::supervision_order, "SO", "supervision order (s31 CA 1989)"},
    };
};

/// The SSDA903 Episodes.LS code, or nullopt for statuses outside care.
[[nodiscard]] constexpr std::optional<std::string_view> ssda903_code(legal_status s) noexcept {
    switch (s) {
    case legal_status::child_arrangements_order:
    case legal_status::special_guardianship_order:
    case legal_status::adoption_order:
    case legal_status::supervision_order:
    case legal_status::no_order: return std::nullopt;
    default: return to_string(s);
    }
}

/// The status an SSDA903 LS code stands for.
[[nodiscard]] constexpr std::optional<legal_status> from_ssda903_code(std::string_view ls) noexcept {
    auto s = from_string<legal_status>(ls);
    if (!s || !ssda903_code(*s)) return std::nullopt;
    return s;
}

/// True when a child with this status is looked after by the local authority (s22(1) CA 1989:
/// in care under a care order, or provided with accommodation).
[[nodiscard]] constexpr bool is_looked_after(legal_status s) noexcept {
    switch (s) {
    case legal_status::child_arrangements_order:
    case legal_status::special_guardianship_order:
    case legal_status::adoption_order:
    case legal_status::supervision_order:
    case legal_status::no_order: return false;
    default: return true;
    }
}

/// The provision a status rests on, in short form ("s31 Children Act 1989").
[[nodiscard]] constexpr std::string_view statute(legal_status s) noexcept {
    using e = legal_status;
    switch (s) {
    case e::accommodated_s20: return "s20 Children Act 1989";
    case e::short_breaks_single:
    case e::short_breaks_series: return "s20(4) Children Act 1989";
    case e::interim_care_order: return "s38 Children Act 1989";
    case e::care_order: return "s31 Children Act 1989";
    case e::placement_order: return "s21 Adoption and Children Act 2002";
    case e::freeing_order: return "s18 Adoption Act 1976 (repealed)";
    case e::police_protection: return "s46 Children Act 1989";
    case e::emergency_protection_order: return "s44 Children Act 1989";
    case e::child_assessment_order: return "s43 Children Act 1989";
    case e::remand: return "s21(2)(c) Children Act 1989; s104 LASPO 2012";
    case e::pace_detention: return "s21(2)(b) Children Act 1989; s38(6) PACE 1984";
    case e::youth_rehabilitation_order: return "s21(2)(c) Children Act 1989; Sentencing Act 2020";
    case e::child_arrangements_order: return "s8 Children Act 1989";
    case e::special_guardianship_order: return "s14A Children Act 1989";
    case e::adoption_order: return "s46 Adoption and Children Act 2002";
    case e::supervision_order: return "s31 Children Act 1989";
    case e::no_order: return "";
    }
    return "";
}

/// True for statuses made in an emergency, which the law limits to days.
[[nodiscard]] constexpr bool is_emergency(legal_status s) noexcept {
    return s == legal_status::police_protection || s == legal_status::emergency_protection_order
        || s == legal_status::child_assessment_order;
}

/// The longest a status may last under its statute, in days, when the law sets one.
[[nodiscard]] constexpr std::optional<int> statutory_max_days(legal_status s) noexcept {
    switch (s) {
    case legal_status::police_protection: return 3;           // 72 hours, s46(6)
    case legal_status::emergency_protection_order: return 15; // 8 + 7, s45(1),(5)
    case legal_status::child_assessment_order: return 7;      // s43(5)
    default: return std::nullopt;
    }
}

/// Who can hold parental responsibility (PR); a status gives a set of them.
enum class pr_holder : std::uint8_t {
    birth_parents = 1,        ///< parents with PR (mother always; father by s4 CA 1989)
    local_authority = 2,      ///< shares PR and may limit parents' use (s33(3) CA 1989)
    special_guardian = 4,     ///< may exercise PR to the exclusion of others (s14C)
    adopters = 8,             ///< sole PR after the order (s46(1) ACA 2002)
    prospective_adopters = 16,///< share PR once the child is placed (s25(3) ACA 2002)
    person_named_in_order = 32,///< under a child arrangements order (s12(2) CA 1989)
    applicant = 64            ///< the EPO applicant, limited PR (s44(4)(c))
};

/// Codes and labels of `pr_holder`.
template <>
struct enum_table<pr_holder> {
    using e = pr_holder; ///< short name for the enum in the rows
    /// One row per enumerator: value, code, label.
    static constexpr std::array rows{
        enum_row<e>{e::birth_parents, "birth_parents", "birth parents"},
        enum_row<e>{e::local_authority, "local_authority", "local authority"},
        enum_row<e>{e::special_guardian, "special_guardian", "special guardian"},
        enum_row<e>{e::adopters, "adopters", "adopters"},
        enum_row<e>{e::prospective_adopters, "prospective_adopters", "prospective adopters, once the child is placed with them"},
        enum_row<e>{e::person_named_in_order, "person_named_in_order", "person the child lives with under the order"},
        enum_row<e>{e::applicant, "applicant", "applicant for the order (limited to the child's welfare)"},
    };
};

/// A set of PR holders.
class pr_holders {
public:
    constexpr pr_holders() = default;
    /// The set of the given holders.
    constexpr pr_holders(std::initializer_list<pr_holder> hs) noexcept {
        for (auto h : hs) bits_ |= static_cast<std::uint8_t>(h);
    }
    /// True when `h` is in the set.
    [[nodiscard]] constexpr bool has(pr_holder h) const noexcept {
        return (bits_ & static_cast<std::uint8_t>(h)) != 0;
    }
    /// True when nobody in the set holds PR (never the case for a real status).
    [[nodiscard]] constexpr bool empty() const noexcept { return bits_ == 0; }
    /// The holders in table order.
    [[nodiscard]] std::vector<pr_holder> list() const {
        std::vector<pr_holder> out;
        for (const auto& row : enum_table<pr_holder>::rows)
            if (has(row.value)) out.push_back(row.value);
        return out;
    }
    /// Same holders.
    friend constexpr bool operator==(pr_holders, pr_holders) = default;

private:
    std::uint8_t bits_ = 0;
};

/// Who holds parental responsibility while the child has status `s`.
[[nodiscard]] constexpr pr_holders parental_responsibility(legal_status s) noexcept {
    using h = pr_holder;
    switch (s) {
    case legal_status::interim_care_order:
    case legal_status::care_order: return {h::birth_parents, h::local_authority};
    case legal_status::placement_order:
        return {h::birth_parents, h::local_authority, h::prospective_adopters};
    case legal_status::freeing_order: return {h::local_authority};
    case legal_status::emergency_protection_order: return {h::birth_parents, h::applicant};
    case legal_status::child_arrangements_order:
        return {h::birth_parents, h::person_named_in_order};
    case legal_status::special_guardianship_order:
        return {h::birth_parents, h::special_guardian};
    case legal_status::adoption_order: return {h::adopters};
    // Accommodation, police protection, assessment, remand and PACE give the authority no PR.
    default: return {h::birth_parents};
    }
}

/// Checks that a child's status can change from `from` to `to`. The refusals are the changes
/// the law does not allow as a change of status; each comes back with the reason.
[[nodiscard]] inline status check_transition(legal_status from, legal_status to) {
    using s = legal_status;
    auto refuse = [&](std::string why) {
        diagnostic d;
        d.field = "legal_status";
        d.value = std::string{to_string(from)} + " -> " + std::string{to_string(to)};
        d.message = std::move(why);
        return status{std::move(d)};
    };
    if (from == to) return refuse("the status does not change");
    if (from == s::adoption_order)
        return refuse("an adoption order is permanent (s46 ACA 2002): a later entry to care "
                      "starts a new period of care, it is not a change of status");
    if (from == s::freeing_order && to != s::adoption_order && to != s::placement_order)
        return refuse("a freeing order leads only to adoption (legacy: s18 Adoption Act 1976)");
    if (to == s::freeing_order)
        return refuse("freeing orders were abolished on 30/12/2005 (ACA 2002)");
    if (to == s::adoption_order && from != s::placement_order && from != s::accommodated_s20
        && from != s::care_order && from != s::freeing_order)
        return refuse("an adoption order needs a placement order or parents' consent (s47 ACA "
                      "2002); it is not made from " + std::string{describe(from)});
    if (is_emergency(to)
        && (from == s::care_order || from == s::interim_care_order || from == s::placement_order))
        return refuse("the local authority already holds parental responsibility under "
                      + std::string{describe(from)} + "; an emergency order adds nothing");
    if (to == s::interim_care_order
        && (from == s::care_order || from == s::placement_order))
        return refuse("an interim order is made while proceedings are pending, not after the "
                      "final order");
    if ((to == s::accommodated_s20 || to == s::short_breaks_single
         || to == s::short_breaks_series)
        && (from == s::placement_order))
        return refuse("a child under a placement order is not accommodated under s20: the "
                      "order must first be revoked (s24 ACA 2002), which revives the care order");
    return ok;
}

/// True when `check_transition(from, to)` accepts the change.
[[nodiscard]] inline bool can_change(legal_status from, legal_status to) {
    return check_transition(from, to).ok();
}

} // namespace carepath
