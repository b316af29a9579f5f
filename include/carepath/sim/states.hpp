#pragma once
/// @file
/// The states a simulated child is counted in: the kind of home, the legal group and the age
/// band, each with its table of codes and labels, and how many there are of each.
#include "carepath/core/enum_table.hpp"
#include "carepath/core/permanence.hpp"

#include <array>
#include <cstddef>
#include <cstdint>

namespace carepath::sim {

/// The kind of home a simulated child lives in; each maps to one SSDA903 placement type.
enum class home_kind : std::uint8_t {
    foster,              ///< unrelated foster carers (U4-U6)
    kinship_foster,      ///< fostered with a relative or friend (U1-U3)
    childrens_home,      ///< children's home (K2)
    semi_independent,    ///< semi-independent or supported accommodation, 16-17 (H5/K3)
    independent,         ///< living independently (P2), 16-17
    with_parents,        ///< placed with parents (P1): still looked after
    placed_for_adoption, ///< placed for adoption (A5/A6)
    other_residential    ///< residential school, health setting, secure unit, custody (R1..)
};
/// A child's legal status, grouped as the published statistics group it.
enum class legal_group : std::uint8_t {
    accommodated_s20,   ///< s20 CA 1989
    interim_care_order, ///< s38 CA 1989 (counted with care orders in published shares)
    care_order,         ///< s31 CA 1989
    placement_order     ///< s21 ACA 2002
};
/// Age bands of the DfE tables.
enum class age_band : std::uint8_t { under_1, age_1_4, age_5_9, age_10_15, age_16_17 };

} // namespace carepath::sim

/// Codes and labels of `home_kind`.
template <>
struct carepath::enum_table<carepath::sim::home_kind> {
    using e = carepath::sim::home_kind; ///< short name for the enum in the rows
    /// One row per enumerator: value, code, label.
    static constexpr std::array rows{
        enum_row<e>{e::foster, "foster", "foster care with unrelated carers"},
        enum_row<e>{e::kinship_foster, "kinship_foster", "foster care with a relative or friend"},
        enum_row<e>{e::childrens_home, "childrens_home", "children's home"},
        enum_row<e>{e::semi_independent, "semi_independent", "semi-independent accommodation"},
        enum_row<e>{e::independent, "independent", "living independently"},
        enum_row<e>{e::with_parents, "with_parents", "placed with parents (still in care)"},
        enum_row<e>{e::placed_for_adoption, "placed_for_adoption", "placed for adoption"},
        enum_row<e>{e::other_residential, "other_residential", "other residential setting"},
    };
};
/// Codes and labels of `legal_group`.
template <>
struct carepath::enum_table<carepath::sim::legal_group> {
    using e = carepath::sim::legal_group; ///< short name for the enum in the rows
    /// One row per enumerator: value, code, label.
    static constexpr std::array rows{
        enum_row<e>{e::accommodated_s20, "s20", "accommodated under s20 CA 1989"},
        enum_row<e>{e::interim_care_order, "interim_care_order", "interim care order"},
        enum_row<e>{e::care_order, "care_order", "care order"},
        enum_row<e>{e::placement_order, "placement_order", "placement order"},
    };
};
/// Codes and labels of `age_band`.
template <>
struct carepath::enum_table<carepath::sim::age_band> {
    using e = carepath::sim::age_band; ///< short name for the enum in the rows
    /// One row per enumerator: value, code, label.
    static constexpr std::array rows{
        enum_row<e>{e::under_1, "under_1", "under 1"},
        enum_row<e>{e::age_1_4, "1_4", "1 to 4"},
        enum_row<e>{e::age_5_9, "5_9", "5 to 9"},
        enum_row<e>{e::age_10_15, "10_15", "10 to 15"},
        enum_row<e>{e::age_16_17, "16_17", "16 and 17"},
    };
};

namespace carepath::sim {

inline constexpr std::size_t home_count = 8; ///< number of `home_kind` values
inline constexpr std::size_t legal_count = 4; ///< number of `legal_group` values
inline constexpr std::size_t band_count = 5; ///< number of `age_band` values
/// Number of `exit_route` values.
inline constexpr std::size_t exit_route_count = enum_table<exit_route>::rows.size();

/// The age band of a child aged `age` completed years (18+ fall in the last band).
[[nodiscard]] constexpr age_band band_of(int age) noexcept {
    if (age < 1)
        return age_band::under_1;
    if (age < 5)
        return age_band::age_1_4;
    if (age < 10)
        return age_band::age_5_9;
    if (age < 16)
        return age_band::age_10_15;
    return age_band::age_16_17;
}

} // namespace carepath::sim
