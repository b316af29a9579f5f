// Relationship continuity across placement moves: carepath against the Python/NetworkX
// baseline (../shared/bench/continuity_networkx.py) on the same cohort, in one run.
//
//   bench_continuity DIR [--repeat N] [--no-baseline] [--python python3]
//
// DIR is a folder written by gen_relationships.py (standard workload: --children 80000
// --seed 1). carepath computes and writes the four result files N times (median kept) two ways:
// streamed, as `carepath continuity` does (run_contract), then through the whole relationship
// graph (read_cohort + compute_contract); then the baseline runs once as a child process; all
// sets of files must be identical. Fresh-process figures: benchmarks/continuity.sh.
// Prints `metric value unit` lines. See docs/benchmarks.md.
#include <carepath/graph/continuity_contract.hpp>

#include <sys/resource.h>
#include <time.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <sstream>
#include <string>
#include <vector>

namespace {
namespace fs = std::filesystem;
namespace cg = carepath::graph;
using clock_type = std::chrono::steady_clock;

double seconds(clock_type::time_point a, clock_type::time_point b) {
    return std::chrono::duration<double>(b - a).count();
}

std::string slurp(const fs::path& p) {
    std::ifstream in{p, std::ios::binary};
    return {std::istreambuf_iterator<char>{in}, std::istreambuf_iterator<char>{}};
}

void write(const fs::path& p, const auto& f) {
    std::ofstream out{p, std::ios::binary};
    f(out);
}

// CPU time of this process: on a shared machine it moves far less than wall time.
double cpu_now() {
    timespec ts{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) * 1e-9;
}

struct timing {
    double load = 0, compute = 0, write = 0, total = 0;
    double cpu_load = 0, cpu_compute = 0, cpu_write = 0, cpu_total = 0;
    std::size_t children = 0, moves = 0;
};

// What `carepath continuity` does: one pass that reads and counts (run_contract), then the
// writing. `load` holds the pass, `compute` stays zero.
timing run_streamed(const fs::path& dir, const fs::path& out) {
    timing t;
    const double c0 = cpu_now();
    const auto t0 = clock_type::now();
    const auto run = cg::run_contract(dir);
    if (!run) {
        std::cerr << "bench_continuity: " << run.error() << '\n';
        std::exit(2);
    }
    const auto t1 = clock_type::now();
    const double c1 = cpu_now();
    fs::create_directories(out);
    write(out / "moves.csv", [&](std::ostream& os) { cg::write_moves_csv(os, *run); });
    write(out / "children.csv", [&](std::ostream& os) { cg::write_children_csv(os, *run); });
    write(out / "by_type.csv", [&](std::ostream& os) { cg::write_by_type_csv(os, run->results); });
    write(out / "siblings.csv", [&](std::ostream& os) { cg::write_siblings_csv(os, *run); });
    const auto t2 = clock_type::now();
    const double c2 = cpu_now();
    t.cpu_load = c1 - c0;
    t.cpu_write = c2 - c1;
    t.cpu_total = c2 - c0;
    t.load = seconds(t0, t1);
    t.write = seconds(t1, t2);
    t.total = seconds(t0, t2);
    t.children = run->children;
    t.moves = run->results.moves.size();
    return t;
}

// The library's general path: the whole cohort as a relationship graph, then the measures.
timing run_graph(const fs::path& dir, const fs::path& out) {
    timing t;
    const double c0 = cpu_now();
    const auto t0 = clock_type::now();
    auto read = cg::read_cohort(dir);
    if (!read) {
        std::cerr << "bench_continuity: " << read.error() << '\n';
        std::exit(2);
    }
    const auto& c = *read;
    const auto t1 = clock_type::now();
    const double c1 = cpu_now();
    const auto r = cg::compute_contract(c);
    const auto t2 = clock_type::now();
    const double c2 = cpu_now();
    fs::create_directories(out);
    write(out / "moves.csv", [&](std::ostream& os) { cg::write_moves_csv(os, c, r); });
    write(out / "children.csv", [&](std::ostream& os) { cg::write_children_csv(os, c, r); });
    write(out / "by_type.csv", [&](std::ostream& os) { cg::write_by_type_csv(os, r); });
    write(out / "siblings.csv", [&](std::ostream& os) { cg::write_siblings_csv(os, c, r); });
    const auto t3 = clock_type::now();
    const double c3 = cpu_now();
    t.cpu_load = c1 - c0;
    t.cpu_compute = c2 - c1;
    t.cpu_write = c3 - c2;
    t.cpu_total = c3 - c0;
    t.load = seconds(t0, t1);
    t.compute = seconds(t1, t2);
    t.write = seconds(t2, t3);
    t.total = seconds(t0, t3);
    t.children = c.placements.size();
    t.moves = r.moves.size();
    return t;
}

timing median_of(int repeat, timing (*run)(const fs::path&, const fs::path&), const fs::path& dir,
                 const fs::path& out) {
    std::vector<timing> runs;
    for (int i = 0; i < repeat; ++i) runs.push_back(run(dir, out));
    std::ranges::sort(runs, {}, &timing::total);
    return runs[runs.size() / 2];
}

double field(const std::string& line, const std::string& key) {
    const auto at = line.find(" " + key + "=");
    if (at == std::string::npos) return -1;
    return std::atof(line.c_str() + at + key.size() + 2);
}
} // namespace

