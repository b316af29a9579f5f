#pragma once
/// @file
/// From a return's raw tables to carepath care histories. Each child's episodes, in DECOM
/// order, become events:
/// - the first episode of a period of care: `entered_care` (or `reentered_care` after an earlier
///   period), with its LS and PLACE;
/// - a following episode (the previous one ended X1): a change of legal status when LS differs
///   and a change of placement when RNE is P, B, T or U (or PLACE differs). RNE P and B change
///   the carer, so they are moves; L, T and U keep the carer, so they are not (U is a legal
///   change together with a placement-type change with the same carer, as when foster carers
///   become adopters);
/// - an episode ending with an E code: `left_care` on DEC with the exit route; DEC blank: the
///   episode is still open. When the care history refuses the recorded route (E11 from an
///   emergency protection order, say: an adoption order needs a placement order), the child
///   still left care on DEC and only the route is in doubt, so the period ends on DEC with
///   `exit_route::other` and a diagnostic names the route refused and why. Only when that
///   exit is refused too (the last placement is temporary, began on DEC, or the dates are out
///   of order) does the period stay open, and the diagnostic says so.
/// Nothing is dropped: each mapped child keeps the indices of its rows in every table (so all
/// raw fields stay reachable, with their file and line), and each event the row it came from.
/// Where the data cannot be followed as written (an overlap, an episode that ends before it
/// starts, an event the history refuses) a diagnostic names the file, line and field and says
/// what was done instead.
///
/// Functions here that begin `template <class = void>` have nothing to deduce and are called
/// as plain functions; they are templates only so that their bodies are compiled in the files
/// that call them, not in every file that includes this header (issue 14, compile cost).
#include "carepath/core/care_history.hpp"
#include "carepath/core/dates.hpp"
#include "carepath/core/legal_order.hpp"
#include "carepath/core/permanence.hpp"
#include "carepath/core/person.hpp"
#include "carepath/core/placement.hpp"
#include "carepath/core/result.hpp"
#include "carepath/ssda903/reader.hpp"
#include "carepath/ssda903/table.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace carepath::ssda903 {

/// The exit route an SSDA903 reason-episode-ceased code stands for; nullopt for X1 (care goes
/// on) and for codes that are not reasons.
[[nodiscard]] constexpr std::optional<exit_route> exit_route_of(std::string_view rec) noexcept {
    using e = exit_route;
    if (rec == "E11" || rec == "E12")
        return e::adoption;
    if (rec == "E13")
        return e::lives_with_relative;
    if (rec == "E14")
        return e::remand_ended;
    if (rec == "E15")
        return e::age_assessed_adult;
    if (rec == "E16")
        return e::moved_abroad;
    if (rec == "E17")
        return e::staying_put;
    if (rec == "E2")
        return e::died;
    if (rec == "E3")
        return e::transferred;
    if (rec == "E4A" || rec == "E4B")
        return e::return_home;
    if (rec == "E41")
        return e::child_arrangements_order;
    if (rec == "E43" || rec == "E44" || rec == "E45" || rec == "E46" || rec == "E47"
        || rec == "E48")
        return e::special_guardianship;
    if (rec == "E5" || rec == "E6")
        return e::independent_living;
    if (rec == "E7")
        return e::adult_social_care;
    if (rec == "E8")
        return e::other;
    if (rec == "E9")
        return e::custody;
    return std::nullopt;
}

/// The postcode district (outward code) of a postcode: "M14 5AH" -> "M14", "LS14AB" -> "LS1".
/// Empty when the text is too short to hold one.
[[nodiscard]] inline std::string postcode_district(std::string_view postcode) {
    std::string s;
    for (char c : postcode)
        if (c != ' ' && c != '\t')
            s.push_back(c >= 'a' && c <= 'z' ? static_cast<char>(c - 32) : c);
    if (s.size() < 5 || s.size() > 7)
        return {};
    return s.substr(0, s.size() - 3);
}

