include("${SOURCE_ROOT}/tests/cmake/Fixture.cmake")
include("${SOURCE_ROOT}/tests/cmake/Cross.cmake")
cudaenv_test_project([=[
include(CudaEnvArchitectures)
cudaenv_select_architectures()
]=] LANGUAGES CUDA NO_MODULE_PATH
  ARGS "-DCMAKE_TOOLCHAIN_FILE=${SOURCE_ROOT}/toolchains/jetson.cmake" -DCUDAENV_CUDA_ROOT=/usr/local/cuda)
