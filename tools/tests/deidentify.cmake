# Tests of `carepath export --deidentify` on tests/data/ssda903/deidentify/ (its README lists
# what must not survive and the hashes worked out for its test key).
#
# Included by tools/CMakeLists.txt, this file registers the tests; run with `cmake -P`, it is
# the checker: cp_run_and_check's CMD, RC, OUT and ERR, then
#   -DDIR=folder          every file under it is read
#   -DABSENT=a|b|c        strings no file may contain
#   -DPRESENT=f:s|g:t     file f (relative to DIR) must contain s
if(CMAKE_SCRIPT_MODE_FILE)
    if(DEFINED DIR)
        file(REMOVE_RECURSE "${DIR}")
    endif()
    include(${CMAKE_CURRENT_LIST_DIR}/../../cmake/run_and_check.cmake)
    cp_run_and_check()
    if(DEFINED DIR)
        file(GLOB_RECURSE written "${DIR}/*")
        if(NOT written)
            message(FATAL_ERROR "nothing was written to ${DIR}\nstdout:\n${out}")
        endif()
        string(REPLACE "|" ";" absent "${ABSENT}")
        foreach(f ${written})
            file(READ "${f}" content)
            foreach(s ${absent})
                string(FIND "${content}" "${s}" at)
                if(NOT at EQUAL -1)
                    message(FATAL_ERROR "${f} still holds '${s}':\n${content}")
                endif()
            endforeach()
        endforeach()
        string(REPLACE "|" ";" present "${PRESENT}")
        foreach(p ${present})
            string(REGEX MATCH "^([^:]+):(.*)$" _ "${p}")
            file(READ "${DIR}/${CMAKE_MATCH_1}" content)
            string(FIND "${content}" "${CMAKE_MATCH_2}" at)
            if(at EQUAL -1)
                message(FATAL_ERROR "${CMAKE_MATCH_1} does not hold '${CMAKE_MATCH_2}':\n${content}")
            endif()
        endforeach()
    endif()
    message(STATUS "ok")
    return()
endif()

set(cp_deid ${PROJECT_SOURCE_DIR}/tests/data/ssda903/deidentify)
set(cp_deid_work ${CMAKE_CURRENT_BINARY_DIR}/deidentify-tests)
set(cp_deid_absent "7301942|7301943|A123456789012|SW99AB|SC123456|17/05/2012|23/11/2010|09/02/2025|5AH|3LG|4GG|1QT|not known|Joan|St Mary|extra cell|NOTES")

# cp_deid_test(NAME RC n ARGS a b ... [OUT re] [ERR re] [DIR d [ABSENT ...] [PRESENT ...]] [ENV k=v])
function(cp_deid_test name)
    cmake_parse_arguments(T "" "RC;OUT;ERR;DIR;ABSENT;PRESENT;ENV" "ARGS" ${ARGN})
    set(cmd $<TARGET_FILE:carepath_cli>)
    if(T_ENV)
        set(cmd ${CMAKE_COMMAND}|-E|env|${T_ENV}|${cmd})
    endif()
    foreach(a ${T_ARGS})
        string(APPEND cmd "|${a}")
    endforeach()
    set(defs "-DCMD=${cmd}" "-DRC=${T_RC}")
    foreach(k OUT ERR DIR ABSENT PRESENT)
        if(DEFINED T_${k})
            list(APPEND defs "-D${k}=${T_${k}}")
        endif()
    endforeach()
    add_test(NAME ${name} COMMAND ${CMAKE_COMMAND} ${defs} -P ${CMAKE_CURRENT_FUNCTION_LIST_FILE})
endfunction()

# The return's own tables, deidentified: exit 1 because the Header has a column and a cell the
# return does not define (both dropped). Each child's hash is the same in every table.
cp_deid_test(cli_export_deidentify_ssda903 RC 1
             ARGS export ${cp_deid}/return --to ssda903 --out ${cp_deid_work}/ssda903 --quiet
                  --deidentify --key ${cp_deid}/test.key
             OUT "Wrote 4 tables of 2 children, deidentified, to"
             DIR ${cp_deid_work}/ssda903 ABSENT "${cp_deid_absent}"
             PRESENT "header.csv:5cc78f420b,F,01/05/2012,|header.csv:036b4a1f6e,F,01/11/2010,WBRI,UN2,1,01/02/2025|episodes.csv:5cc78f420b,01/09/2024,P,C2,N1,K2,PR4,,,,M14,LS1,|reviews.csv:5cc78f420b,01/05/2012,01/12/2024|swepisodes.csv:5cc78f420b,01/05/2012,SW")
