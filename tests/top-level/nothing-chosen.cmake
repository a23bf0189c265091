include("${SOURCE_ROOT}/tests/cmake/Fixture.cmake")
# Without CUDAENV_CAPABILITIES, -DCMAKE_CUDA_ARCHITECTURES or CUDAARCHS the
# include selects nothing: the project's own list stands, and the audit
# names it.
cudaenv_test_project([=[
set(CMAKE_CUDA_ARCHITECTURES 75-real)
add_library(kernels STATIC "${CASE_SOURCES}/kernels.cu")
cudaenv_assert_property(kernels CUDA_ARCHITECTURES "75-real")
]=] LANGUAGES CXX CUDA NO_MODULE_PATH
  ARGS "-DCMAKE_PROJECT_TOP_LEVEL_INCLUDES=${SOURCE_ROOT}/modules/CudaEnvTopLevel.cmake")
