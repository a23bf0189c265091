include("${SOURCE_ROOT}/tests/cmake/Fixture.cmake")
# No driver for CUDA 12.4 knows a 10.0 GPU (Blackwell came with 12.8).
cudaenv_test_run(COMMAND "${HELPER}" inspect "${FATBIN_PLAIN}" --check 10.0@12.4)
