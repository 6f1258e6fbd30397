# SPDX-License-Identifier: Apache-2.0
# One ctest per CLI golden case, named cli/<command>/<behaviour> after tests/cli/<command>/<behaviour>.t,
# so a failure names the promise that broke. Include from tests/CMakeLists.txt with CAXTOOL_BIN set
# (a path or a generator expression such as $<TARGET_FILE:caxtool>).
if(NOT DEFINED CAXTOOL_BIN)
  message(FATAL_ERROR "golden.cmake: set CAXTOOL_BIN before include()")
endif()
find_package(Python3 3.8 REQUIRED COMPONENTS Interpreter)

file(GLOB CAXTOOL_GOLDEN_CASES CONFIGURE_DEPENDS ${CMAKE_CURRENT_LIST_DIR}/*/*.t)
list(SORT CAXTOOL_GOLDEN_CASES)
foreach(case_file IN LISTS CAXTOOL_GOLDEN_CASES)
  get_filename_component(behaviour ${case_file} NAME_WLE)
  get_filename_component(command_dir ${case_file} DIRECTORY)
  get_filename_component(command ${command_dir} NAME)
  add_test(NAME cli/${command}/${behaviour}
           COMMAND ${Python3_EXECUTABLE} ${CMAKE_CURRENT_LIST_DIR}/run_golden.py ${CAXTOOL_BIN}
                   ${case_file})
  set_tests_properties(cli/${command}/${behaviour} PROPERTIES LABELS "cli;golden" TIMEOUT 60)
endforeach()
