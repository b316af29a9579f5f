// A program outside the carepath tree that uses the installed MPI component: a rank's report on
// one unit of a sweep goes through Boost.MPI's own archive and comes back the same. Linking
// fails unless carepath::mpi brings Boost.MPI and Boost.Serialization with it.
#include <carepath/sim/mpi.hpp>

#include <boost/mpi/environment.hpp>
#include <boost/mpi/packed_iarchive.hpp>
#include <boost/mpi/packed_oarchive.hpp>

#include <iostream>

int main(int argc, char* argv[]) {
    boost::mpi::environment env{argc, argv};
    boost::mpi::communicator world;
    const carepath::sim::sweep_unit_values sent{.baseline = {1.5, std::nullopt},
                                                .scenario = {2.5, 0.25}};
    boost::mpi::packed_oarchive::buffer_type buffer;
    boost::mpi::packed_oarchive out{world, buffer};
    out << carepath::sim::detail::pack_unit(7, sent);
    boost::mpi::packed_iarchive in{world, buffer};
    carepath::sim::mpi_unit_report back;
    in >> back;
    const auto got = carepath::sim::detail::unpack_unit(back, 2);
    std::cout << "mpi: rank " << world.rank() << " of " << world.size() << ", unit " << back.unit
              << (got == sent ? " came back the same" : " came back changed") << '\n';
}
