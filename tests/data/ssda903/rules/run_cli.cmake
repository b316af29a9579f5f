# Runs the carepath program once and checks its exit code and output (cmake -P).
#   -DCLI=<program> -DARGS="a|b" -DEXPECT_CODE=1 [-DEXPECT_OUT=<regex>] [-DEXPECT_ERR=<regex>]
# The check itself is the one every command-line test shares (cmake/run_and_check.cmake).
set(CMD "${CLI}|${ARGS}")
set(RC "${EXPECT_CODE}")
if(DEFINED EXPECT_OUT)
    set(OUT "${EXPECT_OUT}")
endif()
if(DEFINED EXPECT_ERR)
    set(ERR "${EXPECT_ERR}")
endif()
include(${CMAKE_CURRENT_LIST_DIR}/../../../../cmake/run_and_check.cmake)
cp_run_and_check()
