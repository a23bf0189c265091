include("${SOURCE_ROOT}/tests/cmake/Fixture.cmake")
set(target "${WORK_DIR}")
cudaenv_test_run(COMMAND "${HELPER}" inspect "${target}" "${FATBIN_PLAIN}")
