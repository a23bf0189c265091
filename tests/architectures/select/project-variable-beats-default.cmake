include("${SOURCE_ROOT}/tests/cmake/Fixture.cmake")
# A CMAKE_CUDA_ARCHITECTURES the project set before the call is used (in
# CudaEnv's syntax rules for CMake lists) when nobody passed a list.
cudaenv_test_project([=[
include(CudaEnvArchitectures)
set(CMAKE_CUDA_ARCHITECTURES 80-real)
cudaenv_select_architectures()
add_library(kernels STATIC "${CASE_SOURCES}/kernels.cu")
cudaenv_assert_equal(CMAKE_CUDA_ARCHITECTURES "${CMAKE_CUDA_ARCHITECTURES}" "80")
]=] LANGUAGES CUDA)
