#pragma once
/// @file
/// Relationships as data between two people: what kind (and when it changed), when it
/// existed, what contact there was, and how it ended. An ending is only ever explicit and always has a reason: a
/// relationship that merely stops appearing in the records is a data gap, not a loss.
#include "carepath/core/enum_table.hpp"
#include "carepath/core/ids.hpp"
#include "carepath/core/interval.hpp"
#include "carepath/core/result.hpp"

#include <algorithm>
#include <array>
#include <cstdint>
#include <optional>
#include <iosfwd>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace carepath {

/// The broad family a relationship kind belongs to; the graph's rules (who will be there at
/// 25, what counts as a sibling) are written on families, so user kinds join them.
enum class kind_family : std::uint8_t {
    sibling,      ///< full, half, step siblings
    birth_family, ///< parents, grandparents, other relatives
    carer,        ///< current or former carers, kinship carers, guardians, adopters
    professional, ///< social worker, IRO, personal adviser, teacher, key worker
    chosen,       ///< friends, mentors, trusted adults, pets
    other
};
/// Codes and labels of `kind_family`.
template <>
struct enum_table<kind_family> {
    using e = kind_family; ///< short name for the enum in the rows
    /// One row per enumerator: value, code, label.
    static constexpr std::array rows{
        enum_row<e>{e::sibling, "sibling", "sibling"},
        enum_row<e>{e::birth_family, "birth_family", "birth family"},
        enum_row<e>{e::carer, "carer", "carer"},
        enum_row<e>{e::professional, "professional", "professional"},
        enum_row<e>{e::chosen, "chosen", "chosen relationship"},
        enum_row<e>{e::other, "other", "other"},
    };
};

/// The kind of a relationship. An open set: carepath's kinds are constants in `kinds::`, and a
/// user adds their own with a code of 1000 or more (`relationship_kind{1001,
/// kind_family::chosen, "football_coach"}`). Two kinds are equal when their codes are.
class relationship_kind {
public:
    /// First code free for user-defined kinds.
    static constexpr std::uint16_t first_user_code = 1000;

    /// A kind with its code (1000 or more for a user's own), family and snake_case name.
    constexpr relationship_kind(std::uint16_t code, kind_family family,
                                std::string_view name) noexcept
        : code_{code}, family_{family}, name_{name} {}

    /// Numeric code; what equality and ordering compare.
    [[nodiscard]] constexpr std::uint16_t code() const noexcept { return code_; }
    /// The broad family the graph's rules use.
    [[nodiscard]] constexpr kind_family family() const noexcept { return family_; }
    /// snake_case name ("half_sibling"); the storage must outlive the kind (a literal).
    [[nodiscard]] constexpr std::string_view name() const noexcept { return name_; }
    /// True for full, half, step and user-defined sibling kinds.
    [[nodiscard]] constexpr bool is_sibling() const noexcept {
        return family_ == kind_family::sibling;
    }
    /// True for a user's own kind (code 1000 or more).
    [[nodiscard]] constexpr bool is_user_defined() const noexcept {
        return code_ >= first_user_code;
    }

    /// Same code.
    friend constexpr bool operator==(relationship_kind a, relationship_kind b) noexcept {
        return a.code_ == b.code_;
    }
    /// Ordered by code.
    friend constexpr auto operator<=>(relationship_kind a, relationship_kind b) noexcept {
        return a.code_ <=> b.code_;
    }
    /// Prints the snake_case name.
    template <class Traits>
    friend std::basic_ostream<char, Traits>& operator<<(std::basic_ostream<char, Traits>& os,
                                                        relationship_kind k) {
        return os << k.name_;
    }

private:
    std::uint16_t code_;
    kind_family family_;
    std::string_view name_;
};

