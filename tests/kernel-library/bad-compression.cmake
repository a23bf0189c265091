include("${SOURCE_ROOT}/tests/cmake/Fixture.cmake")
# A fatbin compression mode that does not exist.
cudaenv_test_project([=[
include(CudaEnvKernels)
cudaenv_select_architectures(CAPABILITIES 8.6)
cudaenv_add_kernel_library(fixture STATIC SOURCES "${CASE_SOURCES}/host.cpp"
  VARIANT simt CAPABILITIES 7.5+ SOURCES "${CASE_SOURCES}/variant.cu")
]=] ARGS -DCUDAENV_FATBIN_COMPRESSION=zstd)
