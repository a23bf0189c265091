include("${SOURCE_ROOT}/tests/cmake/Fixture.cmake")
# The first quarter of a shared library: headers point past the end.
file(SIZE "${FATBIN_SHARED}" size)
math(EXPR quarter "${size} / 4")
execute_process(COMMAND head -c ${quarter} "${FATBIN_SHARED}" OUTPUT_FILE "${WORK_DIR}/cut.so")
set(target "${WORK_DIR}/cut.so")
cudaenv_test_run(COMMAND "${HELPER}" inspect "${target}" "${FATBIN_PLAIN}")
