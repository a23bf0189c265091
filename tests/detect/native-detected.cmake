include("${SOURCE_ROOT}/tests/cmake/Fixture.cmake")
cudaenv_test_project([=[
include(CudaEnvDetect)
include(CudaEnvArchitectures)
cudaenv_select_architectures(CAPABILITIES native)
cudaenv_assert_equal(CMAKE_CUDA_ARCHITECTURES "${CMAKE_CUDA_ARCHITECTURES}" "86-real;90")
]=] LANGUAGES CUDA ENV "CUDAENV_LIBCUDA=${FAKE_LIBCUDA}")
