# The SSDA903 reader and writer on a generated 5,000-child return: the generator
# (../shared/bench/gen_ssda903.py, next to the repository) writes it into the build tree as a
# fixture, then the hidden Catch2 case tagged [generated] in tests/ssda903/writer_test.cpp reads
# it, writes it back and compares. Skipped when python3 or the generator is not there.
find_package(Python3 COMPONENTS Interpreter QUIET)
set(carepath_gen903 ${PROJECT_SOURCE_DIR}/../shared/bench/gen_ssda903.py)
if(Python3_Interpreter_FOUND AND EXISTS ${carepath_gen903})
    set(carepath_gen903_out ${CMAKE_BINARY_DIR}/ssda903_generated/g5000)
    add_test(NAME ssda903_generate_5000
             COMMAND ${Python3_EXECUTABLE} ${carepath_gen903} --children 5000 --seed 7
                     --year 2025 --out ${carepath_gen903_out})
    set_tests_properties(ssda903_generate_5000 PROPERTIES FIXTURES_SETUP ssda903_generated)
    add_test(NAME ssda903_generated_roundtrip
             COMMAND $<TARGET_FILE:carepath_ssda903_tests> "[generated]")
    set_tests_properties(ssda903_generated_roundtrip PROPERTIES
        FIXTURES_REQUIRED ssda903_generated
        ENVIRONMENT CAREPATH_GENERATED_903=${carepath_gen903_out})
endif()
