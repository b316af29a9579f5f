# `carepath continuity` against the relationship benchmark's worked example: the four result
# files must equal ../shared/bench/example/expected byte for byte (CONTINUITY.md).
# The comparison script is written into the build tree: every *.cmake here is included.
file(WRITE ${CMAKE_CURRENT_BINARY_DIR}/continuity_golden.cmake [=[
# Runs `carepath continuity INPUT --out OUT` and compares each result file with EXPECTED.
file(REMOVE_RECURSE ${OUT})
execute_process(COMMAND ${CLI} continuity ${INPUT} --out ${OUT} RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
    message(FATAL_ERROR "carepath continuity exited with ${rc}")
endif()
foreach(f moves children by_type siblings)
    execute_process(COMMAND ${CMAKE_COMMAND} -E compare_files ${OUT}/${f}.csv ${EXPECTED}/${f}.csv
                    RESULT_VARIABLE differ)
    if(differ)
        file(READ ${OUT}/${f}.csv got)
        file(READ ${EXPECTED}/${f}.csv want)
        message(FATAL_ERROR "${f}.csv differs from the expected file.\n--- got\n${got}--- expected\n${want}")
    endif()
endforeach()
message(STATUS "all four result files match")
]=])
set(_continuity_example ${PROJECT_SOURCE_DIR}/../shared/bench/example)
if(EXISTS ${_continuity_example}/input/people.csv)
    add_test(NAME cli_continuity_golden
             COMMAND ${CMAKE_COMMAND} -DCLI=$<TARGET_FILE:carepath_cli>
                     -DINPUT=${_continuity_example}/input -DEXPECTED=${_continuity_example}/expected
                     -DOUT=${CMAKE_CURRENT_BINARY_DIR}/continuity_golden
                     -P ${CMAKE_CURRENT_BINARY_DIR}/continuity_golden.cmake)
endif()
# A cohort folder with a bad row: the run goes on, names file, line and field, exits 1.
add_test(NAME cli_continuity_bad_row
         COMMAND carepath_cli continuity ${PROJECT_SOURCE_DIR}/tests/data/graph/bad_cohort
                 --out ${CMAKE_CURRENT_BINARY_DIR}/continuity_bad)
set_tests_properties(cli_continuity_bad_row PROPERTIES
    PASS_REGULAR_EXPRESSION "relationships.csv:3:4: start=\"2024-02-30\": not a calendar date")
# A folder that is not a cohort: exit code 2 with the file named.
add_test(NAME cli_continuity_missing_dir
         COMMAND carepath_cli continuity ${CMAKE_CURRENT_BINARY_DIR}/no_such_cohort
                 --out ${CMAKE_CURRENT_BINARY_DIR}/continuity_missing)
set_tests_properties(cli_continuity_missing_dir PROPERTIES WILL_FAIL TRUE)
