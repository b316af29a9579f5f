# cmake -DCXX=<compiler> -DINCLUDE=<dir> -DSRC=<case.cpp> -P check_compile_fail.cmake
# A compile-fail case passes only when (1) the file compiles as it stands, so the setup and the
# control line are sound, and (2) with -DCAREPATH_COMPILE_FAIL it fails with an error on a line
# inside the `#ifdef CAREPATH_COMPILE_FAIL` block, so it fails for the reason the case names.
set(flags -std=c++20 -fsyntax-only -I${INCLUDE})
execute_process(COMMAND ${CXX} ${flags} ${SRC} RESULT_VARIABLE rc ERROR_VARIABLE err)
if(NOT rc EQUAL 0)
    message(FATAL_ERROR "control: ${SRC} must compile without CAREPATH_COMPILE_FAIL:\n${err}")
endif()
execute_process(COMMAND ${CXX} ${flags} -DCAREPATH_COMPILE_FAIL ${SRC}
                RESULT_VARIABLE rc ERROR_VARIABLE err)
if(rc EQUAL 0)
    message(FATAL_ERROR "${SRC} compiled with CAREPATH_COMPILE_FAIL, but must not")
endif()

# The lines of the guarded block (1-based).
file(READ ${SRC} text)
string(FIND "${text}" "#ifdef CAREPATH_COMPILE_FAIL" open)
string(SUBSTRING "${text}" 0 ${open} head)
string(REGEX MATCHALL "\n" newlines "${head}")
list(LENGTH newlines first)
math(EXPR first "${first} + 2")
string(SUBSTRING "${text}" ${open} -1 rest)
string(FIND "${rest}" "#endif" close)
string(SUBSTRING "${rest}" 0 ${close} block)
string(REGEX MATCHALL "\n" newlines "${block}")
list(LENGTH newlines n)
math(EXPR last "${first} + ${n} - 2")

get_filename_component(base ${SRC} NAME)
string(REGEX MATCHALL "${base}:[0-9]+:[0-9]+: error" errors "${err}")
foreach(e ${errors})
    string(REGEX REPLACE "^.*:([0-9]+):[0-9]+: error$" "\\1" line "${e}")
    if(line GREATER_EQUAL first AND line LESS_EQUAL last)
        string(REGEX MATCH "[^\n]*${base}:${line}:[0-9]+: error[^\n]*" msg "${err}")
        message(STATUS "fails to compile as it must: ${msg}")
        return()
    endif()
endforeach()
message(FATAL_ERROR "${SRC} failed to compile, but not on lines ${first}-${last}:\n${err}")
