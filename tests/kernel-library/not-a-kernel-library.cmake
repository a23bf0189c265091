include("${SOURCE_ROOT}/tests/cmake/Fixture.cmake")
# A variant for a target that is not a kernel library, and for no target.
set(fixture "${SOURCE_ROOT}/tests/fixtures/kernel-library")
file(WRITE "${WORK_DIR}/project/CMakeLists.txt" "
cmake_minimum_required(VERSION 3.25)
project(not_a_library LANGUAGES CXX CUDA)
include(CudaEnvKernels)
cudaenv_select_architectures(CAPABILITIES 8.6)
add_library(plain STATIC [[${fixture}/host.cpp]])
cudaenv_kernel_library_variant(plain simt CAPABILITIES 7.5+ SOURCES [[${fixture}/variant.cu]])
")
cudaenv_test_configure("${WORK_DIR}/project")
