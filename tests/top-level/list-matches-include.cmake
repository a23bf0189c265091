include("${SOURCE_ROOT}/tests/cmake/Fixture.cmake")
# The list script with this machine's nvcc prints what the include hands a
# project for the same CUDAENV_CAPABILITIES.
execute_process(COMMAND "${CMAKE_COMMAND}" -P "${SOURCE_ROOT}/modules/CudaEnvArchitecturesList.cmake"
  -- --capabilities "Ampere;9.0a;12.0" --format cmake OUTPUT_VARIABLE listed OUTPUT_STRIP_TRAILING_WHITESPACE)
cudaenv_test_project([=[
cudaenv_assert_equal(CMAKE_CUDA_ARCHITECTURES "${CMAKE_CUDA_ARCHITECTURES}" "${LISTED}")
message(STATUS "include and script: ${CMAKE_CUDA_ARCHITECTURES}")
]=] LANGUAGES CXX CUDA NO_MODULE_PATH
  ARGS "-DCMAKE_PROJECT_TOP_LEVEL_INCLUDES=${SOURCE_ROOT}/modules/CudaEnvTopLevel.cmake"
       "-DCUDAENV_CAPABILITIES=Ampere;9.0a;12.0" "-DLISTED=${listed}")
