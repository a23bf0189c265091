# Runs one test case, RunCMake style: the case is a `cmake -P` script, and
# files beside it state what must happen.
#
#   <case>-result.txt   expected exit code (default 0)
#   <case>-stderr.txt   one regex per line that stderr must match; a line
#                       starting with '!' must NOT match. Without the file,
#                       stderr must hold no CMake error or warning.
#   <case>-stdout.txt   the same for stdout.
#
# Whitespace runs are folded to one space before matching, so expectations
# survive CMake's line wrapping of messages.
#
# cmake -DCASE=<file.cmake> -DMODULE_DIR=<modules> -DWORK_DIR=<dir>
#       -DSOURCE_ROOT=<CudaEnv source> [-DCASE_ARGS=a|b] -P RunCase.cmake
cmake_minimum_required(VERSION 3.25)

foreach(var IN ITEMS CASE MODULE_DIR WORK_DIR SOURCE_ROOT)
  if(NOT DEFINED ${var})
    message(FATAL_ERROR "RunCase.cmake: -D${var}=... is required")
  endif()
endforeach()
string(REGEX REPLACE "\\.cmake$" "" stem "${CASE}")
get_filename_component(name "${stem}" NAME)

file(REMOVE_RECURSE "${WORK_DIR}")
file(MAKE_DIRECTORY "${WORK_DIR}")
string(REPLACE "|" ";" case_args "${CASE_ARGS}")
execute_process(
  COMMAND "${CMAKE_COMMAND}"
    "-DCMAKE_MODULE_PATH=${MODULE_DIR}"
    "-DWORK_DIR=${WORK_DIR}"
    "-DSOURCE_ROOT=${SOURCE_ROOT}"
    ${case_args}
    -P "${CASE}"
  WORKING_DIRECTORY "${WORK_DIR}"
  RESULT_VARIABLE result
  OUTPUT_VARIABLE stdout
  ERROR_VARIABLE stderr)

set(expected_result 0)
if(EXISTS "${stem}-result.txt")
  file(READ "${stem}-result.txt" expected_result)
  string(STRIP "${expected_result}" expected_result)
endif()

set(failures "")
if(NOT result STREQUAL expected_result)
  list(APPEND failures "exit code ${result}, expected ${expected_result}")
endif()

# One pattern per line; a ';' inside a pattern must survive list handling.
string(ASCII 31 unit_separator)
function(read_patterns out file)
  file(READ "${file}" content)
  string(REPLACE ";" "${unit_separator}" content "${content}")
  string(REPLACE "\n" ";" lines "${content}")
  set(${out} "${lines}" PARENT_SCOPE)
endfunction()

function(check_stream stream text)
  string(REGEX REPLACE "[ \t\r\n]+" " " folded "${text}")
  string(STRIP "${folded}" folded)
  if(EXISTS "${stem}-${stream}.txt")
    read_patterns(patterns "${stem}-${stream}.txt")
  elseif(stream STREQUAL "stderr")
    set(patterns "!CMake (Error|Warning)")
  else()
    set(patterns "")
  endif()
  foreach(pattern IN LISTS patterns)
    string(REPLACE "${unit_separator}" ";" pattern "${pattern}")
    if(pattern MATCHES "^!(.*)$")
      if(folded MATCHES "${CMAKE_MATCH_1}")
        list(APPEND failures "${stream} matches '${CMAKE_MATCH_1}', which it must not")
      endif()
    elseif(NOT pattern STREQUAL "" AND NOT folded MATCHES "${pattern}")
      list(APPEND failures "${stream} does not match '${pattern}'")
    endif()
  endforeach()
  set(failures "${failures}" PARENT_SCOPE)
endfunction()
check_stream(stderr "${stderr}")
check_stream(stdout "${stdout}")

if(failures)
  list(JOIN failures "\n  " list)
  message(FATAL_ERROR "case ${name} failed:\n  ${list}\n--- stdout ---\n${stdout}\n--- stderr ---\n${stderr}")
endif()
message(STATUS "case ${name}: exit ${result} as expected")
