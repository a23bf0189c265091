include("${SOURCE_ROOT}/tests/cmake/Fixture.cmake")
# A variant added after the library is finished is an error that says so.
set(fixture "${SOURCE_ROOT}/tests/fixtures/kernel-library")
file(WRITE "${WORK_DIR}/project/CMakeLists.txt" "
cmake_minimum_required(VERSION 3.25)
project(after_finalize LANGUAGES CXX CUDA)
include(CudaEnvKernels)
cudaenv_select_architectures(CAPABILITIES 8.6)
cudaenv_add_kernel_library(fixture STATIC SOURCES [[${fixture}/host.cpp]])
cudaenv_kernel_library_variant(fixture simt CAPABILITIES 7.5+ SOURCES [[${fixture}/variant.cu]])
cudaenv_finalize_kernel_library(fixture)
cudaenv_kernel_library_variant(fixture late CAPABILITIES 8.0+ SOURCES [[${fixture}/variant.cu]])
")
cudaenv_test_configure("${WORK_DIR}/project")
