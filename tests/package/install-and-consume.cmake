# Installs CudaEnv (modules, facts, helper) from the test build to a prefix,
# moves the prefix (the package must be relocatable), then builds
# examples/consumer against it with find_package, as its header says (CMake's
# default generator, no CUDACXX, nvcc not on PATH: CudaEnv finds it before
# the example enables CUDA); the consumer runs the installed helper to detect
# the machine.
include("${SOURCE_ROOT}/tests/cmake/Fixture.cmake")
cudaenv_test_install("${WORK_DIR}/prefix")
file(RENAME "${WORK_DIR}/prefix" "${WORK_DIR}/moved-prefix")
cudaenv_test_configure("${SOURCE_ROOT}/examples/consumer" BUILD NO_MODULE_PATH AS_WRITTEN
  ENV "CUDAENV_LIBCUDA=${FAKE_LIBCUDA}"
  BINARY_DIR "${WORK_DIR}/consumer-build"
  ARGS "-DCMAKE_PREFIX_PATH=${WORK_DIR}/moved-prefix")
file(GLOB_RECURSE installed RELATIVE "${WORK_DIR}/moved-prefix" "${WORK_DIR}/moved-prefix/*")
list(SORT installed)
message(STATUS "INSTALLED: ${installed}")
if(NOT EXISTS "${WORK_DIR}/consumer-build/saxpy")
  message(FATAL_ERROR "examples/consumer did not produce saxpy")
endif()
