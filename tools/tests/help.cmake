# Every subcommand's --help lists its exit codes, and --quiet means the same wherever files are
# read: the problems met while reading are not printed; the exit code does not change.
#
# Included by tools/CMakeLists.txt, this file registers the tests; run with `cmake -P`, it is
# the checker:
#   -DCLI=path -DMODE=help        every subcommand named by `carepath --help` says "Exit status:"
#   -DCLI=path -DMODE=run -DARGS=a|b -DRC=n [-DERR=re] [-DNOT_ERR=re]
if(CMAKE_SCRIPT_MODE_FILE)
    if(MODE STREQUAL "help")
        execute_process(COMMAND ${CLI} --help OUTPUT_VARIABLE top RESULT_VARIABLE rc)
        # CLI11 lists subcommands under "Subcommands:", one a line, name first.
        string(REGEX REPLACE ".*Subcommands:\n" "" listing "${top}")
        string(REGEX MATCHALL "(^|\n)  [a-z]+" names "${listing}")
        list(LENGTH names n)
        if(NOT rc EQUAL 0 OR n LESS 5)
            message(FATAL_ERROR "carepath --help (exit ${rc}) lists ${n} subcommands:\n${top}")
        endif()
        foreach(name ${names})
            string(STRIP "${name}" name)
            execute_process(COMMAND ${CLI} ${name} --help OUTPUT_VARIABLE out RESULT_VARIABLE rc)
            if(NOT rc EQUAL 0 OR NOT out MATCHES "Exit status: 0")
                message(FATAL_ERROR "`carepath ${name} --help` (exit ${rc}) lists no exit codes:\n${out}")
            endif()
            message(STATUS "${name}: exit codes listed")
        endforeach()
        return()
    endif()
    set(CMD "${CLI}|${ARGS}")
    include(${CMAKE_CURRENT_LIST_DIR}/../../cmake/run_and_check.cmake)
    cp_run_and_check()
    if(DEFINED NOT_ERR AND err MATCHES "${NOT_ERR}")
        message(FATAL_ERROR "stderr matches '${NOT_ERR}' although it should not:\n${err}")
    endif()
    message(STATUS "ok")
    return()
endif()

add_test(NAME cli_help_exit_codes
         COMMAND ${CMAKE_COMMAND} -DCLI=$<TARGET_FILE:carepath_cli> -DMODE=help
                 -P ${CMAKE_CURRENT_LIST_FILE})

# The cohort with a bad row (relationships.csv line 3): each subcommand that reads it says so,
# and says nothing with --quiet; the exit code is the same either way.
set(_bad_cohort ${PROJECT_SOURCE_DIR}/tests/data/graph/bad_cohort)
set(_bad_row "relationships.csv:3:4")
foreach(quiet "" "|--quiet")
    if(quiet)
        set(_check -DNOT_ERR=${_bad_row})
        set(_suffix quiet)
    else()
        set(_check -DERR=${_bad_row})
        set(_suffix loud)
    endif()
    add_test(NAME cli_continuity_${_suffix}
             COMMAND ${CMAKE_COMMAND} -DCLI=$<TARGET_FILE:carepath_cli> -DMODE=run -DRC=1 ${_check}
                     "-DARGS=continuity|${_bad_cohort}|--out|${CMAKE_CURRENT_BINARY_DIR}/continuity_${_suffix}${quiet}"
                     -P ${CMAKE_CURRENT_LIST_FILE})
    add_test(NAME cli_graph_${_suffix}
             COMMAND ${CMAKE_COMMAND} -DCLI=$<TARGET_FILE:carepath_cli> -DMODE=run -DRC=0 ${_check}
                     "-DARGS=graph|${_bad_cohort}|--child|C1${quiet}"
                     -P ${CMAKE_CURRENT_LIST_FILE})
endforeach()
