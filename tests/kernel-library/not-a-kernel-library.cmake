include("${SOURCE_ROOT}/tests/cmake/Fixture.cmake")
# A variant for a target that is not a kernel library.
cudaenv_test_project([=[
include(CudaEnvKernels)
cudaenv_select_architectures(CAPABILITIES 8.6)
add_library(plain STATIC "${CASE_SOURCES}/host.cpp")
cudaenv_kernel_library_variant(plain simt CAPABILITIES 7.5+ SOURCES "${CASE_SOURCES}/variant.cu")
]=])
