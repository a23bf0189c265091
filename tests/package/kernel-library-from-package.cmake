# cudaenv_add_kernel_library from an installed, moved CudaEnv: the registry
# header and the ptxas-report launcher come with the package, and a kernel
# library builds against them.
include("${SOURCE_ROOT}/tests/cmake/Fixture.cmake")
cudaenv_test_install("${WORK_DIR}/prefix")
file(RENAME "${WORK_DIR}/prefix" "${WORK_DIR}/moved-prefix")
cudaenv_test_project([=[
find_package(CudaEnv 0.1 REQUIRED)
cudaenv_select_architectures(CAPABILITIES 8.0 9.0)
cudaenv_add_kernel_library(fixture STATIC SOURCES "${CASE_SOURCES}/host.cpp"
  VARIANT simt CAPABILITIES 7.5+ SOURCES "${CASE_SOURCES}/variant.cu")
cudaenv_assert_property(fixture_variant_simt CUDAENV_GENERATE_CODE
  "--generate-code=arch=compute_80,code=sm_80;--generate-code=arch=compute_80,code=sm_90;--generate-code=arch=compute_90,code=compute_90")
]=] BUILD NO_MODULE_PATH ARGS "-DCMAKE_PREFIX_PATH=${WORK_DIR}/moved-prefix")
file(GLOB_RECURSE reports "${WORK_DIR}/build/CMakeFiles/fixture_variant_simt.dir/*.resource-usage.txt")
list(LENGTH reports count)
message(STATUS "ptxas reports kept: ${count}")
