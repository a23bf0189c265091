include("${SOURCE_ROOT}/tests/cmake/Fixture.cmake")
include("${SOURCE_ROOT}/tests/cmake/Cross.cmake")
# CUDAENV_CUDA_ROOT from the environment is kept in the cache: a re-configure
# without it still finds the stand-in toolkit.
cudaenv_test_cuda_root(root sbsa-linux)
cudaenv_test_configure("${SOURCE_ROOT}/tests/fixtures/select"
  ENV "CUDAENV_CUDA_ROOT=${root}"
  ARGS "-DCMAKE_TOOLCHAIN_FILE=${SOURCE_ROOT}/toolchains/sbsa.cmake" -DFIXTURE_CAPABILITIES=9.0)
cudaenv_test_configure("${SOURCE_ROOT}/tests/fixtures/select" ARGS -DFIXTURE_CAPABILITIES=12.1)
file(STRINGS "${WORK_DIR}/build/CMakeCache.txt" cached REGEX "^CUDAENV_CUDA_ROOT:")
message(STATUS "${cached}")
