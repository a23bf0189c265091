include("${SOURCE_ROOT}/tests/cmake/Fixture.cmake")
cudaenv_test_inspect("${FATBIN_ARCHIVE}" ARGS --check 8.6@13.0 --check 9.0@13.0)
