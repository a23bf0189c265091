include("${SOURCE_ROOT}/tests/cmake/Fixture.cmake")
# An entry the toolkit cannot build (3.5 on CUDA 13) stops the configure.
cudaenv_test_project([=[
include(CudaEnvArchitectures)
cudaenv_select_architectures()
]=] LANGUAGES CUDA ARGS "-DCUDAENV_CAPABILITIES=3.5;8.0")
