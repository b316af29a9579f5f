#pragma once
/// @file
/// A return made safer to share: ids replaced by keyed hashes, dates of birth coarsened to
/// the month, postcodes cut to their district, and anything that could be free text dropped.
/// docs/deidentify.md says what is removed, what is kept and why, and what risk remains.
///
/// - Ids (CHILD in every table, UPN, URN, SW_ID; in a relationships extract CHILD, PERSON and
///   PERSON_CHILD) become the first `id_digits` hex digits of HMAC-SHA-256 under the user's
///   key, of the id's kind and value ("CHILD:123"). The same key gives the same hash in every
///   table and every year, so merged histories still join; without the key the ids cannot be
///   recovered by hashing every possible number. Codes that are not ids stay (UPN's UN1-UN5,
///   URN's XXXXXXX). CHILD is hashed as the reader joins it, so "123.0" and "123" agree.
/// - DOB (every table) and MC_DOB become the first day of their month: every event of the
///   child's life stays on or after the birth date shown, so no history is refused as "before
///   birth". A date that cannot be read is blanked rather than kept.
/// - HOME_POST and PL_POST become their district ("M14 5AH" -> "M14"); one that is not a
///   postcode is blanked.
/// - The return has no free-text columns (every column is an id, a date, a code, a number or a
///   postcode); what could hold free text is a column of no SSDA903 table, or cells past a
///   row's last column, and both are dropped. Read problems are dropped too (they quote cells).
/// - Episode and other event dates are kept: they are what every measure is computed from.
#include "carepath/core/dates.hpp"
#include "carepath/core/result.hpp"
#include "carepath/ssda903/detail/check.hpp"
#include "carepath/ssda903/fields.hpp"
#include "carepath/ssda903/keyed_hash.hpp"
#include "carepath/ssda903/mapping.hpp"
#include "carepath/ssda903/reader.hpp"
#include "carepath/ssda903/relationships_csv.hpp"
#include "carepath/ssda903/table.hpp"

#include <cstddef>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace carepath::ssda903 {

/// The shortest key accepted, in bytes. RFC 2104 section 3 advises a key at least as long as
/// the hash output (32 bytes) and says shorter keys weaken it; 16 random bytes is the floor.
inline constexpr std::size_t min_key_bytes = 16;

/// How to deidentify.
struct deidentify_options {
    std::string key; ///< the secret; at least `min_key_bytes`; keep it to hash later years alike
    /// Hex digits kept of each hash: 10 (40 bits) keeps ids short; two different ids that
    /// come out the same are refused, never merged.
    std::size_t id_digits = 10;
};

namespace detail {
// Hashes ids of one kind, remembering each hash's id so that a collision is found.
class id_hasher {
public:
    explicit id_hasher(const deidentify_options& opt) : opt_{opt} {}
    // The hash of `value` as an id of kind `kind`; sets `collided` when another id of the
    // same kind already has this hash.
    std::string hash(std::string_view kind, std::string_view value, bool& collided) {
        const std::string message = std::string{kind} + ":" + std::string{value};
        std::string out = to_hex(hmac_sha256(opt_.key, message), opt_.id_digits);
        auto [it, fresh] = seen_.try_emplace(std::string{kind} + ":" + out, std::string{value});
        collided = !fresh && it->second != value;
        return out;
    }

private:
    const deidentify_options& opt_;
    std::map<std::string, std::string> seen_;
};

inline diagnostic key_problem(const deidentify_options& opt) {
    return diagnostic{.field = "key",
                      .message = "the key is " + std::to_string(opt.key.size())
                                 + " bytes; give at least " + std::to_string(min_key_bytes)
                                 + " (for example 32 random bytes: head -c 32 /dev/urandom | "
                                   "base64)"};
}
inline diagnostic collision(std::string_view file, std::size_t line, std::string_view field) {
    return diagnostic{.file = std::string{file},
                      .line = line,
                      .field = std::string{field},
                      .message = "two different ids have the same keyed hash: use more digits"};
}
inline std::string first_of_month(std::string_view cell) {
    const auto d = parse_dfe_date(trim(cell));
    if (!d)
        return {};
    const calendar_fields f = fields_of(*d);
    return format_uk(date_of({f.year, f.month, 1}));
}
} // namespace detail

