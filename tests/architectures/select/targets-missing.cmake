include("${SOURCE_ROOT}/tests/cmake/Fixture.cmake")
# TARGETS names no target: an error.
cudaenv_test_project([=[
include(CudaEnvArchitectures)
cudaenv_select_architectures(CAPABILITIES 8.6 TARGETS nosuch)
]=] LANGUAGES CUDA)
