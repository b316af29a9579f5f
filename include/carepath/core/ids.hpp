#pragma once
/// @file
/// Strong ids: a child's id cannot be passed where a carer's is expected, and no id converts
/// from or to a bare integer without saying so.
#include <compare>
#include <cstddef>
#include <cstdint>
#include <concepts>
#include <optional> // declares std::hash (as <functional> does), at a fraction of the cost
#include <iosfwd>

namespace carepath {

/// An identifier tagged by what it names. Distinct tags give distinct, unrelated types.
template <class Tag, class Rep = std::uint32_t>
class strong_id {
public:
    using rep = Rep; ///< Integer type that holds the value.
    using tag = Tag; ///< What the id names (`child_tag`, `carer_tag`, ...).
    constexpr strong_id() = default;
    /// An id from its number, explicitly: no integer converts to an id by accident.
    constexpr explicit strong_id(Rep v) noexcept : value_{v} {}
    /// The number, for storage and output.
    [[nodiscard]] constexpr Rep value() const noexcept { return value_; }
    /// Ids of the same kind compare by number.
    friend constexpr auto operator<=>(const strong_id&, const strong_id&) = default;

    /// Prints the tag's prefix and the number: "child 12".
    friend std::ostream& operator<<(std::ostream& os, const strong_id& id) {
        return os << Tag::prefix << id.value_;
    }

private:
    Rep value_{};
};

// Each tag carries the prefix an id prints with, so logs say "child 12", never just "12".
/// Tag of `child_id`.
struct child_tag { static constexpr const char* prefix = "child "; };
/// Tag of `person_id`.
struct person_tag { static constexpr const char* prefix = "person "; };
/// Tag of `carer_id`.
struct carer_tag { static constexpr const char* prefix = "carer "; };
/// Tag of `provider_id`.
struct provider_tag { static constexpr const char* prefix = "provider "; };
/// Tag of `social_worker_id`.
struct social_worker_tag { static constexpr const char* prefix = "social worker "; };
/// Tag of `local_authority_id`.
struct local_authority_tag { static constexpr const char* prefix = "LA "; };
/// @var child_tag::prefix
/// Printed before a child id's number.
/// @var person_tag::prefix
/// Printed before a person id's number.
/// @var carer_tag::prefix
/// Printed before a carer id's number.
/// @var provider_tag::prefix
/// Printed before a provider id's number.
/// @var social_worker_tag::prefix
/// Printed before a social worker id's number.
/// @var local_authority_tag::prefix
/// Printed before a local authority's code ("LA 202").

/// A child in (or on the edge of) care.
using child_id = strong_id<child_tag>;
/// Anyone in a child's life: relatives, carers, professionals, friends. A child is also a person
/// in other children's networks; `as_person` gives the child's person id.
using person_id = strong_id<person_tag>;
/// A foster household, kinship carer, special guardian, adopter or residential home's carer.
using carer_id = strong_id<carer_tag>;
/// An organisation providing a placement (an agency, a children's home operator).
using provider_id = strong_id<provider_tag>;
/// A social worker (or IRO, or personal adviser: the role is on the relationship).
using social_worker_id = strong_id<social_worker_tag>;
/// A local authority, by its DfE three-digit code (e.g. 202 Camden).
using local_authority_id = strong_id<local_authority_tag, std::uint16_t>;

/// @brief Any of carepath's id types.
template <class T>
concept id_type = requires { typename T::tag; typename T::rep; }
                  && std::same_as<T, strong_id<typename T::tag, typename T::rep>>;

} // namespace carepath

/// Hashes an id by its number, so ids can key unordered containers.
template <class Tag, class Rep>
struct std::hash<carepath::strong_id<Tag, Rep>> {
    /// Hash of the id's number.
    std::size_t operator()(const carepath::strong_id<Tag, Rep>& id) const noexcept {
        return std::hash<Rep>{}(id.value());
    }
};
