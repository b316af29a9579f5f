#pragma once
/// @file
/// "Who will be there at 25": of the relationships a child has on a day, which are expected to
/// last until the child's 25th birthday, and why. The rules are data the user can change: by
/// default professional roles end at the age their duty ends, carers' at the end of a staying
/// put arrangement, and family and chosen relationships go on unless an ending is recorded.
/// 25 is the age to which a care leaver can have a personal adviser (Children and Social Work
/// Act 2017 s3).
///
/// Functions here that begin `template <class = void>` have nothing to deduce and are called
/// as plain functions; they are templates only so that their bodies are compiled in the files
/// that call them, not in every file that includes this header (issue 14, compile cost).
#include "carepath/core/dates.hpp"
#include "carepath/core/ids.hpp"
#include "carepath/core/relationship.hpp"
#include "carepath/graph/relationship_graph.hpp"

#include <algorithm>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace carepath::graph {

/// How long relationships of some kind are expected to last.
struct lasting_rule {
    /// The child's age at which the relationship is expected to end; empty: for life, unless
    /// an ending is recorded.
    std::optional<int> ends_at_age;
    /// Why, in words a young person would understand.
    std::string reason;
};

/// The rules, by kind family, with overrides for single kinds.
struct lasting_rules {
    std::map<kind_family, lasting_rule> by_family; ///< the rule for each kind family
    std::map<std::uint16_t, lasting_rule> by_kind; ///< kind code -> rule; wins over the family

    /// carepath's defaults. Change them: they are assumptions, not facts about a child.
    template <class = void>
    [[nodiscard]] static lasting_rules defaults() {
        lasting_rules r;
        r.by_family[kind_family::sibling] = {std::nullopt, "siblings are family for life"};
        r.by_family[kind_family::birth_family] = {std::nullopt, "birth family is family for life"};
        r.by_family[kind_family::chosen] = {std::nullopt, "a relationship the child chose goes on unless it ends"};
        r.by_family[kind_family::other] = {std::nullopt, "goes on unless it ends"};
        r.by_family[kind_family::carer] = {21, "foster care can continue as staying put to 21 (Children Act 1989 s23CZA)"};
        r.by_family[kind_family::professional] = {18, "a professional role ends when care ends at 18"};
        r.by_kind[kinds::personal_adviser.code()] = {25, "a personal adviser is there to 25 (Children and Social Work Act 2017 s3)"};
        r.by_kind[kinds::adopter.code()] = {std::nullopt, "adoptive parents are family for life"};
        r.by_kind[kinds::special_guardian.code()] = {std::nullopt, "a special guardian usually stays family after the order ends at 18"};
        r.by_kind[kinds::kinship_carer.code()] = {std::nullopt, "a kinship carer is family"};
        return r;
    }
    /// The rule for `k`: its own, else its family's, else "for life".
    template <class = void>
    [[nodiscard]] lasting_rule rule_for(relationship_kind k) const {
        if (auto it = by_kind.find(k.code()); it != by_kind.end()) return it->second;
        if (auto it = by_family.find(k.family()); it != by_family.end()) return it->second;
        return {std::nullopt, "no rule: expected to go on unless it ends"};
    }
};

/// One of the child's relationships, judged at 25.
struct expected_link {
    person_id other; ///< the other person in the tie
    relationship_kind kind = kinds::other; ///< the kind of the tie
    bool lasts = false; ///< true when the tie is expected to last to the 25th birthday
    std::string reason; ///< why, from the recorded end or the rule applied
};

/// The answer for one child on one day.
struct at_25_report {
    date twenty_fifth_birthday; ///< the day the child turns 25
    std::vector<expected_link> links; ///< every tie active on the day, sorted by person
    /// People with at least one tie expected to last to 25.
    [[nodiscard]] std::size_t lifelong_count() const {
        std::vector<person_id> who;
        for (const auto& l : links)
            if (l.lasts) who.push_back(l.other);
        std::sort(who.begin(), who.end());
        return static_cast<std::size_t>(std::unique(who.begin(), who.end()) - who.begin());
    }
};

/// Who will be there at 25, for `child` as things stand on `as_at`.
/// @throws contract_violation if the child is unknown or has no birth date.
template <class = void>
[[nodiscard]] at_25_report who_will_be_there_at_25(const relationship_graph& g, person_id child,
                                                   date as_at,
                                                   const lasting_rules& rules = lasting_rules::defaults()) {
    const auto& who = g.person_of(child);
    if (!who.birth_date) throw contract_violation{"who_will_be_there_at_25: the child needs a birth date"};
    at_25_report out;
    out.twenty_fifth_birthday = birthday(*who.birth_date, 25);
    g.for_each_tie(child, [&](const tie& t, person_id other) {
        if (!t.active_on(as_at)) return;
        expected_link link{other, t.kind, false, {}};
        const auto rule = rules.rule_for(t.kind);
        if (t.span.end()) {
            // A recorded end date wins over any rule.
            link.lasts = *t.span.end() > out.twenty_fifth_birthday;
            link.reason = link.lasts ? "recorded to go on past 25" : "recorded to end on " + format_iso(*t.span.end());
        } else if (rule.ends_at_age && *rule.ends_at_age <= 25) {
            link.lasts = *rule.ends_at_age >= 25;
            link.reason = rule.reason;
        } else {
            link.lasts = true;
            link.reason = rule.reason;
        }
        out.links.push_back(std::move(link));
    });
    std::stable_sort(out.links.begin(), out.links.end(),
                     [](const expected_link& x, const expected_link& y) {
                         return x.other < y.other;
                     });
    return out;
}

} // namespace carepath::graph
