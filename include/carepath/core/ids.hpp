#pragma once
/// @file
/// Strong ids: a child's id cannot be passed where a carer's is expected, and no id converts
/// from or to a bare integer without saying so.
#include <compare>
#include <cstddef>
#include <cstdint>
#include <concepts>
#include <functional>
#include <ostream>

namespace carepath {

/// An identifier tagged by what it names. Distinct tags give distinct, unrelated types.
template <class Tag, class Rep = std::uint32_t>
class strong_id {
public:
    using rep = Rep;
    using tag = Tag;
    constexpr strong_id() = default;
    constexpr explicit strong_id(Rep v) noexcept : value_{v} {}
    [[nodiscard]] constexpr Rep value() const noexcept { return value_; }
    friend constexpr auto operator<=>(const strong_id&, const strong_id&) = default;

    friend std::ostream& operator<<(std::ostream& os, const strong_id& id) {
        return os << Tag::prefix << id.value_;
    }

private:
    Rep value_{};
};

// Each tag carries the prefix an id prints with, so logs say "child 12", never just "12".
struct child_tag { static constexpr const char* prefix = "child "; };
struct person_tag { static constexpr const char* prefix = "person "; };
struct carer_tag { static constexpr const char* prefix = "carer "; };
struct provider_tag { static constexpr const char* prefix = "provider "; };
struct social_worker_tag { static constexpr const char* prefix = "social worker "; };
struct local_authority_tag { static constexpr const char* prefix = "LA "; };

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

template <class Tag, class Rep>
struct std::hash<carepath::strong_id<Tag, Rep>> {
    std::size_t operator()(const carepath::strong_id<Tag, Rep>& id) const noexcept {
        return std::hash<Rep>{}(id.value());
    }
};
