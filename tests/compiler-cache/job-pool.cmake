include("${SOURCE_ROOT}/tests/cmake/Fixture.cmake")
# The CUDA compiles get a Ninja pool sized from available memory: one slot
# when a compile may take more than any machine has, more with a small one;
# every target that compiles CUDA is in it (the two variants, the program,
# the guarded library: 4 compiles), the C++-only library is not.
foreach(memory IN ITEMS 1000000000 1)
  cudaenv_test_configure("${SOURCE_ROOT}/tests/fixtures/compiler-cache" BINARY_DIR "${WORK_DIR}/${memory}"
    ARGS "-DCUDAENV_CAPABILITIES=8.0" "-DCUDAENV_CUDA_COMPILE_MEMORY_MB=${memory}")
  file(READ "${WORK_DIR}/${memory}/CMakeFiles/rules.ninja" rules)
  string(REGEX MATCH "pool cudaenv_cuda_compile\n *depth = ([0-9]+)" _ "${rules}")
  set(pool_depth "${CMAKE_MATCH_1}")
  file(STRINGS "${WORK_DIR}/${memory}/build.ninja" pooled REGEX "^ *pool = cudaenv_cuda_compile")
  list(LENGTH pooled pooled)
  string(REGEX MATCH "[0-9]+" depth "${pool_depth}")
  message(STATUS "POOL ${memory} MiB per compile: depth ${depth}, ${pooled} compile steps in it")
endforeach()
