# CudaEnv used through add_subdirectory: functions work, and CudaEnv's own
# tests stay out of the consumer's test suite.
include("${SOURCE_ROOT}/tests/cmake/Fixture.cmake")
cudaenv_test_project([=[
include(CTest)
add_subdirectory("${CUDAENV_SOURCE_DIR}" cudaenv)
cudaenv_select_architectures(CAPABILITIES 8.9 12.0f)
add_library(kernels STATIC "${CASE_SOURCES}/kernels.cu")
]=] LANGUAGES CXX CUDA BUILD NO_MODULE_PATH
  ARGS "-DCUDAENV_SOURCE_DIR=${SOURCE_ROOT}")
execute_process(COMMAND "${CMAKE_CTEST_COMMAND}" -N
  WORKING_DIRECTORY "${WORK_DIR}/build" OUTPUT_VARIABLE listing)
message(STATUS "${listing}")
