// Yearly SSDA903 returns of one simulated council, for the forecast benchmark and back-test
// (docs/forecast.md): the default England model run for one authority of about N children in
// care, its histories written as the returns the council would have sent, one folder a year
// named by the year the collection starts in (2017/ holds 2017-18, the layout the Python demand
// model reads and carepath reads the same way), each with the episodes open at some time in it.
//
//   council_returns OUT_DIR [children_in_care=2000] [first_year=2018] [years=5] [seed=1]
//   (years are named by the 31 March they end on: 2018 = 2017-18)
#include "carepath/sim/engine.hpp"
#include "carepath/ssda903/mapping.hpp"
#include "carepath/ssda903/writer.hpp"

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>

using namespace carepath;

int main(int argc, char** argv) {
    if (argc < 2) {
        std::fprintf(stderr, "usage: council_returns OUT_DIR [children_in_care=2000] "
                             "[first_year=2018] [years=5] [seed=1]\n");
        return 2;
    }
    const std::filesystem::path out{argv[1]};
    const double in_care = argc > 2 ? std::atof(argv[2]) : 2000;
    const int first = argc > 3 ? std::atoi(argv[3]) : 2018;
    const int years = argc > 4 ? std::atoi(argv[4]) : 5;
    sim::sim_config cfg;
    cfg.seed = argc > 5 ? std::strtoull(argv[5], nullptr, 10) : 1;
    cfg.authorities = 1;
    cfg.scale = in_care / cfg.params.stock_count.value;
    cfg.start = *make_date(first - 1, 3, 31);
    cfg.years = years;
    cfg.keep_histories = 50'000'000; // every child
    const auto r = sim::simulate(cfg);
    for (int y = first; y < first + years; ++y) {
        const auto ret = ssda903::histories_to_return(r.histories, {.collection_year = y});
        const auto dir = out / std::to_string(y - 1);
        if (auto s = ssda903::write_return(ret, dir); !s) {
            std::fprintf(stderr, "council_returns: %s\n", s.error().message.c_str());
            return 1;
        }
        std::printf("%s: %zu episodes of %zu children\n", dir.string().c_str(),
                    ret.find("Episodes")->rows.size(), ret.find("Header")->rows.size());
    }
    return 0;
}
