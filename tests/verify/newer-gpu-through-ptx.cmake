include("${SOURCE_ROOT}/tests/cmake/Fixture.cmake")
# A newer GPU (12.0) runs through the PTX on a CUDA 13.0 driver; 8.9 through 8.6's SASS.
cudaenv_test_project([=[
include(CudaEnvArchitectures)
include(CudaEnvVerify)
cudaenv_select_architectures(CAPABILITIES 8.6 9.0)
add_library(kernels SHARED "${CASE_SOURCES}/kernels.cu")
cudaenv_verify_architectures(kernels CAPABILITIES 8.9 12.0 DRIVER 13.0)
]=] LANGUAGES CUDA BUILD)
