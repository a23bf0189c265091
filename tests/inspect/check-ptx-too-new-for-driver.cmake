include("${SOURCE_ROOT}/tests/cmake/Fixture.cmake")
cudaenv_test_inspect("${FATBIN_VIRTUAL}" ARGS --check 8.6@12.4)
