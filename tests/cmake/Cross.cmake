# Helpers for the cross-build cases: the stand-in sbsa toolkit (built once
# into a cache directory) and the arguments of a cross configure.
include_guard(GLOBAL)

# The cache: $CUDAENV_CACHE_DIR, else ~/.cache/cudaenv.
if(NOT "$ENV{CUDAENV_CACHE_DIR}" STREQUAL "")
  set(CUDAENV_TEST_CACHE "$ENV{CUDAENV_CACHE_DIR}")
else()
  set(CUDAENV_TEST_CACHE "$ENV{HOME}/.cache/cudaenv")
endif()

# cudaenv_test_cuda_root(<out-var> <sbsa-linux|aarch64-linux>): a stand-in
# toolkit root with that target tree.
function(cudaenv_test_cuda_root out target)
  execute_process(COMMAND "${SOURCE_ROOT}/tests/cross/make-cuda-target-root.sh" "${CUDAENV_TEST_CACHE}/cross" "${target}"
    OUTPUT_VARIABLE root ERROR_VARIABLE log RESULT_VARIABLE rc OUTPUT_STRIP_TRAILING_WHITESPACE)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "building the stand-in ${target} toolkit failed:\n${log}")
  endif()
  set(${out} "${root}" PARENT_SCOPE)
endfunction()

# cudaenv_test_arm64_deps(<out-var>): Debian's arm64 builds of the helper's
# libraries, unpacked into a root for CUDAENV_EXTRA_ROOTS.
function(cudaenv_test_arm64_deps out)
  execute_process(COMMAND "${SOURCE_ROOT}/tests/cross/make-arm64-deps.sh" "${CUDAENV_TEST_CACHE}/cross"
    OUTPUT_VARIABLE root ERROR_VARIABLE log RESULT_VARIABLE rc OUTPUT_STRIP_TRAILING_WHITESPACE)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "unpacking the arm64 libraries failed:\n${log}")
  endif()
  set(${out} "${root}" PARENT_SCOPE)
endfunction()
