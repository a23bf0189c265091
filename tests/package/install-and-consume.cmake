# Installs CudaEnv to a prefix, moves the prefix (the package must be
# relocatable), then builds examples/consumer against it with find_package.
include("${SOURCE_ROOT}/tests/cmake/Fixture.cmake")
cudaenv_test_configure("${SOURCE_ROOT}" NO_MODULE_PATH
  BINARY_DIR "${WORK_DIR}/cudaenv-build"
  ARGS -DBUILD_TESTING=OFF "-DCMAKE_INSTALL_PREFIX=${WORK_DIR}/prefix")
execute_process(COMMAND "${CMAKE_COMMAND}" --install "${WORK_DIR}/cudaenv-build"
  RESULT_VARIABLE result OUTPUT_QUIET)
if(NOT result EQUAL 0)
  message(FATAL_ERROR "cmake --install failed (${result})")
endif()
file(RENAME "${WORK_DIR}/prefix" "${WORK_DIR}/moved-prefix")
cudaenv_test_configure("${SOURCE_ROOT}/examples/consumer" BUILD NO_MODULE_PATH
  BINARY_DIR "${WORK_DIR}/consumer-build"
  ARGS "-DCMAKE_PREFIX_PATH=${WORK_DIR}/moved-prefix")
file(GLOB_RECURSE installed RELATIVE "${WORK_DIR}/moved-prefix" "${WORK_DIR}/moved-prefix/*")
list(SORT installed)
message(STATUS "INSTALLED: ${installed}")
if(NOT EXISTS "${WORK_DIR}/consumer-build/saxpy")
  message(FATAL_ERROR "examples/consumer did not produce saxpy")
endif()
