include("${SOURCE_ROOT}/tests/cmake/Fixture.cmake")
file(WRITE "${WORK_DIR}/notes.txt" "not a binary")
set(target "${WORK_DIR}/notes.txt")
cudaenv_test_run(COMMAND "${HELPER}" inspect "${target}" "${FATBIN_PLAIN}")
