include("${SOURCE_ROOT}/tests/cmake/Fixture.cmake")
# A -DCMAKE_CUDA_ARCHITECTURES in CMake's syntax is taken as given.
cudaenv_test_project([=[
include(CudaEnvArchitectures)
cudaenv_select_architectures()
add_library(kernels STATIC "${CASE_SOURCES}/kernels.cu")
cudaenv_assert_equal(CMAKE_CUDA_ARCHITECTURES "${CMAKE_CUDA_ARCHITECTURES}" "80-real;90")
]=] LANGUAGES CUDA ARGS "-DCMAKE_CUDA_ARCHITECTURES=80-real;90")
