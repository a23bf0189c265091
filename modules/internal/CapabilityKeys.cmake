# Internal to CudaEnv: conversions between the ways a compute capability is
# written (8.6, 86, sm_86, 9.0a), shared by the architecture modules and the
# kernel library.
include_guard(GLOBAL)
# Functions keep the policies in force where they are defined: make them ours,
# also in `cmake -P` scripts and in projects with older minimums.
cmake_policy(PUSH)
cmake_policy(VERSION 3.25)

# "8.6" -> 86, "10.0" -> 100: CMake's architecture number.
function(_cudaenv_cap_number out cap)
  string(REGEX MATCH "^([0-9]+)\\.([0-9])" _ "${cap}")
  math(EXPR n "${CMAKE_MATCH_1} * 10 + ${CMAKE_MATCH_2}")
  set(${out} "${n}" PARENT_SCOPE)
endfunction()

# 86 -> "8.6", 100 -> "10.0".
function(_cudaenv_number_cap out number)
  math(EXPR major "${number} / 10")
  math(EXPR minor "${number} % 10")
  set(${out} "${major}.${minor}" PARENT_SCOPE)
endfunction()

# Splits "9.0a" into base "9.0" and variant "a".
function(_cudaenv_split_key base_out variant_out key)
  string(REGEX MATCH "^([0-9]+\\.[0-9])([af]?)$" _ "${key}")
  set(${base_out} "${CMAKE_MATCH_1}" PARENT_SCOPE)
  set(${variant_out} "${CMAKE_MATCH_2}" PARENT_SCOPE)
endfunction()

# Sorts capability keys ascending; a base sorts before its a and f variants.
function(_cudaenv_sort_keys out)
  set(decorated "")
  foreach(key IN LISTS ARGN)
    _cudaenv_split_key(base variant "${key}")
    _cudaenv_cap_number(number "${base}")
    string(LENGTH "${number}" length)
    string(SUBSTRING "00000${number}" ${length} 5 padded)
    # ':' sorts before letters, so "90" comes before "90a".
    list(APPEND decorated "${padded}:${variant}:${key}")
  endforeach()
  list(SORT decorated)
  list(TRANSFORM decorated REPLACE "^[^:]*:[^:]*:" "")
  set(${out} "${decorated}" PARENT_SCOPE)
endfunction()

# Normalises a GPU capability ("8.6", "86", "sm_86") to "8.6"; "" if malformed.
function(_cudaenv_normalize_gpu out gpu)
  string(TOLOWER "${gpu}" gpu)
  if(gpu MATCHES "^[0-9]+\\.[0-9]$")
    set(${out} "${gpu}" PARENT_SCOPE)
  elseif(gpu MATCHES "^(sm_)?([0-9]+[0-9])$")
    _cudaenv_number_cap(cap "${CMAKE_MATCH_2}")
    set(${out} "${cap}" PARENT_SCOPE)
  else()
    set(${out} "" PARENT_SCOPE)
  endif()
endfunction()


cmake_policy(POP)
