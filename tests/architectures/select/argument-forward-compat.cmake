include("${SOURCE_ROOT}/tests/cmake/Fixture.cmake")
# FORWARD_COMPAT OFF: PTX only where an entry asks (8.6+PTX).
cudaenv_test_project([=[
include(CudaEnvArchitectures)
cudaenv_select_architectures(CAPABILITIES 8.0 8.6+PTX FORWARD_COMPAT OFF)
add_library(kernels STATIC "${CASE_SOURCES}/kernels.cu")
cudaenv_assert_equal(CMAKE_CUDA_ARCHITECTURES "${CMAKE_CUDA_ARCHITECTURES}" "80-real;86")
]=] LANGUAGES CUDA)
