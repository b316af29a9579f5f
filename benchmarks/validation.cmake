# validation_table: regenerates the model columns of docs/validation.md. Built on request only
# (`cmake --build build --target validation_table`), so it costs CI nothing; run by hand.
add_executable(validation_table EXCLUDE_FROM_ALL ${CMAKE_CURRENT_SOURCE_DIR}/validation_table.cpp)
target_link_libraries(validation_table PRIVATE carepath::carepath carepath_warnings)
target_compile_options(validation_table PRIVATE -O2)
target_compile_definitions(validation_table PRIVATE CAREPATH_SOURCE_DIR="${PROJECT_SOURCE_DIR}")

# stock_mix: the number in care and the stock's mix year by year (docs/validation.md, the number
# in care over the years); on request only, like validation_table.
add_executable(stock_mix EXCLUDE_FROM_ALL ${CMAKE_CURRENT_SOURCE_DIR}/stock_mix.cpp)
target_link_libraries(stock_mix PRIVATE carepath::carepath carepath_warnings)
target_compile_options(stock_mix PRIVATE -O2)

# refit: the fitted inputs of default_england() again after a change to the model's mechanisms
# (docs/calibration.md, "Fitting"); on request only, like validation_table.
add_executable(refit EXCLUDE_FROM_ALL ${CMAKE_CURRENT_SOURCE_DIR}/refit.cpp)
target_link_libraries(refit PRIVATE carepath::carepath carepath_warnings)
target_compile_options(refit PRIVATE -O2)
target_compile_definitions(refit PRIVATE CAREPATH_SOURCE_DIR="${PROJECT_SOURCE_DIR}")

# council_returns: yearly returns of one simulated council (docs/forecast.md, the forecast
# benchmark and back-test); on request only, like validation_table.
add_executable(council_returns EXCLUDE_FROM_ALL ${CMAKE_CURRENT_SOURCE_DIR}/council_returns.cpp)
target_link_libraries(council_returns PRIVATE carepath::carepath carepath_warnings)
target_compile_options(council_returns PRIVATE -O2)
