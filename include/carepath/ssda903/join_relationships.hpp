#pragma once
/// @file
/// Joins a relationships extract (relationships_csv.hpp) to the care histories mapped from a
/// return, so that continuity across moves and sibling separation can be measured for the
/// return's children. Each history is rebuilt from its own events with three additions:
/// - the child gets a person id (children first, in the mapping's order, then the other
///   people of the extract in the order first met), so siblings who are both in the return are
///   the same person in each other's histories;
/// - carer ids become one numbering for the whole return: the mapping numbers carers within
///   each child, which would put two siblings with "carer 1" in the same home. A carer the
///   extract names (a `carer`-family TYPE other than former_foster_carer, in force on the first
///   day with that carer) becomes that person's carer id in every child's history, so
///   siblings with the same foster carer live together; any other carer gets a number of its
///   own, so children are never placed together by accident;
/// - each good row becomes a relationship: begun on START, ended on END with its reason (an
///   ending is never inferred), with its contact days.
/// Moves stay exactly as the return says. What cannot be joined is a diagnostic naming the
/// extract's file and line: a CHILD not in the return, a spell overlapping another of the same
/// person and type, a contact day outside the spell.
#include "carepath/core/care_history.hpp"
#include "carepath/core/ids.hpp"
#include "carepath/core/relationship.hpp"
#include "carepath/core/result.hpp"
#include "carepath/ssda903/mapping.hpp"
#include "carepath/ssda903/relationships_csv.hpp"

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <unordered_map>
#include <variant>
#include <vector>

namespace carepath::ssda903 {

/// What a join did.
struct relationship_join {
    std::size_t rows_joined = 0;         ///< rows that became relationships in a history
    std::size_t children = 0;            ///< children of the return with at least one relationship
    std::size_t carers_linked = 0;       ///< (child, carer) pairs linked to a person of the extract
    std::vector<diagnostic> diagnostics; ///< rows (or parts of rows) not joined, and why
};

namespace detail {

struct relationship_joiner {
    mapping_result& mapped;
    const relationships_extract& extract;
    relationship_join out{};
    std::unordered_map<std::string, std::size_t> child_index{}; // CHILD -> position
    std::map<std::string, person_id, std::less<>> people{};     // PERSON -> person id
    std::map<std::string, carer_id, std::less<>> carer_of_person{};
    std::uint32_t next_person = 1;
    std::uint32_t next_carer = 1;

    void note(const relationship_record& r, std::string_view field, std::string value,
              std::string message, severity level = severity::error) {
        std::size_t column = 0;
        for (std::size_t k = 0; k < relationship_columns.size(); ++k)
            if (relationship_columns[k] == field)
                column = k + 1; // the writer's column order; the reader's may differ
        out.diagnostics.push_back(diagnostic{.file = extract.file,
                                             .line = r.line,
                                             .column = column,
                                             .field = std::string{field},
                                             .value = std::move(value),
                                             .message = std::move(message),
                                             .severity = level});
    }

    person_id person_of(const std::string& key) {
        auto [it, fresh] = people.try_emplace(key, person_id{next_person});
        if (fresh)
            ++next_person;
        return it->second;
    }
    // The other person of a row: the child of the return named by PERSON_CHILD, else PERSON.
    person_id other_of(const relationship_record& r) {
        if (!r.person_child.empty()) {
            if (auto it = child_index.find(r.person_child); it != child_index.end())
                return person_id{static_cast<std::uint32_t>(it->second + 1)};
            note(r, "PERSON_CHILD", r.person_child,
                 "no child of the return has this CHILD id: read as a person outside the return",
                 severity::warning);
            if (r.person.empty())
                return person_of("CHILD " + r.person_child);
        }
        return person_of(r.person);
    }

    static bool is_current_carer(relationship_kind k) {
        return k.family() == kind_family::carer && k != kinds::former_foster_carer;
    }

    // Per-child carer number -> the return-wide carer id (and its person, when linked).
    struct carer_link {
        carer_id carer;
        std::optional<person_id> person;
    };
    std::map<carer_id, carer_link>
    link_carers(const care_history& h, const std::vector<const relationship_record*>& rows) {
        std::map<carer_id, carer_link> links;
        std::map<std::string, carer_id> person_taken; // PERSON -> the child's carer it links
        for (const auto& spell : h.placements()) {
            if (!spell.where.carer || links.contains(*spell.where.carer))
                continue;
            const date first = spell.period.start();
            // Carers in force that day; a couple is two rows, so the smallest id stands for the
            // household (the same for every child they care for, whatever the row order).
            const relationship_record* chosen = nullptr;
            for (const auto* r : rows)
                if (is_current_carer(r->kind) && !r->person.empty() && r->start <= first
                    && (!r->end || first < *r->end) && (!chosen || r->person < chosen->person))
                    chosen = r;
            if (chosen && person_taken.contains(chosen->person)) {
                note(*chosen, "PERSON", chosen->person,
                     "the return records a move to a new carer on " + format_uk(first)
                         + ", but this carer is in force both before and after it: the "
                           "placement from that day is not linked to them",
                     severity::warning);
                chosen = nullptr;
            }
            if (!chosen) {
                links.emplace(*spell.where.carer, carer_link{carer_id{next_carer++}, {}});
                continue;
            }
            person_taken.emplace(chosen->person, *spell.where.carer);
            auto [it, fresh] = carer_of_person.try_emplace(chosen->person, carer_id{next_carer});
            if (fresh)
                ++next_carer;
            links.emplace(*spell.where.carer, carer_link{it->second, person_of(chosen->person)});
            ++out.carers_linked;
        }
        return links;
    }

