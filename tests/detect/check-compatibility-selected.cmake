include("${SOURCE_ROOT}/tests/cmake/Fixture.cmake")
cudaenv_test_project([=[
include(CudaEnvDetect)
include(CudaEnvArchitectures)
cudaenv_select_architectures(CAPABILITIES 8.6 9.0)
cudaenv_assert_equal(CMAKE_CUDA_ARCHITECTURES "${CMAKE_CUDA_ARCHITECTURES}" "86-real;90")
cudaenv_check_compatibility()
cudaenv_assert_equal(CUDAENV_COMPATIBLE "${CUDAENV_COMPATIBLE}" "TRUE")
]=] LANGUAGES CUDA ENV "CUDAENV_LIBCUDA=${FAKE_LIBCUDA}")
