# Runs EXE (with optional ARGS, a ;-list) and compares its standard output with the file
# EXPECTED. A mismatch prints both; CAREPATH_UPDATE_GOLDEN=1 in the environment rewrites it.
execute_process(COMMAND ${EXE} ${ARGS} OUTPUT_VARIABLE out ERROR_VARIABLE err
                RESULT_VARIABLE rc WORKING_DIRECTORY ${WORKDIR})
if(NOT rc EQUAL 0)
    message(FATAL_ERROR "${EXE} exited with ${rc}\n${out}\n${err}")
endif()
if(DEFINED ENV{CAREPATH_UPDATE_GOLDEN})
    file(WRITE ${EXPECTED} "${out}")
    return()
endif()
file(READ ${EXPECTED} want)
if(NOT out STREQUAL want)
    file(WRITE ${EXPECTED}.actual "${out}")
    execute_process(COMMAND diff -u ${EXPECTED} ${EXPECTED}.actual)
    message(FATAL_ERROR "output of ${EXE} differs from ${EXPECTED} (actual written beside it)")
endif()
