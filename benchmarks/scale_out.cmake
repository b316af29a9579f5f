# The MPI work queue's own cost (scale_out_queue.cpp), when carepath::mpi exists; run by hand
# (docs/scale-out.md), with benchmarks/scale_out.sh for the sweep's scaling.
if(TARGET carepath_mpi)
    add_executable(scale_out_queue ${CMAKE_CURRENT_SOURCE_DIR}/scale_out_queue.cpp)
    target_link_libraries(scale_out_queue PRIVATE carepath::mpi carepath_warnings)
    target_compile_options(scale_out_queue PRIVATE -O2)
endif()
