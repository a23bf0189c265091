include("${SOURCE_ROOT}/tests/cmake/Fixture.cmake")
cudaenv_test_run(COMMAND "${HELPER}" inspect "${RDC_PROGRAM}" --check 9.0)
