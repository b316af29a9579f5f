// `carepath rules [--year YYYY] [--format text|csv]`: lists the DfE validation rules of a
// collection year (code, tables, fields, whether carepath implements it, message).
#include "command.hpp"

#include <carepath/ssda903/validate.hpp>

#include <iostream>
#include <string>
#include <string_view>

namespace {

void csv_cell(std::ostream& os, std::string_view s) {
    if (s.find_first_of(",\"\n") == std::string_view::npos) {
        os << s;
        return;
    }
    os << '"';
    for (const char c : s) {
        if (c == '"') os << '"';
        os << c;
    }
    os << '"';
}

int run_rules(int year, const std::string& format) {
    namespace s9 = carepath::ssda903;
    const auto entries = s9::catalogue_for_year(year);
    if (format == "csv") std::cout << "code,tables,fields,first_year,last_year,implemented,message\n";
    std::size_t implemented = 0;
    for (const auto* e : entries) {
        const bool done = s9::is_implemented(e->code, year);
        implemented += done ? 1 : 0;
        if (format == "csv") {
            std::cout << e->code << ',';
            csv_cell(std::cout, e->tables);
            std::cout << ',';
            csv_cell(std::cout, e->fields);
            std::cout << ',' << e->first_year << ',' << e->last_year << ','
                      << (done ? "yes" : "no") << ',';
            csv_cell(std::cout, e->message);
            std::cout << '\n';
        } else {
            std::cout << e->code << '\t' << e->tables << '\t'
                      << (done ? "implemented" : "not implemented") << '\t' << e->message << '\n';
        }
    }
    if (format == "text")
        std::cout << entries.size() << " rules in " << year - 1 << '-' << year % 100 << ", "
                  << implemented << " implemented by carepath (years known: "
                  << s9::first_collection_year << " to " << s9::last_collection_year << ", "
                  << s9::first_collection_year - 1 << '-' << s9::first_collection_year % 100
                  << " to " << s9::last_collection_year - 1 << '-'
                  << s9::last_collection_year % 100 << ")\n";
    return 0;
}

const carepath::cli::registrar rules_command{[](CLI::App& app) {
    struct options {
        int year = carepath::ssda903::last_collection_year;
        std::string format = "text";
    };
    auto opt = std::make_shared<options>();
    auto* cmd = app.add_subcommand("rules", "list the DfE SSDA903 validation rules of a year");
    cmd->footer("Exit status: 0 listed, 2 bad options.");
    namespace s9 = carepath::ssda903;
    cmd->add_option("--year", opt->year,
                    "collection year, named by the 31 March it ends on (2025 = 2024-25); known: "
                        + std::to_string(s9::first_collection_year) + " to "
                        + std::to_string(s9::last_collection_year) + " (default: the last)")
        ->check(CLI::Range(carepath::ssda903::first_collection_year,
                           carepath::ssda903::last_collection_year));
    cmd->add_option("--format", opt->format, "text or csv")->check(CLI::IsMember({"text", "csv"}));
    cmd->callback([opt] { carepath::cli::exit_code() = run_rules(opt->year, opt->format); });
}};

} // namespace
