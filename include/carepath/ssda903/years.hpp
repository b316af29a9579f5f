#pragma once
/// @file
/// A council's returns of several years merged into one longitudinal return. Each year is
/// read as it was sent (and is validated with that year's rules); the merged return holds one
/// row per episode, review, ... across the years, the latest year's version winning. Every
/// correction, contradiction and gap between years is a diagnostic naming year, file and line;
/// nothing is dropped without one.
#include "carepath/core/dates.hpp"
#include "carepath/core/result.hpp"
#include "carepath/ssda903/detail/check.hpp"
#include "carepath/ssda903/reader.hpp"
#include "carepath/ssda903/rule.hpp"
#include "carepath/ssda903/table.hpp"

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <map>
#include <optional>
#include <set>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace carepath::ssda903 {

/// One year's return as read, before merging.
struct year_return {
    int collection_year = 0; ///< the year of the 31 March it ends on (2020 = 2019-20)
    std::string name;        ///< where it came from: a folder, or a folder and a file prefix
    return_data data;        ///< the tables as read; `data.collection_year` is set
};

/// How `merge_years` merges.
struct merge_options {
    /// An episode open at the end of one year (no DEC, or a DEC after 31 March) whose child is
    /// not in the next year's Episodes at all cannot still be running then: that return lists
    /// every child looked after at any time in its year. True (the default): such an episode
    /// with no DEC is closed in the merge on 1 April, the day after the year's end (DEC is the
    /// first day out of care, so the child is in care on 31 March, as the year's return says,
    /// and not after), with REC E8 ("care ended for any other reason"), and a warning at the
    /// episode's file and line says so. A DEC recorded after 31 March is kept. False: the
    /// episode stays open for ever, with a warning (carepath's behaviour before 7 December
    /// 2026). Only consecutive years are compared: after a missing year, or in the last year
    /// read, an open episode stays open; and when none of the children in care at one year's
    /// end is in the next return (two councils?) nothing is closed.
    bool close_unconfirmed = true;
};

/// Several years' returns and their merge.
struct merged_returns {
    /// Each year as read, in collection-year order (input order within a year).
    std::vector<year_return> years;
    /// One return across the years: a row per episode (CHILD and DECOM), per child for the
    /// Header, and so on, from the latest year that has it; `table::sources` and `row::source`
    /// say which file each row came from. Its `collection_year` is the last year; its
    /// `read_errors` and `unread_files` are every year's.
    return_data merged;
    /// Corrections, contradictions and gaps between years (reading problems are in each year's
    /// `data.read_errors`).
    std::vector<diagnostic> diagnostics;

    /// The collection years merged, in order, each once.
    [[nodiscard]] std::vector<int> years_used() const {
        std::vector<int> out;
        for (const auto& y : years)
            if (out.empty() || out.back() != y.collection_year) out.push_back(y.collection_year);
        return out;
    }
};

