include("${SOURCE_ROOT}/tests/cmake/Fixture.cmake")
cudaenv_test_project([=[
include(CudaEnvDetect)
include(CudaEnvArchitectures)
cudaenv_check_compatibility(ARCHITECTURES 86-real BUILD_ONLY)
cudaenv_assert_equal(CUDAENV_COMPATIBLE "${CUDAENV_COMPATIBLE}" "TRUE")
]=] LANGUAGES CUDA ENV CUDAENV_LIBCUDA=/nonexistent/libcuda.so.1)
