#pragma once
/// @file
/// The child and the people around them. Codes for sex and ethnicity are the DfE's (SSDA903
/// Header table; source: the DfE code lists), because case systems already hold
/// them in that form.
#include "carepath/core/dates.hpp"
#include "carepath/core/enum_table.hpp"
#include "carepath/core/ids.hpp"

#include <array>
#include <cstdint>
#include <optional>
#include <string>

namespace carepath {

/// Sex as recorded in the SSDA903 Header (codes M/F/U from 2024-25).
enum class sex : std::uint8_t { male, female, not_known };
/// Codes and labels of `sex`.
template <>
struct enum_table<sex> {
    /// One row per enumerator: value, code, label.
    static constexpr std::array rows{
        enum_row<sex>{sex::male, "M", "male"},
        enum_row<sex>{sex::female, "F", "female"},
        enum_row<sex>{sex::not_known, "U", "not known"},
    };
};

/// Ethnicity, DfE census categories (SSDA903 Header ETHNIC).
enum class ethnicity : std::uint8_t {
    white_british, white_irish, white_other, white_irish_traveller, white_gypsy_roma,
    mixed_white_black_caribbean, mixed_white_black_african, mixed_white_asian, mixed_other,
    asian_indian, asian_pakistani, asian_bangladeshi, asian_other,
    black_caribbean, black_african, black_other, chinese, other, refused, not_obtained
};
/// Codes and labels of `ethnicity`.
template <>
struct enum_table<ethnicity> {
    using e = ethnicity; ///< short name for the enum in the rows
    /// One row per enumerator: value, code, label.
    static constexpr std::array rows{
        enum_row<e>{e::white_british, "WBRI", "White - British"},
        enum_row<e>{e::white_irish, "WIRI", "White - Irish"},
        enum_row<e>{e::white_other, "WOTH", "White - any other background"},
        enum_row<e>{e::white_irish_traveller, "WIRT", "White - Irish Traveller heritage"},
        enum_row<e>{e::white_gypsy_roma, "WROM", "White - Gypsy/Roma"},
        enum_row<e>{e::mixed_white_black_caribbean, "MWBC", "Mixed - White and Black Caribbean"},
        enum_row<e>{e::mixed_white_black_african, "MWBA", "Mixed - White and Black African"},
        enum_row<e>{e::mixed_white_asian, "MWAS", "Mixed - White and Asian"},
        enum_row<e>{e::mixed_other, "MOTH", "Mixed - any other mixed background"},
        enum_row<e>{e::asian_indian, "AIND", "Asian or Asian British - Indian"},
        enum_row<e>{e::asian_pakistani, "APKN", "Asian or Asian British - Pakistani"},
        enum_row<e>{e::asian_bangladeshi, "ABAN", "Asian or Asian British - Bangladeshi"},
        enum_row<e>{e::asian_other, "AOTH", "Asian - any other Asian background"},
        enum_row<e>{e::black_caribbean, "BCRB", "Black or Black British - Caribbean"},
        enum_row<e>{e::black_african, "BAFR", "Black or Black British - African"},
        enum_row<e>{e::black_other, "BOTH", "Black - any other Black background"},
        enum_row<e>{e::chinese, "CHNE", "Chinese"},
        enum_row<e>{e::other, "OOTH", "any other ethnic group"},
        enum_row<e>{e::refused, "REFU", "child or parent declined to give ethnicity"},
        enum_row<e>{e::not_obtained, "NOBT", "ethnicity not yet obtained"},
    };
};

/// Where a person stands in a child's life. A person may hold several roles over time (an
/// aunt who becomes a kinship carer); the role here is the main one, the relationship edges
/// say the rest.
enum class person_role : std::uint8_t {
    child,        ///< a child whose care journey is modelled
    relative,     ///< birth family: parents, siblings, grandparents, aunts, uncles
    carer,        ///< foster carer, kinship carer, special guardian, adopter, residential staff
    professional, ///< social worker, IRO, personal adviser, teacher, independent visitor
    friend_,      ///< friends and trusted adults the child chose
    other         ///< anyone (or anything: a pet) else the child names
};
/// Codes and labels of `person_role`.
template <>
struct enum_table<person_role> {
    using e = person_role; ///< short name for the enum in the rows
    /// One row per enumerator: value, code, label.
    static constexpr std::array rows{
        enum_row<e>{e::child, "child", "child"},
        enum_row<e>{e::relative, "relative", "relative (birth family)"},
        enum_row<e>{e::carer, "carer", "carer"},
        enum_row<e>{e::professional, "professional", "professional"},
        enum_row<e>{e::friend_, "friend", "friend or trusted adult"},
        enum_row<e>{e::other, "other", "other person or attachment"},
    };
};

/// Anyone in a child's network.
struct person {
    person_id id; ///< who the person is
    std::string name;                ///< display name; may be empty (pseudonymised data)
    /// main role in the child's life; relationships say the rest
    person_role role = person_role::other;
    std::optional<date> birth_date{}; ///< often unknown for adults
};

/// A child whose care journey carepath follows. `person` gives the vertex the child is in
/// relationship graphs (siblings in care are each other's relatives).
struct child {
    child_id id; ///< the child's id as a child in care
    person_id as_person;             ///< the child's id among people
    std::string name; ///< display name; may be empty (pseudonymised data)
    date birth_date; ///< day of birth
    carepath::sex sex = sex::not_known; ///< as recorded in the SSDA903 Header
    /// SSDA903 ETHNIC category; nullopt when not recorded
    std::optional<carepath::ethnicity> ethnicity{};
    bool disabled = false;           ///< has a disability (Equality Act 2010 s6 definition)
    bool unaccompanied_asylum_seeking = false; ///< UASC: arrived in the UK without a carer
    local_authority_id responsible_authority{}; ///< the local authority looking after the child
    std::string religion;       ///< as the child or family describes it; empty when not recorded
    std::string first_language; ///< the child's first language; empty when not recorded

    /// Completed years of age on `on`.
    [[nodiscard]] constexpr int age_on(date on) const noexcept {
        return carepath::age_on(birth_date, on);
    }
    /// The day the child turns 18 (the end of care as a child, CA 1989 s105).
    [[nodiscard]] constexpr date eighteenth_birthday() const noexcept {
        return birthday(birth_date, 18);
    }
    /// The child's entry in relationship data: same id, name and birth date, role `child`.
    [[nodiscard]] person as_person_record() const {
        return person{as_person, name, person_role::child, birth_date};
    }
};

} // namespace carepath