/// What the mapping needs to know beyond the return.
struct mapping_options {
    /// Postcode districts ("M14") inside the responsible authority. When empty, whether a
    /// placement is outside the authority is not known (the return holds postcodes, not the
    /// authority a postcode lies in).
    std::vector<std::string> home_districts;
    /// The responsible authority, recorded on each child.
    local_authority_id home_authority{};
};

/// One episode as the mapping read it.
struct mapped_episode {
    std::size_t row = 0;     ///< index into the Episodes table's rows
    date start;              ///< DECOM
    std::optional<date> end; ///< DEC as used (empty: open, or ignored as wrong)
    char rne = '?';          ///< S, L, P, T, U or B ('?' when unreadable)
    std::optional<legal_status> status; ///< LS; empty when unreadable
    std::optional<placement_type> type; ///< PLACE; empty when unreadable
    carer_id carer;       ///< a carer number within the child: RNE P/B/S give a new one
    bool is_move = false; ///< RNE P or B after an earlier episode: the carer changed
    std::optional<bool> outside_home_authority; ///< from PL_POST, when home districts are given
};

/// A child of the return with its care history.
struct mapped_child {
    std::string id;                        ///< CHILD as used to join tables ("123.0" -> "123")
    std::optional<std::size_t> header_row; ///< index into Header's rows
    bool birth_date_known = true;          ///< false: DOB missing or bad (ages are not known)
    care_history history; ///< the care history built from the child's episodes
    std::vector<std::size_t> event_rows;  ///< per history event: its Episodes row index
    std::vector<mapped_episode> episodes; ///< in DECOM order
    std::map<std::string, std::vector<std::size_t>, std::less<>> rows; ///< table -> row indices
};

/// The children of a return, and what could not be mapped as written.
struct mapping_result {
    std::vector<mapped_child> children;  ///< Header order, then children found only elsewhere
    std::vector<diagnostic> diagnostics; ///< file, line, field, value, what was done instead

    /// The child with id `id` (normalised), or nullptr.
    [[nodiscard]] const mapped_child* find(std::string_view id) const noexcept {
        for (const auto& c : children)
            if (c.id == id)
                return &c;
        return nullptr;
    }
};

namespace detail {
inline std::string upper_trim(std::string_view s) {
    return upper_ascii(trim(s));
}

inline std::optional<change_reason> reason_of(std::string_view code) {
    return from_string<change_reason>(upper_trim(code));
}

template <class = void>
struct mapper {
    const return_data& ret;
    const mapping_options& opt;
    mapping_result& out;
    const table* episodes = nullptr;

    diagnostic at(const table& t, const row& r, std::string_view field, std::string message) const {
        diagnostic d;
        d.file = t.file_of(r);
        d.line = r.line;
        if (const auto c = t.column(field))
            d.column = *c + 1;
        d.field = std::string{field};
        d.value = std::string{t.get(r, field)};
        d.message = std::move(message);
        return d;
    }
    void note(const table& t, const row& r, std::string_view field, std::string message) {
        out.diagnostics.push_back(at(t, r, field, std::move(message)));
    }

    std::optional<bool> outside(std::string_view pl_post) const {
        if (opt.home_districts.empty())
            return std::nullopt;
        const auto d = postcode_district(pl_post);
        if (d.empty())
            return std::nullopt;
        return std::find(opt.home_districts.begin(), opt.home_districts.end(), d)
               == opt.home_districts.end();
    }

    // Numbers already given to children: "0123" and "123", or an id and another child's
    // ordinal, must not become one child_id.
    std::unordered_set<std::uint32_t> used_ids{};

