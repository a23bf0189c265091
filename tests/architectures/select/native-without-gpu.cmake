include("${SOURCE_ROOT}/tests/cmake/Fixture.cmake")
# native without a GPU: the default set, with a warning.
cudaenv_test_project([=[
include(CudaEnvArchitectures)
cudaenv_select_architectures()
add_library(kernels STATIC "${CASE_SOURCES}/kernels.cu")
cudaenv_assert_matches(CMAKE_CUDA_ARCHITECTURES "${CMAKE_CUDA_ARCHITECTURES}" "^([0-9]+-real;)+[0-9]+$")
]=] LANGUAGES CUDA ARGS -DCUDAENV_CAPABILITIES=native)
