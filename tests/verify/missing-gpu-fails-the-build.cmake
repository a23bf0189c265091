include("${SOURCE_ROOT}/tests/cmake/Fixture.cmake")
# A GPU it was not built for (7.5): the build fails with the helper's reason.
cudaenv_test_project([=[
include(CudaEnvArchitectures)
include(CudaEnvVerify)
cudaenv_select_architectures(CAPABILITIES 8.6 9.0)
add_library(kernels SHARED "${CASE_SOURCES}/kernels.cu")
cudaenv_verify_architectures(kernels CAPABILITIES 7.5 8.6)
]=] LANGUAGES CUDA BUILD)
