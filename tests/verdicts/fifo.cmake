include("${SOURCE_ROOT}/tests/cmake/Fixture.cmake")
# A FIFO nobody writes to: refused at once, never waited on.
file(REMOVE "${WORK_DIR}/pipe")
execute_process(COMMAND mkfifo "${WORK_DIR}/pipe" RESULT_VARIABLE made)
if(NOT made EQUAL 0)
  message(FATAL_ERROR "mkfifo failed (${made})")
endif()
cudaenv_test_run(COMMAND "${HELPER}" inspect "${WORK_DIR}/pipe" "${FATBIN_PLAIN}" --check 8.6)
