include("${SOURCE_ROOT}/tests/cmake/Fixture.cmake")
# An explicit FORWARD_COMPAT ON keeps compute_90, as documented: the same
# unguarded wgmma code then fails to build, as it does under CMake's own
# 90a handling with PTX.
cudaenv_test_configure("${SOURCE_ROOT}/tests/fixtures/arch-specific" BUILD ARGS -DFIXTURE_FORWARD_COMPAT=ON)
