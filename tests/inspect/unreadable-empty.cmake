include("${SOURCE_ROOT}/tests/cmake/Fixture.cmake")
file(WRITE "${WORK_DIR}/empty.so" "")
set(target "${WORK_DIR}/empty.so")
cudaenv_test_run(COMMAND "${HELPER}" inspect "${target}" "${FATBIN_PLAIN}")
