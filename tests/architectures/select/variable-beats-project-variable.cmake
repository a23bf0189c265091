include("${SOURCE_ROOT}/tests/cmake/Fixture.cmake")
# A user's -DCMAKE_CUDA_ARCHITECTURES beats the project's own normal variable
# of that name, which hides the cache entry from the project's code.
cudaenv_test_project([=[
include(CudaEnvArchitectures)
set(CMAKE_CUDA_ARCHITECTURES 80)
cudaenv_select_architectures()
add_library(kernels STATIC "${CASE_SOURCES}/kernels.cu")
cudaenv_assert_equal(CMAKE_CUDA_ARCHITECTURES "${CMAKE_CUDA_ARCHITECTURES}" "75")
]=] LANGUAGES CUDA ARGS -DCMAKE_CUDA_ARCHITECTURES=75)
