// `carepath analyse DIR... [--year YYYY] [--format text|json] [--out DIR] [--relationships FILE]`:
// the stability indicators, moves, continuity and sibling separation of an SSDA903 return or of
// a council's returns of several years merged (with a relationships extract for the last two,
// docs/relationships.md), and report.html.
// Exit 0 when the return was analysed cleanly, 1 when it was analysed but rows had problems
// (listed on stderr), 2 when it cannot be read.
#include "command.hpp"
#include "relationships_input.hpp"
#include "return_input.hpp"

#include <carepath/report/care_report.hpp>
#include <carepath/report/relationships.hpp>
#include <carepath/ssda903.hpp>

#include <nlohmann/json.hpp>

#include <iostream>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace {

nlohmann::json share_json(const carepath::ssda903::proportion& p) {
    nlohmann::json j{{"count", p.count}, {"base", p.base}};
    if (auto s = p.share())
        j["percent"] = 100.0 * *s;
    else
        j["percent"] = nullptr;
    return j;
}

int run_analyse(const std::vector<std::string>& dirs, int year, const std::string& format,
                const std::string& out_dir, bool quiet, const std::string& relationships,
                bool keep_unconfirmed) {
    namespace r = carepath::report;
    auto loaded = carepath::cli::load_return(
        dirs, year, "analyse", quiet, {.close_unconfirmed = !keep_unconfirmed});
    if (!loaded)
        return 2;
    const std::string dir = carepath::cli::folders_label(dirs);
    const bool merged = loaded->years.size() > 1;
    const std::string years_merged =
        r::collection_year_label(loaded->years.front()) + " to "
        + r::collection_year_label(loaded->years.back()) + ", "
        + std::to_string(loaded->years.size()) + " returns merged into one history per child";
    std::optional<carepath::cli::relationships_joined> joined;
    if (!relationships.empty()) {
        joined = carepath::cli::join_relationships_file(loaded->mapped, relationships, "analyse",
                                                        quiet);
        if (!joined)
            return 2;
        loaded->problems += joined->problems;
    }
    const auto histories = loaded->histories();
    const auto ind = carepath::ssda903::compute_indicators(loaded->mapped, loaded->year);

    auto data = r::summarise_histories(histories, loaded->window);
    data.title =
        "carepath analysis of an SSDA903 return, " + r::collection_year_label(loaded->year);
    data.subtitle = (merged ? "From the returns in " + dir + " (" + years_merged + ")"
                            : "From the return in " + dir)
                    + ". SSDA903 records placements and legal "
                      "statuses, not relationships, so continuity and siblings need other data.";
    data.continuity = r::continuity_by_move(histories, loaded->window);
    data.continuity_note = "An SSDA903 return records no relationships, so what became of them at "
                           "each move is not known from it.";
    data.siblings = r::siblings_by_year(histories, loaded->window);
    data.siblings_note = "An SSDA903 return records no sibling links, so sibling separation is "
                         "not known from it.";
    if (joined)
        carepath::cli::describe_relationships(data, *joined);
    r::data_table t;
    t.caption = "Placement stability, " + r::collection_year_label(loaded->year);
    t.columns = {"indicator", "count", "base", "percent"};
    auto add = [&](const std::string& name, const carepath::ssda903::proportion& p) {
        t.add_row({name, std::to_string(p.count), std::to_string(p.base),
                   p.share() ? r::format_number(100 * *p.share(), 1) : std::string{"-"}});
    };
    add("looked after on 31 March with 3 or more placements in the year",
        ind.three_or_more_placements);
    add("under 16, in care 2.5+ years, same placement 2+ years", ind.long_term_stability);
    add("placed outside the home authority on 31 March", ind.placed_outside_home_authority);
    data.extra_tables.push_back(std::move(t));
    data.extra_title = "Placement stability indicators";
    data.facts.emplace_back("collection year", r::collection_year_label(loaded->year));
    if (merged)
        data.facts.emplace_back("years merged", years_merged);
    data.facts.emplace_back("problems met reading the return", std::to_string(loaded->problems));

    const std::filesystem::path report_path = std::filesystem::path{out_dir} / "report.html";
    if (!carepath::cli::write_file(
            report_path, [&](std::ostream& os) { r::write_report(os, data); }, "analyse"))
        return 2;

    std::size_t gaps = 0, prior = 0;
    for (const auto& c : data.continuity) {
        gaps += static_cast<std::size_t>(c.unrecorded);
        prior += static_cast<std::size_t>(c.kept + c.ended + c.unrecorded);
    }
    if (format == "json") {
        nlohmann::json j;
        j["collection_year"] = loaded->year;
        j["years_merged"] = loaded->years;
        j["looked_after_in_year"] = ind.looked_after_in_year;
        j["looked_after_at_year_end"] = ind.looked_after_at_year_end;
        j["three_or_more_placements"] = share_json(ind.three_or_more_placements);
        j["long_term_stability"] = share_json(ind.long_term_stability);
        j["placed_outside_home_authority"] = share_json(ind.placed_outside_home_authority);
        j["moves_in_year"] = ind.moves_in_year;
        if (auto v = ind.moves_per_child_year())
            j["moves_per_child_year"] = *v;
        else
            j["moves_per_child_year"] = nullptr;
        j["children_by_moves"] = data.moves_per_child;
        j["continuity"] = nullptr;
        if (!data.continuity.empty()) {
            auto& c = j["continuity"] = nlohmann::json::array();
            for (const auto& m : data.continuity)
                c.push_back({{"move", m.label},
                             {"kept", m.kept},
                             {"ended", m.ended},
                             {"unrecorded", m.unrecorded}});
        }
        j["siblings"] = nullptr;
        if (!data.siblings.empty()) {
            auto& s = j["siblings"] = nlohmann::json::array();
            for (const auto& x : data.siblings)
                s.push_back({{"date", x.label},
                             {"with_sibling_in_care", x.with_sibling_in_care},
                             {"apart", x.apart}});
        }
        j["problems"] = loaded->problems;
        j["report"] = report_path.string();
        std::cout << j.dump(1) << '\n';
    } else {
        if (merged)
            std::cout << "Years: " << years_merged << '\n';
        std::cout << ind;
        std::cout << "  children by moves of home in the year (0, 1, 2, 3, 4, 5+):";
        for (const double v : data.moves_per_child)
            std::cout << ' ' << v;
        std::cout << '\n';
        if (data.continuity.empty())
            std::cout << "  continuity per move: not known ("
                      << (joined ? "no relationship recorded before a move"
                                 : "the return records no relationships")
                      << ")\n";
        else {
            std::cout << "  continuity per move: " << prior << " relationships before moves, "
                      << gaps << " unrecorded\n";
            for (const auto& c : data.continuity)
                std::cout << "    " << c.label << ": " << c.kept << " kept, " << c.ended
                          << " ended, " << c.unrecorded << " unrecorded\n";
        }
        if (data.siblings.empty())
            std::cout << "  sibling separation: not known ("
                      << (joined ? "no two children recorded as siblings"
                                 : "the return records no sibling links")
                      << ")\n";
        else
            for (const auto& s : data.siblings)
                std::cout << "  siblings on " << s.label << ": " << s.apart << " of "
                          << s.with_sibling_in_care << " apart from at least one sibling in care\n";
        if (loaded->problems)
            std::cout << "  problems met reading the return: " << loaded->problems
                      << " (run `carepath validate " << dir << "` for the findings)\n";
        std::cout << "Report: " << report_path.string() << '\n';
    }
    return loaded->problems == 0 ? 0 : 1;
}

