include("${SOURCE_ROOT}/tests/cmake/Fixture.cmake")
# No GPU has compute capability 9.9: an error, not a silent answer.
cudaenv_test_run(COMMAND "${HELPER}" inspect "${FATBIN_PLAIN}" --check 9.9)
