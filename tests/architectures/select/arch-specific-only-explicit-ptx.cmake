include("${SOURCE_ROOT}/tests/cmake/Fixture.cmake")
# An explicit FORWARD_COMPAT ON keeps compute_90, as documented: the same
# unguarded wgmma code then fails to build, as it does under CMake's own
# 90a handling with PTX.
cudaenv_test_project([=[
include(CudaEnvArchitectures)
cudaenv_select_architectures(CAPABILITIES 9.0a FORWARD_COMPAT ON)
add_library(hopper STATIC "${CASE_SOURCES}/wgmma.cu")
cudaenv_assert_equal(CMAKE_CUDA_ARCHITECTURES "${CMAKE_CUDA_ARCHITECTURES}" "90-virtual;90a-real")
]=] LANGUAGES CUDA BUILD)