namespace detail {

// "2019-20", "2019_20" or "201920": the collection year ending in 2020.
inline std::optional<int> span_year(std::string_view s) {
    std::string_view a, b;
    if (s.size() == 7 && (s[4] == '-' || s[4] == '_')) a = s.substr(0, 4), b = s.substr(5);
    else if (s.size() == 6) a = s.substr(0, 4), b = s.substr(4);
    else return std::nullopt;
    if (!all_digits(a) || !all_digits(b)) return std::nullopt;
    const int start = std::stoi(std::string{a});
    if ((start + 1) % 100 != std::stoi(std::string{b})) return std::nullopt;
    return start + 1;
}

// The collection year a folder or file-prefix name gives: "2019-20" (and the forms above) is
// the year ending in 2020; a bare "2019" is the year *starting* in 2019, the convention of the
// demand models' samples (whose "2017-" files hold the 2017-18 return).
inline std::optional<int> year_of_name(std::string_view s) {
    if (auto y = span_year(s)) return y;
    if (s.size() == 4 && all_digits(s)) {
        const int start = std::stoi(std::string{s});
        if (start >= 1990 && start <= 2200) return start + 1;
    }
    return std::nullopt;
}

// A file name's year prefix ("2017-episodes.csv", "2019-20_header.csv"): the year, or nullopt.
inline std::optional<int> year_prefix(std::string_view file) {
    for (const std::size_t len : {std::size_t{7}, std::size_t{4}}) {
        if (file.size() <= len + 1 || (file[len] != '-' && file[len] != '_')) continue;
        if (auto y = year_of_name(file.substr(0, len))) return y;
    }
    return std::nullopt;
}

// The collection year of the latest DECOM (DEC dates are left out: returns carry DECs on
// 1 April that would push a year into the next); 0 when there is none.
inline int year_of_data(const return_data& data) {
    const auto* eps = data.find("Episodes");
    const auto col = eps ? eps->column("DECOM") : std::nullopt;
    if (!col) return 0;
    std::optional<date> last;
    for (const auto& r : eps->rows)
        if (auto d = cell_date(cell_trim(eps->cell(r, *col))); d && (!last || *d > *last)) last = d;
    if (!last) return 0;
    const calendar_fields f = fields_of(*last);
    return f.month <= 3 ? f.year : f.year + 1;
}

inline diagnostic year_problem(std::string file, std::string message,
                               severity level = severity::error) {
    return diagnostic{.file = std::move(file), .message = std::move(message), .severity = level};
}

// Sets the year of a return read from `name`: `named` (from a folder or file name) or, without
// one, the data's; warns when the data run past the year named.
inline bool settle_year(year_return& y, std::optional<int> named, std::vector<diagnostic>& out) {
    const int own = year_of_data(y.data);
    y.collection_year = named.value_or(own);
    if (y.collection_year == 0) {
        out.push_back(year_problem(y.name, "the collection year is not known (no year in the "
                                           "name and no readable DECOM); not merged"));
        return false;
    }
    if (named && own > *named)
        out.push_back(year_problem(
            y.name,
            "named as the " + collection_name(*named) + " return, but its latest DECOM is in "
                + collection_name(own) + "; read as " + collection_name(*named),
            severity::warning));
    y.data.collection_year = y.collection_year;
    return true;
}

// Reads folder `dir` as one year's return.
inline void read_year_folder(const std::filesystem::path& dir, std::optional<int> named,
                             std::vector<year_return>& years, std::vector<diagnostic>& out,
                             const read_limits& limits) {
    auto one = read_return(dir, named.value_or(0), limits); // the year's code lists, when named
    if (!one) {
        out.push_back(one.error());
        return;
    }
    year_return y{.collection_year = 0, .name = dir.string(), .data = std::move(one).value()};
    // Names relative to the folder would not say which year's episodes.csv a line is in.
    const auto full = [&](const std::string& f) { return (dir / f).string(); };
    for (auto& d : y.data.read_errors) d.file = full(d.file);
    for (auto& f : y.data.unread_files) f = full(f);
    for (auto& [n, t] : y.data.tables) t.file = full(t.file);
    if (settle_year(y, named, out)) years.push_back(std::move(y));
}

// Reads `input` into one or more years: year subfolders (2019-20/), files with year prefixes
// (2019-episodes.csv), or one return.
inline void read_input(const std::filesystem::path& input, std::vector<year_return>& years,
                       std::vector<diagnostic>& out, const read_limits& limits) {
    namespace fs = std::filesystem;
    std::error_code ec;
    if (!fs::is_directory(input, ec)) {
        out.push_back(year_problem(input.string(), fs::exists(input, ec)
                                                       ? "not a folder; not read"
                                                       : "no such folder; not read"));
        return;
    }
    std::vector<fs::directory_entry> entries;
    for (fs::directory_iterator it{input, ec}, end; !ec && it != end; it.increment(ec))
        entries.push_back(*it);
    std::ranges::sort(entries, {}, [](const fs::directory_entry& e) { return e.path().filename(); });
    std::map<int, std::vector<fs::path>> folders;
    std::map<int, std::vector<fs::path>> prefixed;
    std::vector<fs::path> plain;
    for (const auto& e : entries) {
        const auto name = e.path().filename().string();
        std::error_code sec;
        const bool dir = e.is_directory(sec);
        if (const auto y = dir ? year_of_name(name) : year_prefix(name))
            (dir ? folders : prefixed)[*y].push_back(e.path());
        else
            plain.push_back(e.path());
    }
    if (folders.empty() && prefixed.empty()) {
        read_year_folder(input, year_of_name(input.filename().string()), years, out, limits);
        return;
    }
    for (const auto& p : plain)
        out.push_back(year_problem(p.string(),
                                   "no year in its name, beside files or folders that have one; "
                                   "not read (name it like 2019-20/ or 2019-episodes.csv)",
                                   severity::warning));
    for (const auto& [year, dirs] : folders)
        for (const auto& d : dirs) read_year_folder(d, year, years, out, limits);
    for (const auto& [year, files] : prefixed) {
        year_return y{.collection_year = 0,
                      .name = (input / (std::to_string(year - 1) + "-*")).string(),
                      .data = {}};
        y.data.collection_year = year; // cells are checked against the year's code lists
        std::size_t count = 0;
        for (const auto& f : files) {
            read_file_into(f, f.string(), false, y.data, limits, count);
            if (count > limits.max_files) break; // said once, at the first file past the limit
        }
        if (settle_year(y, year, out)) years.push_back(std::move(y));
    }
}

// The columns that identify a row across years. Empty: the table's rows are yearly records
// (OC2, OC3), kept from every year.
inline std::vector<std::string_view> key_columns(std::string_view table) {
    if (table == "Header" || table == "UASC" || table == "AD1" || table == "PrevPerm")
        return {"CHILD"};
    if (table == "Episodes") return {"CHILD", "DECOM"};
    if (table == "Reviews") return {"CHILD", "REVIEW"};
    if (table == "Missing") return {"CHILD", "MIS_START"};
    if (table == "PlacedAdoption") return {"CHILD", "DATE_PLACED"};
    if (table == "SWEpisodes") return {"CHILD", "SW_DECOM"};
    if (table == "DoLo") return {"CHILD", "DOLO_START"};
    return {};
}

// Cells a later year fills in without correcting anything: an episode open at the end of one
// year is closed in the next.
inline bool closes_episode(std::string_view table, std::string_view column,
                           std::string_view before) {
    return table == "Episodes" && cell_trim(before).empty()
           && (column == "DEC" || column == "REC" || column == "REASON_PLACE_CHANGE");
}

// One table of the merge being built.
struct merging_table {
    table out;
    std::vector<std::string_view> keys;
    std::map<std::string, std::size_t, std::less<>> index; // key -> row in `out`
    std::vector<int> year_of_row;                          // collection year of each row
};

inline std::string row_key(const table& t, const row& r, const std::vector<std::string_view>& keys) {
    std::string k;
    for (const auto c : keys) {
        const auto v = cell_trim(t.get(r, c));
        k += c == "CHILD" ? normalise_child_id(v) : std::string{v};
        k += '\x1f';
    }
    return k;
}

inline std::string year_label(int year) { return "the " + collection_name(year) + " return"; }

// Adds the rows of table `t` (of `year`) to `m`, the later year's version winning.
inline void merge_table(merging_table& m, const table& t, int year, std::vector<diagnostic>& out) {
    auto& o = m.out;
    // Each column of `t` goes to the same name in the merge; a name written twice in a file
    // (which the reader reports) keeps its second column as a second column of that name.
    std::vector<std::size_t> to(t.columns.size());
    for (std::size_t i = 0; i < t.columns.size(); ++i) {
        const auto& name = t.columns[i];
        const auto nth = std::count(t.columns.begin(), t.columns.begin() + static_cast<std::ptrdiff_t>(i), name);
        std::ptrdiff_t seen = 0;
        std::size_t at = o.columns.size();
        for (std::size_t c = 0; c < o.columns.size(); ++c)
            if (o.columns[c] == name && seen++ == nth) {
                at = c;
                break;
            }
        if (at == o.columns.size()) o.columns.push_back(name); // earlier rows padded below
        to[i] = at;
    }
    const auto source = static_cast<std::uint16_t>(o.sources.size());
    o.sources.push_back(t.file);
    const bool keyed = !m.keys.empty() && std::ranges::all_of(m.keys, [&](std::string_view c) {
        return t.column(c).has_value();
    });
    // Rows merged before a column was added get a blank cell in it: one cell per column.
    for (auto& r : o.rows)
        if (r.width < o.columns.size()) o.set_cell(r, o.columns.size() - 1, "");
    std::vector<std::string_view> cells;
    for (const auto& r : t.rows) {
        cells.assign(o.columns.size(), std::string_view{});
        for (std::size_t i = 0; i < to.size(); ++i) cells[to[i]] = t.cell(r, i);
        const std::string key = keyed ? row_key(t, r, m.keys) : std::string{};
        const auto found = keyed ? m.index.find(key) : m.index.end();
        // A key met again in the same year is a duplicate inside one return (its rules say so):
        // both rows stay.
        const row meta{.line = r.line, .source = source, .flagged = r.flagged};
        if (found == m.index.end() || m.year_of_row[found->second] == year) {
            if (keyed && found == m.index.end()) m.index.emplace(key, o.rows.size());
            o.add_row(meta, cells, t.extra(r));
            m.year_of_row.push_back(year);
            continue;
        }
        // The later year's row is stored, then takes the earlier one's place.
        o.add_row(meta, cells, t.extra(r));
        const row n = o.rows.back();
        o.rows.pop_back();
        auto& old = o.rows[found->second];
        for (std::size_t c = 0; c < o.columns.size(); ++c) {
            const auto before = cell_trim(o.cell(old, c)), after = cell_trim(o.cell(n, c));
            if (before == after || closes_episode(o.name, o.columns[c], before)) continue;
            std::string what = year_label(year) + " differs from " +
                               year_label(m.year_of_row[found->second]) + " (" +
                               o.file_of(old) + ":" + std::to_string(old.line) + " has \"" +
                               std::string{before} + "\"); the later year's is used";
            severity level = severity::warning;
            if (o.name == "Header" && o.columns[c] == "DOB") {
                what = "date of birth differs between years: " + what;
                level = severity::error;
            }
            if (after.empty() && !before.empty())
                what += " (a blank cell replaces a value)";
            out.push_back(diagnostic{.file = t.file,
                                     .line = r.line,
                                     .column = c + 1,
                                     .field = o.columns[c],
                                     .value = std::string{after},
                                     .message = std::move(what),
                                     .severity = level});
        }
        old = n;
        m.year_of_row[found->second] = year;
    }
}

// Children whose date of birth and sex both differ between years: one CHILD id for two children.
inline void check_reused_ids(const std::vector<year_return>& years, std::vector<diagnostic>& out) {
    struct seen { std::string dob, sex, file; std::size_t line; int year; };
    std::map<std::string, seen, std::less<>> first;
    for (const auto& y : years) {
        const auto* h = y.data.find("Header");
        if (!h) continue;
        for (const auto& r : h->rows) {
            const auto id = normalise_child_id(h->get(r, "CHILD"));
            seen s{std::string{cell_trim(h->get(r, "DOB"))}, std::string{cell_trim(h->get(r, "SEX"))},
                   h->file, r.line, y.collection_year};
            auto [it, added] = first.emplace(id, s);
            if (added) continue;
            const auto& f = it->second;
            if (f.dob != s.dob && f.sex != s.sex && !f.dob.empty() && !s.dob.empty())
                out.push_back(diagnostic{
                    .file = s.file, .line = r.line, .field = "CHILD", .value = id,
                    .message = "CHILD " + id + " has another date of birth and sex than in " +
                               year_label(f.year) + " (" + f.file + ":" + std::to_string(f.line) +
                               "): one id for two children? The later year's is used",
                    .severity = severity::error});
        }
    }
}

// An episode's end as the return of `year` saw it: open (nullopt) or its DEC; with its DECOM
// as written (trimmed), for its key in the merge.
struct episode_end {
    std::string child;
    std::optional<date> dec;
    std::size_t line;
    std::string decom;
};

inline std::vector<episode_end> open_at_year_end(const year_return& y) {
    std::vector<episode_end> out;
    const auto* e = y.data.find("Episodes");
    if (!e) return out;
    const date end = *make_date(y.collection_year, 3, 31);
    for (const auto& r : e->rows) {
        const auto dec = cell_date(cell_trim(e->get(r, "DEC")));
        const auto decom = cell_date(cell_trim(e->get(r, "DECOM")));
        if (decom && *decom <= end && (!dec || *dec > end))
            out.push_back({normalise_child_id(e->get(r, "CHILD")), dec, r.line,
                           std::string{cell_trim(e->get(r, "DECOM"))}});
    }
    return out;
}

// An open episode of a child the next year's return does not list, to be closed in the merge
// (`merge_options::close_unconfirmed`): its key in the merged Episodes, where it was read, the
// DEC it gets, and its warning in the diagnostics (said again if it cannot be closed).
struct unconfirmed_episode {
    std::string key;
    std::string file;
    std::size_t line = 0;
    int year = 0;
    date close_on{};
    std::size_t diagnostic = 0;
};

// Gaps between consecutive years: a year missing in the middle, a child in care at the end of
// one year who is not in the next, and returns that share no child (two councils?). With
// `close`, the open episodes of children missing from the next year are listed in `to_close`.
inline void check_gaps(const std::vector<year_return>& years, std::vector<diagnostic>& out,
                       bool close = false, std::vector<unconfirmed_episode>* to_close = nullptr) {
    for (std::size_t i = 0; i + 1 < years.size(); ++i) {
        const auto& a = years[i];
        const auto& b = years[i + 1];
        if (b.collection_year == a.collection_year) {
            out.push_back(year_problem(b.name, "a second return for " +
                                                   collection_name(b.collection_year) + " (the first is " +
                                                   a.name + "); where they differ this one is used"));
            continue;
        }
        if (b.collection_year > a.collection_year + 1) {
            std::string missing;
            for (int y = a.collection_year + 1; y < b.collection_year; ++y)
                missing += (missing.empty() ? "" : ", ") + collection_name(y);
            out.push_back(year_problem(
                b.name, "no return for " + missing + " between " + a.name + " and " + b.name +
                            ": episodes that began and ended in the gap are not known",
                severity::warning));
            continue;
        }
        const auto* next = b.data.find("Episodes");
        if (!next) continue;
        std::set<std::string, std::less<>> in_next;
        for (const auto& r : next->rows) in_next.insert(normalise_child_id(next->get(r, "CHILD")));
        const auto open = open_at_year_end(a);
        const std::string& file = a.data.find("Episodes")->file;
        const date after_end = *make_date(a.collection_year, 4, 1);
        std::size_t carried = 0;
        std::vector<diagnostic> lost;
        std::vector<unconfirmed_episode> closing;
        for (const auto& o : open) {
            if (in_next.contains(o.child)) {
                ++carried;
                continue;
            }
            std::string what = "in care at the end of " + collection_name(a.collection_year) +
                               " but not in " + year_label(b.collection_year);
            if (!close)
                what += "; the episode is taken as open";
            else if (o.dec)
                what += "; its DEC " + format_uk(*o.dec) + " is kept";
            else {
                what += ": closed on " + format_uk(after_end) +
                        " with REC=E8 (care ended for any other reason), so the child is in "
                        "care on 31 March " + std::to_string(a.collection_year) +
                        " and not after";
                closing.push_back({.key = normalise_child_id(o.child) + '\x1f' + o.decom + '\x1f',
                                   .file = file,
                                   .line = o.line,
                                   .year = a.collection_year,
                                   .close_on = after_end,
                                   .diagnostic = lost.size()});
            }
            lost.push_back(diagnostic{.file = file, .line = o.line, .field = "CHILD",
                                      .value = o.child, .message = std::move(what),
                                      .severity = severity::warning});
        }
        if (open.size() >= 5 && carried == 0) {
            out.push_back(year_problem(
                b.name, "none of the " + std::to_string(open.size()) + " children in care at the end of " +
                            a.name + " is in " + b.name +
                            ": are these returns from the same council?"));
            continue; // nothing is closed
        }
        for (auto& c : closing) {
            c.diagnostic += out.size();
            if (to_close) to_close->push_back(std::move(c));
        }
        out.insert(out.end(), lost.begin(), lost.end());
    }
}

// Closes the episodes listed by `check_gaps` in the merged Episodes `m`: DEC the day after the
// year's end, REC E8. A later year may have listed the episode again (the child came back):
// its version stands, and the warning says so instead.
inline void close_unconfirmed(merging_table& m, const std::vector<unconfirmed_episode>& list,
                              std::vector<diagnostic>& out) {
    auto& t = m.out;
    const auto dec = t.column("DEC");
    const auto rec = t.column("REC");
    for (const auto& u : list) {
        auto& d = out[u.diagnostic];
        const auto found = m.index.find(u.key);
        std::optional<std::size_t> at;
        if (found != m.index.end()) {
            const auto& r = t.rows[found->second];
            if (t.file_of(r) == u.file && r.line == u.line) at = found->second;
            else if (m.year_of_row[found->second] == u.year) // a key twice in one year
                for (std::size_t i = 0; i < t.rows.size() && !at; ++i)
                    if (t.rows[i].line == u.line && t.file_of(t.rows[i]) == u.file) at = i;
        }
        if (!at || !dec || !rec) {
            const auto cut = d.message.find(": closed on ");
            d.message.resize(cut == std::string::npos ? d.message.size() : cut);
            if (found != m.index.end() && m.year_of_row[found->second] != u.year)
                d.message += "; " + year_label(m.year_of_row[found->second]) +
                             " lists the episode again, and its version is used";
            else
                d.message += "; the episode is taken as open (no DEC or REC column)";
            continue;
        }
        auto& r = t.rows[*at];
        const auto old_rec = cell_trim(t.cell(r, *rec));
        if (!old_rec.empty())
            d.message += " (its REC \"" + std::string{old_rec} + "\" without a DEC is replaced)";
        t.set_cell(r, *dec, format_uk(u.close_on));
        t.set_cell(r, *rec, "E8");
    }
}

} // namespace detail

