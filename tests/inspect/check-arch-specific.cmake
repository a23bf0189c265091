include("${SOURCE_ROOT}/tests/cmake/Fixture.cmake")
cudaenv_test_inspect("${FATBIN_SPECIFIC}" ARGS --check 9.0@13.0 --check 10.3@13.0 --check 12.1@13.0 --check 8.9@13.0)
