# `carepath validate` and `carepath rules`: exit codes and output on small hand-written returns
# (tests/data/ssda903/rules/). Each run goes through run_cli.cmake, which checks the exit code.
set(rules_data ${PROJECT_SOURCE_DIR}/tests/data/ssda903/rules)
function(carepath_cli_case name code)
    cmake_parse_arguments(arg "" "OUT;ERR" "ARGS" ${ARGN})
    # add_test would split a ;-list into separate arguments, so pass the arguments |-joined.
    string(REPLACE ";" "|" joined "${arg_ARGS}")
    set(defs -DCLI=$<TARGET_FILE:carepath_cli> "-DARGS=${joined}" -DEXPECT_CODE=${code})
    if(arg_OUT)
        list(APPEND defs "-DEXPECT_OUT=${arg_OUT}")
    endif()
    if(arg_ERR)
        list(APPEND defs "-DEXPECT_ERR=${arg_ERR}")
    endif()
    add_test(NAME ${name} COMMAND ${CMAKE_COMMAND} ${defs} -P ${rules_data}/run_cli.cmake)
endfunction()

carepath_cli_case(cli_validate_clean 0 ARGS validate ${rules_data}/clean --year 2025 OUT "^$")
# Overlap: 501 and 433 on line 3, 388 on line 2; lower-case u4 on line 4 (146).
carepath_cli_case(cli_validate_findings 1 ARGS validate ${rules_data}/findings --year 2025 --quiet
                  OUT "501\tEpisodes\t3\tA\tA new episode has started before the end date")
carepath_cli_case(cli_validate_lower_case 1 ARGS validate ${rules_data}/findings --year 2025 --quiet
                  OUT "146\tEpisodes\t4\tB\tPlacement type code is not a valid code")
carepath_cli_case(cli_validate_json 1
                  ARGS validate ${rules_data}/findings --year 2025 --format json --quiet
                  OUT "\"rule\": \"388\"")
carepath_cli_case(cli_validate_infers_year 1 ARGS validate ${rules_data}/findings --format json --quiet
                  OUT "\"year\": 2025")
carepath_cli_case(cli_validate_no_folder 2 ARGS validate ${rules_data}/no_such_folder
                  ERR "cannot read the return")
carepath_cli_case(cli_validate_no_tables 2 ARGS validate ${rules_data}/no_tables
                  ERR "no SSDA903 table found")
carepath_cli_case(cli_validate_bad_year 2 ARGS validate ${rules_data}/clean --year 1999)
carepath_cli_case(cli_rules_year 0 ARGS rules --year 2025 OUT "305 rules in 2024-25")
carepath_cli_case(cli_rules_csv 0 ARGS rules --year 2027 --format csv
                  OUT "^code,tables,fields,first_year,last_year,implemented,message\n")
