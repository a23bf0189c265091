include("${SOURCE_ROOT}/tests/cmake/Fixture.cmake")
# CUDAENV_FORWARD_COMPAT beats the project's FORWARD_COMPAT.
cudaenv_test_project([=[
include(CudaEnvArchitectures)
cudaenv_select_architectures(CAPABILITIES 8.6 9.0 FORWARD_COMPAT ON)
add_library(kernels STATIC "${CASE_SOURCES}/kernels.cu")
cudaenv_assert_equal(CMAKE_CUDA_ARCHITECTURES "${CMAKE_CUDA_ARCHITECTURES}" "86-real;90-real")
]=] LANGUAGES CUDA ARGS -DCUDAENV_FORWARD_COMPAT=OFF)
