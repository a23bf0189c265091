include("${SOURCE_ROOT}/tests/cmake/Fixture.cmake")
# A variant's CAPABILITIES entry in a form the intersection rule does not take.
cudaenv_test_project([=[
include(CudaEnvKernels)
cudaenv_select_architectures(CAPABILITIES 8.6)
cudaenv_add_kernel_library(fixture STATIC SOURCES "${CASE_SOURCES}/host.cpp"
  VARIANT simt CAPABILITIES sm_80 SOURCES "${CASE_SOURCES}/variant.cu")
]=])
