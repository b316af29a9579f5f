# The report in a real browser: headless Chromium renders report.html (of a simulation with a
# scenario, and of an SSDA903 return) and the test checks that every chart has drawn marks
# (report_browser.py). Skipped, with a message, when chromium is not installed.
find_package(Python3 COMPONENTS Interpreter)
if(Python3_Interpreter_FOUND)
    add_test(NAME cli_report_browser
             COMMAND ${Python3_EXECUTABLE} ${CMAKE_CURRENT_LIST_DIR}/report_browser.py
                     $<TARGET_FILE:carepath_cli> ${PROJECT_SOURCE_DIR}/tests/data/report
                     ${CMAKE_CURRENT_BINARY_DIR}/report-browser)
    set_tests_properties(cli_report_browser PROPERTIES SKIP_RETURN_CODE 77 TIMEOUT 300
                         PASS_REGULAR_EXPRESSION "PASS: every chart")
endif()
