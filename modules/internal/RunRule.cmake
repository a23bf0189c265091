# Internal to CudaEnv: where code for an architecture runs, by the helper's
# rule (tests/run-rule checks that both agree). Used by the kernel
# library's dispatch table and the end-of-configure audit.
include_guard(GLOBAL)
include("${CMAKE_CURRENT_LIST_DIR}/../CudaEnvFacts.cmake")
include("${CMAKE_CURRENT_LIST_DIR}/CapabilityKeys.cmake")
cmake_policy(PUSH)
cmake_policy(VERSION 3.25)

# Where SASS for <image> (90, 90a, 100f) runs, as capability numbers, from
# the facts, by the helper's rule (tests/run-rule checks that both agree):
# plain SASS on its own GPU and on a higher minor of the same major, but
# never to or from a Tegra GPU (no binary compatibility there); an a image
# on its own GPU; an f image on the family the facts list, or, for a family
# they do not know, on the same major at an equal or higher minor.
function(_cudaenv_kernels_runs_on out image)
  string(REGEX MATCH "^([0-9]+)([af]?)$" _ "${image}")
  set(number "${CMAKE_MATCH_1}")
  set(suffix "${CMAKE_MATCH_2}")
  _cudaenv_number_cap(cap "${number}")
  math(EXPR major "${number} / 10")
  set(runs_on "")
  if(suffix)
    cudaenv_capability_fact(runs_on "${cap}${suffix}" runs_on)
  endif()
  set(result "")
  if(suffix STREQUAL "a" OR runs_on)
    if(NOT runs_on)
      set(runs_on "${cap}")
    endif()
    foreach(target_cap IN LISTS runs_on)
      _cudaenv_cap_number(n "${target_cap}")
      list(APPEND result "${n}")
    endforeach()
  else()
    cudaenv_capability_fact(tegra "${cap}" tegra)
    cudaenv_known_capabilities(known)
    foreach(other IN LISTS known)
      if(NOT other MATCHES "^[0-9]+\\.[0-9]$")
        continue()
      endif()
      _cudaenv_cap_number(n "${other}")
      math(EXPR other_major "${n} / 10")
      if(NOT other_major EQUAL major OR n LESS number)
        continue()
      endif()
      cudaenv_capability_fact(other_tegra "${other}" tegra)
      if(n EQUAL number OR suffix STREQUAL "f" OR (NOT tegra AND NOT other_tegra))
        list(APPEND result "${n}")
      endif()
    endforeach()
  endif()
  list(JOIN result ", " joined)
  set(${out} "${joined}" PARENT_SCOPE)
endfunction()

cmake_policy(POP)
