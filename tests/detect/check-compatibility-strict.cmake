include("${SOURCE_ROOT}/tests/cmake/Fixture.cmake")
cudaenv_test_project([=[
include(CudaEnvDetect)
include(CudaEnvArchitectures)
cudaenv_check_compatibility(ARCHITECTURES 86-real)
]=] LANGUAGES CUDA ENV "CUDAENV_LIBCUDA=${FAKE_LIBCUDA}" ARGS -DCUDAENV_STRICT=ON)
