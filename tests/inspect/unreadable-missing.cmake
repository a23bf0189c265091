include("${SOURCE_ROOT}/tests/cmake/Fixture.cmake")
set(target /nonexistent/libfoo.so)
cudaenv_test_run(COMMAND "${HELPER}" inspect "${target}" "${FATBIN_PLAIN}")
