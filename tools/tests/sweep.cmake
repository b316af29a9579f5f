# Tests of `carepath sweep` and `carepath-mpi sweep` on tests/data/sweep/: the table has the same
# bytes at 1 and 2 threads, at 1, 2 and 3 MPI ranks, and after a resume from a cut-off table;
# bad sweep files give located errors.
#
# Included by tools/CMakeLists.txt, this file registers the tests; run with `cmake -P`, it is
# the checker each test runs:
#   -DCMD=a|b|c     the command line, arguments separated by |
#   -DRC=n          the exit code expected
#   -DERR=re -DOUT=re   regular expressions stderr / stdout must match
#   -DTABLE=path    the table the command writes (removed first, unless -DCUT is given)
#   -DSAME_AS=path  a table TABLE must equal byte for byte
#   -DCUT=path      before running, TABLE is SAME_AS cut off two thirds of the way in (mid-row)
#   -DHEADER=line   TABLE's first line, exactly; and in every row each F_n / F_diff_n cell is a
#                   whole number up to -DREPLICATES=n, with a mean when it is 1 or more and an
#                   interval exactly when it is 2 or more (cells must not hold commas)
if(CMAKE_SCRIPT_MODE_FILE)
    if(DEFINED CUT)
        file(READ "${SAME_AS}" whole)
        string(LENGTH "${whole}" n)
        math(EXPR keep "${n} * 2 / 3")
        string(SUBSTRING "${whole}" 0 ${keep} part)
        file(WRITE "${TABLE}" "${part}")
    elseif(DEFINED TABLE)
        file(REMOVE "${TABLE}")
    endif()
    include(${CMAKE_CURRENT_LIST_DIR}/../../cmake/run_and_check.cmake)
    cp_run_and_check()
    if(DEFINED HEADER)
        cmake_policy(SET CMP0007 NEW) # keep the empty cells in the lists
        cmake_policy(SET CMP0054 NEW) # and never read a quoted cell as a variable's name
        file(STRINGS "${TABLE}" lines)
        list(POP_FRONT lines head)
        if(NOT head STREQUAL HEADER)
            message(FATAL_ERROR "${TABLE}'s header is\n${head}\nexpected\n${HEADER}")
        endif()
        string(REPLACE "," ";" names "${head}")
        list(LENGTH names columns)
        math(EXPR last "${columns} - 1")
        set(counted 0)
        foreach(line IN LISTS lines)
            string(REPLACE "," ";" cells "${line}")
            list(LENGTH cells n_cells)
            if(NOT n_cells EQUAL columns)
                message(FATAL_ERROR "${n_cells} cells, expected ${columns}: ${line}")
            endif()
            foreach(i RANGE 3 ${last})
                list(GET names ${i} name)
                if(NOT name MATCHES "_n$")
                    continue()
                endif()
                math(EXPR i_mean "${i} - 3")
                math(EXPR i_low "${i} - 2")
                list(GET cells ${i} n)
                list(GET cells ${i_mean} mean)
                list(GET cells ${i_low} low)
                if(NOT n MATCHES "^[0-9]+$" OR n GREATER REPLICATES)
                    message(FATAL_ERROR "${name} is '${n}', not 0 to ${REPLICATES}: ${line}")
                endif()
                if((n GREATER_EQUAL 1 AND mean STREQUAL "") OR (n EQUAL 0 AND NOT mean STREQUAL ""))
                    message(FATAL_ERROR "${name} is ${n} but the mean is '${mean}': ${line}")
                endif()
                if((n GREATER_EQUAL 2 AND low STREQUAL "") OR (n LESS 2 AND NOT low STREQUAL ""))
                    message(FATAL_ERROR "${name} is ${n} but the low end is '${low}': ${line}")
                endif()
                math(EXPR counted "${counted} + 1")
            endforeach()
        endforeach()
        if(counted EQUAL 0)
            message(FATAL_ERROR "no F_n cells checked in ${TABLE}")
        endif()
    endif()
    if(DEFINED SAME_AS)
        execute_process(COMMAND ${CMAKE_COMMAND} -E compare_files "${TABLE}" "${SAME_AS}"
                        RESULT_VARIABLE differ)
        if(differ)
            execute_process(COMMAND diff "${SAME_AS}" "${TABLE}")
            message(FATAL_ERROR "${TABLE} differs from ${SAME_AS}")
        endif()
    endif()
    message(STATUS "ok")
    return()
endif()

set(sw_data ${PROJECT_SOURCE_DIR}/tests/data/sweep)
set(sw_work ${CMAKE_CURRENT_BINARY_DIR}/sweep-tests)
file(MAKE_DIRECTORY ${sw_work})
set(sw_checker ${CMAKE_CURRENT_LIST_FILE})

# sw_test(NAME RC n CMD a b ... [TABLE path] [SAME_AS path] [CUT] [OUT re] [ERR re])
function(sw_test name)
    cmake_parse_arguments(T "CUT" "RC;OUT;ERR;TABLE;SAME_AS;HEADER;REPLICATES" "CMD" ${ARGN})
    string(REPLACE ";" "|" cmd "${T_CMD}")
    set(defs "-DCMD=${cmd}" "-DRC=${T_RC}")
    foreach(k OUT ERR TABLE SAME_AS HEADER REPLICATES)
        if(DEFINED T_${k})
            list(APPEND defs "-D${k}=${T_${k}}")
        endif()
    endforeach()
    if(T_CUT)
        list(APPEND defs "-DCUT=1")
    endif()
    add_test(NAME ${name} COMMAND ${CMAKE_COMMAND} ${defs} -P ${sw_checker})
endfunction()

