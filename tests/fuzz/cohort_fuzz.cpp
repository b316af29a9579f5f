// libFuzzer target: the continuity bench cohort reader (people.csv, relationships.csv,
// placements.csv, meta.csv). The input is the four files one after another, separated by lines
// holding only "%%"; missing files are empty. Any bytes give a cohort or a diagnostic, never a
// crash, and every problem reported names one of the four files. Round trip: a cohort that
// reads, written (graph/cohort_write.hpp) and read back, is the same cohort; a cohort the
// files cannot hold is refused with a diagnostic naming a file. Two paths: the one-pass
// reader of the continuity measures (run_contract_text) gives the same error, the same problems
// and the same four result files as the graph path (read_cohort_text + compute_contract).
#include "carepath/graph/cohort_csv.hpp"
#include "carepath/graph/cohort_write.hpp"
#include "carepath/graph/continuity_contract.hpp"

#include <array>
#include <cstddef>
#include <cstdint>
#include <sstream>
#include <string>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::string_view rest{reinterpret_cast<const char*>(data), size};
    std::array<std::string_view, 4> files{};
    for (std::size_t i = 0; i < files.size(); ++i) {
        const auto cut = rest.find("\n%%\n");
        if (cut == std::string_view::npos || i + 1 == files.size()) {
            files[i] = rest;
            rest = {};
            break;
        }
        files[i] = rest.substr(0, cut + 1);
        rest.remove_prefix(cut + 4);
    }
    auto named = [](const carepath::diagnostic& d) {
        return d.file == "people.csv" || d.file == "relationships.csv" || d.file == "placements.csv"
               || d.file == "meta.csv";
    };
    namespace cg = carepath::graph;
    const auto c = cg::read_cohort_text(files[0], files[1], files[2], files[3]);
    const auto run = cg::run_contract_text(files[0], files[1], files[2], files[3]);
    if (c.ok() != run.ok())
        __builtin_trap();
    if (!c.ok()) {
        if (!named(c.error()) || to_string(c.error()) != to_string(run.error()))
            __builtin_trap();
        return 0;
    }
    for (const auto& d : c->problems)
        if (!named(d))
            __builtin_trap();
    if (c->problems.size() != run->problems.size())
        __builtin_trap();
    for (std::size_t i = 0; i < c->problems.size(); ++i)
        if (to_string(c->problems[i]) != to_string(run->problems[i]))
            __builtin_trap();
    const auto r = cg::compute_contract(*c);
    std::ostringstream graph_path, one_pass;
    cg::write_moves_csv(graph_path, *c, r);
    cg::write_children_csv(graph_path, *c, r);
    cg::write_by_type_csv(graph_path, r);
    cg::write_siblings_csv(graph_path, *c, r);
    cg::write_moves_csv(one_pass, *run);
    cg::write_children_csv(one_pass, *run);
    cg::write_by_type_csv(one_pass, run->results);
    cg::write_siblings_csv(one_pass, *run);
    if (graph_path.str() != one_pass.str())
        __builtin_trap();
    const auto text = carepath::graph::write_cohort_text(*c);
    if (!text.ok()) {
        if (!named(text.error()))
            __builtin_trap();
        return 0;
    }
    const auto back = carepath::graph::read_cohort_text(text->people, text->relationships,
                                                        text->placements, text->meta);
    if (!back.ok() || carepath::graph::cohort_difference(*c, *back))
        __builtin_trap();
    return 0;
}
