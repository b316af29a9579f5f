#pragma once
/// @file
/// The events a child's care history is built from (`care_history::add`). Care events
/// (entry, placement, legal, exit, worker) come in date order; relationship events and contact
/// days carry their own dates. The event log is the whole history: replaying it rebuilds
/// every fact the history holds.
#include "carepath/core/dates.hpp"
#include "carepath/core/enum_table.hpp"
#include "carepath/core/ids.hpp"
#include "carepath/core/legal_order.hpp"
#include "carepath/core/permanence.hpp"
#include "carepath/core/placement.hpp"
#include "carepath/core/relationship.hpp"

#include <array>
#include <cstdint>
#include <optional>
#include <string_view>
#include <type_traits>
#include <variant>

namespace carepath {

// ---------------------------------------------------------------------------------------------
// Events
// ---------------------------------------------------------------------------------------------

/// The child starts to be looked after for the first time.
struct entered_care {
    date on; ///< first day looked after
    legal_status status; ///< legal status on entry
    placement where; ///< first placement
};
/// The child comes back into care after a period of care ended (after a return home, a
/// breakdown of a special guardianship or adoption, ...).
struct reentered_care {
    date on; ///< first day of the new period of care
    legal_status status; ///< legal status on re-entry
    placement where; ///< placement on re-entry
};
/// The child's placement changes on `on`. With `keep_previous_open`, the current placement is
/// held open while the new one is tried (the only case in which two placements overlap).
/// Changing to the carer of a held-open placement returns the child to it.
struct placement_changed {
    date on; ///< first day in the new placement
    placement where; ///< the new placement
    std::optional<change_reason> reason{}; ///< why the child moved, when recorded
    bool keep_previous_open = false; ///< hold the current placement open while the new one is tried
};
/// The held-open placement closes (the trial placement has become the child's home).
struct held_placement_released {
    date on; ///< day the held-open placement closes
};
/// The legal status changes; the child stays where they are.
struct legal_status_changed {
    date on; ///< first day of the new status
    legal_status status; ///< the new legal status
};
/// The period of care ends.
struct left_care {
    date on; ///< first day no longer looked after
    exit_route route; ///< how the child left care
};

/// The role a worker holds for the child.
enum class worker_role : std::uint8_t {
    social_worker,   ///< allocated social worker
    iro,             ///< independent reviewing officer (s25A CA 1989)
    personal_adviser ///< personal adviser for a care leaver (s23B CA 1989)
};
/// Codes and labels of `worker_role`.
template <>
struct enum_table<worker_role> {
    using e = worker_role; ///< short name for the rows below
    static constexpr std::array rows{ ///< one row per role
        enum_row<e>{e::social_worker, "social_worker", "social worker"},
        enum_row<e>{e::iro, "iro", "independent reviewing officer"},
        enum_row<e>{e::personal_adviser, "personal_adviser", "personal adviser"},
    };
};
/// A worker is allocated; the previous worker in the same role (if any) stops on `on`.
struct worker_changed {
    date on; ///< first day of the new worker
    worker_role role; ///< the role allocated
    social_worker_id worker; ///< the worker now holding it
};
/// A relationship of the child's begins (its start date is the relationship's own).
struct relationship_begun {
    relationship rel; ///< the relationship, with its own start date
};
/// The child's current relationship of `kind` with `other` ends, with a reason.
struct relationship_ended {
    person_id other; ///< the other person in the relationship
    /// the relationship that ends (a person may have several with the child)
    relationship_kind kind;
    relationship_ending ending; ///< when and why it ends
};
/// The contact arranged with `other` changes.
struct contact_changed {
    person_id other; ///< the other person
    relationship_kind kind; ///< the relationship whose contact changes
    contact_arrangement arrangement; ///< the new arrangement, with the day it starts
};

/// The child's current relationship with `other` goes on with a new role from `on`: a foster
/// carer the child moves away from who stays in the child's life as a former foster carer,
/// an aunt who becomes a kinship carer. One relationship continues; nothing ends.
struct relationship_role_changed {
    person_id other; ///< the other person, who stays in the child's life
    relationship_kind from; ///< the role the relationship has now
    relationship_kind to;   ///< the role it has from `on`
    date on; ///< first day in the new role
};
/// Contact with `other` (relationship `kind` on that day) happened on `on`: a visit, a call.
/// An observation, not a care event: contact days may be recorded in any order. Kept in the
/// event log like everything else, so a history rebuilt from its events keeps them.
struct contact_recorded {
    person_id other; ///< who the child had contact with
    relationship_kind kind; ///< the relationship on that day
    date on; ///< the day of the contact
};

/// Anything that can happen in a child's care history.
using care_event =
    std::variant<entered_care, reentered_care, placement_changed, held_placement_released,
                 legal_status_changed, left_care, worker_changed, relationship_begun,
                 relationship_ended, contact_changed, relationship_role_changed,
                 contact_recorded>;

namespace detail {
// std::visit for care_event as a switch over the index: std::visit's generated table of
// functions cost every file including core.hpp about 0.5 s of compile (issue 14).
template <class F>
decltype(auto) visit_event(F&& f, const care_event& e) {
    static_assert(std::variant_size_v<care_event> == 12, "one case per alternative");
    switch (e.index()) {
    case 0: return f(*std::get_if<0>(&e));
    case 1: return f(*std::get_if<1>(&e));
    case 2: return f(*std::get_if<2>(&e));
    case 3: return f(*std::get_if<3>(&e));
    case 4: return f(*std::get_if<4>(&e));
    case 5: return f(*std::get_if<5>(&e));
    case 6: return f(*std::get_if<6>(&e));
    case 7: return f(*std::get_if<7>(&e));
    case 8: return f(*std::get_if<8>(&e));
    case 9: return f(*std::get_if<9>(&e));
    case 10: return f(*std::get_if<10>(&e));
    default: return f(*std::get_if<11>(&e));
    }
}
} // namespace detail

/// The day an event happens.
[[nodiscard]] inline date event_date(const care_event& e) {
    return detail::visit_event(
        [](const auto& ev) -> date {
            using T = std::decay_t<decltype(ev)>;
            if constexpr (std::is_same_v<T, relationship_begun>) return ev.rel.start();
            else if constexpr (std::is_same_v<T, relationship_ended>) return ev.ending.on;
            else if constexpr (std::is_same_v<T, contact_changed>) return ev.arrangement.from;
            else return ev.on;
        },
        e);
}

/// The event's kind as a snake_case name ("placement_changed"), for diagnostics.
[[nodiscard]] inline std::string_view event_name(const care_event& e) noexcept {
    constexpr std::array<std::string_view, std::variant_size_v<care_event>> names{
        "entered_care",       "reentered_care",       "placement_changed",
        "held_placement_released", "legal_status_changed", "left_care",
        "worker_changed",     "relationship_begun",   "relationship_ended",
        "contact_changed",    "relationship_role_changed", "contact_recorded"};
    return names[e.index()];
}


} // namespace carepath