int main(int argc, char** argv) {
    if (argc < 2) {
        std::cerr << "usage: bench_continuity DIR [--repeat N] [--no-baseline] [--python EXE]\n";
        return 2;
    }
    const fs::path dir = argv[1];
    int repeat = 3;
    bool baseline = true;
    std::string python = "python3";
    for (int i = 2; i < argc; ++i) {
        const std::string a = argv[i];
        if (a == "--repeat" && i + 1 < argc) repeat = std::max(1, std::atoi(argv[++i]));
        else if (a == "--no-baseline") baseline = false;
        else if (a == "--python" && i + 1 < argc) python = argv[++i];
    }
    const fs::path work = fs::temp_directory_path() / "carepath_bench_continuity";
    fs::remove_all(work);
    const fs::path ours = work / "carepath", theirs = work / "networkx";

    // The streamed pass first, so that the peak RSS read after it is its own.
    const timing med = median_of(repeat, run_streamed, dir, ours);
    rusage self{};
    getrusage(RUSAGE_SELF, &self);
    const double peak_mib = static_cast<double>(self.ru_maxrss) / 1024.0;
    std::printf("children %zu count\nmoves %zu count\n", med.children, med.moves);
    std::printf("carepath_read_and_count %.3f s\ncarepath_write %.3f s\ncarepath_total %.3f s\n",
                med.load, med.write, med.total);
    std::printf("carepath_cpu_read_and_count %.3f s\ncarepath_cpu_write %.3f s\n"
                "carepath_cpu_total %.3f s\n", med.cpu_load, med.cpu_write, med.cpu_total);
    std::printf("carepath_peak_rss %.1f MiB\ncarepath_bytes_per_child %.0f B\n", peak_mib,
                static_cast<double>(self.ru_maxrss) * 1024.0 / static_cast<double>(med.children));

    const timing graph = median_of(repeat, run_graph, dir, work / "graph");
    std::printf("graph_path_load %.3f s\ngraph_path_compute %.3f s\ngraph_path_write %.3f s\n"
                "graph_path_total %.3f s\n", graph.load, graph.compute, graph.write, graph.total);
    for (const char* f : {"moves.csv", "children.csv", "by_type.csv", "siblings.csv"})
        std::printf("graph_path_identical_%s %d bool\n", f, slurp(ours / f) == slurp(work / "graph" / f) ? 1 : 0);
    if (!baseline) return 0;

    const fs::path script = fs::path{CAREPATH_SOURCE_DIR} / ".." / "shared" / "bench" / "continuity_networkx.py";
    const fs::path log = work / "networkx.log";
    const std::string cmd = python + " " + script.string() + " --data " + dir.string() + " --out "
                            + theirs.string() + " > " + log.string();
    const auto b0 = clock_type::now();
    const int rc = std::system(cmd.c_str());
    const double wall = seconds(b0, clock_type::now());
    if (rc != 0) {
        std::cerr << "bench_continuity: the baseline failed: " << cmd << '\n';
        return 2;
    }
    rusage kids{};
    getrusage(RUSAGE_CHILDREN, &kids);
    const double kids_cpu = static_cast<double>(kids.ru_utime.tv_sec + kids.ru_stime.tv_sec)
                            + static_cast<double>(kids.ru_utime.tv_usec + kids.ru_stime.tv_usec) * 1e-6;
    const std::string line = " " + slurp(log);
    const double total = field(line, "total"), compute = field(line, "compute");
    const double moves_part = field(line, "(moves");
    std::printf("networkx_process_wall %.3f s\nnetworkx_total %.3f s\nnetworkx_compute %.3f s\n"
                "networkx_compute_moves %.3f s\n", wall, total, compute, moves_part);
    std::printf("networkx_peak_rss %.1f MiB\nnetworkx_bytes_per_child %.0f B\n",
                static_cast<double>(kids.ru_maxrss) / 1024.0,
                static_cast<double>(kids.ru_maxrss) * 1024.0 / static_cast<double>(med.children));

    bool same = true;
    for (const char* f : {"moves.csv", "children.csv", "by_type.csv", "siblings.csv"}) {
        const bool eq = slurp(ours / f) == slurp(theirs / f);
        std::printf("identical_%s %d bool\n", f, eq ? 1 : 0);
        same = same && eq;
    }
    std::printf("ratio_end_to_end_vs_networkx_total %.1f x\n", total / med.total);
    std::printf("ratio_end_to_end_vs_networkx_wall %.1f x\n", wall / med.total);
    std::printf("ratio_graph_path_compute_vs_networkx_compute %.1f x\n", compute / graph.compute);
    std::printf("networkx_process_cpu %.3f s\n", kids_cpu);
    std::printf("ratio_cpu_end_to_end_vs_networkx_process_cpu %.1f x\n", kids_cpu / med.cpu_total);
    std::printf("memory_ratio %.1f x\n", static_cast<double>(kids.ru_maxrss) * 1024.0 / (peak_mib * 1048576.0));
    return same ? 0 : 1;
}
