include("${SOURCE_ROOT}/tests/cmake/Fixture.cmake")
# cudaenv_verify_architectures on a target of another directory (CMake 3.25
# refuses a POST_BUILD step there): a check target of the calling
# directory runs the check after the library is built.
cudaenv_test_project([=[
include(CudaEnvArchitectures)
include(CudaEnvVerify)
cudaenv_select_architectures(CAPABILITIES 8.6)
file(WRITE "${CMAKE_BINARY_DIR}/sub-source/CMakeLists.txt"
  "add_library(kernels SHARED \"${CASE_SOURCES}/kernels.cu\")\n")
add_subdirectory("${CMAKE_BINARY_DIR}/sub-source" "${CMAKE_BINARY_DIR}/sub")
cudaenv_verify_architectures(kernels CAPABILITIES 8.6 9.0)
]=] LANGUAGES CUDA BUILD)
