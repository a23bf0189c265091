include("${SOURCE_ROOT}/tests/cmake/Fixture.cmake")
cudaenv_test_project([=[
include(CudaEnvDetect)
include(CudaEnvArchitectures)
cudaenv_detect()
cudaenv_assert_equal(CUDAENV_DRIVER_FOUND "${CUDAENV_DRIVER_FOUND}" "FALSE")
cudaenv_assert_equal(CUDAENV_GPU_COUNT "${CUDAENV_GPU_COUNT}" "0")
]=] LANGUAGES CUDA ENV "CUDAENV_LIBCUDA=${FAKE_LIBCUDA}" ARGS -DCUDAENV_HELPER=/nonexistent/cudaenv)
