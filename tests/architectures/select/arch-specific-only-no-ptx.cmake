include("${SOURCE_ROOT}/tests/cmake/Fixture.cmake")
# 9.0a alone, forward compatibility not asked for: no baseline PTX, and the
# summary says why, so unguarded wgmma code builds.
cudaenv_test_project([=[
include(CudaEnvArchitectures)
cudaenv_select_architectures(CAPABILITIES 9.0a)
add_library(hopper STATIC "${CASE_SOURCES}/wgmma.cu")
cudaenv_assert_equal(CMAKE_CUDA_ARCHITECTURES "${CMAKE_CUDA_ARCHITECTURES}" "90a-real")
]=] LANGUAGES CUDA BUILD)
