#pragma once
/// @file
/// Placements: where and with whom a looked-after child lives. Types are every SSDA903
/// Episodes.PLACE code, current and retired (source: the DfE code lists as carried by
/// data-to-insight/csc-validator-be-903 and liia-tools).
#include "carepath/core/enum_table.hpp"
#include "carepath/core/ids.hpp"

#include <array>
#include <cstdint>
#include <optional>
#include <string>

namespace carepath {

/// The broad kind of home, for summaries and for rules that do not care about the detail.
enum class placement_family : std::uint8_t {
    foster, kinship_foster, adoption, residential, with_parents, independent, secure, temporary,
    other
};
/// Codes and labels of `placement_family`.
template <>
struct enum_table<placement_family> {
    using e = placement_family; ///< short name for the enum in the rows
    /// One row per enumerator: value, code, label.
    static constexpr std::array rows{
        enum_row<e>{e::foster, "foster", "foster care (unrelated carer)"},
        enum_row<e>{e::kinship_foster, "kinship_foster", "foster care with a relative or friend"},
        enum_row<e>{e::adoption, "adoption", "placed for adoption"},
        enum_row<e>{e::residential, "residential", "residential care"},
        enum_row<e>{e::with_parents, "with_parents", "placed with parents"},
        enum_row<e>{e::independent, "independent", "independent or supported living"},
        enum_row<e>{e::secure, "secure", "secure or custodial setting"},
        enum_row<e>{e::temporary, "temporary", "temporary placement"},
        enum_row<e>{e::other, "other", "other placement"},
    };
};

/// SSDA903 placement type (Episodes.PLACE).
enum class placement_type : std::uint8_t {
    A3, A4, A5, A6, H5, K1, K2, K3, P1, P2, P3, R1, R2, R3, R5, S1, T0, T1, T2, T3, T4,
    U1, U2, U3, U4, U5, U6, Z1, Z11, Z12, Z13, Z14
};
/// Codes and labels of `placement_type`.
template <>
struct enum_table<placement_type> {
    using e = placement_type; ///< short name for the enum in the rows
    /// One row per enumerator: value, code, label.
    static constexpr std::array rows{
        enum_row<e>{e::A3, "A3", "placed for adoption with parental consent, with current foster carers"},
        enum_row<e>{e::A4, "A4", "placed for adoption with parental consent, not with current foster carers"},
        enum_row<e>{e::A5, "A5", "placed for adoption under a placement order, with current foster carers"},
        enum_row<e>{e::A6, "A6", "placed for adoption under a placement order, not with current foster carers"},
        enum_row<e>{e::H5, "H5", "semi-independent living not regulated as a children's home"},
        enum_row<e>{e::K1, "K1", "secure children's home"},
        enum_row<e>{e::K2, "K2", "children's home"},
        enum_row<e>{e::K3, "K3", "Ofsted-registered supported accommodation (16-17)"},
        enum_row<e>{e::P1, "P1", "placed with own parents or others with parental responsibility"},
        enum_row<e>{e::P2, "P2", "independent living (flat, lodgings, bed and breakfast, friends)"},
        enum_row<e>{e::P3, "P3", "residential employment"},
        enum_row<e>{e::R1, "R1", "residential care home"},
        enum_row<e>{e::R2, "R2", "NHS or health establishment"},
        enum_row<e>{e::R3, "R3", "family centre or mother and baby unit"},
        enum_row<e>{e::R5, "R5", "young offender institution or prison"},
        enum_row<e>{e::S1, "S1", "residential school"},
        enum_row<e>{e::T0, "T0", "temporary move of any kind"},
        enum_row<e>{e::T1, "T1", "temporary period in hospital"},
        enum_row<e>{e::T2, "T2", "temporary absence on holiday"},
        enum_row<e>{e::T3, "T3", "temporary stay while the usual foster carer is on holiday"},
        enum_row<e>{e::T4, "T4", "temporary stay of 7 days or less"},
        enum_row<e>{e::U1, "U1", "fostered with a relative or friend, long-term"},
        enum_row<e>{e::U2, "U2", "fostered with a relative or friend who is an approved adopter"},
        enum_row<e>{e::U3, "U3", "fostered with a relative or friend, other"},
        enum_row<e>{e::U4, "U4", "fostered with another carer, long-term"},
        enum_row<e>{e::U5, "U5", "fostered with another carer who is an approved adopter"},
        enum_row<e>{e::U6, "U6", "fostered with another carer, other"},
        enum_row<e>{e::Z1, "Z1", "other placement"},
        enum_row<e>{e::Z11, "Z11", "other placement (Z1 subtype 1)"},
        enum_row<e>{e::Z12, "Z12", "other placement (Z1 subtype 2)"},
        enum_row<e>{e::Z13, "Z13", "other placement (Z1 subtype 3)"},
        enum_row<e>{e::Z14, "Z14", "other placement (Z1 subtype 4)"},
    };
};

// Collection years are named by the year they end: 2024 means 1 April 2023 to 31 March 2024.

/// The collection year in which the DfE retired the code (new placements may no longer use
/// it), or nullopt while current. Source: codes.csv `status` column.
[[nodiscard]] constexpr std::optional<int> retired_in(placement_type t) noexcept {
    switch (t) {
    case placement_type::P2: return 2024; // invalid for placements open after 28/10/2023
    case placement_type::H5: return 2025; // replaced by K3
    case placement_type::Z1: return 2026; // split into Z11-Z14
    default: return std::nullopt;
    }
}
/// The last collection year whose code list still accepts the code (placements that began
/// before retirement are still reported), or nullopt while current. The 2025-26 list dropped
/// H5, P2 and Z1 together (codes.csv; README "Rule-set history", rule 146).
[[nodiscard]] constexpr std::optional<int> last_listed_in(placement_type t) noexcept {
    switch (t) {
    case placement_type::P2:
    case placement_type::H5:
    case placement_type::Z1: return 2025;
    default: return std::nullopt;
    }
}
/// The first collection year in which the code may be used, for codes added recently.
[[nodiscard]] constexpr std::optional<int> introduced_in(placement_type t) noexcept {
    switch (t) {
    case placement_type::K3: return 2025;
    case placement_type::Z11:
    case placement_type::Z12:
    case placement_type::Z13:
    case placement_type::Z14: return 2026;
    default: return std::nullopt;
    }
}
/// True when a new placement may be given the code in the collection year ending 31 March
/// `year`: the code has been introduced and not yet retired.
[[nodiscard]] constexpr bool valid_in_year(placement_type t, int year) noexcept {
    const auto r = retired_in(t);
    const auto i = introduced_in(t);
    return (!r || year < *r) && (!i || year >= *i);
}
/// True when the year's SSDA903 code list (rule 146) accepts the code at all, including
/// retired codes still reported for placements that began earlier.
[[nodiscard]] constexpr bool listed_in_year(placement_type t, int year) noexcept {
    const auto last = last_listed_in(t);
    const auto i = introduced_in(t);
    return (!last || year <= *last) && (!i || year >= *i);
}

/// The family a placement type belongs to.
[[nodiscard]] constexpr placement_family family_of(placement_type t) noexcept {
    using p = placement_type;
    switch (t) {
    case p::U1: case p::U2: case p::U3: return placement_family::kinship_foster;
    case p::U4: case p::U5: case p::U6: return placement_family::foster;
    case p::A3: case p::A4: case p::A5: case p::A6: return placement_family::adoption;
    case p::K2: case p::R1: case p::S1: return placement_family::residential;
    case p::K1: case p::R5: return placement_family::secure;
    case p::P1: return placement_family::with_parents;
    case p::H5: case p::K3: case p::P2: case p::P3: return placement_family::independent;
    case p::T0: case p::T1: case p::T2: case p::T3: case p::T4: return placement_family::temporary;
    default: return placement_family::other;
    }
}
/// True for T0-T4: a temporary stay from which the child returns to the placement before it
/// (SSDA903 rules 380, 381, 383: it can neither begin nor end a period of care).
[[nodiscard]] constexpr bool is_temporary(placement_type t) noexcept {
    return family_of(t) == placement_family::temporary;
}
/// True for U1-U3: fostered with a relative or friend (a "connected person").
[[nodiscard]] constexpr bool is_kinship(placement_type t) noexcept {
    return family_of(t) == placement_family::kinship_foster;
}
/// True for U1 and U4: long-term foster placements (Care Planning, Placement and Case Review
/// (England) Regulations 2010, as amended in 2015).
[[nodiscard]] constexpr bool is_long_term_fostering(placement_type t) noexcept {
    return t == placement_type::U1 || t == placement_type::U4;
}

/// Where a placement is.
struct placement_location {
    local_authority_id authority{};      ///< the authority the home is in
    bool inside_home_authority = true;   ///< inside the responsible authority's boundary
    std::string postcode_district{};     ///< "LS6"; empty when not known (never the full code)
    /// Same authority, boundary flag and postcode district.
    friend bool operator==(const placement_location&, const placement_location&) = default;
};

/// A placement: the type, who cares for the child and where. Its dates live in the care
/// history (`placement_spell`), so one placement value can be compared with another.
struct placement {
    placement_type type = placement_type::U6; ///< SSDA903 placement type (PLACE)
    std::optional<carer_id> carer;       ///< the household or person caring for the child
    /// The carer as a person in the child's relationships (the foster carer the child may go
    /// on seeing after a move). Only with `carer`; one carer id is one person throughout a
    /// history. Not part of "same carer": the carer id decides that.
    std::optional<person_id> carer_person;
    std::optional<provider_id> provider; ///< the organisation, when one provides the placement
    bool kinship = false;                ///< carer is a relative or friend
    bool long_term_fostering = false;    ///< agreed as the child's long-term home
    placement_location location; ///< where the placement is

