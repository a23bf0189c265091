include("${SOURCE_ROOT}/tests/cmake/Fixture.cmake")
# A CMAKE_CUDA_ARCHITECTURES the user passed beats CUDAARCHS, as in CMake.
cudaenv_test_project([=[
include(CudaEnvArchitectures)
cudaenv_select_architectures()
add_library(kernels STATIC "${CASE_SOURCES}/kernels.cu")
cudaenv_assert_equal(CMAKE_CUDA_ARCHITECTURES "${CMAKE_CUDA_ARCHITECTURES}" "75")
]=] LANGUAGES CUDA ENV CUDAARCHS=89 ARGS -DCMAKE_CUDA_ARCHITECTURES=75)
