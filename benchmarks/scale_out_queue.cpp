// The cost of rank 0's work queue alone (docs/scale-out.md): a sweep whose units do no work, so
// the time per unit is the round trip (work out, result back) plus rank 0's share (receive,
// record, summarise and write rows). Rank 0 hands out work only; the other ranks ask for it.
//   mpirun -np 2 build/benchmarks/scale_out_queue [UNITS]
// Prints `queue_units_per_s`, `queue_us_per_unit` and the bytes of one unit's messages.
#include <carepath/sim/mpi.hpp>

#include <boost/mpi/environment.hpp>
#include <boost/mpi/packed_oarchive.hpp>

#include <chrono>
#include <cstdlib>
#include <iostream>
#include <sstream>

int main(int argc, char** argv) {
    namespace sim = carepath::sim;
    boost::mpi::environment env{argc, argv, boost::mpi::threading::funneled};
    boost::mpi::communicator world;
    const std::size_t units = argc > 1 ? std::strtoul(argv[1], nullptr, 10) : 20000;
    sim::sweep_spec spec;
    spec.replicates = 2;
    spec.figures = {sim::figure_key::cla_count, sim::figure_key::siblings_apart_share,
                    sim::figure_key::continuity_index_mean};
    spec.parameters.push_back({.key = "sw_turnover_factor",
                               .values = {},
                               .low = 0,
                               .high = 1,
                               .steps = units / 2,
                               .line = 0});
    const auto points = sim::expand_sweep(spec).value();
    const auto no_work = [](const sim::sweep_spec& s, const sim::sweep_point& p, std::uint32_t) {
        sim::sweep_unit_values v;
        for (std::size_t f = 0; f < s.figures.size(); ++f) {
            v.baseline.push_back(static_cast<double>(p.index));
            v.scenario.push_back(static_cast<double>(p.index) + 1.5);
        }
        return v;
    };
    std::ostringstream table;
    world.barrier();
    const auto t0 = std::chrono::steady_clock::now();
    const auto outcome = sim::run_sweep_mpi(world, spec, points, 0, table, no_work, false);
    const double secs =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    if (world.rank() == 0) {
        if (outcome.failure || outcome.rows_written != points.size()) {
            std::cerr << "scale_out_queue: the sweep did not complete\n";
            return 1;
        }
        const auto n = static_cast<double>(points.size() * spec.replicates);
        boost::mpi::packed_oarchive result{world};
        result << sim::detail::pack_unit(0, no_work(spec, points[0], 0));
        std::cout << "ranks " << world.size() << "\nqueue_units_per_s " << n / secs
                  << "\nqueue_us_per_unit " << 1e6 * secs / n << "\nresult_message_bytes "
                  << result.size() << "\nwork_message_bytes 8\ntable_bytes_per_point "
                  << static_cast<double>(table.str().size()) / static_cast<double>(points.size())
                  << '\n';
    }
    return 0;
}
