include("${SOURCE_ROOT}/tests/cmake/Fixture.cmake")
cudaenv_test_run(ENV "CUDAENV_LIBCUDA=${FAKE_LIBCUDA}"
  COMMAND "${HELPER}" "doctor" "--architectures" "86-real" "--format" "json")
