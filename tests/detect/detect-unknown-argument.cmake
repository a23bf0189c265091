include("${SOURCE_ROOT}/tests/cmake/Fixture.cmake")
cudaenv_test_project([=[
include(CudaEnvDetect)
include(CudaEnvArchitectures)
cudaenv_detect(OPTIONAL)
]=] LANGUAGES CUDA ENV "CUDAENV_LIBCUDA=${FAKE_LIBCUDA}")
