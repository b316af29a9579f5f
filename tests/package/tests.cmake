# The installed package works for programs outside the tree (included by tests/CMakeLists.txt):
#   package_install        cmake --install into a prefix in the build tree
#   package_consumer_core  find_package(carepath COMPONENTS core) with Boost and range-v3 made
#                          unfindable: the core component needs only the compiler
#   package_consumer_all   find_package(carepath) and carepath::carepath, every module used
#   package_consumer_mpi   find_package(carepath COMPONENTS mpi), with CAREPATH_WITH_MPI=ON
#   package_deb            cpack -G DEB makes libcarepath-dev; unpacked with dpkg-deb -x into a
#                          scratch root, it holds the headers, the CMake config and the program,
#                          and the whole consumer builds against it
add_test(NAME package_install
         COMMAND ${CMAKE_COMMAND} --install ${CMAKE_BINARY_DIR} --prefix ${CMAKE_BINARY_DIR}/pkg-prefix)
set_tests_properties(package_install PROPERTIES FIXTURES_SETUP carepath_pkg)

add_test(NAME package_consumer_core
         COMMAND ${CMAKE_CTEST_COMMAND} --build-and-test ${CMAKE_CURRENT_LIST_DIR}
                 ${CMAKE_BINARY_DIR}/pkg-consumer-core --build-generator ${CMAKE_GENERATOR}
                 --build-options -DCONSUMER=core -DCMAKE_PREFIX_PATH=${CMAKE_BINARY_DIR}/pkg-prefix
                                 -DCMAKE_CXX_COMPILER=${CMAKE_CXX_COMPILER}
                                 -DCMAKE_DISABLE_FIND_PACKAGE_Boost=ON
                                 -DCMAKE_DISABLE_FIND_PACKAGE_range-v3=ON
                 --test-command consumer)
set_tests_properties(package_consumer_core PROPERTIES FIXTURES_REQUIRED carepath_pkg
                     PASS_REGULAR_EXPRESSION "consumer: child 7 has 1 move")

add_test(NAME package_consumer_all
         COMMAND ${CMAKE_CTEST_COMMAND} --build-and-test ${CMAKE_CURRENT_LIST_DIR}
                 ${CMAKE_BINARY_DIR}/pkg-consumer-all --build-generator ${CMAKE_GENERATOR}
                 --build-options -DCONSUMER=all -DCMAKE_PREFIX_PATH=${CMAKE_BINARY_DIR}/pkg-prefix
                                 -DCMAKE_CXX_COMPILER=${CMAKE_CXX_COMPILER}
                 --test-command consumer)
set_tests_properties(package_consumer_all PROPERTIES FIXTURES_REQUIRED carepath_pkg
    PASS_REGULAR_EXPRESSION "graph: 2 people, 1 tie\nssda903: Header table, 1 row\nsim: streams agree\nreport: 2 marks")

# package_consumer_mpi  find_package(carepath COMPONENTS mpi): Boost.MPI comes with carepath::mpi
if(TARGET carepath_mpi)
    add_test(NAME package_consumer_mpi
             COMMAND ${CMAKE_CTEST_COMMAND} --build-and-test ${CMAKE_CURRENT_LIST_DIR}
                     ${CMAKE_BINARY_DIR}/pkg-consumer-mpi --build-generator ${CMAKE_GENERATOR}
                     --build-options -DCONSUMER=mpi -DCMAKE_PREFIX_PATH=${CMAKE_BINARY_DIR}/pkg-prefix
                                     -DCMAKE_CXX_COMPILER=${CMAKE_CXX_COMPILER}
                     --test-command consumer)
    # a singleton MPI run (no mpirun); Open MPI refuses root unless told
    set_tests_properties(package_consumer_mpi PROPERTIES FIXTURES_REQUIRED carepath_pkg
        ENVIRONMENT "OMPI_ALLOW_RUN_AS_ROOT=1;OMPI_ALLOW_RUN_AS_ROOT_CONFIRM=1;OMPI_MCA_btl=self,vader;OMPI_MCA_plm=isolated"
        PASS_REGULAR_EXPRESSION "mpi: rank 0 of 1, unit 7 came back the same")
endif()

if(TARGET carepath_cli)
    add_test(NAME package_deb
             COMMAND ${CMAKE_COMMAND} -DBUILD=${CMAKE_BINARY_DIR} -DWORK=${CMAKE_BINARY_DIR}/pkg-deb
                     -DCPACK=${CMAKE_CPACK_COMMAND} -DCTEST=${CMAKE_CTEST_COMMAND}
                     -DCONSUMER_SOURCE=${CMAKE_CURRENT_LIST_DIR} -DGENERATOR=${CMAKE_GENERATOR}
                     -DCXX=${CMAKE_CXX_COMPILER} -DVERSION=${PROJECT_VERSION}
                     -P ${CMAKE_CURRENT_LIST_DIR}/deb.cmake)
    set_tests_properties(package_deb PROPERTIES
        PASS_REGULAR_EXPRESSION "graph: 2 people, 1 tie\nssda903: Header table, 1 row\nsim: streams agree\nreport: 2 marks")
endif()
