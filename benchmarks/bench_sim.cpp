// Child-years simulated per second per core on the default England run: the 2019 stock of
// about 78,000 children in care plus each year's entrants, ten years, with families, carers,
// social workers and relationships, on one thread. When the build found the toy model
// (../shared/bench/toy_limit.cpp, built as `toy_limit`), it is run in the same benchmark and
// carepath's speed is reported as a ratio to it.
#include <carepath/carepath.hpp>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>

namespace {
double toy_rate(const char* exe, double& care_rate) {
    std::string cmd = std::string{exe} + " 2000000";
    FILE* p = popen(cmd.c_str(), "r");
    if (!p)
        return 0;
    char buf[1024] = {};
    const std::size_t n = std::fread(buf, 1, sizeof buf - 1, p);
    pclose(p);
    buf[n] = 0;
    double rate = 0;
    if (const char* at = std::strstr(buf, "child_years_per_s "))
        rate = std::atof(at + 18);
    if (const char* at = std::strstr(buf, "care_years_per_s "))
        care_rate = std::atof(at + 17);
    return rate;
}
} // namespace

int main(int argc, char** argv) {
    carepath::sim::sim_config cfg;
    cfg.years = argc > 1 ? std::atoi(argv[1]) : 10;
    cfg.threads = 1;
    const auto t0 = std::chrono::steady_clock::now();
    const auto r = carepath::sim::simulate(cfg);
    const double secs =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    std::printf("sim_years %d years\n", cfg.years);
    std::printf("sim_children %llu children\n", static_cast<unsigned long long>(r.children));
    std::printf("sim_events %llu events\n", static_cast<unsigned long long>(r.events));
    std::printf("sim_seconds %.3f s\n", secs);
    std::printf("sim_child_years %.0f child-years\n", r.child_years);
    std::printf("sim_care_years %.0f care-years\n", r.care_years);
    const double rate = r.child_years / secs;
    const double care_rate = r.care_years / secs;
    std::printf("sim_child_years_per_s_per_core %.4g child-years/s\n", rate);
    std::printf("sim_care_years_per_s_per_core %.4g care-years/s\n", care_rate);
    std::printf("sim_events_per_s_per_core %.4g events/s\n", static_cast<double>(r.events) / secs);
#ifdef CAREPATH_TOY_LIMIT
    double toy_care = 0;
    const double toy = toy_rate(CAREPATH_TOY_LIMIT, toy_care);
    if (toy > 0) {
        std::printf("toy_child_years_per_s %.4g child-years/s\n", toy);
        std::printf("toy_care_years_per_s %.4g care-years/s\n", toy_care);
        std::printf("ratio_toy_to_sim_child_years %.1f x\n", toy / rate);
        std::printf("ratio_toy_to_sim_care_years %.1f x\n", toy_care / care_rate);
    }
#endif
    return 0;
}