/// carepath's own relationship kinds.
namespace kinds {
using f = kind_family; ///< short name for the families below
/// Shares both birth parents.
inline constexpr relationship_kind full_sibling{1, f::sibling, "full_sibling"};
/// Shares one birth parent.
inline constexpr relationship_kind half_sibling{2, f::sibling, "half_sibling"};
/// Related through a parent's partner.
inline constexpr relationship_kind step_sibling{3, f::sibling, "step_sibling"};
/// Mother or father by birth.
inline constexpr relationship_kind birth_parent{10, f::birth_family, "birth_parent"};
/// A parent's parent.
inline constexpr relationship_kind grandparent{11, f::birth_family, "grandparent"};
/// Aunt, uncle, cousin or other relative.
inline constexpr relationship_kind other_relative{12, f::birth_family, "other_relative"};
/// Current foster carer.
inline constexpr relationship_kind foster_carer{20, f::carer, "foster_carer"};
/// Foster carer the child no longer lives with.
inline constexpr relationship_kind former_foster_carer{21, f::carer, "former_foster_carer"};
/// Relative or friend caring for the child.
inline constexpr relationship_kind kinship_carer{22, f::carer, "kinship_carer"};
/// Holds a special guardianship order (s14A CA 1989).
inline constexpr relationship_kind special_guardian{23, f::carer, "special_guardian"};
/// Adoptive parent.
inline constexpr relationship_kind adopter{24, f::carer, "adopter"};
/// Key worker in a children's home.
inline constexpr relationship_kind residential_key_worker{30, f::professional,
                                                          "residential_key_worker"};
/// Allocated social worker.
inline constexpr relationship_kind social_worker{31, f::professional, "social_worker"};
/// Independent reviewing officer (CA 1989 s25A).
inline constexpr relationship_kind iro{32, f::professional, "iro"};
/// Personal adviser for care leavers (CA 1989 s23B, to 25 under the CSWA 2017 s3).
inline constexpr relationship_kind personal_adviser{33, f::professional, "personal_adviser"};
/// A teacher at the child's school.
inline constexpr relationship_kind teacher{34, f::professional, "teacher"};
/// Friend or trusted adult the child chose.
inline constexpr relationship_kind friend_{40, f::chosen, "friend"};
/// A pet the child is attached to.
inline constexpr relationship_kind pet{41, f::chosen, "pet"};
/// Any other person or attachment.
inline constexpr relationship_kind other{50, f::other, "other"};

/// Every built-in kind, in code order.
inline constexpr std::array builtin{full_sibling, half_sibling, step_sibling, birth_parent,
                                    grandparent, other_relative, foster_carer,
                                    former_foster_carer, kinship_carer, special_guardian,
                                    adopter, residential_key_worker, social_worker, iro,
                                    personal_adviser, teacher, friend_, pet, other};
} // namespace kinds

/// The kinds a program knows: carepath's own plus any the user adds. A value, not a global:
/// each reader or program carries the catalogue it was given.
class kind_catalogue {
public:
    kind_catalogue() : kinds_(kinds::builtin.begin(), kinds::builtin.end()) {}

    /// Adds a user kind.
    /// @throws std::invalid_argument if the code is below 1000 or the code or name is taken.
    void add(relationship_kind k) {
        if (!k.is_user_defined())
            throw std::invalid_argument{"user relationship kinds need a code of 1000 or more"};
        for (const auto& have : kinds_)
            if (have == k || have.name() == k.name())
                throw std::invalid_argument{"relationship kind already defined: "
                                            + std::string{k.name()}};
        kinds_.push_back(k);
    }
    /// The kind named `name`, or nullopt.
    [[nodiscard]] std::optional<relationship_kind> parse(std::string_view name) const noexcept {
        for (const auto& k : kinds_)
            if (k.name() == name) return k;
        return std::nullopt;
    }
    /// The kind with code `code`, or nullopt.
    [[nodiscard]] std::optional<relationship_kind> find(std::uint16_t code) const noexcept {
        for (const auto& k : kinds_)
            if (k.code() == code) return k;
        return std::nullopt;
    }
    /// Every kind known, built-in first, in the order added.
    [[nodiscard]] const std::vector<relationship_kind>& all() const noexcept { return kinds_; }

private:
    std::vector<relationship_kind> kinds_;
};

