include("${SOURCE_ROOT}/tests/cmake/Fixture.cmake")
# COMPILE_PER_ARCHITECTURE: each image compiles from its own compute_XY
# (code that branches on __CUDA_ARCH__ above the variant's minimum).
cudaenv_test_project([=[
include(CudaEnvKernels)
cudaenv_select_architectures(CAPABILITIES 8.0 8.6)
cudaenv_add_kernel_library(fixture STATIC SOURCES "${CASE_SOURCES}/host.cpp"
  VARIANT simt CAPABILITIES 7.5+ SOURCES "${CASE_SOURCES}/variant.cu"
  COMPILE_PER_ARCHITECTURE)
cudaenv_assert_property(fixture_variant_simt CUDAENV_GENERATE_CODE
  "--generate-code=arch=compute_80,code=sm_80;--generate-code=arch=compute_86,code=sm_86;--generate-code=arch=compute_86,code=compute_86")
]=])
