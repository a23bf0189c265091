include("${SOURCE_ROOT}/tests/cmake/Fixture.cmake")
# Nobody chose: the toolkit's default set, SASS each and one PTX.
cudaenv_test_project([=[
include(CudaEnvArchitectures)
cudaenv_select_architectures()
add_library(kernels STATIC "${CASE_SOURCES}/kernels.cu")
cudaenv_assert_matches(CMAKE_CUDA_ARCHITECTURES "${CMAKE_CUDA_ARCHITECTURES}" "^([0-9]+-real;)+[0-9]+$")
cudaenv_assert_equal(CUDAENV_CUDA_ARCHITECTURES "${CUDAENV_CUDA_ARCHITECTURES}" "${CMAKE_CUDA_ARCHITECTURES}")
]=] LANGUAGES CUDA)
