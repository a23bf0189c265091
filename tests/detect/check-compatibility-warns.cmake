include("${SOURCE_ROOT}/tests/cmake/Fixture.cmake")
cudaenv_test_project([=[
include(CudaEnvDetect)
include(CudaEnvArchitectures)
cudaenv_check_compatibility(ARCHITECTURES 86-real)
cudaenv_assert_equal(CUDAENV_COMPATIBLE "${CUDAENV_COMPATIBLE}" "FALSE")
]=] LANGUAGES CUDA ENV "CUDAENV_LIBCUDA=${FAKE_LIBCUDA}")
