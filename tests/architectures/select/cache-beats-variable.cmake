include("${SOURCE_ROOT}/tests/cmake/Fixture.cmake")
# CUDAENV_CAPABILITIES beats every other list, CMAKE_CUDA_ARCHITECTURES too.
cudaenv_test_project([=[
include(CudaEnvArchitectures)
cudaenv_select_architectures()
add_library(kernels STATIC "${CASE_SOURCES}/kernels.cu")
cudaenv_assert_equal(CMAKE_CUDA_ARCHITECTURES "${CMAKE_CUDA_ARCHITECTURES}" "80")
]=] LANGUAGES CUDA ARGS -DCUDAENV_CAPABILITIES=8.0 -DCMAKE_CUDA_ARCHITECTURES=75)
