include("${SOURCE_ROOT}/tests/cmake/Fixture.cmake")
# An object with LTO-IR only: no GPU runs it before a device link.
cudaenv_test_inspect("${LTO_ONLY}" ARGS --check 8.0)
