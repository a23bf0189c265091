include("${SOURCE_ROOT}/tests/cmake/Fixture.cmake")
# A variant without CAPABILITIES.
cudaenv_test_project([=[
include(CudaEnvKernels)
cudaenv_select_architectures(CAPABILITIES 8.6)
cudaenv_add_kernel_library(fixture STATIC SOURCES "${CASE_SOURCES}/host.cpp"
  VARIANT simt SOURCES "${CASE_SOURCES}/variant.cu")
]=])
