# The package_deb test (cmake -P): cpack -G DEB, then the .deb unpacked with dpkg-deb -x into a
# scratch root must hold the headers, the CMake config and a working `carepath` program, and the
# whole consumer (tests/package, CONSUMER=all) must build against that root and run.
file(REMOVE_RECURSE ${WORK})
file(MAKE_DIRECTORY ${WORK})
function(run)
    execute_process(COMMAND ${ARGN} RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
    if(NOT rc EQUAL 0)
        message(FATAL_ERROR "failed (${rc}): ${ARGN}\n${out}\n${err}")
    endif()
    set(out "${out}" PARENT_SCOPE)
endfunction()

run(${CPACK} -G DEB -B ${WORK}/cpack --config ${BUILD}/CPackConfig.cmake)
file(GLOB debs ${WORK}/cpack/libcarepath-dev_*.deb)
list(LENGTH debs n)
if(NOT n EQUAL 1)
    message(FATAL_ERROR "expected one libcarepath-dev_*.deb in ${WORK}/cpack, found: ${debs}")
endif()
run(dpkg-deb --field ${debs} Package Version Depends)
if(NOT out MATCHES "Package: libcarepath-dev\nVersion: ${VERSION}\n")
    message(FATAL_ERROR "unexpected control fields:\n${out}")
endif()

set(root ${WORK}/root)
run(dpkg-deb -x ${debs} ${root})
foreach(f usr/include/carepath/carepath.hpp usr/include/carepath/core/care_history.hpp
          usr/share/cmake/carepath/carepath-config.cmake
          usr/share/cmake/carepath/carepath-core-targets.cmake usr/bin/carepath)
    if(NOT EXISTS ${root}/${f})
        message(FATAL_ERROR "the .deb has no /${f}")
    endif()
endforeach()
run(${root}/usr/bin/carepath --version)
if(NOT out MATCHES "^carepath ${VERSION}")
    message(FATAL_ERROR "the packaged program says: ${out}")
endif()

run(${CTEST} --build-and-test ${CONSUMER_SOURCE} ${WORK}/consumer --build-generator ${GENERATOR}
    --build-options -DCONSUMER=all -DCMAKE_PREFIX_PATH=${root}/usr -DCMAKE_CXX_COMPILER=${CXX}
    --test-command consumer)
message("${out}")
