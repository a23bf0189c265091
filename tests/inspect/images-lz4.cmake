include("${SOURCE_ROOT}/tests/cmake/Fixture.cmake")
cudaenv_test_inspect("${FATBIN_LZ4}")
