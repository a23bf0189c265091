# CudaEnv used through add_subdirectory: functions work, and CudaEnv's own
# tests stay out of the consumer's test suite.
include("${SOURCE_ROOT}/tests/cmake/Fixture.cmake")
cudaenv_test_configure("${SOURCE_ROOT}/tests/fixtures/subdirectory" BUILD NO_MODULE_PATH
  ARGS "-DCUDAENV_SOURCE_DIR=${SOURCE_ROOT}")
execute_process(COMMAND "${CMAKE_CTEST_COMMAND}" -N
  WORKING_DIRECTORY "${WORK_DIR}/build" OUTPUT_VARIABLE listing)
message(STATUS "${listing}")