/// Merges returns of several years (see `merged_returns`). Years are taken in collection-year
/// order; within a table, a row of a later year replaces the row with the same key (an episode
/// is CHILD and DECOM; a Header, UASC, AD1 or PrevPerm row is per CHILD; a review is CHILD and
/// REVIEW; ...) and each changed cell is a diagnostic. OC2 and OC3 rows are yearly records and
/// are kept from every year. Previous-year tables inside a return ("Episodes_last") serve its
/// own validation and are not merged. An episode open at the end of one year whose child is
/// not in the next year's return is closed on 1 April with REC E8 unless `options` say
/// otherwise (`merge_options::close_unconfirmed`). Deterministic: the same years give the same
/// bytes.
[[nodiscard]] inline merged_returns merge_years(std::vector<year_return> years,
                                                const merge_options& options = {}) {
    merged_returns m;
    std::ranges::stable_sort(years, {}, &year_return::collection_year);
    std::vector<detail::unconfirmed_episode> to_close;
    detail::check_gaps(years, m.diagnostics, options.close_unconfirmed, &to_close);
    detail::check_reused_ids(years, m.diagnostics);
    std::map<std::string, detail::merging_table, std::less<>> tables;
    for (const auto& y : years) {
        for (const auto& [name, t] : y.data.tables) {
            if (name.ends_with("_last")) continue;
            auto [it, added] = tables.try_emplace(name);
            if (added) {
                it->second.out.name = name;
                it->second.keys = detail::key_columns(name);
            }
            detail::merge_table(it->second, t, y.collection_year, m.diagnostics);
        }
        for (const auto& d : y.data.read_errors) m.merged.read_errors.push_back(d);
        for (const auto& f : y.data.unread_files) m.merged.unread_files.push_back(f);
    }
    if (const auto eps = tables.find("Episodes"); eps != tables.end())
        detail::close_unconfirmed(eps->second, to_close, m.diagnostics);
    for (auto& [name, t] : tables) {
        // Rows name their own files (`sources`); the table's name is the one a writer uses.
        t.out.file = detail::lower_ascii(name) + ".csv";
        m.merged.tables.emplace(name, std::move(t.out));
    }
    m.merged.collection_year = years.empty() ? 0 : years.back().collection_year;
    m.years = std::move(years);
    return m;
}