/// How contact happens.
enum class contact_mode : std::uint8_t {
    direct,     ///< meeting in person, unsupervised
    supervised, ///< meeting in person with a supervisor
    indirect,   ///< letters, calls, messages, letterbox contact
    none        ///< no contact arranged (the relationship still exists)
};
/// Codes and labels of `contact_mode`.
template <>
struct enum_table<contact_mode> {
    using e = contact_mode; ///< short name for the enum in the rows
    /// One row per enumerator: value, code, label.
    static constexpr std::array rows{
        enum_row<e>{e::direct, "direct", "direct contact"},
        enum_row<e>{e::supervised, "supervised", "supervised direct contact"},
        enum_row<e>{e::indirect, "indirect", "indirect contact (letters, calls)"},
        enum_row<e>{e::none, "none", "no contact arranged"},
    };
};

/// How often contact is arranged.
enum class contact_frequency : std::uint8_t {
    daily, weekly, fortnightly, monthly, quarterly, twice_yearly, yearly, as_agreed
};
/// Codes and labels of `contact_frequency`.
template <>
struct enum_table<contact_frequency> {
    using e = contact_frequency; ///< short name for the enum in the rows
    /// One row per enumerator: value, code, label.
    static constexpr std::array rows{
        enum_row<e>{e::daily, "daily", "daily (lives with the child)"},
        enum_row<e>{e::weekly, "weekly", "weekly"},
        enum_row<e>{e::fortnightly, "fortnightly", "fortnightly"},
        enum_row<e>{e::monthly, "monthly", "monthly"},
        enum_row<e>{e::quarterly, "quarterly", "quarterly"},
        enum_row<e>{e::twice_yearly, "twice_yearly", "twice a year"},
        enum_row<e>{e::yearly, "yearly", "yearly"},
        enum_row<e>{e::as_agreed, "as_agreed", "as agreed, no fixed frequency"},
    };
};

/// A contact arrangement in force from `from` until the next arrangement replaces it.
struct contact_arrangement {
    date from; ///< first day of the arrangement
    contact_mode mode = contact_mode::direct; ///< how contact happens
    contact_frequency frequency = contact_frequency::as_agreed; ///< how often it is arranged
    /// Same day, mode and frequency.
    friend bool operator==(const contact_arrangement&, const contact_arrangement&) = default;
};

/// Why a relationship ended. Each ending records one; there is no "none".
enum class end_reason : std::uint8_t {
    placement_move, ///< the child moved home
    school_move,    ///< the child changed school
    worker_change,  ///< a professional left the role (turnover, transfer, team change)
    age_out,        ///< a statutory role ended with the child's age (18, 21, 25)
    death,
    court_order,    ///< a court ended or restricted contact
    child_choice,   ///< the child chose to end it
    other_person_choice, ///< the other person chose to end it
    adoption,       ///< ended by an adoption order or adoption plan
    lost_contact,   ///< contact lapsed and the record says so
    not_known       ///< ended, and the record says the reason is not known
};
/// Codes and labels of `end_reason`.
template <>
struct enum_table<end_reason> {
    using e = end_reason; ///< short name for the enum in the rows
    /// One row per enumerator: value, code, label.
    static constexpr std::array rows{
        enum_row<e>{e::placement_move, "placement_move", "the child moved home"},
        enum_row<e>{e::school_move, "school_move", "the child changed school"},
        enum_row<e>{e::worker_change, "worker_change", "the professional changed"},
        enum_row<e>{e::age_out, "age_out", "a statutory role ended with age"},
        enum_row<e>{e::death, "death", "death"},
        enum_row<e>{e::court_order, "court_order", "ended by a court order"},
        enum_row<e>{e::child_choice, "child_choice", "the child's choice"},
        enum_row<e>{e::other_person_choice, "other_person_choice", "the other person's choice"},
        enum_row<e>{e::adoption, "adoption", "adoption"},
        enum_row<e>{e::lost_contact, "lost_contact", "contact lapsed"},
        enum_row<e>{e::not_known, "unknown", "ended; reason recorded as not known"},
    };
};

/// An explicit ending: the day the relationship stopped (exclusive end of its spell), why,
/// and whether it was planned. `reason` is optional only so that an ending written without
/// one (`relationship_ending{day}`) is caught and refused by `relationship::end`, rather than
/// silently taking the first reason in the list.
struct relationship_ending {
    date on; ///< the day it stopped: the exclusive end of the spell
    std::optional<end_reason> reason{}; ///< why it ended; required by `relationship::end`
    bool planned = false; ///< part of a plan agreed in advance
    std::string note{}; ///< free-text note; may be empty
    /// Equal in every field.
    friend bool operator==(const relationship_ending&, const relationship_ending&) = default;
};

