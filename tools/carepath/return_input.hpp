#pragma once
// Shared by `analyse`, `export` and `graph`: read an SSDA903 return from a folder and map it to
// care histories, with errors that say what was wrong and what to do; and write a file
// through a std::ostream callback. (Program code: it prints to the terminal.)
#include <carepath/report/care_report.hpp>
#include <carepath/ssda903.hpp>
#include <carepath/ssda903/validate.hpp> // infer_collection_year, episode_date_span
#include <carepath/ssda903/years.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace carepath::cli {

/// A return read and mapped.
struct loaded_return {
    ssda903::return_data data;
    ssda903::mapping_result mapped;
    int year = 0;                 ///< collection year (2025 = 2024-25)
    report::report_window window; ///< the collection year, [1 April Y-1, 1 April Y)
    std::size_t problems = 0;     ///< read errors, merge and mapping diagnostics
    std::vector<int> years;       ///< collection years read (several when years were merged)
    std::vector<diagnostic> merge_problems; ///< corrections and gaps between years

    [[nodiscard]] std::vector<care_history> histories() const {
        std::vector<care_history> out;
        out.reserve(mapped.children.size());
        for (const auto& c : mapped.children)
            out.push_back(c.history);
        return out;
    }
};

/// The folders named, for messages: "a", "a and b", "a, b and c".
inline std::string folders_label(const std::vector<std::string>& dirs) {
    std::string out;
    for (std::size_t i = 0; i < dirs.size(); ++i)
        out += (i == 0 ? "" : i + 1 == dirs.size() ? " and " : ", ") + dirs[i];
    return out;
}

/// Reads `dirs` as one return, or as a council's returns of several years merged into one
/// history per child (several folders, or one holding year folders or year-prefixed files).
/// Prints why and returns nullopt when they cannot be used; `who` names the subcommand;
/// `merge` is how years are merged (`ssda903::merge_options`).
inline std::optional<loaded_return> load_return(const std::vector<std::string>& dirs, int year,
                                                const std::string& who, bool quiet,
                                                const ssda903::merge_options& merge = {}) {
    const std::string dir = folders_label(dirs);
    loaded_return out;
    if (dirs.size() > 1 || ssda903::holds_several_years(dirs.front())) {
        const std::vector<std::filesystem::path> paths(dirs.begin(), dirs.end());
        auto read = ssda903::read_years(paths, {}, merge);
        if (!read) {
            std::cerr << "carepath " << who << ": cannot read the returns: " << read.error()
                      << "\n  give folders of yearly returns (2019-20/ or 2019-episodes.csv)\n";
            return std::nullopt;
        }
        out.years = read->years_used();
        out.merge_problems = std::move(read->diagnostics);
        out.data = std::move(read->merged);
        if (!quiet)
            std::cerr << "carepath " << who << ": merged " << out.years.size()
                      << (out.years.size() == 1 ? " year" : " years") << " ("
                      << report::collection_year_label(out.years.front()) << " to "
                      << report::collection_year_label(out.years.back()) << ") into one history "
                      << "per child\n";
    } else {
        auto read = ssda903::read_return(dirs.front(), year);
        if (!read) {
            std::cerr << "carepath " << who << ": cannot read the return: " << read.error()
                      << "\n  give the folder that holds the return's CSV or XML files\n";
            return std::nullopt;
        }
        out.data = std::move(read).value();
    }
    // Files that could not be read are said first, whatever --quiet says: their reason (such
    // as "save it as UTF-8") is the fix, and every figure below lacks their rows.
    for (const auto& d : out.data.read_errors)
        if (std::ranges::find(out.data.unread_files, d.file) != out.data.unread_files.end())
            std::cerr << "carepath " << who << ": " << d << '\n';
    if (!out.data.unread_files.empty())
        std::cerr << "carepath " << who << ": " << out.data.unread_files.size()
                  << (out.data.unread_files.size() == 1 ? " file" : " files")
                  << " of the return could not be read; what follows covers only the rest\n";
    if (!out.data.find("Episodes")) {
        std::cerr << "carepath " << who << ": " << dir
                  << ": no Episodes table found (expected CSV files such as header.csv and "
                     "episodes.csv, recognised by their column names)\n";
        return std::nullopt;
    }
    out.year = year != 0 ? year : ssda903::infer_collection_year(out.data);
    if (out.year == 0) {
        std::cerr << "carepath " << who << ": " << dir
                  << ": the Episodes table has no readable date, so the collection year is not "
                     "known\n  give it with --year YYYY (2025 = 2024-25)\n";
        return std::nullopt;
    }
    out.window = {*make_date(out.year - 1, 4, 1), *make_date(out.year, 4, 1)};
    // A year the data does not reach would be answered by stretching open episodes to its end
    // (or by counting nobody): refuse it, and say what the return covers.
    const auto span = ssda903::episode_date_span(out.data);
    // The year the dates say (a DEC on 1 April belongs to the year before), whatever was asked.
    const int own_year = [&] {
        const int asked_year = std::exchange(out.data.collection_year, 0);
        const int y = ssda903::infer_collection_year(out.data);
        out.data.collection_year = asked_year;
        return y;
    }();
    const std::string asked = report::collection_year_label(out.year);
    if (span && (out.window.from > span->last || out.window.to <= span->first)) {
        std::cerr << "carepath " << who << ": " << dir << ": the return's episodes run from "
                  << format_uk(span->first) << " to " << format_uk(span->last) << ", so "
                  << asked << " is outside them"
                  << (out.window.from > span->last
                          ? " (open episodes would be counted as running to its end)"
                          : " (no child in the return was in care then)")
                  << "\n  give a year the return covers, or leave out --year (it is for "
                  << report::collection_year_label(own_year) << ")\n";
        return std::nullopt;
    }
    if (!quiet && year != 0 && own_year != 0 && year != own_year)
        std::cerr << "carepath " << who << ": warning: the return is for "
                  << report::collection_year_label(own_year) << " (its dates run to "
                  << format_uk(span->last) << "); figures for " << asked
                  << " count only the children in it"
                  << (year > own_year ? ", with open episodes taken as still open" : "")
                  << '\n';
    if (out.years.empty())
        out.years.push_back(own_year != 0 ? own_year : out.year);
    out.mapped = ssda903::map_return(out.data);
    out.problems =
        out.data.read_errors.size() + out.merge_problems.size() + out.mapped.diagnostics.size();
    if (!quiet) {
        std::size_t shown = 0;
        for (const auto* list : {&out.data.read_errors, &out.merge_problems, &out.mapped.diagnostics})
            for (const auto& d : *list)
                if (shown++ < 20)
                    std::cerr << "carepath " << who << ": " << d << '\n';
        if (shown > 20)
            std::cerr << "carepath " << who << ": ... and " << shown - 20
                      << " more problems (run `carepath validate " << dir << "` for all)\n";
    }
    return out;
}

/// Writes `path` with `write(std::ostream&)`; prints why and returns false on failure.
template <class F>
bool write_file(const std::filesystem::path& path, F&& write, const std::string& who) {
    std::error_code ec;
    if (path.has_parent_path())
        std::filesystem::create_directories(path.parent_path(), ec);
    std::ofstream out{path, std::ios::binary};
    if (!out) {
        std::cerr << "carepath " << who << ": cannot write " << path.string()
                  << "\n  check that the folder exists and is writable\n";
        return false;
    }
    write(out);
    if (!out.flush()) {
        std::cerr << "carepath " << who << ": writing " << path.string() << " failed\n";
        return false;
    }
    return true;
}

} // namespace carepath::cli