set(sw_cli $<TARGET_FILE:carepath_cli>)
# the figure columns of small.txt's table: the scenario's mean, interval and n, then the
# difference from the baseline, its interval and its n (pairs), per figure
set(sw_figure_columns "")
foreach(f cla_count siblings_apart_share sw_changes_per_child_year)
    foreach(suffix _mean _low _high _n _diff _diff_low _diff_high _diff_n)
        string(APPEND sw_figure_columns ",${f}${suffix}")
    endforeach()
endforeach()
string(SUBSTRING "${sw_figure_columns}" 1 -1 sw_figure_columns)
sw_test(sweep_threads_1 RC 0 CMD ${sw_cli} sweep ${sw_data}/small.txt --threads 1
                                  --out ${sw_work}/threads-1.csv
        TABLE ${sw_work}/threads-1.csv OUT "Swept 6 points x 3 replicates"
        HEADER "point,scenario,sw_turnover_factor,replicates,${sw_figure_columns}" REPLICATES 3)
set_tests_properties(sweep_threads_1 PROPERTIES FIXTURES_SETUP sweep_table)
sw_test(sweep_threads_2 RC 0 CMD ${sw_cli} sweep ${sw_data}/small.txt --threads 2
                                  --out ${sw_work}/threads-2.csv --chart ${sw_work}/chart.svg
        TABLE ${sw_work}/threads-2.csv SAME_AS ${sw_work}/threads-1.csv
        OUT "Chart: [^\n]*chart.svg")
sw_test(sweep_resume RC 0 CMD ${sw_cli} sweep ${sw_data}/small.txt --threads 2 --resume
                               --out ${sw_work}/resumed.csv
        TABLE ${sw_work}/resumed.csv SAME_AS ${sw_work}/threads-1.csv CUT
        ERR "resuming after [1-5] of 6 points")
sw_test(sweep_hypercube RC 0 CMD ${sw_cli} sweep ${sw_data}/hypercube.txt --threads 2
                                  --out ${sw_work}/hypercube.csv
        TABLE ${sw_work}/hypercube.csv OUT "Swept 4 points x 2 replicates")
sw_test(sweep_bad_key RC 2 CMD ${sw_cli} sweep ${sw_data}/bad_key.txt --out ${sw_work}/bad.csv
        ERR "bad_key.txt:4:1: colour=\"blue\": unknown sweep key")
sw_test(sweep_bad_range RC 2 CMD ${sw_cli} sweep ${sw_data}/bad_range.txt --out ${sw_work}/bad.csv
        ERR "bad_range.txt:3:27: vary sw_turnover_factor=\"0.5 .. 12 / 3\": must be between 0 and 10")
sw_test(sweep_bad_scenario RC 2 CMD ${sw_cli} sweep ${sw_data}/bad_scenario.txt
                                     --out ${sw_work}/bad.csv
        ERR "bad_scenario.txt:3:[0-9]+: scenario=\"missing.txt\": cannot open the scenario file [^\n]*missing.txt")
sw_test(sweep_other_table RC 2 CMD ${sw_cli} sweep ${sw_data}/hypercube.txt --resume
                                    --out ${sw_work}/threads-1-copy.csv
        ERR "threads-1-copy.csv:1: .*header is not this sweep's")
set_tests_properties(sweep_threads_2 sweep_resume PROPERTIES FIXTURES_REQUIRED sweep_table)
# the other sweep's table is a copy, so this test cannot spoil the one the others compare with
add_test(NAME sweep_copy_table COMMAND ${CMAKE_COMMAND} -E copy ${sw_work}/threads-1.csv
                                       ${sw_work}/threads-1-copy.csv)
set_tests_properties(sweep_copy_table PROPERTIES FIXTURES_REQUIRED sweep_table
                     FIXTURES_SETUP sweep_copy)
set_tests_properties(sweep_other_table PROPERTIES FIXTURES_REQUIRED sweep_copy)

# MPI: 1, 2 and 3 ranks (3 oversubscribes a 2-core machine) give the threaded run's bytes.
# Shared memory only (no network probing), and allowed as root, where CI runs.
if(TARGET carepath_mpi_cli AND CAREPATH_MPIEXEC)
    foreach(np 1 2 3)
        sw_test(sweep_mpi_np${np} RC 0
                CMD ${CMAKE_COMMAND} -E env OMPI_ALLOW_RUN_AS_ROOT=1
                    OMPI_ALLOW_RUN_AS_ROOT_CONFIRM=1 OMPI_MCA_btl=self,vader
                    OMPI_MCA_btl_vader_single_copy_mechanism=none OMPI_MCA_plm=isolated
                    ${CAREPATH_MPIEXEC} --oversubscribe -np ${np}
                    $<TARGET_FILE:carepath_mpi_cli> sweep ${sw_data}/small.txt
                    --out ${sw_work}/mpi-${np}.csv
                TABLE ${sw_work}/mpi-${np}.csv SAME_AS ${sw_work}/threads-1.csv
                OUT "${np} rank")
        set_tests_properties(sweep_mpi_np${np} PROPERTIES FIXTURES_REQUIRED sweep_table
                             PROCESSORS 2 TIMEOUT 300)
    endforeach()
    sw_test(sweep_mpi_bad_key RC 2
            CMD ${CMAKE_COMMAND} -E env OMPI_ALLOW_RUN_AS_ROOT=1 OMPI_ALLOW_RUN_AS_ROOT_CONFIRM=1
                OMPI_MCA_btl=self,vader OMPI_MCA_plm=isolated ${CAREPATH_MPIEXEC}
                --oversubscribe -np 2 $<TARGET_FILE:carepath_mpi_cli> sweep
                ${sw_data}/bad_key.txt --out ${sw_work}/mpi-bad.csv
            ERR "bad_key.txt:4:1: colour=\"blue\": unknown sweep key")
endif()
