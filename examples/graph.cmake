# Example 03 draws Amira's network: when Graphviz's `dot` is installed, render its DOT to SVG
# and check an SVG came out.
find_program(CAREPATH_DOT_EXECUTABLE dot)
if(CAREPATH_DOT_EXECUTABLE AND TARGET example_03_relationship_graph)
    file(WRITE ${CMAKE_CURRENT_BINARY_DIR}/render_dot.cmake [=[
execute_process(COMMAND ${EXE} --dot ${WORKDIR}/03_network.dot OUTPUT_QUIET RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
    message(FATAL_ERROR "example 03 failed: ${rc}")
endif()
execute_process(COMMAND ${DOT} -Tsvg ${WORKDIR}/03_network.dot -o ${WORKDIR}/03_network.svg
                RESULT_VARIABLE rc ERROR_VARIABLE err)
if(NOT rc EQUAL 0)
    message(FATAL_ERROR "dot could not render the network: ${err}")
endif()
file(READ ${WORKDIR}/03_network.svg svg)
if(NOT svg MATCHES "<svg" OR NOT svg MATCHES "Amira" OR NOT svg MATCHES "Gran")
    message(FATAL_ERROR "the SVG does not show Amira and Gran in the network")
endif()
message(STATUS "rendered ${WORKDIR}/03_network.svg")
]=])
    add_test(NAME example_03_relationship_graph_svg
             COMMAND ${CMAKE_COMMAND} -DEXE=$<TARGET_FILE:example_03_relationship_graph>
                     -DDOT=${CAREPATH_DOT_EXECUTABLE} -DWORKDIR=${CMAKE_CURRENT_BINARY_DIR}
                     -P ${CMAKE_CURRENT_BINARY_DIR}/render_dot.cmake)
endif()
