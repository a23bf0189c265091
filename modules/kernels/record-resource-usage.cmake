# Compiler launcher for the variants of a CudaEnv kernel library: runs the
# compile command (everything after "--"), passes its output through, and
# keeps ptxas's --resource-usage report beside the object as
# <object>.resource-usage.txt, for the per-kernel, per-architecture checks.
# Usage: cmake -P record-resource-usage.cmake -- <compiler> <arg>...
set(command "")
set(object "")
set(after_separator OFF)
set(next_is_object OFF)
math(EXPR last "${CMAKE_ARGC} - 1")
foreach(i RANGE 1 ${last})
  set(arg "${CMAKE_ARGV${i}}")
  if(after_separator)
    list(APPEND command "${arg}")
    if(next_is_object)
      set(object "${arg}")
      set(next_is_object OFF)
    elseif(arg STREQUAL "-o")
      set(next_is_object ON)
    endif()
  elseif(arg STREQUAL "--")
    set(after_separator ON)
  endif()
endforeach()
execute_process(COMMAND ${command} OUTPUT_VARIABLE out ERROR_VARIABLE err RESULT_VARIABLE rc)
if(object)
  file(WRITE "${object}.resource-usage.txt" "${out}${err}")
endif()
# ptxas's report stays in its file: the build log shows what is wrong (a
# kernel that spills registers to local memory) and whatever else the
# compiler said.
set(text "${out}${err}")
set(spills "")
string(REGEX MATCHALL "Function properties for [^\n]+\n[^\n]+ bytes spill loads" properties "${text}")
foreach(block IN LISTS properties)
  string(REGEX MATCH "for ([^\n]+)\n *[0-9]+ bytes stack frame, ([0-9]+) bytes spill stores, ([0-9]+)" _ "${block}")
  if(NOT CMAKE_MATCH_2 EQUAL 0 OR NOT CMAKE_MATCH_3 EQUAL 0)
    string(APPEND spills "warning: ${CMAKE_MATCH_1} spills registers (${CMAKE_MATCH_2} bytes stored, "
      "${CMAKE_MATCH_3} bytes loaded); ptxas's report: ${object}.resource-usage.txt\n")
  endif()
endforeach()
string(REGEX REPLACE "ptxas info[^\n]*\n" "" shown "${text}")
string(REGEX REPLACE " *[0-9]+ bytes stack frame, [0-9]+ bytes spill stores, [0-9]+ bytes spill loads\n" "" shown
  "${shown}")
string(APPEND shown "${spills}")
if(shown)
  execute_process(COMMAND "${CMAKE_COMMAND}" -E echo_append "${shown}")
endif()
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "the compile above failed (${rc})")
endif()
