include("${SOURCE_ROOT}/tests/cmake/Fixture.cmake")
# CUDAENV_CAPABILITIES beats CUDAARCHS and the project's CAPABILITIES.
cudaenv_test_project([=[
include(CudaEnvArchitectures)
cudaenv_select_architectures(CAPABILITIES 8.6)
add_library(kernels STATIC "${CASE_SOURCES}/kernels.cu")
cudaenv_assert_equal(CMAKE_CUDA_ARCHITECTURES "${CMAKE_CUDA_ARCHITECTURES}" "80")
]=] LANGUAGES CUDA ENV CUDAARCHS=89 ARGS -DCUDAENV_CAPABILITIES=8.0)
