include("${SOURCE_ROOT}/tests/cmake/Fixture.cmake")
cudaenv_test_run(ENV CUDAENV_LIBCUDA=/nonexistent/libcuda.so.1
  COMMAND "${HELPER}" detect --format json)
