// `carepath validate DIR [--year YYYY] [--format text|json] [--la CODE]`: reads an SSDA903
// return from DIR and prints one finding a line (RULE, TABLE, LINE, CHILD, MESSAGE separated by
// tabs) or JSON. Exit 0 when clean, 1 with findings, 2 when the return cannot be read.
#include "command.hpp"

#include <carepath/ssda903.hpp>

#include <nlohmann/json.hpp>

#include <iostream>
#include <string>

namespace {

int run_validate(const std::string& dir, int year, const std::string& format,
                 const std::string& la, bool quiet) {
    namespace s9 = carepath::ssda903;
    auto read = s9::read_return(dir, year);
    if (!read) {
        std::cerr << "carepath validate: cannot read the return: " << read.error()
                  << "\n  give the folder that holds the return's CSV or XML files\n";
        return 2;
    }
    const s9::return_data& data = *read;
    if (data.tables.empty()) {
        std::cerr << "carepath validate: " << dir
                  << ": no SSDA903 table found (expected CSV files such as header.csv and "
                     "episodes.csv, recognised by their column names)\n";
        return 2;
    }
    if (!quiet)
        for (const auto& d : data.read_errors) std::cerr << "carepath validate: " << d << '\n';
    const auto report = s9::validate(data, {.year = year, .local_authority = la});
    if (format == "json") {
        nlohmann::json out;
        out["year"] = report.year;
        out["rules_run"] = report.rules_run;
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
        std::cout << out.dump(1) << '\n';
    } else {
        for (const auto& f : report.findings)
            std::cout << f.rule << '\t' << f.table << '\t' << f.line << '\t' << f.child << '\t'
                      << f.message << '\n';
    }
    return report.findings.empty() ? 0 : 1;
}

const carepath::cli::registrar validate_command{[](CLI::App& app) {
    struct options {
        std::string dir;
        int year = 0;
        std::string format = "text";
        std::string la;
        bool quiet = false;
    };
    auto opt = std::make_shared<options>();
    auto* cmd = app.add_subcommand("validate", "check an SSDA903 return against the DfE rules");
    cmd->add_option("dir", opt->dir, "folder holding the return's CSV (or XML) files")->required();
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
    cmd->callback([opt] {
        carepath::cli::exit_code() = run_validate(opt->dir, opt->year, opt->format, opt->la,
                                                  opt->quiet);
    });
}};

} // namespace
