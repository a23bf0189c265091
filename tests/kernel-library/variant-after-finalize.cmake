include("${SOURCE_ROOT}/tests/cmake/Fixture.cmake")
# A variant added after the library is finished is an error that says so.
cudaenv_test_project([=[
include(CudaEnvKernels)
cudaenv_select_architectures(CAPABILITIES 8.6)
cudaenv_add_kernel_library(fixture STATIC SOURCES "${CASE_SOURCES}/host.cpp")
cudaenv_kernel_library_variant(fixture simt CAPABILITIES 7.5+ SOURCES "${CASE_SOURCES}/variant.cu")
cudaenv_finalize_kernel_library(fixture)
cudaenv_kernel_library_variant(fixture late CAPABILITIES 8.0+ SOURCES "${CASE_SOURCES}/variant.cu")
]=])
