include("${SOURCE_ROOT}/tests/cmake/Fixture.cmake")
# The library in plain calls, as a project writes it: the library, one call
# per variant, no explicit finalize (the end of the directory finishes it).
cudaenv_test_project([=[
include(CudaEnvKernels)
cudaenv_select_architectures(CAPABILITIES 7.5 8.6 9.0)
cudaenv_add_kernel_library(fixture STATIC SOURCES "${CASE_SOURCES}/host.cpp")
cudaenv_kernel_library_variant(fixture simt CAPABILITIES 7.5+ SOURCES "${CASE_SOURCES}/variant.cu")
cudaenv_kernel_library_variant(fixture tensorcore CAPABILITIES 8.0+ SOURCES "${CASE_SOURCES}/variant.cu"
  COMPILE_PER_ARCHITECTURE)
function(check_after_finalize)
  cudaenv_assert_property(fixture CUDAENV_KERNEL_VARIANTS "simt;tensorcore")
  cudaenv_assert_property(fixture_variant_simt CUDAENV_GENERATE_CODE
    "--generate-code=arch=compute_75,code=sm_75;--generate-code=arch=compute_75,code=sm_86;--generate-code=arch=compute_75,code=sm_90")
  cudaenv_assert_property(fixture_variant_tensorcore CUDAENV_GENERATE_CODE
    "--generate-code=arch=compute_86,code=sm_86;--generate-code=arch=compute_90,code=sm_90;--generate-code=arch=compute_90,code=compute_90")
  message(STATUS "checked after the end of the directory")
endfunction()
cmake_language(DEFER CALL check_after_finalize)
]=] BUILD)
