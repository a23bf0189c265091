# Internal to CudaEnv: the one parser of architecture entries, and the
# conversions between the ways a compute capability is written (8.6, 86,
# sm_86, 9.0a), shared by the architecture modules, the verify module and
# the kernel library.
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
  _cudaenv_parse_architecture_entry(e "${gpu}")
  if(e_VALID AND NOT e_VARIANT AND NOT e_PLUS_PTX AND NOT e_SUFFIX AND NOT e_FORM STREQUAL "compute")
    set(${out} "${e_CAPABILITY}" PARENT_SCOPE)
  else()
    set(${out} "" PARENT_SCOPE)
  endif()
endfunction()


# Parses one architecture entry in any of its single-capability forms:
#   dotted  8.6  9.0a  10.0f  8.6+PTX      (CudaEnv's, PyTorch's)
#   sm      sm_86  sm_90a                  (SASS)
#   compute compute_90                     (PTX)
#   cmake   86  86-real  90a-real  120-virtual  (CMake's CUDA_ARCHITECTURES)
# Case does not matter. Sets, with <prefix>_ before each name:
#   VALID       TRUE if <entry> is one of the above, else FALSE (nothing else set)
#   FORM        dotted, sm, compute or cmake
#   NUMBER      86, 90, 120 (CMake's architecture number)
#   VARIANT     "", a or f
#   CAPABILITY  8.6, 9.0, 12.0 (without the variant)
#   KEY         8.6, 9.0a (the facts file's key)
#   SASS, PTX   ON/OFF: the images the entry asks for, by its own syntax
#   PLUS_PTX    ON for the dotted form's "+PTX"
#   SUFFIX      the cmake form's -real or -virtual ("" when none)
function(_cudaenv_parse_architecture_entry prefix entry)
  string(TOLOWER "${entry}" text)
  set(form "")
  set(sass ON)
  set(ptx OFF)
  set(plus_ptx OFF)
  set(suffix "")
  if(text MATCHES "^([0-9]+)\\.([0-9])([af]?)(\\+ptx)?$")
    set(form dotted)
    if(CMAKE_MATCH_4)
      set(plus_ptx ON)
      set(ptx ON)
    endif()
  elseif(text MATCHES "^sm_([0-9]+)([0-9])([af]?)$")
    set(form sm)
  elseif(text MATCHES "^compute_([0-9]+)([0-9])()$")
    set(form compute)
    set(sass OFF)
    set(ptx ON)
  elseif(text MATCHES "^([0-9]+)([0-9])([af]?)(-real|-virtual)?$")
    set(form cmake)
    set(suffix "${CMAKE_MATCH_4}")
    if(CMAKE_MATCH_4 STREQUAL "-virtual")
      set(sass OFF)
      set(ptx ON)
    elseif(NOT CMAKE_MATCH_4)
      set(ptx ON)
    endif()
  endif()
  if(NOT form)
    set(${prefix}_VALID FALSE PARENT_SCOPE)
    return()
  endif()
  set(${prefix}_VALID TRUE PARENT_SCOPE)
  set(${prefix}_FORM "${form}" PARENT_SCOPE)
  set(${prefix}_NUMBER "${CMAKE_MATCH_1}${CMAKE_MATCH_2}" PARENT_SCOPE)
  set(${prefix}_VARIANT "${CMAKE_MATCH_3}" PARENT_SCOPE)
  set(${prefix}_CAPABILITY "${CMAKE_MATCH_1}.${CMAKE_MATCH_2}" PARENT_SCOPE)
  set(${prefix}_KEY "${CMAKE_MATCH_1}.${CMAKE_MATCH_2}${CMAKE_MATCH_3}" PARENT_SCOPE)
  set(${prefix}_SASS ${sass} PARENT_SCOPE)
  set(${prefix}_PTX ${ptx} PARENT_SCOPE)
  set(${prefix}_PLUS_PTX ${plus_ptx} PARENT_SCOPE)
  set(${prefix}_SUFFIX "${suffix}" PARENT_SCOPE)
endfunction()

cmake_policy(POP)
