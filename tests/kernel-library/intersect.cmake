include("${SOURCE_ROOT}/tests/cmake/Fixture.cmake")
# Each variant is built for the selected capabilities it supports; a 9.0a
# variant joins because 9.0 is selected; a 10.0+ variant matches nothing and
# is left out; the one PTX (9.0, the highest) goes to the last plain variant.
cudaenv_test_project([=[
include(CudaEnvKernels)
cudaenv_select_architectures(CAPABILITIES 7.5 8.6 9.0)
cudaenv_add_kernel_library(fixture STATIC SOURCES "${CASE_SOURCES}/host.cpp"
  VARIANT simt CAPABILITIES 7.5+ SOURCES "${CASE_SOURCES}/variant.cu"
  VARIANT tensorcore CAPABILITIES 8.0+ SOURCES "${CASE_SOURCES}/variant.cu"
  VARIANT hopper CAPABILITIES 9.0a SOURCES "${CASE_SOURCES}/variant.cu"
  VARIANT blackwell CAPABILITIES 10.0+ SOURCES "${CASE_SOURCES}/variant.cu")
cudaenv_assert_property(fixture CUDAENV_KERNEL_VARIANTS "simt;tensorcore;hopper")
cudaenv_assert_property(fixture_variant_simt CUDAENV_GENERATE_CODE
  "--generate-code=arch=compute_75,code=sm_75;--generate-code=arch=compute_75,code=sm_86;--generate-code=arch=compute_75,code=sm_90")
cudaenv_assert_property(fixture_variant_tensorcore CUDAENV_GENERATE_CODE
  "--generate-code=arch=compute_86,code=sm_86;--generate-code=arch=compute_86,code=sm_90;--generate-code=arch=compute_90,code=compute_90")
cudaenv_assert_property(fixture_variant_hopper CUDAENV_GENERATE_CODE "--generate-code=arch=compute_90a,code=sm_90a")
]=] BUILD)
