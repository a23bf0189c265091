include("${SOURCE_ROOT}/tests/cmake/Fixture.cmake")
# CMake seeds CMAKE_CUDA_ARCHITECTURES from CUDAARCHS itself; that seeded
# value is not taken for the user's own, so the list is from CUDAARCHS and
# nothing is said to be overridden.
cudaenv_test_project([=[
include(CudaEnvArchitectures)
cudaenv_select_architectures()
add_library(kernels STATIC "${CASE_SOURCES}/kernels.cu")
cudaenv_assert_equal(CMAKE_CUDA_ARCHITECTURES "${CMAKE_CUDA_ARCHITECTURES}" "89")
]=] LANGUAGES CUDA ENV CUDAARCHS=89)