/// Reads an ending reason from its code; an empty or unknown code is refused, because an
/// ending must say why.
[[nodiscard]] inline result<end_reason> parse_end_reason(std::string_view code) {
    if (code.empty())
        return diagnostic{{}, 0, 0, "end_reason", "", "an ending needs a reason", {}};
    if (auto r = from_string<end_reason>(code)) return *r;
    return diagnostic{{}, 0, 0, "end_reason", std::string{code}, "not a known ending reason", {}};
}

/// A relationship going on with a new kind from `on` (foster carer to former foster carer).
struct role_change {
    date on; ///< first day with the new kind
    relationship_kind from; ///< the kind before
    relationship_kind to; ///< the kind from `on`
    /// Same day, same kinds.
    friend bool operator==(const role_change&, const role_change&) = default;
};

/// A relationship between two people over time: one or more spells in which it existed, the
/// contact arranged, and an explicit ending for each spell that closed. Use it as
/// `relationship`; it is a template with nothing to choose only so that a file including
/// core.hpp compiles the members it calls and no others (issue 14), as `basic_care_history`.
template <class = void>
class basic_relationship {
public:
    /// A relationship that exists from `start`.
    /// @throws std::invalid_argument if `a == b` (nobody relates to themselves here).
    basic_relationship(person_id a, person_id b, relationship_kind kind, date start)
        : a_{a}, b_{b}, kind_{kind}, spells_{interval{start}} {
        if (a == b) throw std::invalid_argument{"relationship: a person cannot relate to themselves"};
    }

    /// One of the two people; the order the relationship was made in, not a direction.
    [[nodiscard]] person_id a() const noexcept { return a_; }
    /// The other person.
    [[nodiscard]] person_id b() const noexcept { return b_; }
    /// The kind now: after the last role change, if any.
    [[nodiscard]] relationship_kind kind() const noexcept { return kind_; }
    /// The kind the relationship had on `d` (its first kind before any role change).
    [[nodiscard]] relationship_kind kind_on(date d) const noexcept {
        if (roles_.empty()) return kind_;
        relationship_kind k = roles_.front().from;
        for (const auto& c : roles_)
            if (c.on <= d) k = c.to;
        return k;
    }
    /// The role changes, oldest first.
    [[nodiscard]] const std::vector<role_change>& role_changes() const noexcept { return roles_; }
    /// The relationship goes on with kind `to` from `on`. Refused when nothing changes, when
    /// the relationship has ended, when `on` is not after the start of its current spell
    /// (begin it with the new kind instead), or not after the last role change.
    [[nodiscard]] status change_role(date on, relationship_kind to) {
        if (to == kind_) return error_message("the role does not change");
        if (has_ended()) return error_message("an ended relationship does not change role");
        if (on <= spells_.back().start())
            return error_message("a role changes after the relationship began: begin it with "
                                 "the new role instead");
        if (!roles_.empty() && on <= roles_.back().on)
            return error_message("role changes must be recorded in date order, one a day");
        roles_.push_back({on, kind_, to});
        kind_ = to;
        return ok;
    }
    /// True when `p` is one of the two people.
    [[nodiscard]] bool involves(person_id p) const noexcept { return a_ == p || b_ == p; }
    /// The person at the other end from `p`.
    /// @throws contract_violation if `p` is neither end.
    [[nodiscard]] person_id other(person_id p) const {
        if (p == a_) return b_;
        if (p == b_) return a_;
        throw contract_violation{"relationship::other: person is not in this relationship"};
    }

