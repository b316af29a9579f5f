# The optional Boost.MPI part, with CAREPATH_WITH_MPI=ON and Boost.MPI found:
#   carepath::mpi   the library plus Boost.MPI, for code that includes carepath/sim/mpi.hpp
# Without Boost.MPI the option says so and the rest of the build goes on.
if(TARGET carepath_mpi OR NOT CAREPATH_WITH_MPI)
    return()
endif()
find_package(Boost 1.74 QUIET COMPONENTS mpi serialization)
if(NOT Boost_MPI_FOUND OR NOT TARGET Boost::mpi)
    # The test command asks for every part, so there a missing Boost.MPI is an error.
    if(CAREPATH_REQUIRE_TESTS)
        message(FATAL_ERROR "carepath: CAREPATH_WITH_MPI and CAREPATH_REQUIRE_TESTS are ON but "
                            "Boost.MPI was not found (Debian: libboost-mpi-dev openmpi-bin)")
    endif()
    message(WARNING "carepath: CAREPATH_WITH_MPI is ON but Boost.MPI was not found "
                    "(Debian: libboost-mpi-dev openmpi-bin); carepath::mpi is not built")
    return()
endif()
add_library(carepath_mpi INTERFACE)
add_library(carepath::mpi ALIAS carepath_mpi)
target_link_libraries(carepath_mpi INTERFACE carepath Boost::mpi Boost::serialization)
find_program(CAREPATH_MPIEXEC NAMES mpirun mpiexec DOC "mpirun for carepath's MPI tests")
