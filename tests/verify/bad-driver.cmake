include("${SOURCE_ROOT}/tests/cmake/Fixture.cmake")
# A DRIVER that is not a CUDA version: an error naming it.
cudaenv_test_project([=[
include(CudaEnvArchitectures)
include(CudaEnvVerify)
cudaenv_select_architectures(CAPABILITIES 8.6 9.0)
add_library(kernels SHARED "${CASE_SOURCES}/kernels.cu")
cudaenv_verify_architectures(kernels DRIVER twelve)
]=] LANGUAGES CUDA BUILD)
