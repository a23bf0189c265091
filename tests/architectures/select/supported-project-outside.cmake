include("${SOURCE_ROOT}/tests/cmake/Fixture.cmake")
# The project's own CAPABILITIES outside its own SUPPORTED: an error.
cudaenv_test_project([=[
include(CudaEnvArchitectures)
cudaenv_select_architectures(CAPABILITIES 7.5 8.6 SUPPORTED 8.0+)
]=] LANGUAGES CUDA)
