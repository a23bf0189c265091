include("${SOURCE_ROOT}/tests/cmake/Fixture.cmake")
# With several files, each file's verdicts come first, then its own table.
cudaenv_test_run(COMMAND "${HELPER}" inspect "${FATBIN_PLAIN}" "${FATBIN_REAL}" --check 8.6)
