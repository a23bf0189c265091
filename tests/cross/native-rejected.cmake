include("${SOURCE_ROOT}/tests/cmake/Fixture.cmake")
include("${SOURCE_ROOT}/tests/cmake/Cross.cmake")
cudaenv_test_cuda_root(root sbsa-linux)
cudaenv_test_configure("${SOURCE_ROOT}/tests/fixtures/select"
  ENV "CUDAENV_CUDA_ROOT=${root}"
  ARGS "-DCMAKE_TOOLCHAIN_FILE=${SOURCE_ROOT}/toolchains/sbsa.cmake" -DCUDAENV_CAPABILITIES=native)
