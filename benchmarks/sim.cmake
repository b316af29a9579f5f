# The toy model that sets the floor for the simulation benchmark (../shared/bench, not part of
# carepath): built with -O2 beside bench_sim, which runs it and reports the ratio.
set(CAREPATH_TOY_LIMIT_SOURCE "${PROJECT_SOURCE_DIR}/../shared/bench/toy_limit.cpp"
    CACHE FILEPATH "toy_limit.cpp, the floor for bench_sim")
if(TARGET bench_sim AND EXISTS "${CAREPATH_TOY_LIMIT_SOURCE}")
    add_executable(toy_limit "${CAREPATH_TOY_LIMIT_SOURCE}")
    target_compile_options(toy_limit PRIVATE -O2)
    target_compile_features(toy_limit PRIVATE cxx_std_20)
    add_dependencies(bench_sim toy_limit)
    target_compile_definitions(bench_sim PRIVATE CAREPATH_TOY_LIMIT="$<TARGET_FILE:toy_limit>")
endif()
