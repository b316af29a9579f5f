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

# Issue 15. A file the reader could not read is never a clean result: exit 2, the reader's own
# hint printed (even with --quiet), and the findings of what was read said to be partial.
carepath_cli_case(cli_validate_utf16 2 ARGS validate ${rules_data}/utf16 --year 2025 --quiet
                  ERR "episodes.csv: the file is UTF-16; save it as UTF-8.*could not be read")
carepath_cli_case(cli_validate_semicolon 2 ARGS validate ${rules_data}/semicolon --year 2025
                  ERR "separated by ';', not commas")
carepath_cli_case(cli_validate_unread_json 2
                  ARGS validate ${rules_data}/utf16 --year 2025 --format json --quiet
                  OUT "\"status\": \"incomplete\"")
# A year inferred from the data that carepath has no rules for is refused, not run as 2023.
carepath_cli_case(cli_validate_unknown_year 2 ARGS validate ${rules_data}/year_2019
                  ERR "2018-19, and carepath has rules only for 2019-20 to 2026-27")
# Issue 18: 2019-20 to 2021-22 have rules. A 2020-21 return (care leaver with ACTIV F3, a code
# until 2020-21) is validated as 2020-21 and is clean; as 2022-23 the same F3 breaks rule 132.
carepath_cli_case(cli_validate_year_2021 0 ARGS validate ${rules_data}/year_2021 --format json
                  OUT "\"year\": 2021")
carepath_cli_case(cli_validate_year_2021_as_2023 1 ARGS validate ${rules_data}/year_2021 --year 2023
                  --quiet OUT "132\tOC3\t2\tC\t")
carepath_cli_case(cli_rules_year_2021 0 ARGS rules --year 2021 OUT "^101\t.*\n288 rules in 2020-21, ")
carepath_cli_case(cli_rules_years_known 0 ARGS rules OUT "rules in 2026-27, .*years known: 2020 to 2027")
carepath_cli_case(cli_rules_unknown_year 2 ARGS rules --year 2019 ERR "2019.*2020.*2027")
# `analyse --year` outside the return's dates is refused, not stretched or counted as 0.
set(report_data ${PROJECT_SOURCE_DIR}/tests/data/report)
carepath_cli_case(cli_analyse_year_after_data 2
                  ARGS analyse ${report_data}/return --year 2030 --out ${CMAKE_CURRENT_BINARY_DIR}/a30
                  ERR "2029-30 is outside them \\(open episodes would be counted")
carepath_cli_case(cli_analyse_year_before_data 2
                  ARGS analyse ${report_data}/return --year 2019 --out ${CMAKE_CURRENT_BINARY_DIR}/a19
                  ERR "2018-19 is outside them \\(no child in the return was in care then\\)")
