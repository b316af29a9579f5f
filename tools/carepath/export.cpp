// `carepath export DIR... --to json|traminer|mstate|ssda903 --out FILE`: the care histories of
// an SSDA903 return, or of a council's returns of several years merged, as JSON, as TraMineR's
// state sequences (one row per child, one column per month) or in mstate's long format (id,
// from, to, trans, Tstart, Tstop, status), for work in R or Python; or, with --to ssda903, the
// return itself as CSV files (for sharing with --deidentify,
// docs/deidentify.md). Exit 0 written, 1 written but rows had problems, 2 cannot read or write.
#include "command.hpp"
#include "deidentify_input.hpp"
#include "return_input.hpp"

#include <carepath/report/export.hpp>
#include <carepath/ssda903/writer.hpp>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <chrono>
#include <iostream>
#include <memory>
#include <string>
#include <vector>

namespace {

nlohmann::json history_json(const carepath::ssda903::mapped_child& c) {
    using carepath::format_iso;
    const auto& h = c.history;
    auto end_of = [](const carepath::interval& i) -> nlohmann::json {
        if (i.end())
            return format_iso(*i.end());
        return nullptr;
    };
    nlohmann::json j;
    j["child"] = c.id;
    j["birth_date"] =
        c.birth_date_known ? nlohmann::json(format_iso(h.subject().birth_date)) : nullptr;
    j["sex"] = std::string{to_string(h.subject().sex)};
    auto& periods = j["periods"] = nlohmann::json::array();
    for (const auto& p : h.periods())
        periods.push_back(
            {{"start", format_iso(p.period.start())},
             {"end", end_of(p.period)},
             {"exit", p.exit ? nlohmann::json(std::string{to_string(*p.exit)}) : nullptr},
             {"reentry", p.reentry}});
    auto& places = j["placements"] = nlohmann::json::array();
    for (const auto& p : h.placements())
        places.push_back(
            {{"type", std::string{to_string(p.where.type)}},
             {"family", std::string{to_string(family_of(p.where.type))}},
             {"carer", p.where.carer ? nlohmann::json(p.where.carer->value()) : nullptr},
             {"start", format_iso(p.period.start())},
             {"end", end_of(p.period)},
             {"held_open", p.held_open}});
    auto& legal = j["legal_statuses"] = nlohmann::json::array();
    for (const auto& l : h.legal_statuses())
        legal.push_back({{"status", std::string{to_string(l.status)}},
                         {"start", format_iso(l.period.start())},
                         {"end", end_of(l.period)}});
    auto& moves = j["moves"] = nlohmann::json::array();
    for (const auto& m : h.moves())
        moves.push_back(format_iso(m.on));
    return j;
}

int run_export(const std::vector<std::string>& dirs, const std::string& to,
               const std::string& out, int year, bool quiet,
               const carepath::cli::deidentify_request& deid, bool keep_unconfirmed) {
    namespace r = carepath::report;
    if (deid.on && !carepath::cli::read_key(deid, "export"))
        return 2; // refused before any reading: no key, no output
    auto loaded = carepath::cli::load_return(dirs, year, "export", quiet,
                                             {.close_unconfirmed = !keep_unconfirmed});
    if (!loaded || !carepath::cli::deidentify_loaded(*loaded, deid, "export"))
        return 2;
    if (to == "ssda903") {
        if (auto s = carepath::ssda903::write_return(loaded->data, out); !s) {
            std::cerr << "carepath export: " << s.error() << '\n';
            return 2;
        }
        std::cout << "Wrote " << loaded->data.tables.size() << " tables of "
                  << loaded->mapped.children.size() << " children"
                  << (deid.on ? ", deidentified," : "") << " to " << out << '\n';
        return loaded->problems == 0 ? 0 : 1;
    }
    const auto histories = loaded->histories();
    // From the first month anyone was in care to the end of the collection year.
    carepath::date from = loaded->window.from;
    for (const auto& h : histories)
        for (const auto& p : h.periods())
            from = std::min(from, p.period.start());
    const auto ymd = std::chrono::year_month_day{from};
    from = carepath::date{ymd.year() / ymd.month() / std::chrono::day{1}};
    const carepath::date to_day = loaded->window.to;

    // rows are named by the return's own CHILD ids, so they join back to its tables
    std::vector<std::string> ids;
    for (const auto& c : loaded->mapped.children)
        ids.push_back(c.id);
    const bool ok = carepath::cli::write_file(
        out,
        [&](std::ostream& os) {
            if (to == "traminer") {
                r::write_traminer(os, histories, from, to_day, ids);
            } else if (to == "mstate") {
                r::write_mstate(os, histories, from, to_day, ids);
            } else {
                nlohmann::json j;
                j["collection_year"] = loaded->year;
                j["years_merged"] = loaded->years;
                j["from"] = carepath::format_iso(from);
                j["to"] = carepath::format_iso(to_day);
                auto& list = j["children"] = nlohmann::json::array();
                for (const auto& c : loaded->mapped.children)
                    list.push_back(history_json(c));
                os << j.dump(1) << '\n';
            }
        },
        "export");
    if (!ok)
        return 2;
    std::cout << "Wrote " << histories.size() << " children's care histories (" << to << ", "
              << carepath::format_iso(from) << " to "
              << carepath::format_iso(to_day - carepath::days{1}) << ") to " << out << '\n';
    if (to == "mstate") {
        std::cout << "States: ";
        for (std::size_t n = 1; n <= r::care_state_count + r::exit_state_count; ++n)
            std::cout << (n > 1 ? ", " : "") << n << '=' << r::state_by_number(n).name;
        std::cout << '\n';
    }
    return loaded->problems == 0 ? 0 : 1;
}

const carepath::cli::registrar export_command{[](CLI::App& app) {
    struct options {
        std::vector<std::string> dirs;
        std::string to, out;
        int year = 0;
        bool quiet = false;
        bool keep_unconfirmed = false;
        carepath::cli::deidentify_request deid;
    };
    auto opt = std::make_shared<options>();
    auto* cmd = app.add_subcommand(
        "export", "write the care histories of an SSDA903 return as JSON, TraMineR sequences or "
                  "mstate long format");
    cmd->footer("Exit status: 0 written, 1 written but some rows had problems, 2 cannot read the "
                "return or write the file.");
    cmd->add_option("dir", opt->dirs,
                    "folder holding the return's CSV (or XML) files; several folders, or one "
                    "holding year folders (2019-20/) or year-prefixed files (2019-episodes.csv), "
                    "are merged into one history per child")
        ->required();
    cmd->add_option("--to", opt->to, "json, traminer, mstate or ssda903 (the return's CSV files)")
        ->required()
        ->check(CLI::IsMember({"json", "traminer", "mstate", "ssda903"}));
    cmd->add_option("--out", opt->out, "file to write (a folder for ssda903)")->required();
    auto* deid = cmd->add_flag("--deidentify", opt->deid.on,
                               "ids as keyed hashes, birth dates to the month, postcodes to the "
                               "district, free text dropped (docs/deidentify.md)");
    cmd->add_option("--key", opt->deid.key_file, "file holding the key for --deidentify")
        ->needs(deid);
    cmd->add_option("--key-env", opt->deid.key_env,
                    "environment variable holding the key for --deidentify")
        ->needs(deid);
    cmd->add_option("--year", opt->year, "collection year (2025 = 2024-25); default: inferred")
        ->check(CLI::Range(2000, 2100));
    cmd->add_flag("--quiet", opt->quiet, "do not print problems met while reading the files");
    cmd->add_flag("--keep-unconfirmed", opt->keep_unconfirmed,
                  "keep open an episode open at the end of one year whose child is not in the next "
                  "year's return (as before 7 December 2026; default: closed on 1 April with REC "
                  "E8, docs/ssda903.md)");
    cmd->callback([opt] {
        carepath::cli::exit_code() = run_export(opt->dirs, opt->to, opt->out, opt->year,
                                                opt->quiet, opt->deid, opt->keep_unconfirmed);
    });
}};

} // namespace
