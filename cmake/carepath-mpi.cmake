# The optional Boost.MPI part, with CAREPATH_WITH_MPI=ON and Boost.MPI found:
#   carepath::mpi   the library plus Boost.MPI, for code that includes carepath/sim/mpi.hpp
#                   (installed and exported too)
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
# Installed as the package's `mpi` component (find_package(carepath COMPONENTS mpi)), in its own
# export set, so the package config looks for Boost.MPI only when asked for it.
set_target_properties(carepath_mpi PROPERTIES EXPORT_NAME mpi)
install(TARGETS carepath_mpi EXPORT carepath-mpi-targets)
install(EXPORT carepath-mpi-targets NAMESPACE carepath::
        DESTINATION ${CMAKE_INSTALL_DATADIR}/cmake/carepath)
find_program(CAREPATH_MPIEXEC NAMES mpirun mpiexec DOC "mpirun for carepath's MPI tests")
