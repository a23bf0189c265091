include("${SOURCE_ROOT}/tests/cmake/Fixture.cmake")
include("${SOURCE_ROOT}/tests/cmake/Packages.cmake")
# A conda package cut short (an interrupted download): an error naming the
# package and the member, exit 2, never a crash or a hang.
cudaenv_test_make_packages("${WORK_DIR}/dist" "${FATBIN_SHARED}")
file(SIZE "${WORK_DIR}/dist/demo-1.0-0.tar.bz2" size)
math(EXPR half "${size} / 2")
execute_process(COMMAND head -c ${half} "${WORK_DIR}/dist/demo-1.0-0.tar.bz2"
  OUTPUT_FILE "${WORK_DIR}/cut-1.0-0.tar.bz2" RESULT_VARIABLE result)
cudaenv_test_run(COMMAND "${HELPER}" inspect "${WORK_DIR}/cut-1.0-0.tar.bz2" --check 8.6)