    // The child's number: its id when that is a number no other child has, else the first
    // free number from its ordinal on (the id itself is kept as `child::name`).
    child_id numeric_id(std::string_view id, std::size_t ordinal, bool& renumbered) {
        std::uint32_t v = 0;
        const auto [p, ec] = std::from_chars(id.data(), id.data() + id.size(), v);
        const bool numeric = ec == std::errc{} && p == id.data() + id.size() && !id.empty();
        renumbered = false;
        if (numeric && used_ids.insert(v).second)
            return child_id{v};
        renumbered = numeric;
        auto n = static_cast<std::uint32_t>(ordinal);
        while (!used_ids.insert(n).second)
            ++n;
        return child_id{n};
    }

    carepath::child make_child(const std::string& id, std::size_t ordinal,
                               std::optional<std::size_t> header_row, bool& dob_known,
                               std::optional<date> fallback_birth, bool in_uasc_table) {
        carepath::child c;
        bool renumbered = false;
        c.id = numeric_id(id, ordinal, renumbered);
        if (renumbered && (header_row || episodes)) {
            const table* t = header_row ? ret.find("Header") : nullptr;
            if (t)
                note(*t, t->rows[*header_row], "CHILD",
                     "another child already has the number " + std::string{trim(id)}
                         + " (leading zeros?): numbered " + std::to_string(c.id.value())
                         + " in the care histories");
        }
        c.name = id;
        c.responsible_authority = opt.home_authority;
        dob_known = false;
        const table* h = ret.find("Header");
        if (h && header_row) {
            const row& r = h->rows[*header_row];
            if (auto dob = parse_dfe_date(trim(h->get(r, "DOB")))) {
                c.birth_date = *dob;
                dob_known = true;
            }
            const auto sx = upper_trim(h->get(r, "SEX"));
            if (sx == "1")
                c.sex = sex::male;
            else if (sx == "2")
                c.sex = sex::female;
            else if (auto s = from_string<sex>(sx))
                c.sex = *s;
            else if (sx != "U" && !sx.empty())
                note(*h, r, "SEX", "sex not known: read as not known");
            c.ethnicity = from_string<ethnicity>(upper_trim(h->get(r, "ETHNIC")));
            c.unaccompanied_asylum_seeking = upper_trim(h->get(r, "UASC")) == "1";
        }
        if (in_uasc_table)
            c.unaccompanied_asylum_seeking = true;
        if (!dob_known) {
            // The history needs a birth date to check entries; the first DECOM lets it be built.
            c.birth_date = fallback_birth.value_or(date{});
        }
        return c;
    }

    // Adds an event, reporting a refusal against the episode's row.
    bool add(mapped_child& mc, const care_event& e, const row& r, std::size_t row_index,
             std::string_view field) {
        auto s = mc.history.add(e);
        if (!s) {
            note(*episodes, r, field, "the care history refused this: " + s.error().message);
            return false;
        }
        mc.event_rows.push_back(row_index);
        return true;
    }

    // Ends the period of care on `on` by the REC of row `r`. A refused route is replaced by
    // exit_route::other (the child left care on DEC; only how is in doubt), so that a refusal
    // does not leave the child in care for ever (s13 audit, section 1).
    void end_care(mapped_child& mc, date on, exit_route route, const row& r,
                  std::size_t row_index) {
        auto s = mc.history.add(left_care{on, route});
        if (s) {
            mc.event_rows.push_back(row_index);
            return;
        }
        const std::string why = s.error().message;
        if (route != exit_route::other && mc.history.add(left_care{on, exit_route::other})) {
            mc.event_rows.push_back(row_index);
            note(*episodes, r, "REC",
                 "recorded route " + std::string{to_string(route)} + " refused because " + why
                     + "; the period ends on DEC " + format_uk(on) + " with route "
                     + std::string{to_string(exit_route::other)} + " (E8)");
            return;
        }
        note(*episodes, r, "REC",
             "the care history refused this: " + why + "; the period of care stays open");
    }

