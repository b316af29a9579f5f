# The check every command-line test shares, for test scripts run with `cmake -P`: runs CMD (its
# arguments separated by |), stops with both streams shown when the exit code is not RC or when
# stdout / stderr do not match OUT / ERR (regular expressions). Leaves `out` and `err` set for the
# caller's own checks.
macro(cp_run_and_check)
    string(REPLACE "|" ";" _cp_cmd "${CMD}")
    execute_process(COMMAND ${_cp_cmd} RESULT_VARIABLE _cp_rc OUTPUT_VARIABLE out
                    ERROR_VARIABLE err)
    if(NOT _cp_rc STREQUAL "${RC}")
        message(FATAL_ERROR "exit code ${_cp_rc}, expected ${RC}\nstdout:\n${out}\nstderr:\n${err}")
    endif()
    if(DEFINED OUT AND NOT out MATCHES "${OUT}")
        message(FATAL_ERROR "stdout does not match '${OUT}':\n${out}\nstderr:\n${err}")
    endif()
    if(DEFINED ERR AND NOT err MATCHES "${ERR}")
        message(FATAL_ERROR "stderr does not match '${ERR}':\n${err}")
    endif()
endmacro()
