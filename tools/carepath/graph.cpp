// `carepath graph DIR --child ID [--date D] [--format dot|svg] [--out FILE]`: a child's
// relationship network on a day. DIR is a cohort (people.csv, relationships.csv,
// placements.csv, meta.csv: the relationship benchmark's form) or an SSDA903 return (whose
// network is the child's carers, the only people a return records). SVG is drawn by Graphviz's
// `dot` when it is installed. Exit 0 written, 2 when the input, the child or `dot` is missing.
#include "command.hpp"
#include "return_input.hpp"

#include <carepath/graph.hpp>
#include <carepath/graph/cohort_csv.hpp>
#include <carepath/report/graphviz.hpp>

#include <array>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <memory>
#include <optional>
#include <sstream>
#include <string>
#include <unistd.h>

namespace {

namespace fs = std::filesystem;

std::optional<fs::path> find_on_path(const std::string& program) {
    const char* path = std::getenv("PATH");
    if (!path)
        return std::nullopt;
    std::stringstream dirs{path};
    for (std::string d; std::getline(dirs, d, ':');) {
        if (d.empty())
            continue;
        std::error_code ec;
        const auto p = fs::path{d} / program;
        if (fs::is_regular_file(p, ec))
            return p;
    }
    return std::nullopt;
}

// Runs `dot -Tsvg` on the DOT text; nullopt (with a message) when it fails.
std::optional<std::string> render_svg(const fs::path& dot, const std::string& text) {
    const auto tmp =
        fs::temp_directory_path() / ("carepath-graph-" + std::to_string(::getpid()) + ".dot");
    {
        std::ofstream f{tmp};
        f << text;
    }
    const std::string cmd = '"' + dot.string() + "\" -Tsvg \"" + tmp.string() + '"';
    FILE* pipe = ::popen(cmd.c_str(), "r");
    if (!pipe)
        return std::nullopt;
    std::string out;
    std::array<char, 4096> buf{};
    for (std::size_t n; (n = std::fread(buf.data(), 1, buf.size(), pipe)) > 0;)
        out.append(buf.data(), n);
    const int rc = ::pclose(pipe);
    std::error_code ec;
    fs::remove(tmp, ec);
    if (rc != 0 || out.empty())
        return std::nullopt;
    return out;
}

struct network {
    carepath::graph::relationship_graph g;
    carepath::person_id child;
    carepath::date on;
};

std::optional<network> from_cohort(const std::string& dir, const std::string& id,
                                   const std::optional<carepath::date>& on, bool quiet) {
    auto read = carepath::graph::read_cohort(dir);
    if (!read) {
        std::cerr << "carepath graph: cannot read the cohort: " << read.error() << '\n';
        return std::nullopt;
    }
    auto& c = read.value();
    if (!quiet) { // rows the reader skipped, as `carepath continuity` prints them
        for (std::size_t i = 0; i < c.problems.size() && i < 20; ++i)
            std::cerr << "carepath graph: " << c.problems[i] << '\n';
        if (c.problems.size() > 20)
            std::cerr << "carepath graph: ... and " << c.problems.size() - 20 << " more problems\n";
    }
    for (const auto p : c.graph.people())
        if (c.external_id(p) == id)
            return network{std::move(c.graph), p, on.value_or(c.census)};
    std::cerr << "carepath graph: " << dir << ": no person with id " << id
              << " in people.csv\n  give a child's id as written in people.csv, e.g. "
              << (c.graph.person_count() ? c.external_id(c.graph.people().front())
                                         : std::string{"C0000001"})
              << '\n';
    return std::nullopt;
}

std::optional<network> from_return(const std::string& dir, const std::string& id, int year,
                                   const std::optional<carepath::date>& on, bool quiet,
                                   bool keep_unconfirmed) {
    auto loaded = carepath::cli::load_return({dir}, year, "graph", quiet,
                                             {.close_unconfirmed = !keep_unconfirmed});
    if (!loaded)
        return std::nullopt;
    const auto* mc = loaded->mapped.find(carepath::ssda903::normalise_child_id(id));
    if (!mc) {
        std::cerr << "carepath graph: " << dir << ": no child " << id << " in the return";
        if (!loaded->mapped.children.empty())
            std::cerr << "\n  children in it include " << loaded->mapped.children.front().id;
        std::cerr << '\n';
        return std::nullopt;
    }
    network n;
    n.child = carepath::person_id{1};
    n.g.add_person({n.child, "child " + mc->id, carepath::person_role::child,
                    mc->history.subject().birth_date});
    std::uint32_t next = 2;
    std::map<carepath::carer_id, carepath::person_id> carers;
    for (const auto& p : mc->history.placements()) {
        if (!p.where.carer)
            continue;
        auto [it, added] = carers.try_emplace(*p.where.carer, carepath::person_id{next});
        if (added) {
            ++next;
            n.g.add_person({it->second,
                            "carer " + std::to_string(p.where.carer->value()) + " ("
                                + std::string{to_string(p.where.type)} + ")",
                            carepath::person_role::carer, std::nullopt});
        }
        carepath::graph::tie t;
        const auto fam = family_of(p.where.type);
        t.kind = fam == carepath::placement_family::kinship_foster ? carepath::kinds::kinship_carer
                 : fam == carepath::placement_family::residential
                     ? carepath::kinds::residential_key_worker
                 : fam == carepath::placement_family::adoption ? carepath::kinds::adopter
                                                               : carepath::kinds::foster_carer;
        t.span = p.period;
        n.g.add_tie(n.child, it->second, t);
    }
    n.on = on.value_or(loaded->window.to - carepath::days{1});
    return n;
}

int run_graph(const std::string& dir, const std::string& child, const std::string& date_text,
              const std::string& format, const std::string& out, int year, bool quiet,
              bool keep_unconfirmed) {
    std::optional<carepath::date> on;
    if (!date_text.empty()) {
        auto d = carepath::parse_date(date_text);
        if (!d) {
            std::cerr << "carepath graph: --date \"" << date_text << "\": " << d.error().message
                      << "\n  write the date as yyyy-mm-dd or dd/mm/yyyy\n";
            return 2;
        }
        on = *d;
    }
    std::optional<fs::path> dot;
    if (format == "svg") {
        dot = find_on_path("dot");
        if (!dot) {
            std::cerr << "carepath graph: Graphviz's `dot` program is not installed, so SVG cannot "
                         "be drawn\n  install Graphviz (Debian: apt-get install graphviz) or use "
                         "--format dot and render it elsewhere\n";
            return 2;
        }
    }
    std::error_code ec;
    if (!fs::is_directory(dir, ec)) {
        std::cerr << "carepath graph: " << dir
                  << ": no such folder\n  give the folder holding a "
                     "cohort (people.csv, relationships.csv) or an SSDA903 return\n";
        return 2;
    }
    const bool cohort = fs::exists(fs::path{dir} / "people.csv", ec)
                        && fs::exists(fs::path{dir} / "relationships.csv", ec);
    auto net = cohort ? from_cohort(dir, child, on, quiet)
                      : from_return(dir, child, year, on, quiet, keep_unconfirmed);
    if (!net)
        return 2;

    std::ostringstream text;
    carepath::report::write_network_dot(text, net->g, net->child, net->on);
    std::string result = text.str();
    if (format == "svg") {
        auto svg = render_svg(*dot, result);
        if (!svg) {
            std::cerr << "carepath graph: `" << dot->string() << " -Tsvg` failed on the network\n";
            return 2;
        }
        result = std::move(*svg);
    }
    if (out.empty() || out == "-") {
        std::cout << result;
        return 0;
    }
    return carepath::cli::write_file(
               out, [&](std::ostream& os) { os << result; }, "graph")
               ? 0
               : 2;
}

const carepath::cli::registrar graph_command{[](CLI::App& app) {
    struct options {
        std::string dir, child, date, format = "dot", out;
        int year = 0;
        bool quiet = false;
        bool keep_unconfirmed = false;
    };
    auto opt = std::make_shared<options>();
    auto* cmd =
        app.add_subcommand("graph", "a child's relationship network on a day, as DOT or SVG");
    cmd->footer("DIR is a cohort folder (people.csv, relationships.csv, placements.csv, meta.csv) "
                "or an SSDA903 return (the network is then the child's carers).\nExit status: 0 "
                "written, 2 bad options, or the input, the child or Graphviz's dot is missing.");
    cmd->add_option("dir", opt->dir, "folder holding a cohort or an SSDA903 return")->required();
    cmd->add_option("--child", opt->child, "the child's id as written in the files")->required();
    cmd->add_option("--date", opt->date,
                    "the day (yyyy-mm-dd or dd/mm/yyyy); default: the cohort's census date or the "
                    "return's 31 March");
    cmd->add_option("--format", opt->format, "dot or svg (svg needs Graphviz's dot)")
        ->check(CLI::IsMember({"dot", "svg"}))
        ->capture_default_str();
    cmd->add_option("--out", opt->out, "file to write; default: standard output");
    cmd->add_option("--year", opt->year, "collection year of a return (2025 = 2024-25)")
        ->check(CLI::Range(2000, 2100));
    cmd->add_flag("--quiet", opt->quiet, "do not print problems met while reading the files");
    cmd->add_flag("--keep-unconfirmed", opt->keep_unconfirmed,
                  "keep open an episode open at the end of one year whose child is not in the next "
                  "year's return (as before 7 December 2026; default: closed on 1 April with REC "
                  "E8, docs/ssda903.md)");
    cmd->callback([opt] {
        carepath::cli::exit_code() = run_graph(opt->dir, opt->child, opt->date, opt->format,
                                               opt->out, opt->year, opt->quiet,
                                               opt->keep_unconfirmed);
    });
}};

} // namespace
