// `carepath validate DIR... [--year YYYY] [--format text|json] [--la CODE]`: reads an SSDA903
// return from DIR and prints one finding a line (RULE, TABLE, LINE, CHILD, MESSAGE separated by
// tabs) or JSON. Exit 0 when clean, 1 with findings, 2 when the return cannot be read in full
// (a file not read, a year carepath has no rules for): findings are then printed, but a
// return with unread files is never reported clean.
#include "command.hpp"
#include "huge_pages.hpp"

#include <carepath/ssda903.hpp>
#include <carepath/ssda903/validate.hpp> // not in ssda903.hpp
#include <carepath/ssda903/years.hpp>    // nor this

#include <nlohmann/json.hpp>

#include <algorithm>
#include <iostream>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace {

namespace s9 = carepath::ssda903;

nlohmann::json report_json(const s9::validation_report& report) {
    nlohmann::json out;
    out["year"] = report.year;
    out["rules_run"] = report.rules_run;
    out["status"] = std::string{carepath::to_string(report.status)};
    auto& problems = out["problems"] = nlohmann::json::array();
    for (const auto& d : report.problems)
        problems.push_back({{"file", d.file},
                            {"line", d.line},
                            {"field", d.field},
                            {"value", d.value},
                            {"message", d.message}});
    auto& list = out["findings"] = nlohmann::json::array();
    for (const auto& f : report.findings) {
        nlohmann::json fields = nlohmann::json::array();
        std::string::size_type start = 0;
        while (start <= f.fields.size() && !f.fields.empty()) {
            const auto end = f.fields.find(';', start);
            fields.push_back(f.fields.substr(start, end - start));
            if (end == std::string::npos) break;
            start = end + 1;
        }
        list.push_back({{"rule", f.rule}, {"table", f.table}, {"file", f.file},
                        {"line", f.line}, {"child", f.child}, {"fields", fields},
                        {"message", f.message}});
    }
    return out;
}

// Prints the problems that stopped a year's validation or left it incomplete.
void say_status(const s9::validation_report& report, std::string_view what) {
    if (report.status == s9::validation_status::refused)
        for (const auto& d : report.problems)
            std::cerr << "carepath validate: " << what << d << '\n';
    if (report.status == s9::validation_status::incomplete)
        std::cerr << "carepath validate: " << what << report.problems.size()
                  << (report.problems.size() == 1 ? " file" : " files")
                  << " of the return could not be read (above); the findings below cover only "
                     "what was read\n";
}

// The return's files are read whole and kept, with their cells' starts, rows and the rules'
// context, under three times their size: in huge pages that is a few hundred page faults
// instead of about 85,000 (a fifth of the process's time on this project's virtual machines;
// docs/benchmarks.md, SSDA903). Blocks above 32 MiB (the Episodes text, its cell starts) are
// kept in the heap too, so that they are huge-paged with the rest. Four times the files' size
// is reserved: address space only, pages not touched are never faulted in.
void heap_for_return(const std::vector<std::string>& dirs) {
    std::uintmax_t bytes = 0;
    for (const auto& dir : dirs) {
        std::error_code ec;
        for (std::filesystem::recursive_directory_iterator it{dir, ec}, end; !ec && it != end;
             it.increment(ec)) {
            std::error_code size_ec;
            if (it->is_regular_file(size_ec)) {
                const auto n = it->file_size(size_ec);
                if (!size_ec) bytes += n;
            }
        }
    }
    carepath::cli::heap_for_input(bytes, 4, std::uintmax_t{2} << 30, /*big_blocks_in_heap=*/true);
}

int run_validate(const std::string& dir, int year, const std::string& format,
                 const std::string& la, bool quiet) {
    auto read = s9::read_return(dir, year);
    if (!read) {
        std::cerr << "carepath validate: cannot read the return: " << read.error()
                  << "\n  give the folder that holds the return's CSV or XML files\n";
        return 2;
    }
    const s9::return_data& data = *read;
    // Problems first: the reader's own hint ("save it as UTF-8") is what the user needs most.
    // With --quiet, the errors about files that could not be read are still printed.
    for (const auto& d : data.read_errors)
        if (!quiet || std::ranges::find(data.unread_files, d.file) != data.unread_files.end())
            std::cerr << "carepath validate: " << d << '\n';
    if (data.tables.empty()) {
        std::cerr << "carepath validate: " << dir
                  << ": no SSDA903 table found (expected CSV files such as header.csv and "
                     "episodes.csv, recognised by their column names)\n";
        return 2;
    }
    const auto report = s9::validate(data, {.year = year, .local_authority = la});
    say_status(report, "");
    if (report.status == s9::validation_status::refused) {
        std::cerr << "  give the year with --year YYYY (" << s9::first_collection_year << " to "
                  << s9::last_collection_year << ")\n";
        return 2;
    }
    if (format == "json") {
        std::cout << report_json(report).dump(1) << '\n';
    } else {
        for (const auto& f : report.findings)
            std::cout << f.rule << '\t' << f.table << '\t' << f.line << '\t' << f.child << '\t'
                      << f.message << '\n';
    }
    if (report.status != s9::validation_status::complete)
        return 2;
    return report.findings.empty() ? 0 : 1;
}

