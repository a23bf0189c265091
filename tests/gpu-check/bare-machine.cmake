# scripts/gpu-check.sh on a machine without a GPU and without CudaEnv's
# third-party libraries (tests/gpu-check/bare-machine.sh hides them in a
# mount namespace): it builds the kernel library, its GPU checks and its
# benchmark, writes the report, and ends with "no GPU" and exit code 77.
execute_process(COMMAND "${SOURCE_ROOT}/tests/gpu-check/bare-machine.sh" "${WORK_DIR}"
  OUTPUT_VARIABLE out ERROR_VARIABLE err RESULT_VARIABLE rc TIMEOUT 600)
message(STATUS "${out}")
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "bare-machine.sh failed (${rc}):\n${err}")
endif()
