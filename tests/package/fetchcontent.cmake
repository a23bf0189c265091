# CudaEnv used through FetchContent (from a local source directory: nothing
# is downloaded): functions work, CudaEnv's tests stay out.
include("${SOURCE_ROOT}/tests/cmake/Fixture.cmake")
cudaenv_test_configure("${SOURCE_ROOT}/tests/fixtures/subdirectory" BUILD NO_MODULE_PATH
  ARGS "-DCUDAENV_SOURCE_DIR=${SOURCE_ROOT}" -DFIXTURE_FETCHCONTENT=ON)
execute_process(COMMAND "${CMAKE_CTEST_COMMAND}" -N
  WORKING_DIRECTORY "${WORK_DIR}/build" OUTPUT_VARIABLE listing)
message(STATUS "${listing}")
