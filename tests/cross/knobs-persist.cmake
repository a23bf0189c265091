include("${SOURCE_ROOT}/tests/cmake/Fixture.cmake")
include("${SOURCE_ROOT}/tests/cmake/Cross.cmake")
# CUDAENV_CUDA_ROOT from the environment is kept in the cache: a re-configure
# without it still finds the stand-in toolkit.
cudaenv_test_cuda_root(root sbsa-linux)
cudaenv_test_project([=[
include(CudaEnvArchitectures)
cudaenv_select_architectures(CAPABILITIES 9.0)
cudaenv_assert_equal(CMAKE_CUDA_ARCHITECTURES "${CMAKE_CUDA_ARCHITECTURES}" "90")
]=] LANGUAGES CUDA
  ENV "CUDAENV_CUDA_ROOT=${root}"
  ARGS "-DCMAKE_TOOLCHAIN_FILE=${SOURCE_ROOT}/toolchains/sbsa.cmake")
cudaenv_test_project([=[
include(CudaEnvArchitectures)
cudaenv_select_architectures(CAPABILITIES 12.1)
cudaenv_assert_equal(CMAKE_CUDA_ARCHITECTURES "${CMAKE_CUDA_ARCHITECTURES}" "121")
message(STATUS "re-configured without CUDAENV_CUDA_ROOT in the environment")
]=] LANGUAGES CUDA)
file(STRINGS "${WORK_DIR}/build/CMakeCache.txt" cached REGEX "^CUDAENV_CUDA_ROOT:")
message(STATUS "${cached}")
