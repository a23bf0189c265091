include("${SOURCE_ROOT}/tests/cmake/Fixture.cmake")
# After cudaenv_detect, cudaenv_check_compatibility judges the saved answer:
# the fake driver stops answering ("no device") before the check, and the
# check still sees the two GPUs detected (no second probe).
cudaenv_test_configure("${SOURCE_ROOT}/tests/fixtures/detect" ENV "CUDAENV_LIBCUDA=${FAKE_LIBCUDA}"
  ARGS "-DFIXTURE_DETECT_ARGS=QUIET" -DFIXTURE_MODE_BEFORE_CHECK=no-device "-DFIXTURE_CHECK_ARGS=ARCHITECTURES;86-real")
