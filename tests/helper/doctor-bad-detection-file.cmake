include("${SOURCE_ROOT}/tests/cmake/Fixture.cmake")
# doctor --detection with a file that is missing, then one that is not a
# saved detection: exit 2 and a message naming the file and the fix.
cudaenv_test_run(COMMAND "${HELPER}" doctor --detection "${WORK_DIR}/missing.json")
file(WRITE "${WORK_DIR}/damaged.json" "{\"driver\": {}}")
cudaenv_test_run(COMMAND "${HELPER}" doctor --detection "${WORK_DIR}/damaged.json")
