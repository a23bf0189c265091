include("${SOURCE_ROOT}/tests/cmake/Fixture.cmake")
# The project's CAPABILITIES beat a CMAKE_CUDA_ARCHITECTURES the project set
# as a normal variable; both lose to what users pass.
cudaenv_test_project([=[
include(CudaEnvArchitectures)
set(CMAKE_CUDA_ARCHITECTURES 70)
cudaenv_select_architectures(CAPABILITIES 8.6)
add_library(kernels STATIC "${CASE_SOURCES}/kernels.cu")
cudaenv_assert_equal(CMAKE_CUDA_ARCHITECTURES "${CMAKE_CUDA_ARCHITECTURES}" "86")
]=] LANGUAGES CUDA)
