#pragma once
/// @file
/// Writes a cohort back as the four CSV files `read_cohort_text` reads (people, relationships,
/// placements, meta), and compares two cohorts fact by fact. Together they make the round trip
/// a checkable property: a cohort written and read back is the same cohort
/// (`cohort_difference` finds nothing). A cohort the files cannot hold (an id with a comma, a
/// kind the files have no name for, an ending without a reason) is refused with a diagnostic
/// naming the file and the field, never written with something changed.
#include "carepath/core/dates.hpp"
#include "carepath/core/result.hpp"
#include "carepath/graph/cohort_csv.hpp"

#include <boost/graph/adjacency_list.hpp>

#include <charconv>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace carepath::graph {

/// The text of the four files.
struct cohort_text {
    std::string people; ///< people.csv
    std::string relationships; ///< relationships.csv
    std::string placements; ///< placements.csv
    std::string meta; ///< meta.csv
};

namespace detail {
inline diagnostic unwritable(std::string_view file, std::string_view field, std::string_view value,
                             std::string message) {
    return diagnostic{.file = std::string{file}, .field = std::string{field},
                      .value = std::string{value}, .message = std::move(message)};
}
// An id the files can hold: not empty, no comma, no line break.
inline bool writable_id(std::string_view id) {
    return !id.empty() && id.find_first_of(",\r\n") == std::string_view::npos;
}
inline void put_number(std::string& s, std::uint64_t x) {
    char buf[24];
    const auto r = std::to_chars(buf, buf + sizeof buf, x);
    s.append(buf, r.ptr);
}
} // namespace detail

/// The four files of `c`. Refused (nothing written) when a fact cannot be written so that
/// reading gives it back.
[[nodiscard]] inline result<cohort_text> write_cohort_text(const cohort& c) {
    using detail::unwritable;
    cohort_text out;
    out.meta = "key,value\ncensus_date," + format_iso(c.census) + "\n";

    out.people = "person_id,kind,birth_date\n";
    const auto people = c.graph.people();
    if (c.kinds.size() != people.size())
        return unwritable("people.csv", "kind", std::to_string(c.kinds.size()),
                          "one kind per person is needed; the cohort has "
                              + std::to_string(people.size()) + " people");
    for (std::size_t i = 0; i < people.size(); ++i) {
        const auto& p = c.graph.person_of(people[i]);
        if (p.id != person_id{static_cast<std::uint32_t>(i)})
            return unwritable("people.csv", "person_id", p.name,
                              "people must be numbered in row order to be written");
        if (!detail::writable_id(p.name))
            return unwritable("people.csv", "person_id", p.name,
                              "an id must be non-empty, without a comma or line break");
        if (p.role != role_of(c.kinds[i]))
            return unwritable("people.csv", "kind", to_string(c.kinds[i]),
                              "the person's role does not follow from their kind");
        out.people += p.name;
        out.people += ',';
        out.people += to_string(c.kinds[i]);
        out.people += ',';
        if (p.birth_date) out.people += format_iso(*p.birth_date);
        out.people += '\n';
    }

    out.relationships = "from_id,to_id,type,start,end,end_reason\n";
    const auto& g = c.graph.boost_graph();
    for (auto [it, end] = boost::edges(g); it != end; ++it) {
        const tie& t = g[*it];
        const auto& from = g[boost::source(*it, g)].name;
        const auto& to = g[boost::target(*it, g)].name;
        const auto name = cohort_type_name(t.kind);
        if (!kind_from_cohort_type(name))
            return unwritable("relationships.csv", "type", t.kind.name(),
                              "the cohort files have no type for this relationship kind");
        if (t.span.end() && !t.reason)
            return unwritable("relationships.csv", "end_reason", format_iso(*t.span.end()),
                              "a tie that ended needs a reason to be written");
        if (!t.span.end() && t.reason)
            return unwritable("relationships.csv", "end_reason", to_string(*t.reason),
                              "a reason without an end date cannot be written");
        if (t.span.end() && *t.span.end() <= t.span.start())
            return unwritable("relationships.csv", "end", format_iso(*t.span.end()),
                              "a tie must end after it starts");
        out.relationships += from;
        out.relationships += ',';
        out.relationships += to;
        out.relationships += ',';
        out.relationships += name;
        out.relationships += ',';
        out.relationships += format_iso(t.span.start());
        out.relationships += ',';
        if (t.span.end()) {
            out.relationships += format_iso(*t.span.end());
            out.relationships += ',';
            out.relationships += to_string(*t.reason);
        } else {
            out.relationships += ',';
        }
        out.relationships += '\n';
    }

    out.placements = "child_id,start,end,placement_type,carer_id,school_id,local_authority\n";
    for (const person_id child : c.placements.children()) {
        if (!c.graph.contains(child))
            return unwritable("placements.csv", "child_id", std::to_string(child.value()),
                              "the child is not among the people");
        for (const auto& s : c.placements.of(child)) {
            const auto& w = s.where;
            if (w.kinship != is_kinship(w.type)
                || w.long_term_fostering != is_long_term_fostering(w.type) || w.provider
                || w.location.postcode_district != "" || !w.location.inside_home_authority
                || s.held_open || s.reason)
                return unwritable("placements.csv", "placement_type", to_string(w.type),
                                  "the placement holds facts the file has no column for");
            out.placements += c.external_id(child);
            out.placements += ',';
            out.placements += format_iso(s.period.start());
            out.placements += ',';
            if (s.period.end()) out.placements += format_iso(*s.period.end());
            out.placements += ',';
            out.placements += to_string(w.type);
            out.placements += ',';
            if (w.carer) {
                // In the files a carer is a person: the carer id is that person's row.
                const person_id carer = w.carer_person.value_or(person_id{w.carer->value()});
                if (!c.graph.contains(carer) || w.carer->value() != carer.value())
                    return unwritable("placements.csv", "carer_id", std::to_string(w.carer->value()),
                                      "the carer is not among the people");
                out.placements += c.external_id(carer);
            } else if (w.carer_person) {
                return unwritable("placements.csv", "carer_id",
                                  std::to_string(w.carer_person->value()),
                                  "a carer's person without a carer id");
            }
            out.placements += ",,";
            if (const auto la = w.location.authority.value(); la != 0) {
                out.placements += "LA";
                detail::put_number(out.placements, la);
            }
            out.placements += '\n';
        }
    }
    return out;
}

