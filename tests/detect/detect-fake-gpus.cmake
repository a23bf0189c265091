include("${SOURCE_ROOT}/tests/cmake/Fixture.cmake")
cudaenv_test_configure("${SOURCE_ROOT}/tests/fixtures/detect" ENV "CUDAENV_LIBCUDA=${FAKE_LIBCUDA}"
  ARGS -DFIXTURE_DETECT_ARGS=)
