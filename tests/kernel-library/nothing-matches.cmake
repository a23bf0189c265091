include("${SOURCE_ROOT}/tests/cmake/Fixture.cmake")
# No variant matches the selection: an error naming it.
cudaenv_test_project([=[
include(CudaEnvKernels)
cudaenv_select_architectures(CAPABILITIES 7.5)
cudaenv_add_kernel_library(fixture STATIC SOURCES "${CASE_SOURCES}/host.cpp"
  VARIANT tensorcore CAPABILITIES 8.0+ SOURCES "${CASE_SOURCES}/variant.cu")
]=])
