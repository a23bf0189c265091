include("${SOURCE_ROOT}/tests/cmake/Fixture.cmake")
cudaenv_test_configure("${SOURCE_ROOT}/tests/fixtures/detect" ENV CUDAENV_LIBCUDA=/nonexistent/libcuda.so.1
  ARGS -DFIXTURE_DETECT_ARGS=REQUIRED)