# The same key from an environment variable gives the same ids in a history export.
cp_deid_test(cli_export_deidentify_json RC 1
             ARGS export ${cp_deid}/return --to json --out ${cp_deid_work}/json/h.json --quiet
                  --deidentify --key-env CAREPATH_TEST_KEY
             ENV "CAREPATH_TEST_KEY=a key of at least sixteen bytes"
             DIR ${cp_deid_work}/json ABSENT "${cp_deid_absent}"
             PRESENT "h.json:\"child\": \"5cc78f420b\"|h.json:\"birth_date\": \"2012-05-01\"")
# Another key, other ids.
cp_deid_test(cli_export_deidentify_other_key RC 1
             ARGS export ${cp_deid}/return --to traminer --out ${cp_deid_work}/other/seq.csv
                  --quiet --deidentify --key-env CAREPATH_TEST_KEY
             ENV "CAREPATH_TEST_KEY=another key of sixteen bytes or more"
             DIR ${cp_deid_work}/other ABSENT "${cp_deid_absent}|5cc78f420b"
             PRESENT "seq.csv:d9ed2d3520,")
# No key, a short key, an unset variable: refused, nothing written.
cp_deid_test(cli_export_deidentify_no_key RC 2
             ARGS export ${cp_deid}/return --to ssda903 --out ${cp_deid_work}/none --deidentify
             ERR "--deidentify needs a key: --key FILE or --key-env VAR")
cp_deid_test(cli_export_deidentify_short_key RC 2
             ARGS export ${cp_deid}/return --to ssda903 --out ${cp_deid_work}/none --deidentify
                  --key-env CAREPATH_TEST_KEY
             ENV "CAREPATH_TEST_KEY=short"
             ERR "key=\"\": the key is 5 bytes; give at least 16")
cp_deid_test(cli_export_deidentify_unset_key RC 2
             ARGS export ${cp_deid}/return --to ssda903 --out ${cp_deid_work}/none --deidentify
                  --key-env CAREPATH_UNSET_TEST_KEY
             ERR "CAREPATH_UNSET_TEST_KEY holding the key is not set")
cp_deid_test(cli_export_key_needs_deidentify RC 2
             ARGS export ${cp_deid}/return --to ssda903 --out ${cp_deid_work}/none
                  --key ${cp_deid}/test.key
             ERR "--key requires --deidentify")

# Years deidentified one at a time with the same key still merge: the 2025-26 correction of
# child 101's episode (HMAC of "CHILD:101" begins 37bd8ef91b) is found between the two copies,
# and the merged figures are those of the original returns (tools/tests/cli.cmake).
set(cp_years ${PROJECT_SOURCE_DIR}/tests/data/report/years)
# 2025-26 alone starts with episodes whose period of care began the year before: exit 1.
foreach(y_rc 2024-25:0 2025-26:1)
    string(REPLACE ":" ";" y_rc ${y_rc})
    list(GET y_rc 0 y)
    list(GET y_rc 1 rc)
    cp_deid_test(cli_export_deidentify_year_${y} RC ${rc}
                 ARGS export ${cp_years}/${y} --to ssda903 --out ${cp_deid_work}/years/${y}
                      --quiet --deidentify --key ${cp_deid}/test.key
                 DIR ${cp_deid_work}/years/${y} ABSENT "101,|A123456789012|5AH|03/03/2016|05/05/2010"
                 PRESENT "header.csv:37bd8ef91b,F,01/01/2012|episodes.csv:37bd8ef91b,01/09/2024,P")
    set_tests_properties(cli_export_deidentify_year_${y} PROPERTIES
                         FIXTURES_SETUP deidentified_years)
endforeach()
cp_deid_test(cli_analyse_deidentified_years RC 1
             ARGS analyse ${cp_deid_work}/years/2024-25 ${cp_deid_work}/years/2025-26
                  --out ${cp_deid_work}/years-report
             OUT "2 returns merged into one history per child\nCollection year 2025-26: 2 children looked after during the year, 1 on 31/03/2026"
             ERR "2025-26/episodes.csv:2:6: PLACE=\"U2\": warning: the 2025-26 return differs from the 2024-25 return")
set_tests_properties(cli_analyse_deidentified_years PROPERTIES FIXTURES_REQUIRED deidentified_years)
