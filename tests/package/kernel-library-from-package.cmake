# cudaenv_add_kernel_library from an installed, moved CudaEnv: the registry
# header and the ptxas-report launcher come with the package, and a kernel
# library builds against them.
include("${SOURCE_ROOT}/tests/cmake/Fixture.cmake")
cudaenv_test_install("${WORK_DIR}/prefix")
file(RENAME "${WORK_DIR}/prefix" "${WORK_DIR}/moved-prefix")
cudaenv_test_configure("${SOURCE_ROOT}/tests/fixtures/kernel-library" BUILD NO_MODULE_PATH
  ARGS "-DCMAKE_PREFIX_PATH=${WORK_DIR}/moved-prefix" -DFIXTURE_PACKAGE=ON "-DFIXTURE_CAPABILITIES=8.0;9.0"
       "-DFIXTURE_VARIANTS=VARIANT@simt@CAPABILITIES@7.5+@SOURCES@variant.cu")
file(GLOB reports "${WORK_DIR}/build/CMakeFiles/fixture_variant_simt.dir/*.resource-usage.txt")
list(LENGTH reports count)
message(STATUS "ptxas reports kept: ${count}")
