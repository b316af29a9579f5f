#pragma once
// Private to carepath::sim: an implementation detail, not part of the API.
// Siblings kept together. The duty to place a child with their siblings "so far as reasonably
// practicable" (Children Act 1989 s22C(8)(c)) holds at every placement, not only the first:
// siblings living together move together unless the move is about one of them, and a child who
// moves into foster care may join a sibling's foster carer who has room.
#include "carepath/core/placement.hpp"
#include "carepath/sim/detail/records.hpp"

#include <cstdint>

namespace carepath::sim::detail {

/// Whether a move for reason `why` is about the child alone, so the siblings living with them
/// stay where they are: the carer asked for this child to go because of their behaviour, the
/// child asked to move, or the child went into custody. A move about the carer or the plan (a
/// carer who stops or is not good enough, an allegation, the care plan) moves them all.
[[nodiscard]] constexpr bool move_about_one_child(change_reason why) noexcept {
    return why == change_reason::carer_request_behaviour || why == change_reason::child_request
           || why == change_reason::custody;
}

/// Whether siblings can move with the child into a home of kind `h`: a foster or kinship
/// household, back to parents, or a children's home (a group whose carer stops may go to one
/// together); not semi-independent or independent living (16-17 only), a residential or
/// secure setting or an adoptive placement, chosen for the child's own needs or plan.
[[nodiscard]] constexpr bool home_shared_with_siblings(home_kind h) noexcept {
    return h == home_kind::foster || h == home_kind::kinship_foster
           || h == home_kind::with_parents || h == home_kind::childrens_home;
}

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
