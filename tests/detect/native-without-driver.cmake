include("${SOURCE_ROOT}/tests/cmake/Fixture.cmake")
cudaenv_test_project([=[
include(CudaEnvDetect)
include(CudaEnvArchitectures)
cudaenv_select_architectures(CAPABILITIES native)
cudaenv_assert_matches(CMAKE_CUDA_ARCHITECTURES "${CMAKE_CUDA_ARCHITECTURES}" "^([0-9]+-real;)+[0-9]+$")
]=] LANGUAGES CUDA ENV CUDAENV_LIBCUDA=/nonexistent/libcuda.so.1)
