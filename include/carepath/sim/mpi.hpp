#pragma once
/// @file
/// Sweeps on MPI, through Boost.MPI (opt-in: link `carepath::mpi`, which exists when CMake
/// finds Boost.MPI; sim.hpp leaves this header out). Rank 0 keeps a work queue of units
/// (point, replicate) and hands the next one to whichever rank reports back, so fast and slow
/// ranks stay busy; it also runs units itself on a second thread. Results go back to rank 0,
/// which writes rows in point order through the same collector as the threaded run, so the
/// table has the same bytes at any number of ranks.
///
/// Each message is small: a unit number out (8 bytes), and back the unit number, one number
/// per figure per run (two runs) and an error text (empty unless the unit failed).
#include "carepath/sim/sweep.hpp"

#include <boost/mpi/communicator.hpp>
#include <boost/mpi/status.hpp>
#include <boost/serialization/string.hpp>
#include <boost/serialization/vector.hpp>

#include <atomic>
#include <chrono>
#include <cstdint>
#include <optional>
#include <ostream>
#include <string>
#include <thread>
#include <vector>

namespace carepath::sim {

/// What a rank sends rank 0 after a unit (or, with unit -1, when it first asks for work).
struct mpi_unit_report {
    std::int64_t unit = -1;
    std::string error;                 ///< why the unit failed; empty when it ran
    std::vector<double> values;        ///< baseline then scenario, per figure
    std::vector<std::uint8_t> present; ///< 1 where the run measured the figure
    template <class Archive>
    void serialize(Archive& ar, unsigned /*version*/) {
        ar& unit& error& values& present;
    }
};

namespace detail {
inline constexpr int mpi_tag_report = 17;
inline constexpr int mpi_tag_work = 18;

inline mpi_unit_report pack_unit(std::int64_t unit, const sweep_unit_values& v) {
    mpi_unit_report r;
    r.unit = unit;
    for (const auto* side : {&v.baseline, &v.scenario})
        for (const auto& x : *side) {
            r.values.push_back(x.value_or(0.0));
            r.present.push_back(x ? 1 : 0);
        }
    return r;
}
inline sweep_unit_values unpack_unit(const mpi_unit_report& r, std::size_t figures) {
    sweep_unit_values v;
    if (r.values.size() != 2 * figures || r.present.size() != 2 * figures)
        throw std::runtime_error{"a rank sent a unit with the wrong number of figures"};
    for (std::size_t i = 0; i < 2 * figures; ++i)
        (i < figures ? v.baseline : v.scenario)
            .push_back(r.present[i] ? std::optional<double>{r.values[i]} : std::nullopt);
    return v;
}
} // namespace detail

/// Runs points [first_point, points.size()) on every rank of `world`; call it on every rank
/// with the same spec and points. Rank 0 writes the rows to `out` in point order (the header
/// is the caller's) and returns the outcome; other ranks ignore `out` and return an empty
/// outcome. Needs MPI initialised with at least MPI_THREAD_FUNNELED: only the calling thread
/// of rank 0 makes MPI calls, while a second thread runs units there (unless
/// `root_runs_units` is false and there are other ranks: then rank 0 only hands out work).
inline sweep_outcome run_sweep_mpi(const boost::mpi::communicator& world, const sweep_spec& spec,
                                   const std::vector<sweep_point>& points, std::size_t first_point,
                                   std::ostream& out,
                                   const sweep_unit_runner& runner = run_sweep_unit,
                                   bool root_runs_units = true) {
    const std::size_t total = points.size() * spec.replicates;
    auto run_unit = [&](std::size_t u) {
        return runner(spec, points[u / spec.replicates],
                      static_cast<std::uint32_t>(u % spec.replicates));
    };
    if (world.rank() != 0) {
        world.send(0, detail::mpi_tag_report, mpi_unit_report{});
        while (true) {
            std::int64_t u = -1;
            world.recv(0, detail::mpi_tag_work, u);
            if (u < 0)
                return {};
            mpi_unit_report r;
            try {
                r = detail::pack_unit(u, run_unit(static_cast<std::size_t>(u)));
            } catch (const std::exception& e) {
                r = mpi_unit_report{.unit = u, .error = e.what(), .values = {}, .present = {}};
                if (r.error.empty())
                    r.error = "unknown error";
            }
            world.send(0, detail::mpi_tag_report, r);
        }
    }

    sweep_collector c{spec, points, first_point, out};
    std::atomic<std::size_t> next{first_point * spec.replicates};
    auto take = [&]() -> std::optional<std::size_t> {
        if (c.stopped())
            return std::nullopt;
        const std::size_t u = next++;
        return u < total ? std::optional{u} : std::nullopt;
    };
    const bool local_works = root_runs_units || world.size() == 1; // no MPI call in the thread
    std::jthread local{[&] {
        while (local_works) {
            const auto u = take();
            if (!u)
                break;
            try {
                c.add(*u, run_unit(*u));
            } catch (const std::exception& e) {
                c.fail(*u, e.what());
            }
        }
    }};
    int active = world.size() - 1;
    while (active > 0) {
        mpi_unit_report r;
        boost::mpi::status st;
        if (local_works) {
            // poll with short sleeps: a blocking receive spins in Open MPI and would take the
            // core from the thread running units here
            const auto probe = world.iprobe(boost::mpi::any_source, detail::mpi_tag_report);
            if (!probe) {
                std::this_thread::sleep_for(std::chrono::microseconds{200});
                continue;
            }
            st = world.recv(probe->source(), detail::mpi_tag_report, r);
        } else {
            st = world.recv(boost::mpi::any_source, detail::mpi_tag_report, r);
        }
        if (r.unit >= 0) {
            const auto u = static_cast<std::size_t>(r.unit);
            if (!r.error.empty()) {
                c.fail(u, "on rank " + std::to_string(st.source()) + ": " + r.error);
            } else {
                try {
                    c.add(u, detail::unpack_unit(r, spec.figures.size()));
                } catch (const std::exception& e) {
                    c.fail(u, e.what());
                }
            }
        }
        const auto u = take();
        const std::int64_t work = u ? static_cast<std::int64_t>(*u) : -1;
        world.send(st.source(), detail::mpi_tag_work, work);
        if (!u)
            --active;
    }
    local.join();
    return c.outcome();
}

} // namespace carepath::sim
