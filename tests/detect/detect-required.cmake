include("${SOURCE_ROOT}/tests/cmake/Fixture.cmake")
cudaenv_test_project([=[
include(CudaEnvDetect)
include(CudaEnvArchitectures)
cudaenv_detect(REQUIRED)
]=] LANGUAGES CUDA ENV CUDAENV_LIBCUDA=/nonexistent/libcuda.so.1)
