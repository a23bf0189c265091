include("${SOURCE_ROOT}/tests/cmake/Fixture.cmake")
cudaenv_test_inspect("${FATBIN_PLAIN}" ARGS --check 8.7@13.0)
