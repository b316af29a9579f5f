#pragma once
// Private to carepath::sim: an implementation detail, not part of the API.
// Siblings reunited after a move. The duty to place a child with their siblings "so far as
// reasonably practicable" (Children Act 1989 s22C(8)(c)) holds at every placement, not only the
// first: a child who moves into foster care may join a sibling's foster carer who has room.
#include "carepath/sim/detail/records.hpp"

#include <cstdint>

namespace carepath::sim::detail {

/// Whether a child leaving carer `old` could join carer `id`, who looks after a sibling: a foster
/// household (the authority's or an agency's; a relative takes the family's children anyway, and
/// a provider is not a home shared with a sibling), still caring, with a free place, and not the
/// carer the child is leaving.
[[nodiscard]] inline bool can_join_sibling(const carer_rec& c, std::uint32_t id,
                                           std::uint32_t old) noexcept {
    return id != none && id != old && !c.unlimited && c.active && c.kind == home_kind::foster
           && c.used < c.places;
}

} // namespace carepath::sim::detail
