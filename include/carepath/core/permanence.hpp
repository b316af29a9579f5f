#pragma once
/// @file
/// Permanence options. Permanence is "security, stability, love and a strong sense of identity
/// and belonging" (Care Inquiry 2013), not a legal label. carepath ranks none of these routes:
/// a user who wants an order supplies a `permanence_preference`.
#include "carepath/core/enum_table.hpp"

#include <algorithm>
#include <array>
#include <concepts>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <stdexcept>
#include <vector>

namespace carepath {

/// The routes to permanence, in no order of merit.
enum class permanence_option : std::uint8_t {
    return_home,              ///< living with birth parents again
    kinship_care,             ///< living with relatives or friends (informal or kinship foster)
    special_guardianship,     ///< s14A CA 1989
    child_arrangements_order, ///< s8 CA 1989
    adoption,                 ///< ACA 2002
    long_term_foster_care,    ///< a foster home agreed as the child's home to adulthood
    residential_care,         ///< a children's home as the child's home
    staying_put_or_close,     ///< staying put with foster carers (CA 1989 s23CZA) or staying
                              ///< close to a children's home after 18
    independence              ///< living independently, with or without support
};
/// Codes and labels of `permanence_option`.
template <>
struct enum_table<permanence_option> {
    using e = permanence_option; ///< short name for the enum in the rows
    /// One row per enumerator: value, code, label.
    static constexpr std::array rows{
        enum_row<e>{e::return_home, "return_home", "return home"},
        enum_row<e>{e::kinship_care, "kinship_care", "kinship care"},
        enum_row<e>{e::special_guardianship, "special_guardianship", "special guardianship (s14A CA 1989)"},
        enum_row<e>{e::child_arrangements_order, "child_arrangements_order", "child arrangements order (s8 CA 1989)"},
        enum_row<e>{e::adoption, "adoption", "adoption (ACA 2002)"},
        enum_row<e>{e::long_term_foster_care, "long_term_foster_care", "long-term foster care"},
        enum_row<e>{e::residential_care, "residential_care", "residential care"},
        enum_row<e>{e::staying_put_or_close, "staying_put_or_close", "staying put or staying close"},
        enum_row<e>{e::independence, "independence", "independent living"},
    };
};

/// Why a period of care ended.
enum class exit_route : std::uint8_t {
    return_home,                ///< to parents or others with PR (SSDA903 E4A/E4B)
    lives_with_relative,        ///< to relatives or others without PR (E13)
    child_arrangements_order,   ///< E41
    special_guardianship,       ///< E45-E48 (E43/E44 before 2018-19)
    adoption,                   ///< E11, E12
    staying_put,                ///< 18+ and stayed with carers (E17)
    independent_living,         ///< E5, E6
    adult_social_care,          ///< E7
    custody,                    ///< E9
    remand_ended,               ///< E14
    transferred,                ///< care taken over by another authority (E3)
    moved_abroad,               ///< E16
    age_assessed_adult,         ///< E15
    died,                       ///< E2
    other                       ///< E8
};
/// Codes and labels of `exit_route`.
template <>
struct enum_table<exit_route> {
    using e = exit_route; ///< short name for the enum in the rows
    /// One row per enumerator: value, code, label.
    static constexpr std::array rows{
        enum_row<e>{e::return_home, "return_home", "returned home to parents"},
        enum_row<e>{e::lives_with_relative, "lives_with_relative", "went to live with a relative or other person without PR"},
        enum_row<e>{e::child_arrangements_order, "child_arrangements_order", "child arrangements order"},
        enum_row<e>{e::special_guardianship, "special_guardianship", "special guardianship order"},
        enum_row<e>{e::adoption, "adoption", "adopted"},
        enum_row<e>{e::staying_put, "staying_put", "18 and stayed with carers (staying put)"},
        enum_row<e>{e::independent_living, "independent_living", "moved to independent living"},
        enum_row<e>{e::adult_social_care, "adult_social_care", "transferred to adult social care"},
        enum_row<e>{e::custody, "custody", "sentenced to custody"},
        enum_row<e>{e::remand_ended, "remand_ended", "remand ended"},
        enum_row<e>{e::transferred, "transferred", "care taken over by another authority"},
        enum_row<e>{e::moved_abroad, "moved_abroad", "moved abroad"},
        enum_row<e>{e::age_assessed_adult, "age_assessed_adult", "age assessed as 18 or over"},
        enum_row<e>{e::died, "died", "died"},
        enum_row<e>{e::other, "other", "care ended for another reason"},
    };
};

/// The permanence option an exit route achieves, when it is one.
[[nodiscard]] constexpr std::optional<permanence_option> permanence_of(exit_route r) noexcept {
    switch (r) {
    case exit_route::return_home: return permanence_option::return_home;
    case exit_route::lives_with_relative: return permanence_option::kinship_care;
    case exit_route::child_arrangements_order: return permanence_option::child_arrangements_order;
    case exit_route::special_guardianship: return permanence_option::special_guardianship;
    case exit_route::adoption: return permanence_option::adoption;
    case exit_route::staying_put: return permanence_option::staying_put_or_close;
    case exit_route::independent_living: return permanence_option::independence;
    default: return std::nullopt;
    }
}

/// A user's ordering of permanence options for a purpose (a local plan, a scenario). carepath
/// never supplies one; options the user leaves out are unranked.
class permanence_preference {
public:
    /// Options from most to least preferred.
    /// @throws std::invalid_argument if an option is listed twice.
    explicit permanence_preference(std::vector<permanence_option> order) : order_{std::move(order)} {
        for (std::size_t i = 0; i < order_.size(); ++i)
            for (std::size_t j = i + 1; j < order_.size(); ++j)
                if (order_[i] == order_[j])
                    throw std::invalid_argument{"permanence_preference: option listed twice"};
    }
    /// 0 for the most preferred; nullopt for an option the user did not rank.
    [[nodiscard]] std::optional<std::size_t> rank(permanence_option o) const noexcept {
        auto it = std::find(order_.begin(), order_.end(), o);
        if (it == order_.end()) return std::nullopt;
        return static_cast<std::size_t>(it - order_.begin());
    }
    /// True when the user prefers `a` to `b` (both ranked, `a` first).
    [[nodiscard]] bool prefers(permanence_option a, permanence_option b) const noexcept {
        const auto ra = rank(a), rb = rank(b);
        return ra && rb && *ra < *rb;
    }
    /// The options the user ranked, most preferred first.
    [[nodiscard]] const std::vector<permanence_option>& order() const noexcept { return order_; }

private:
    std::vector<permanence_option> order_;
};

/// @brief A user's policy for ordering permanence options: `rank(o)` is 0 for the most
/// preferred and nullopt for an option the policy leaves unranked. `permanence_preference` is
/// one; a user may write their own (by age, by local plan) without touching carepath.
template <class P>
concept permanence_policy = requires(const P& p, permanence_option o) {
    { p.rank(o) } -> std::convertible_to<std::optional<std::size_t>>;
};

/// `options` in the order `policy` gives: ranked options first, most preferred first, then the
/// unranked ones in the order they came. carepath calls this only with a user's policy.
template <permanence_policy P>
[[nodiscard]] std::vector<permanence_option> order_by(const P& policy,
                                                      std::vector<permanence_option> options) {
    std::ranges::stable_sort(options, [&](permanence_option a, permanence_option b) {
        const std::optional<std::size_t> ra = policy.rank(a), rb = policy.rank(b);
        if (ra && rb) return *ra < *rb;
        return ra.has_value() && !rb.has_value();
    });
    return options;
}

} // namespace carepath