    /// A placement of type `t` with `c` (who is `person` among the child's relationships,
    /// when given); kinship and long-term flags follow the type.
    static placement with_carer(placement_type t, carer_id c,
                                std::optional<person_id> person = std::nullopt) {
        placement p;
        p.type = t;
        p.carer = c;
        p.carer_person = person;
        p.kinship = is_kinship(t);
        p.long_term_fostering = is_long_term_fostering(t);
        return p;
    }
    /// A placement of type `t` provided by `pr` (a children's home, supported accommodation),
    /// with no individual carer recorded.
    static placement with_provider(placement_type t, provider_id pr) {
        placement p;
        p.type = t;
        p.provider = pr;
        p.kinship = is_kinship(t);
        p.long_term_fostering = is_long_term_fostering(t);
        return p;
    }
    /// Equal in every field, `carer_person` included.
    friend bool operator==(const placement&, const placement&) = default;
};

/// Why a child's placement changed (SSDA903 Episodes.REASON_PLACE_CHANGE).
enum class change_reason : std::uint8_t {
    care_plan, carer_resigned, allegation, standard_of_care, approval_removed,
    carer_request_behaviour, carer_request_other, child_request, authority_request,
    status_only, custody, other
};
/// Codes and labels of `change_reason`.
template <>
struct enum_table<change_reason> {
    using e = change_reason; ///< short name for the enum in the rows
    /// One row per enumerator: value, code, label.
    static constexpr std::array rows{
        enum_row<e>{e::care_plan, "CARPL", "change to or implementation of the care plan"},
        enum_row<e>{e::carer_resigned, "CLOSE", "carer or provider resigned, or provision closed"},
        enum_row<e>{e::allegation, "ALLEG", "allegation against the carer (s47 enquiry)"},
        enum_row<e>{e::standard_of_care, "STAND", "concerns about the standard of care"},
        enum_row<e>{e::approval_removed, "APPRR", "carer's approval removed"},
        enum_row<e>{e::carer_request_behaviour, "CREQB", "carer asked for the move because of the child's behaviour"},
        enum_row<e>{e::carer_request_other, "CREQO", "carer asked for the move for other reasons"},
        enum_row<e>{e::child_request, "CHILD", "the child asked to move"},
        enum_row<e>{e::authority_request, "LAREQ", "the responsible authority asked for the move"},
        enum_row<e>{e::status_only, "PLACE", "only the status of the placement changed"},
        enum_row<e>{e::custody, "CUSTOD", "the child moved into custody"},
        enum_row<e>{e::other, "OTHER", "other reason"},
    };
};

/// True when both placements are with the same carer: a change between them is not a move of
/// home (SSDA903 RNE T and U). Without carers, the same provider at the same place counts.
[[nodiscard]] inline bool same_carer(const placement& a, const placement& b) noexcept {
    if (a.carer || b.carer) return a.carer == b.carer;
    return a.provider && a.provider == b.provider && a.location == b.location;
}

} // namespace carepath