    /// The spells in which the relationship existed, oldest first; only the last may be open.
    [[nodiscard]] const std::vector<interval>& spells() const noexcept { return spells_; }
    /// One ending per closed spell, in the same order.
    [[nodiscard]] const std::vector<relationship_ending>& endings() const noexcept {
        return endings_;
    }
    /// First day of the first spell.
    [[nodiscard]] date start() const noexcept { return spells_.front().start(); }
    /// True while the relationship exists on `d`.
    [[nodiscard]] bool active_on(date d) const noexcept {
        return std::any_of(spells_.begin(), spells_.end(),
                           [d](const interval& s) { return s.contains(d); });
    }
    /// True when the last spell has closed.
    [[nodiscard]] bool has_ended() const noexcept { return !spells_.back().is_open(); }
    /// The ending of the last spell, if it has closed.
    [[nodiscard]] const relationship_ending* last_ending() const noexcept {
        return has_ended() ? &endings_.back() : nullptr;
    }
    /// The ending whose day is `d` or the first ending after `d`, if any.
    [[nodiscard]] const relationship_ending* ending_after(date d) const noexcept {
        for (const auto& e : endings_)
            if (e.on >= d) return &e;
        return nullptr;
    }

    /// Ends the current spell on `ending.on` (exclusive). Refused when the ending gives no
    /// reason, when the relationship has already ended, when the day is before the spell
    /// began, or when a planned ending says its reason is not known (a plan has a reason).
    [[nodiscard]] status end(relationship_ending ending) {
        if (!ending.reason)
            return diagnostic{{}, 0, 0, "end_reason", "", "an ending needs a reason", {}};
        if (has_ended()) return error_message("relationship has already ended");
        if (ending.on < spells_.back().start())
            return error_message("relationship cannot end before it starts");
        if (ending.planned && ending.reason == end_reason::not_known)
            return error_message("a planned ending must say its reason");
        spells_.back() = spells_.back().closed_at(ending.on);
        endings_.push_back(std::move(ending));
        return ok;
    }
    /// Begins a new spell after an ending (contact restored).
    [[nodiscard]] status resume(date d) {
        if (!has_ended()) return error_message("relationship is still going on");
        if (d < *spells_.back().end())
            return error_message("a relationship cannot resume before it ended");
        spells_.emplace_back(d);
        return ok;
    }

    /// The arrangements over time, oldest first.
    [[nodiscard]] const std::vector<contact_arrangement>& contact() const noexcept {
        return contact_;
    }
    /// Sets the arrangement from `c.from` on. Refused before the relationship began or before
    /// the last arrangement already recorded (history is appended, never rewritten).
    [[nodiscard]] status set_contact(contact_arrangement c) {
        if (c.from < start())
            return error_message("contact cannot be arranged before the relationship");
        if (has_ended() && c.from >= *spells_.back().end())
            return error_message("contact cannot be arranged after the relationship ended");
        if (!contact_.empty() && c.from < contact_.back().from)
            return error_message("contact arrangements must be recorded in date order");
        if (!contact_.empty() && contact_.back().from == c.from) contact_.back() = c;
        else contact_.push_back(c);
        return ok;
    }
    /// The arrangement in force on `d`; nullopt when none was recorded by then or the
    /// relationship did not exist on `d`.
    [[nodiscard]] std::optional<contact_arrangement> contact_on(date d) const noexcept {
        if (!active_on(d)) return std::nullopt;
        std::optional<contact_arrangement> out;
        for (const auto& c : contact_) {
            if (c.from > d) break;
            out = c;
        }
        return out;
    }

    /// Days on which contact actually happened (visits, calls), in date order.
    [[nodiscard]] const std::vector<date>& contact_events() const noexcept { return met_; }
    /// Records that contact happened on `d`. Refused outside the relationship's spells.
    [[nodiscard]] status record_contact(date d) {
        if (!active_on(d))
            return error_message("contact recorded on a day the relationship did not exist");
        met_.insert(std::upper_bound(met_.begin(), met_.end(), d), d);
        return ok;
    }
    /// True when contact was recorded on some day in `[from, to)`.
    [[nodiscard]] bool contact_between(date from, date to) const noexcept {
        auto it = std::lower_bound(met_.begin(), met_.end(), from);
        return it != met_.end() && *it < to;
    }

private:
    person_id a_, b_;
    relationship_kind kind_; // now; earlier kinds are in roles_
    std::vector<interval> spells_;
    std::vector<role_change> roles_;
    std::vector<relationship_ending> endings_;
    std::vector<contact_arrangement> contact_;
    std::vector<date> met_;
};
/// A relationship between two people over time (see `basic_relationship`).
using relationship = basic_relationship<>;

} // namespace carepath
