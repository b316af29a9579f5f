# validation_table: regenerates the model columns of docs/validation.md. Built on request only
# (`cmake --build build --target validation_table`), so it costs CI nothing; run by hand.
add_executable(validation_table EXCLUDE_FROM_ALL ${CMAKE_CURRENT_SOURCE_DIR}/validation_table.cpp)
target_link_libraries(validation_table PRIVATE carepath::carepath carepath_warnings)
target_compile_options(validation_table PRIVATE -O2)
target_compile_definitions(validation_table PRIVATE CAREPATH_SOURCE_DIR="${PROJECT_SOURCE_DIR}")
