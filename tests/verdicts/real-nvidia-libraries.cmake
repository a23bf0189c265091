include("${SOURCE_ROOT}/tests/cmake/Fixture.cmake")
# Libraries nobody here wrote: the CUDA toolkit's own cuBLAS, which holds
# containers for some architectures only and picks kernels at run time. It
# must read as "partial" (or "runs"), never "will not run", on the GPUs the
# toolkit supports; partial names containers and kernels, and --strict fails.
file(GLOB libraries "${CUDA_TOOLKIT_ROOT}/lib64/libcublas.so.[0-9]*" "${CUDA_TOOLKIT_ROOT}/targets/*/lib/libcublas.so.[0-9]*")
list(FILTER libraries EXCLUDE REGEX "\\.so\\.[0-9]+\\.[0-9]")  # the SONAME links, once each
if(NOT libraries)
  message(STATUS "SKIPPED: no libcublas.so in the CUDA toolkit at '${CUDA_TOOLKIT_ROOT}'")
  return()
endif()
list(GET libraries 0 library)
cudaenv_test_run(COMMAND "${HELPER}" inspect "${library}" --check 8.0 --check 9.0 --check 12.0)
cudaenv_test_run(COMMAND "${HELPER}" inspect --strict --check 9.0 "${library}")
