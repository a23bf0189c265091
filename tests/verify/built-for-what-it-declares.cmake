include("${SOURCE_ROOT}/tests/cmake/Fixture.cmake")
# The library has code for what it is built for: the post-build check passes.
cudaenv_test_project([=[
include(CudaEnvArchitectures)
include(CudaEnvVerify)
cudaenv_select_architectures(CAPABILITIES 8.6 9.0)
add_library(kernels SHARED "${CASE_SOURCES}/kernels.cu")
cudaenv_verify_architectures(kernels)
]=] LANGUAGES CUDA BUILD)
