include("${SOURCE_ROOT}/tests/cmake/Fixture.cmake")
include("${SOURCE_ROOT}/tests/cmake/Cross.cmake")
cudaenv_test_cuda_root(root sbsa-linux)
# native in a cross build: refused.
cudaenv_test_project([=[
include(CudaEnvArchitectures)
cudaenv_select_architectures()
]=] LANGUAGES CUDA
  ENV "CUDAENV_CUDA_ROOT=${root}"
  ARGS "-DCMAKE_TOOLCHAIN_FILE=${SOURCE_ROOT}/toolchains/sbsa.cmake" -DCUDAENV_CAPABILITIES=native)
