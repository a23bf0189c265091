include("${SOURCE_ROOT}/tests/cmake/Fixture.cmake")
# nvcc --threads and fatbin compression: the defaults, then the cache
# variables changed, as they reach the variants' compile lines.
foreach(config IN ITEMS defaults tuned)
  set(args "")
  if(config STREQUAL "tuned")
    set(args -DCUDAENV_NVCC_THREADS=1 -DCUDAENV_FATBIN_COMPRESSION=speed)
  endif()
  cudaenv_test_project([=[
include(CudaEnvKernels)
cudaenv_select_architectures(CAPABILITIES 8.6)
cudaenv_add_kernel_library(fixture STATIC SOURCES "${CASE_SOURCES}/host.cpp"
  VARIANT simt CAPABILITIES 7.5+ SOURCES "${CASE_SOURCES}/variant.cu")
]=] BINARY_DIR "${WORK_DIR}/${config}" ARGS ${args})
  file(STRINGS "${WORK_DIR}/${config}/build.ninja" flags REGEX "FLAGS = .*generate-code")
  string(REGEX MATCHALL "--threads=[0-9]+|--compress-mode=[a-z]+|-Xfatbin=-compress-all" options "${flags}")
  list(REMOVE_DUPLICATES options)
  message(STATUS "OPTIONS ${config}: ${options}")
endforeach()