const carepath::cli::registrar analyse_command{[](CLI::App& app) {
    struct options {
        std::vector<std::string> dirs;
        int year = 0;
        std::string format = "text";
        std::string out = "carepath-out";
        bool quiet = false;
        bool keep_unconfirmed = false;
        std::string relationships;
    };
    auto opt = std::make_shared<options>();
    auto* cmd = app.add_subcommand(
        "analyse", "stability indicators, moves, continuity and sibling separation of an SSDA903 "
                   "return, with report.html");
    cmd->footer("Exit status: 0 analysed, 1 analysed but some rows had problems, 2 cannot read "
                "the return.");
    cmd->add_option("dir", opt->dirs,
                    "folder holding the return's CSV (or XML) files; several folders, or one "
                    "holding year folders (2019-20/) or year-prefixed files (2019-episodes.csv), "
                    "are merged into one history per child")
        ->required();
    cmd->add_option("--year", opt->year,
                    "collection year, named by the 31 March it ends on (2025 = 2024-25); "
                    "default: inferred from the latest episode date")
        ->check(CLI::Range(2000, 2100));
    cmd->add_option("--format", opt->format, "text or json")
        ->check(CLI::IsMember({"text", "json"}));
    cmd->add_option("--out", opt->out, "folder for report.html (created if missing)")
        ->capture_default_str();
    cmd->add_flag("--quiet", opt->quiet, "do not print problems met while reading the files");
    cmd->add_flag("--keep-unconfirmed", opt->keep_unconfirmed,
                  "keep open an episode open at the end of one year whose child is not in the next "
                  "year's return (as before 7 December 2026; default: closed on 1 April with REC "
                  "E8, docs/ssda903.md)");
    cmd->add_option("--relationships", opt->relationships,
                    "CSV extract of the children's relationships (docs/relationships.md), for "
                    "continuity per move and sibling separation");
    cmd->callback([opt] {
        carepath::cli::exit_code() = run_analyse(opt->dirs, opt->year, opt->format, opt->out,
                                                 opt->quiet, opt->relationships,
                                                 opt->keep_unconfirmed);
    });
}};

} // namespace
