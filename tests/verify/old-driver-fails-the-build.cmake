include("${SOURCE_ROOT}/tests/cmake/Fixture.cmake")
# A driver too old for the PTX (CUDA 12.8 for compute_90 of CUDA 13): the build fails.
cudaenv_test_project([=[
include(CudaEnvArchitectures)
include(CudaEnvVerify)
cudaenv_select_architectures(CAPABILITIES 8.6 9.0)
add_library(kernels SHARED "${CASE_SOURCES}/kernels.cu")
cudaenv_verify_architectures(kernels CAPABILITIES 12.0 DRIVER 12.8)
]=] LANGUAGES CUDA BUILD)