    void map_child(mapped_child& mc, std::vector<std::size_t> ep_rows) {
        const table& t = *episodes;
        // Episodes with a readable DECOM, in DECOM order (file order breaks ties).
        std::vector<std::pair<date, std::size_t>> order;
        for (auto i : ep_rows) {
            const row& r = t.rows[i];
            auto d = parse_dfe_date(trim(t.get(r, "DECOM")));
            if (!d) {
                note(t, r, "DECOM",
                     "episode left out of the care history: its start is not a date");
                continue;
            }
            order.emplace_back(*d, i);
        }
        std::stable_sort(order.begin(), order.end(),
                         [](const auto& x, const auto& y) { return x.first < y.first; });

        std::uint32_t next_carer = 1;
        std::optional<std::size_t> prev_index;  // into mc.episodes
        std::optional<std::string> prev_reason; // REASON_PLACE_CHANGE of the episode before
        for (std::size_t k = 0; k < order.size(); ++k) {
            const auto [start, i] = order[k];
            const row& r = t.rows[i];
            const mapped_episode* prev = prev_index ? &mc.episodes[*prev_index] : nullptr;
            mapped_episode ep;
            ep.row = i;
            ep.start = start;
            const auto rne = upper_trim(t.get(r, "RNE"));
            ep.rne =
                rne.size() == 1 && std::string_view{"SLPTUB"}.find(rne[0]) != std::string_view::npos
                    ? rne[0]
                    : '?';
            ep.status = from_ssda903_code(upper_trim(t.get(r, "LS")));
            ep.type = from_string<placement_type>(upper_trim(t.get(r, "PLACE")));
            ep.outside_home_authority = outside(t.get(r, "PL_POST"));
            if (!ep.status)
                note(t, r, "LS",
                     prev && prev->status
                         ? "legal status not known: the previous one is kept"
                         : "legal status not known: read as V2 (s20) to build the history");
            if (ep.rne == '?')
                note(t, r, "RNE",
                     "reason for the new episode not known: read as a change of carer (P)");
            if (const auto why = trim(t.get(r, "REASON_PLACE_CHANGE"));
                !why.empty() && !reason_of(why))
                note(t, r, "REASON_PLACE_CHANGE",
                     "reason for the placement change not known: the move is recorded without "
                     "one");
            if (!ep.type)
                note(t, r, "PLACE",
                     prev && prev->type
                         ? "placement type not known: the previous one is kept"
                         : "placement type not known: read as Z1 (other) to build the history");
            const legal_status ls = ep.status.value_or(
                prev && prev->status ? *prev->status : legal_status::accommodated_s20);
            const placement_type pt =
                ep.type.value_or(prev && prev->type ? *prev->type : placement_type::Z1);
            if (!ep.status && prev)
                ep.status = prev->status;
            if (!ep.type && prev)
                ep.type = prev->type;

            placement where;
            where.type = pt;
            where.kinship = is_kinship(pt);
            where.long_term_fostering = is_long_term_fostering(pt);
            where.location.authority = opt.home_authority;
            where.location.postcode_district = postcode_district(t.get(r, "PL_POST"));
            if (ep.outside_home_authority)
                where.location.inside_home_authority = !*ep.outside_home_authority;

            if (!mc.history.in_care()) {
                // Start of a period of care.
                if (ep.rne != 'S')
                    note(t, r, "RNE",
                         "the child is not in care before this episode: read as the start of a "
                         "period of care");
                ep.carer = carer_id{next_carer++};
                where.carer = ep.carer;
                const bool first = mc.history.periods().empty();
                if (first)
                    add(mc, entered_care{start, ls, where}, r, i, "DECOM");
                else
                    add(mc, reentered_care{start, ls, where}, r, i, "DECOM");
            } else {
                // A continuation of the period of care the previous episode belongs to.
                if (prev && prev->end && *prev->end < start)
                    note(t, r, "DECOM",
                         "starts " + std::to_string((start - *prev->end).count())
                             + " days after the previous episode ended (X1); care is taken as "
                               "continuous");
                if (prev && (!prev->end || *prev->end > start))
                    note(t, r, "DECOM",
                         "overlaps the previous episode, which is taken to end on this DECOM");
                const bool carer_changes =
                    ep.rne == 'P' || ep.rne == 'B' || ep.rne == 'S' || ep.rne == '?';
                if (ep.rne == 'S')
                    note(t, r, "RNE",
                         "RNE S inside a period of care (the previous episode ended X1): read as a "
                         "move to a new carer");
                ep.carer = carer_changes ? carer_id{next_carer++} : prev->carer;
                ep.is_move = carer_changes;
                where.carer = ep.carer;
                const bool ls_changes =
                    prev->status != ep.status || ep.rne == 'L' || ep.rne == 'U' || ep.rne == 'B';
                const bool place_changes =
                    carer_changes || ep.rne == 'T' || ep.rne == 'U' || prev->type != ep.type;
                if (place_changes) {
                    placement_changed ev{
                        start, where, prev_reason ? reason_of(*prev_reason) : std::nullopt, false};
                    add(mc, ev, r, i, "PLACE");
                }
                if (ls_changes)
                    add(mc, legal_status_changed{start, ls}, r, i, "LS");
                if (!place_changes && !ls_changes)
                    note(t, r, "RNE", "nothing changes from the previous episode: no event");
            }

            // The episode's end.
            const auto dec_text = trim(t.get(r, "DEC"));
            const auto rec = upper_trim(t.get(r, "REC"));
            if (!dec_text.empty()) {
                auto dec = parse_dfe_date(dec_text);
                if (!dec) {
                    note(t, r, "DEC", "end is not a date: the episode is read as open");
                } else if (*dec < start) {
                    note(t, r, "DEC",
                         "ends before it starts: the end is ignored and the episode read as open");
                } else {
                    ep.end = *dec;
                }
            }
            const bool last = k + 1 == order.size();
            if (ep.end) {
                if (auto route = exit_route_of(rec)) {
                    end_care(mc, *ep.end, *route, r, i);
                } else if (rec == "X1") {
                    if (last)
                        note(t, r, "REC",
                             "X1 on the last episode: care goes on, so the history is left open");
                } else {
                    const bool continues = !last && order[k + 1].first == *ep.end;
                    const std::string what =
                        rec.empty() ? "DEC without a reason" : "reason for ending not known";
                    if (continues) {
                        note(t, r, "REC", what + ": the next episode starts on DEC, so read as X1");
                    } else {
                        note(t, r, "REC",
                             what + ": care is taken to end on DEC for another reason (E8)");
                        end_care(mc, *ep.end, exit_route::other, r, i);
                    }
                }
            } else if (!rec.empty() && dec_text.empty()) {
                note(t, r, "REC", "a reason without DEC: the episode is read as open");
            }
            prev_reason = std::string{t.get(r, "REASON_PLACE_CHANGE")};
            mc.episodes.push_back(ep);
            prev_index = mc.episodes.size() - 1;
        }
    }

