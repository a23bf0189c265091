include("${SOURCE_ROOT}/tests/cmake/Fixture.cmake")
# TARGETS: the target's CUDA_ARCHITECTURES is set, CMAKE_CUDA_ARCHITECTURES is not.
cudaenv_test_project([=[
include(CudaEnvArchitectures)
add_library(kernels STATIC "${CASE_SOURCES}/kernels.cu")
cudaenv_select_architectures(CAPABILITIES 8.6 TARGETS kernels)
cudaenv_assert_property(kernels CUDA_ARCHITECTURES "86")
cudaenv_assert_equal(CUDAENV_CUDA_ARCHITECTURES "${CUDAENV_CUDA_ARCHITECTURES}" "86")
message(STATUS "RESULT=${CMAKE_CUDA_ARCHITECTURES} --")
]=] LANGUAGES CUDA)
