include("${SOURCE_ROOT}/tests/cmake/Fixture.cmake")
cudaenv_test_run(COMMAND "${HELPER}" inspect "${FATBIN_ZSTD}" --ptx)