// Several years: each year is validated with its own year's rules, as it was sent. Text
// lines start with the year (2019-20) and name the file; JSON is a list of yearly reports.
int run_validate_years(const std::vector<std::string>& dirs, const std::string& format,
                       const std::string& la, bool quiet, bool keep_unconfirmed) {
    const std::vector<std::filesystem::path> paths(dirs.begin(), dirs.end());
    auto read = s9::read_years(paths, {}, {.close_unconfirmed = !keep_unconfirmed});
    if (!read) {
        std::cerr << "carepath validate: cannot read the returns: " << read.error()
                  << "\n  give folders of yearly returns (2019-20/ or 2019-episodes.csv)\n";
        return 2;
    }
    for (const auto& d : read->diagnostics)
        if (!quiet || d.severity == carepath::severity::error)
            std::cerr << "carepath validate: " << d << '\n';
    bool all_complete = true, clean = true;
    nlohmann::json years = nlohmann::json::array();
    for (const auto& y : read->years) {
        const std::string name = s9::detail::collection_name(y.collection_year);
        for (const auto& d : y.data.read_errors)
            if (!quiet || std::ranges::find(y.data.unread_files, d.file) != y.data.unread_files.end())
                std::cerr << "carepath validate: " << d << '\n';
        const auto report = s9::validate(y.data, {.year = y.collection_year, .local_authority = la});
        say_status(report, name + ": ");
        all_complete = all_complete && report.status == s9::validation_status::complete;
        clean = clean && report.findings.empty();
        if (format == "json") {
            auto j = report_json(report);
            j["source"] = y.name;
            years.push_back(std::move(j));
            continue;
        }
        if (report.status != s9::validation_status::refused)
            std::cerr << "carepath validate: " << name << ": " << report.rules_run
                      << " rules of that year run, " << report.findings.size() << " findings\n";
        for (const auto& f : report.findings)
            std::cout << name << '\t' << f.rule << '\t' << f.table << '\t' << f.file << '\t'
                      << f.line << '\t' << f.child << '\t' << f.message << '\n';
    }
    if (format == "json") {
        nlohmann::json out;
        out["years"] = std::move(years);
        auto& merge = out["merge"] = nlohmann::json::array();
        for (const auto& d : read->diagnostics)
            merge.push_back({{"file", d.file}, {"line", d.line}, {"field", d.field},
                             {"value", d.value}, {"message", d.message},
                             {"severity", std::string{carepath::to_string(d.severity)}}});
        std::cout << out.dump(1) << '\n';
    }
    if (!all_complete)
        return 2;
    return clean ? 0 : 1;
}

const carepath::cli::registrar validate_command{[](CLI::App& app) {
    struct options {
        std::vector<std::string> dirs;
        int year = 0;
        std::string format = "text";
        std::string la;
        bool quiet = false;
        bool keep_unconfirmed = false;
    };
    auto opt = std::make_shared<options>();
    auto* cmd = app.add_subcommand("validate", "check an SSDA903 return against the DfE rules");
    cmd->footer("Exit status: 0 no findings, 1 findings, 2 bad options, a return that cannot be "
                "read (in full) or a year carepath has no rules for.");
    cmd->add_option("dir", opt->dirs,
                    "folder holding the return's CSV (or XML) files; several folders, or one "
                    "holding year folders (2019-20/) or year-prefixed files (2019-episodes.csv), "
                    "are validated year by year, each with its own year's rules")
        ->required();
    cmd->add_option("--year", opt->year,
                    "collection year, named by the 31 March it ends on (2025 = 2024-25); "
                    "default: inferred from the latest episode date")
        ->check(CLI::Range(carepath::ssda903::first_collection_year,
                           carepath::ssda903::last_collection_year));
    cmd->add_option("--format", opt->format, "text (one finding a line) or json")
        ->check(CLI::IsMember({"text", "json"}));
    cmd->add_option("--la", opt->la, "the local authority's code (e.g. E08000003), for the "
                                     "rules that compare the placement LA with it");
    cmd->add_flag("--quiet", opt->quiet, "do not print problems met while reading the files");
    cmd->add_flag("--keep-unconfirmed", opt->keep_unconfirmed,
                  "with several years, say of an episode open at the end of one year whose "
                  "child is not in the next year's return that it is kept open (the merge "
                  "--keep-unconfirmed gives analyse, export, forecast and graph); each year is "
                  "validated as sent either way");
    cmd->callback([opt] {
        const bool years = opt->dirs.size() > 1
                           || carepath::ssda903::holds_several_years(opt->dirs.front());
        if (years && opt->year != 0) {
            std::cerr << "carepath validate: --year is for one return; several years are each "
                         "validated with their own year's rules\n";
            carepath::cli::exit_code() = 2;
            return;
        }
        heap_for_return(opt->dirs);
        carepath::cli::exit_code() =
            years ? run_validate_years(opt->dirs, opt->format, opt->la, opt->quiet,
                                       opt->keep_unconfirmed)
                  : run_validate(opt->dirs.front(), opt->year, opt->format, opt->la, opt->quiet);
    });
}};

} // namespace
