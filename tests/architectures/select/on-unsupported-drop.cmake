include("${SOURCE_ROOT}/tests/cmake/Fixture.cmake")
# CUDAENV_ON_UNSUPPORTED=drop: 3.5 is dropped with a warning.
cudaenv_test_project([=[
include(CudaEnvArchitectures)
cudaenv_select_architectures()
add_library(kernels STATIC "${CASE_SOURCES}/kernels.cu")
cudaenv_assert_equal(CMAKE_CUDA_ARCHITECTURES "${CMAKE_CUDA_ARCHITECTURES}" "80")
]=] LANGUAGES CUDA ARGS "-DCUDAENV_CAPABILITIES=3.5;8.0" -DCUDAENV_ON_UNSUPPORTED=drop)