    void run() {
        episodes = ret.find("Episodes");
        const table* header = ret.find("Header");
        std::unordered_map<std::string, std::size_t> index; // id -> position in out.children
        std::vector<std::pair<std::string, std::optional<std::size_t>>> ids;
        auto touch = [&](const std::string& id, std::optional<std::size_t> hrow) -> std::size_t {
            auto [it, fresh] = index.try_emplace(id, ids.size());
            if (fresh)
                ids.emplace_back(id, hrow);
            return it->second;
        };
        if (header)
            for (std::size_t i = 0; i < header->rows.size(); ++i) {
                const auto id = normalise_child_id(header->get(header->rows[i], "CHILD"));
                const auto before = ids.size();
                touch(id, i);
                if (ids.size() == before)
                    note(*header, header->rows[i], "CHILD",
                         "a second Header row for this child: the first is used");
            }
        // Rows of every table, by child.
        std::vector<std::map<std::string, std::vector<std::size_t>, std::less<>>> rows_by_child;
        for (const auto& [name, t] : ret.tables) {
            if (name.ends_with("_last"))
                continue;
            const auto col = t.column("CHILD");
            if (!col)
                continue;
            for (std::size_t i = 0; i < t.rows.size(); ++i) {
                const auto id = normalise_child_id(t.cell(t.rows[i], *col));
                const auto pos = touch(id, std::nullopt);
                if (rows_by_child.size() <= pos)
                    rows_by_child.resize(ids.size());
                rows_by_child[pos][name].push_back(i);
            }
        }
        rows_by_child.resize(ids.size());
        out.children.reserve(ids.size());
        for (std::size_t k = 0; k < ids.size(); ++k) {
            const auto& [id, hrow] = ids[k];
            auto& rows = rows_by_child[k];
            std::optional<date> first_decom;
            if (episodes)
                for (auto i : rows["Episodes"])
                    if (auto d = parse_dfe_date(trim(episodes->get(episodes->rows[i], "DECOM"))))
                        if (!first_decom || *d < *first_decom)
                            first_decom = *d;
            bool dob_known = false;
            auto c = make_child(id, k + 1, hrow, dob_known, first_decom, rows.contains("UASC"));
            mapped_child mc{id, hrow, dob_known,      care_history{std::move(c)},
                            {}, {},   std::move(rows)};
            if (!hrow && episodes && !mc.rows["Episodes"].empty())
                note(*episodes, episodes->rows[mc.rows["Episodes"].front()], "CHILD",
                     "no Header row for this child: sex, ethnicity and birth date are not known");
            else if (hrow && !dob_known)
                note(*header, header->rows[*hrow], "DOB",
                     "birth date not readable: the first DECOM stands in, so ages are not known");
            if (episodes) {
                auto eps = mc.rows["Episodes"];
                mc.episodes.reserve(eps.size());
                map_child(mc, std::move(eps));
            }
            out.children.push_back(std::move(mc));
        }
    }
};
} // namespace detail