/// True when folder `dir` holds several years: year folders (`2019-20/`) or files with year
/// prefixes (`2019-episodes.csv`), rather than one return.
[[nodiscard]] inline bool holds_several_years(const std::filesystem::path& dir) {
    namespace fs = std::filesystem;
    std::error_code ec;
    for (fs::directory_iterator it{dir, ec}, end; !ec && it != end; it.increment(ec)) {
        const auto name = it->path().filename().string();
        std::error_code sec;
        if (it->is_directory(sec) ? detail::year_of_name(name).has_value()
                                  : detail::year_prefix(name).has_value())
            return true;
    }
    return false;
}

/// Reads the returns in `inputs` and merges them (`merge_years`). Each input is a folder
/// holding one return (its year from a name such as `2019-20` or from its latest DECOM), a
/// folder of year folders (`2019-20/`, `2020-21/`), or a folder of files with year prefixes
/// (`2019-episodes.csv`; a bare year is the year a collection starts in, as in the demand
/// models' samples). Fails only when no year could be read; inputs that could not be read are
/// diagnostics. `options` are passed to `merge_years`.
[[nodiscard]] inline result<merged_returns> read_years(std::span<const std::filesystem::path> inputs,
                                                       const read_limits& limits = {},
                                                       const merge_options& options = {}) {
    std::vector<year_return> years;
    std::vector<diagnostic> problems;
    for (const auto& in : inputs) detail::read_input(in, years, problems, limits);
    if (years.empty()) {
        if (!problems.empty()) return problems.front();
        return diagnostic{.message = "no folder given"};
    }
    auto m = merge_years(std::move(years), options);
    m.diagnostics.insert(m.diagnostics.begin(), problems.begin(), problems.end());
    return m;
}

} // namespace carepath::ssda903
