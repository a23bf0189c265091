include("${SOURCE_ROOT}/tests/cmake/Fixture.cmake")
# nixpkgs, spack and distributions pass -DCMAKE_CUDA_ARCHITECTURES: it beats
# the project's CAPABILITIES.
cudaenv_test_project([=[
include(CudaEnvArchitectures)
cudaenv_select_architectures(CAPABILITIES 8.6 9.0)
add_library(kernels STATIC "${CASE_SOURCES}/kernels.cu")
cudaenv_assert_equal(CMAKE_CUDA_ARCHITECTURES "${CMAKE_CUDA_ARCHITECTURES}" "75")
]=] LANGUAGES CUDA ARGS -DCMAKE_CUDA_ARCHITECTURES=75)