/// Maps every child of `ret` to a care history (see the file comment for the rules).
template <class = void>
[[nodiscard]] mapping_result map_return(const return_data& ret, const mapping_options& opt = {}) {
    mapping_result out;
    detail::mapper<> m{ret, opt, out};
    m.run();
    return out;
}

/// The SSDA903 reason-episode-ceased code written for an exit route. Where the return has
/// several codes for one route the choice is: return home E4A (as part of the care plan),
/// special guardianship E45/E46 (former foster carer who is/is not a relative or friend,
/// chosen by `kinship`), adoption E11, independent living E5.
[[nodiscard]] constexpr std::string_view rec_code(exit_route r, bool kinship = false) noexcept {
    using e = exit_route;
    switch (r) {
    case e::return_home:
        return "E4A";
    case e::lives_with_relative:
        return "E13";
    case e::child_arrangements_order:
        return "E41";
    case e::special_guardianship:
        return kinship ? "E45" : "E46";
    case e::adoption:
        return "E11";
    case e::staying_put:
        return "E17";
    case e::independent_living:
        return "E5";
    case e::adult_social_care:
        return "E7";
    case e::custody:
        return "E9";
    case e::remand_ended:
        return "E14";
    case e::transferred:
        return "E3";
    case e::moved_abroad:
        return "E16";
    case e::age_assessed_adult:
        return "E15";
    case e::died:
        return "E2";
    case e::other:
        return "E8";
    }
    return "E8";
}

/// What `histories_to_return` writes.
struct export_options {
    int collection_year = 0; ///< 2025 = 2024-25; 0 = every episode, ends as they are
    /// With a collection year: keep only episodes open at some time in the year, and leave
    /// DEC and REC blank for episodes still open on 31 March (as the return does).
    bool only_collection_year = true;
};

