include("${SOURCE_ROOT}/tests/cmake/Fixture.cmake")
include("${SOURCE_ROOT}/tests/cmake/Cross.cmake")
cudaenv_test_cuda_root(root sbsa-linux)
cudaenv_test_project([=[
include(CudaEnvArchitectures)
cudaenv_select_architectures()
]=] LANGUAGES CUDA NO_MODULE_PATH
  ENV "CUDAENV_CROSS_PREFIX=nonexistent-linux-gnu-"
  ARGS "-DCMAKE_TOOLCHAIN_FILE=${SOURCE_ROOT}/toolchains/sbsa.cmake" "-DCUDAENV_CUDA_ROOT=${root}")
