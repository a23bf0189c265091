include("${SOURCE_ROOT}/tests/cmake/Fixture.cmake")
# The build-speed defaults reach nvcc (--threads, --compress-mode=size on
# CUDA 12.8+), and each cache knob switches its part.
set(variants "-DFIXTURE_VARIANTS=VARIANT@simt@CAPABILITIES@7.5+@SOURCES@variant.cu")
foreach(config IN ITEMS defaults tuned)
  set(args "-DFIXTURE_CAPABILITIES=8.6" "${variants}")
  if(config STREQUAL "tuned")
    list(APPEND args -DCUDAENV_NVCC_THREADS=1 -DCUDAENV_FATBIN_COMPRESSION=speed)
  endif()
  cudaenv_test_configure("${SOURCE_ROOT}/tests/fixtures/kernel-library" BINARY_DIR "${WORK_DIR}/${config}"
    ARGS ${args})
  file(STRINGS "${WORK_DIR}/${config}/build.ninja" flags REGEX "FLAGS = .*generate-code")
  string(REGEX MATCHALL "--threads=[0-9]+|--compress-mode=[a-z]+|-Xfatbin=-compress-all" options "${flags}")
  list(REMOVE_DUPLICATES options)
  message(STATUS "OPTIONS ${config}: ${options}")
endforeach()
