include("${SOURCE_ROOT}/tests/cmake/Fixture.cmake")
# A 9.0a variant is built only when 9.0 is selected: with 8.6 and 8.9 it is
# left out, with a line that says so.
cudaenv_test_project([=[
include(CudaEnvKernels)
cudaenv_select_architectures(CAPABILITIES 8.6 8.9)
cudaenv_add_kernel_library(fixture STATIC SOURCES "${CASE_SOURCES}/host.cpp"
  VARIANT simt CAPABILITIES 7.5+ SOURCES "${CASE_SOURCES}/variant.cu"
  VARIANT hopper CAPABILITIES 9.0a SOURCES "${CASE_SOURCES}/variant.cu")
cudaenv_assert_property(fixture CUDAENV_KERNEL_VARIANTS "simt")
cudaenv_assert_property(fixture_variant_simt CUDAENV_GENERATE_CODE
  "--generate-code=arch=compute_86,code=sm_86;--generate-code=arch=compute_86,code=sm_89;--generate-code=arch=compute_89,code=compute_89")
]=])