/// Header and Episodes tables for care histories (simulated children, or histories built by
/// hand): one Header row per child and one Episodes row per episode start
/// (`care_history::episode_starts`), with RNE, LS, PLACE, DEC, REC and REASON_PLACE_CHANGE
/// (of the episode that ends in a placement change). Fields the histories do not hold (CIN,
/// provider, postcodes, URN, UPN) are left blank. CHILD is the child id's number.
template <class = void>
[[nodiscard]] return_data histories_to_return(const std::vector<care_history>& histories,
                                              const export_options& opt = {}) {
    return_data out;
    out.collection_year = opt.collection_year;
    table header;
    header.name = "Header";
    header.file = "header.csv";
    for (const auto& f : find_table_spec("Header")->fields)
        if (!f.optional)
            header.columns.emplace_back(f.name);
    table eps;
    eps.name = "Episodes";
    eps.file = "episodes.csv";
    for (const auto& f : find_table_spec("Episodes")->fields)
        eps.columns.emplace_back(f.name);
    const bool by_year = opt.collection_year != 0 && opt.only_collection_year;
    const date year_start = by_year ? *make_date(opt.collection_year - 1, 4, 1) : date{};
    const date year_end = by_year ? *make_date(opt.collection_year, 3, 31) : date{};
    auto sex_code = [&](sex s) -> std::string_view {
        if (opt.collection_year != 0 && opt.collection_year < 2025 && s != sex::not_known)
            return s == sex::male ? "1" : "2"; // numeric codes before 2024-25
        return to_string(s);
    };
    for (const auto& h : histories) {
        const auto& c = h.subject();
        const std::string id = std::to_string(c.id.value());
        const row hr{.line = header.rows.size() + 2};
        // Cells are views of these strings and of the codes' static text, not a std::string
        // each (issue 14).
        const std::string born = format_uk(c.birth_date);
        const std::array<std::string_view, 7> header_cells{id,
                    sex_code(c.sex),
                    born,
                    c.ethnicity ? to_string(*c.ethnicity) : std::string_view{},
                    "",
                    "",
                    ""};
        const std::size_t episodes_before = eps.rows.size();
        const auto starts = h.episode_starts();
        for (std::size_t k = 0; k < starts.size(); ++k) {
            const date on = starts[k].on;
            const care_period* period = nullptr;
            for (const auto& p : h.periods())
                if (p.period.contains(on))
                    period = &p;
            if (!period)
                continue;
            // The episode ends at the next start in the same period, or with the period.
            std::optional<date> end = period->period.end();
            bool continues = false;
            if (k + 1 < starts.size() && period->period.contains(starts[k + 1].on)
                && starts[k + 1].change != episode_change::started) {
                end = starts[k + 1].on;
                continues = true;
            }
            if (by_year && ((end && *end < year_start) || on > year_end))
                continue;
            const auto* spell = h.placement_on(on);
            const auto status = h.legal_status_on(on);
            std::string dec;
            std::string_view rec, reason;
            const bool open_at_year_end = by_year && (!end || *end > year_end);
            if (end && !open_at_year_end) {
                dec = format_uk(*end);
                if (continues) {
                    rec = "X1";
                    if (const auto* next = h.placement_on(*end);
                        next && next != spell && next->reason)
                        reason = to_string(*next->reason);
                } else if (period->exit) {
                    rec = rec_code(*period->exit, spell && spell->where.kinship);
                }
            }
            const std::string start = format_uk(on);
            const std::array<std::string_view, 13> cells{id,
                       start,
                       to_string(starts[k].change),
                       status ? ssda903_code(*status).value_or("") : std::string_view{},
                       "",
                       spell ? to_string(spell->where.type) : std::string_view{},
                       "",
                       dec,
                       rec,
                       reason,
                       "",
                       "",
                       ""};
            eps.add_row(row{.line = eps.rows.size() + 2}, cells);
        }
        // A year's return lists the children looked after in it, and no others.
        if (!by_year || eps.rows.size() > episodes_before)
            header.add_row(hr, header_cells);
    }
    out.tables.emplace("Header", std::move(header));
    out.tables.emplace("Episodes", std::move(eps));
    return out;
}

} // namespace carepath::ssda903
