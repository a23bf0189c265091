include("${SOURCE_ROOT}/tests/cmake/Fixture.cmake")
# As users type it: the files after --check <gpu> are files, with either spelling.
cudaenv_test_run(COMMAND "${HELPER}" inspect --check 8.6 "${FATBIN_PLAIN}" "${FATBIN_REAL}")
cudaenv_test_run(COMMAND "${HELPER}" inspect --check=8.6 "${FATBIN_PLAIN}" "${FATBIN_REAL}")
