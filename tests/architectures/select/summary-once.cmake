include("${SOURCE_ROOT}/tests/cmake/Fixture.cmake")
# Two calls with the same result print one summary.
cudaenv_test_project([=[
include(CudaEnvArchitectures)
cudaenv_select_architectures(CAPABILITIES 8.6)
cudaenv_select_architectures(CAPABILITIES 8.6)
add_library(kernels STATIC "${CASE_SOURCES}/kernels.cu")
]=] LANGUAGES CUDA)
