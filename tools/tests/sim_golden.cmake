# The golden simulation run: a small fixed `carepath simulate` whose summary.json, summary.csv
# and report.html must match tests/data/sim/golden/ byte for byte. It pins the model's
# behaviour while the model is restructured (issue 12); a change that is meant to alter the
# results regenerates the files (command in the failure message) and says why in its commit.
#
# Included by tools/CMakeLists.txt, this file registers the tests; run with `cmake -P`, it is
# the checker: -DCLI=path -DWORK=dir -DGOLDEN=dir -DFILES=a;b [-DUPDATE=1 to rewrite goldens].
# 13 years, so that every cohort figure (adoption breakdown within 12 years) is measured
set(cp_golden_args simulate --children 3000 --years 13 --seed 12 --replicates 3 --threads 2
                   --histories 400)
if(CMAKE_SCRIPT_MODE_FILE)
    # FILES comes comma-separated: a semicolon does not survive add_test's quoting
    string(REPLACE "," ";" FILES "${FILES}")
    file(REMOVE_RECURSE "${WORK}")
    execute_process(COMMAND "${CLI}" ${cp_golden_args} --out "${WORK}"
                    RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
    if(NOT rc STREQUAL "0")
        message(FATAL_ERROR "carepath simulate failed (exit ${rc})\n${out}\n${err}")
    endif()
    set(failed "")
    foreach(f ${FILES})
        if(UPDATE)
            file(COPY_FILE "${WORK}/${f}" "${GOLDEN}/${f}")
            continue()
        endif()
        execute_process(COMMAND ${CMAKE_COMMAND} -E compare_files "${GOLDEN}/${f}" "${WORK}/${f}"
                        RESULT_VARIABLE same)
        if(NOT same EQUAL 0)
            list(APPEND failed ${f})
            # the first differing lines, when diff is there (JSON is one long line: split it
            # at commas first, so the diff names the fields that changed)
            find_program(cp_diff diff)
            if(cp_diff)
                foreach(side golden run)
                    if(side STREQUAL "golden")
                        file(READ "${GOLDEN}/${f}" text)
                    else()
                        file(READ "${WORK}/${f}" text)
                    endif()
                    if(f MATCHES "\\.json$")
                        string(REPLACE "," ",\n" text "${text}")
                    endif()
                    file(WRITE "${WORK}/${f}.${side}-lines" "${text}")
                endforeach()
                execute_process(COMMAND ${cp_diff} -u "${WORK}/${f}.golden-lines"
                                        "${WORK}/${f}.run-lines" OUTPUT_VARIABLE d)
                string(SUBSTRING "${d}" 0 3000 d)
                message(STATUS "${f} differs from the golden copy:\n${d}")
            endif()
        endif()
    endforeach()
    if(failed)
        string(REPLACE ";" " " cp_args "${cp_golden_args}")
        string(REPLACE ";" "," cp_files "${FILES}")
        message(FATAL_ERROR
            "golden simulation run changed: ${failed}\n"
            "  golden: ${GOLDEN}\n  this run: ${WORK}\n"
            "  compare: diff <(tr , '\\n' < ${GOLDEN}/summary.json) "
            "<(tr , '\\n' < ${WORK}/summary.json)\n"
            "  the run: carepath ${cp_args} --out DIR\n"
            "  if the change is intended, rewrite the goldens with\n"
            "    cmake -DCLI=${CLI} -DWORK=${WORK} -DGOLDEN=${GOLDEN} \"-DFILES=${cp_files}\" "
            "-DUPDATE=1 -P ${CMAKE_SCRIPT_MODE_FILE}\n"
            "  and say why the results changed in the commit message.")
    endif()
    message(STATUS "ok: identical to the golden run")
    return()
endif()

set(cp_golden_dir ${PROJECT_SOURCE_DIR}/tests/data/sim/golden)
# the model's numbers (summary.json with its intervals, and the series as CSV)
add_test(NAME sim_golden_summary
         COMMAND ${CMAKE_COMMAND} -DCLI=$<TARGET_FILE:carepath_cli>
                 -DWORK=${CMAKE_CURRENT_BINARY_DIR}/sim-golden/summary -DGOLDEN=${cp_golden_dir}
                 -DFILES=summary.json,summary.csv -P ${CMAKE_CURRENT_LIST_FILE})
# the report, which also reads the kept children's care histories
add_test(NAME sim_golden_report
         COMMAND ${CMAKE_COMMAND} -DCLI=$<TARGET_FILE:carepath_cli>
                 -DWORK=${CMAKE_CURRENT_BINARY_DIR}/sim-golden/report -DGOLDEN=${cp_golden_dir}
                 -DFILES=report.html -P ${CMAKE_CURRENT_LIST_FILE})
