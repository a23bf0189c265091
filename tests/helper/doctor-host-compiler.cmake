include("${SOURCE_ROOT}/tests/cmake/Fixture.cmake")
cudaenv_test_run(ENV "CUDAENV_LIBCUDA=${FAKE_LIBCUDA}" CUDAHOSTCXX=/nonexistent/g++
  COMMAND "${HELPER}" doctor --build-only)