/// The first fact in which `a` and `b` differ, in words; nullopt when they hold the same
/// people, ties, placements and census date. Where a tie came from (`tie::source`, a line
/// number), the rows skipped and the problems found are how the files were read, not what
/// the cohort holds, and are not compared.
[[nodiscard]] inline std::optional<std::string> cohort_difference(const cohort& a, const cohort& b) {
    if (a.census != b.census) return "census date " + format_iso(a.census) + " vs " + format_iso(b.census);
    if (a.graph.person_count() != b.graph.person_count())
        return "people: " + std::to_string(a.graph.person_count()) + " vs "
               + std::to_string(b.graph.person_count());
    if (a.kinds != b.kinds) return std::string{"the kinds of people differ"};
    for (const person_id p : a.graph.people()) {
        if (!b.graph.contains(p)) return "person " + std::to_string(p.value()) + " is missing";
        const auto& x = a.graph.person_of(p);
        const auto& y = b.graph.person_of(p);
        if (x.name != y.name || x.role != y.role || x.birth_date != y.birth_date)
            return "person " + x.name + " differs";
    }
    const auto& ga = a.graph.boost_graph();
    const auto& gb = b.graph.boost_graph();
    if (boost::num_edges(ga) != boost::num_edges(gb))
        return "ties: " + std::to_string(boost::num_edges(ga)) + " vs "
               + std::to_string(boost::num_edges(gb));
    auto [ia, ea] = boost::edges(ga);
    auto [ib, eb] = boost::edges(gb);
    for (std::size_t n = 0; ia != ea && ib != eb; ++ia, ++ib, ++n) {
        const tie& x = ga[*ia];
        const tie& y = gb[*ib];
        if (ga[boost::source(*ia, ga)].id != gb[boost::source(*ib, gb)].id
            || ga[boost::target(*ia, ga)].id != gb[boost::target(*ib, gb)].id || x.kind != y.kind
            || !(x.span == y.span) || x.reason != y.reason)
            return "tie " + std::to_string(n + 1) + " differs";
    }
    if (a.placements.children() != b.placements.children())
        return std::string{"the children with placements differ"};
    for (const person_id child : a.placements.children()) {
        const auto x = a.placements.of(child);
        const auto y = b.placements.of(child);
        if (x.size() != y.size()) return "placements of person " + std::to_string(child.value()) + " differ in number";
        for (std::size_t i = 0; i < x.size(); ++i)
            if (!(x[i].where == y[i].where) || !(x[i].period == y[i].period)
                || x[i].held_open != y[i].held_open || x[i].reason != y[i].reason)
                return "placement " + std::to_string(i + 1) + " of person "
                       + std::to_string(child.value()) + " differs";
    }
    return std::nullopt;
}

} // namespace carepath::graph
