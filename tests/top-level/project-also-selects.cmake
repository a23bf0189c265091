include("${SOURCE_ROOT}/tests/cmake/Fixture.cmake")
# A project that calls cudaenv_select_architectures itself, configured with
# the include as well: the user's CUDAENV_CAPABILITIES wins over the
# project's CAPABILITIES as always, and the end-of-configure audit runs once.
cudaenv_test_project([=[
include(CudaEnvArchitectures)
cudaenv_select_architectures(CAPABILITIES 8.0)
add_library(kernels STATIC "${CASE_SOURCES}/kernels.cu")
cudaenv_assert_property(kernels CUDA_ARCHITECTURES "86")
]=] LANGUAGES CXX CUDA
  ARGS "-DCMAKE_PROJECT_TOP_LEVEL_INCLUDES=${SOURCE_ROOT}/modules/CudaEnvTopLevel.cmake" -DCUDAENV_CAPABILITIES=8.6)
