include("${SOURCE_ROOT}/tests/cmake/Fixture.cmake")
# native without a GPU and CUDAENV_NATIVE_FALLBACK=error: an error.
cudaenv_test_project([=[
include(CudaEnvArchitectures)
cudaenv_select_architectures()
]=] LANGUAGES CUDA ENV CUDAENV_NATIVE_FALLBACK=error ARGS -DCUDAENV_CAPABILITIES=native)