    void relink(placement& where, const std::map<carer_id, carer_link>& links) const {
        if (!where.carer)
            return;
        if (auto it = links.find(*where.carer); it != links.end()) {
            where.carer = it->second.carer;
            where.carer_person = it->second.person;
        }
    }

    void join_child(mapped_child& mc, std::size_t position,
                    std::vector<const relationship_record*> rows) {
        std::ranges::stable_sort(rows, {}, [](const auto* r) { return r->start; });
        const care_history& old = mc.history;
        auto subject = old.subject();
        subject.as_person = person_id{static_cast<std::uint32_t>(position + 1)};
        const auto links = link_carers(old, rows);
        care_history rebuilt{subject};
        for (care_event e : old.events()) {
            std::visit(
                [&](auto& ev) {
                    if constexpr (requires { ev.where; })
                        relink(ev.where, links);
                },
                e);
            // The same events with carers renumbered one to one: nothing is refused that the
            // mapping accepted, but a refusal is said rather than trusted away.
            if (auto s = rebuilt.add(e); !s)
                out.diagnostics.push_back(diagnostic{
                    .file = extract.file,
                    .field = "CHILD",
                    .value = mc.id,
                    .message = "the care history could not be rebuilt with the carers of the "
                               "extract: "
                               + s.error().message});
        }
        for (auto& ep : mc.episodes)
            if (auto it = links.find(ep.carer); it != links.end())
                ep.carer = it->second.carer;

        // Spells of the same person and type must not overlap: the last end of each.
        std::map<std::pair<person_id, std::uint16_t>, const relationship_record*> last;
        std::size_t joined_here = 0;
        const bool carer_known = std::ranges::any_of(
            links, [](const auto& link) { return link.second.person.has_value(); });
        for (const auto* r : rows) {
            const person_id other = other_of(*r);
            // Without a carer from the extract the child's carers are their own, so a sibling
            // in the return is counted as living apart: say so rather than let it pass.
            if (r->kind.is_sibling() && !carer_known && child_index.contains(r->person_child))
                note(*r, "PERSON_CHILD", r->person_child,
                     "the extract names no carer of this child, so whether they live with this "
                     "sibling is not known: counted as apart",
                     severity::warning);
            const auto key = std::pair{other, r->kind.code()};
            if (auto it = last.find(key); it != last.end()) {
                const auto* before = it->second;
                if (!before->end || r->start < *before->end) {
                    note(*r, "START", format_uk(r->start),
                         "overlaps the spell of the same person and type on line "
                             + std::to_string(before->line) + ": the row is not joined");
                    continue;
                }
            }
            if (auto s = rebuilt.add(
                    relationship_begun{relationship{subject.as_person, other, r->kind, r->start}});
                !s) {
                note(*r, "TYPE", std::string{r->kind.name()},
                     s.error().message + ": the row is not joined");
                continue;
            }
            last[key] = r;
            if (r->end) {
                if (auto s = rebuilt.add(relationship_ended{
                        other, r->kind, relationship_ending{*r->end, r->reason, false, {}}});
                    !s)
                    note(*r, "END", format_uk(*r->end),
                         s.error().message + ": the relationship is read as going on");
            }
            for (const auto d : r->contacts)
                if (auto s = rebuilt.add(contact_recorded{other, r->kind, d}); !s)
                    note(*r, "CONTACT_DATES", format_uk(d),
                         "a contact day outside the relationship's dates: left out",
                         severity::warning);
            ++joined_here;
        }
        out.rows_joined += joined_here;
        if (joined_here > 0)
            ++out.children;
        mc.history = std::move(rebuilt);
    }

    void run() {
        for (std::size_t i = 0; i < mapped.children.size(); ++i)
            child_index.emplace(mapped.children[i].id, i);
        // Children first: their person ids are their positions plus one.
        next_person = static_cast<std::uint32_t>(mapped.children.size() + 1);
        std::vector<std::vector<const relationship_record*>> rows(mapped.children.size());
        for (const auto& r : extract.records) {
            auto it = child_index.find(r.child);
            if (it == child_index.end()) {
                note(r, "CHILD", r.child,
                     "no child of the return has this CHILD id: the row is "
                     "not joined");
                continue;
            }
            rows[it->second].push_back(&r);
        }
        for (std::size_t i = 0; i < mapped.children.size(); ++i)
            join_child(mapped.children[i], i, std::move(rows[i]));
    }
};
} // namespace detail

/// Joins `extract` to the children of `mapped` (see the file comment). Every child's history
/// is rebuilt, with or without rows of its own, so person and carer ids are one numbering.
[[nodiscard]] inline relationship_join join_relationships(mapping_result& mapped,
                                                          const relationships_extract& extract) {
    detail::relationship_joiner j{mapped, extract};
    j.run();
    return std::move(j.out);
}

} // namespace carepath::ssda903
