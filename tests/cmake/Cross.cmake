# Helpers for the cross-build cases: the stand-in sbsa toolkit (built once
# into a cache directory) and the arguments of a cross configure.
include_guard(GLOBAL)

# The cache: $CUDAENV_CACHE_DIR, else ~/.cache/cudaenv.
if(NOT "$ENV{CUDAENV_CACHE_DIR}" STREQUAL "")
  set(CUDAENV_TEST_CACHE "$ENV{CUDAENV_CACHE_DIR}")
else()
  set(CUDAENV_TEST_CACHE "$ENV{HOME}/.cache/cudaenv")
endif()

# cudaenv_test_sbsa_root(<out-var>): the stand-in toolkit root.
function(cudaenv_test_sbsa_root out)
  execute_process(COMMAND "${SOURCE_ROOT}/tests/cross/make-sbsa-root.sh" "${CUDAENV_TEST_CACHE}/cross"
    OUTPUT_VARIABLE root ERROR_VARIABLE log RESULT_VARIABLE rc OUTPUT_STRIP_TRAILING_WHITESPACE)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "building the stand-in sbsa toolkit failed:\n${log}")
  endif()
  set(${out} "${root}" PARENT_SCOPE)
endfunction()
