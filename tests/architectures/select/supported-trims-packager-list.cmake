include("${SOURCE_ROOT}/tests/cmake/Fixture.cmake")
# A packager's list (nixpkgs, spack: -DCMAKE_CUDA_ARCHITECTURES) wins, within
# what the project's code supports: 7.5 is dropped with a warning naming both.
cudaenv_test_project([=[
include(CudaEnvArchitectures)
cudaenv_select_architectures(CAPABILITIES 8.6 SUPPORTED 8.0+)
add_library(kernels STATIC "${CASE_SOURCES}/kernels.cu")
cudaenv_assert_equal(CMAKE_CUDA_ARCHITECTURES "${CMAKE_CUDA_ARCHITECTURES}" "86-real;90")
]=] LANGUAGES CUDA ARGS "-DCMAKE_CUDA_ARCHITECTURES=75-real;86-real;90")
