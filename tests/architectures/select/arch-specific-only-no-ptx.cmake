include("${SOURCE_ROOT}/tests/cmake/Fixture.cmake")
# 9.0a alone, forward compatibility not asked for: no baseline PTX, and the
# summary says why, so unguarded wgmma code builds.
cudaenv_test_configure("${SOURCE_ROOT}/tests/fixtures/arch-specific" BUILD)
