// Benchmark: read and validate an SSDA903 return (header.csv + episodes.csv made by
// ../shared/bench/gen_ssda903.py) with every rule of its collection year.
//
//   bench_ssda903 DIR [--year YYYY] [--repeat N] [--findings FILE]
//
// Prints `metric value unit` lines: sizes, read and validate times (best of N runs), episodes
// per second, findings, peak resident memory. --findings writes RULE<TAB>TABLE<TAB>LINE lines
// for the agreement check against the Python validator (benchmarks/ssda903_compare.py).
#include <carepath/ssda903.hpp>
#include <carepath/ssda903/validate.hpp> // not in ssda903.hpp

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <string>

namespace {

double peak_rss_mib() {
    std::ifstream status{"/proc/self/status"};
    std::string line;
    while (std::getline(status, line))
        if (line.rfind("VmHWM:", 0) == 0) return std::strtod(line.c_str() + 6, nullptr) / 1024.0;
    return 0.0;
}

} // namespace

int main(int argc, char** argv) {
    if (argc < 2) {
        std::cerr << "usage: bench_ssda903 DIR [--year YYYY] [--repeat N] [--findings FILE]\n";
        return 2;
    }
    const std::string dir = argv[1];
    int year = 0;
    int repeat = 1;
    std::string findings_file;
    for (int i = 2; i + 1 < argc; i += 2) {
        const std::string opt = argv[i];
        if (opt == "--year") year = std::atoi(argv[i + 1]);
        else if (opt == "--repeat") repeat = std::max(1, std::atoi(argv[i + 1]));
        else if (opt == "--findings") findings_file = argv[i + 1];
    }
    namespace s9 = carepath::ssda903;
    using clock = std::chrono::steady_clock;
    double best_read = 1e300;
    double best_validate = 1e300;
    std::size_t episodes = 0;
    std::size_t children = 0;
    std::size_t rules_run = 0;
    std::vector<s9::finding> findings;
    for (int r = 0; r < repeat; ++r) {
        const auto t0 = clock::now();
        auto data = s9::read_return(dir, year);
        const auto t1 = clock::now();
        if (!data) {
            std::cerr << "bench_ssda903: " << data.error() << '\n';
            return 2;
        }
        auto report = s9::validate(*data, {.year = year, .local_authority = {}});
        const auto t2 = clock::now();
        best_read = std::min(best_read, std::chrono::duration<double>(t1 - t0).count());
        best_validate = std::min(best_validate, std::chrono::duration<double>(t2 - t1).count());
        const auto* eps = data->find("Episodes");
        const auto* hdr = data->find("Header");
        episodes = eps ? eps->rows.size() : 0;
        children = hdr ? hdr->rows.size() : 0;
        rules_run = report.rules_run;
        year = report.year;
        findings = std::move(report.findings);
    }
    const double total = best_read + best_validate;
    std::printf("episodes %zu count\n", episodes);
    std::printf("children %zu count\n", children);
    std::printf("collection_year %d year\n", year);
    std::printf("rules_run %zu count\n", rules_run);
    std::printf("read_time %.3f s\n", best_read);
    std::printf("validate_time %.3f s\n", best_validate);
    std::printf("total_time %.3f s\n", total);
    std::printf("episodes_per_second %.0f episodes/s\n", total > 0 ? episodes / total : 0.0);
    std::printf("findings %zu count\n", findings.size());
    std::printf("peak_rss %.1f MiB\n", peak_rss_mib());
    if (!findings_file.empty()) {
        std::ofstream out{findings_file};
        for (const auto& f : findings) out << f.rule << '\t' << f.table << '\t' << f.line << '\n';
    }
    return 0;
}
