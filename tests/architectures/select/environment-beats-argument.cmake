include("${SOURCE_ROOT}/tests/cmake/Fixture.cmake")
# A packager's CUDAARCHS (conda-forge) beats the project's CAPABILITIES, and
# says whose list it overrode.
cudaenv_test_project([=[
include(CudaEnvArchitectures)
cudaenv_select_architectures(CAPABILITIES 8.6 9.0a)
add_library(kernels STATIC "${CASE_SOURCES}/kernels.cu")
cudaenv_assert_equal(CMAKE_CUDA_ARCHITECTURES "${CMAKE_CUDA_ARCHITECTURES}" "89")
]=] LANGUAGES CUDA ENV CUDAARCHS=89)