/// `in` deidentified (see the file comment). Fails, saying why, when the key is too short or
/// two different ids hash alike at `id_digits`; the error names the file, line and field, never
/// the ids.
[[nodiscard]] inline result<return_data> deidentify(const return_data& in,
                                                    const deidentify_options& opt) {
    if (opt.key.size() < min_key_bytes)
        return detail::key_problem(opt);
    detail::id_hasher hasher{opt};
    return_data out;
    out.collection_year = in.collection_year;
    out.unread_files = in.unread_files;
    for (const auto& [name, t] : in.tables) {
        const table_spec* spec = find_table_spec(name);
        if (!spec)
            continue; // not an SSDA903 table: nothing in it is known to be safe
        table o;
        o.name = t.name;
        o.file = t.file;
        o.sources = t.sources; // file names of merged years: no child's data in them
        std::vector<std::size_t> keep; // columns of the spec, in file order
        for (std::size_t c = 0; c < t.columns.size(); ++c)
            if (find_field(*spec, t.columns[c])) {
                keep.push_back(c);
                o.columns.push_back(t.columns[c]);
            }
        o.rows.reserve(t.rows.size());
        std::vector<std::string> cells;
        for (const auto& r : t.rows) {
            cells.clear();
            for (const auto c : keep) {
                const std::string_view col = t.columns[c];
                const std::string_view cell = t.cell(r, c);
                const auto v = detail::trim(cell);
                std::string cleaned;
                bool collided = false;
                if (v.empty())
                    cleaned = {};
                else if (col == "CHILD")
                    cleaned = hasher.hash("CHILD", normalise_child_id(v), collided);
                else if (col == "DOB" || col == "MC_DOB")
                    cleaned = detail::first_of_month(v);
                else if (col == "HOME_POST" || col == "PL_POST")
                    cleaned = postcode_district(v);
                else if ((col == "UPN" && detail::upper_ascii(v).starts_with("UN") && v.size() == 3)
                         || (col == "URN" && detail::upper_ascii(v) == "XXXXXXX"))
                    cleaned = std::string{v}; // a code saying why there is no id
                else if (col == "UPN" || col == "URN")
                    cleaned = hasher.hash(col, detail::upper_ascii(v), collided);
                else if (col == "SW_ID")
                    // The return's rules want social worker ids to start "SW".
                    cleaned = "SW" + hasher.hash(col, detail::upper_ascii(v), collided);
                else
                    cleaned = std::string{cell};
                if (collided)
                    return detail::collision(t.file_of(r), r.line, col);
                cells.push_back(std::move(cleaned));
            }
            o.add_row(row{.line = r.line, .source = r.source, .flagged = r.flagged}, cells);
        }
        out.tables.emplace(name, std::move(o));
    }
    return out;
}

/// A relationships extract deidentified with the same key: CHILD and PERSON_CHILD hash as the
/// return's CHILD does (so the extract still joins the deidentified return), PERSON as an id of
/// its own kind. The extract has no free text; its dates are kept, like episode dates.
[[nodiscard]] inline result<relationships_extract> deidentify(const relationships_extract& in,
                                                              const deidentify_options& opt) {
    if (opt.key.size() < min_key_bytes)
        return detail::key_problem(opt);
    detail::id_hasher hasher{opt};
    relationships_extract out;
    out.file = in.file;
    for (auto r : in.records) {
        bool c1 = false, c2 = false, c3 = false;
        r.child = hasher.hash("CHILD", r.child, c1);
        if (!r.person_child.empty())
            r.person_child = hasher.hash("CHILD", r.person_child, c2);
        if (!r.person.empty())
            r.person = hasher.hash("PERSON", r.person, c3);
        if (c1 || c2 || c3)
            return detail::collision(in.file, r.line, c3 ? "PERSON" : "CHILD");
        out.records.push_back(std::move(r));
    }
    return out;
}

} // namespace carepath::ssda903
