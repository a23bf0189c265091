include("${SOURCE_ROOT}/tests/cmake/Fixture.cmake")
# No explicit architecture list: CMake's native, not a selection.
cudaenv_test_project([=[
include(CudaEnvKernels)
cudaenv_add_kernel_library(fixture STATIC SOURCES "${CASE_SOURCES}/host.cpp"
  VARIANT simt CAPABILITIES 7.5+ SOURCES "${CASE_SOURCES}/variant.cu")
]=] ARGS -DCMAKE_CUDA_ARCHITECTURES=native)
