include("${SOURCE_ROOT}/tests/cmake/Fixture.cmake")
cudaenv_test_configure("${SOURCE_ROOT}/tests/fixtures/kernel-library"
  ARGS "-DFIXTURE_CAPABILITIES=8.6" "-DFIXTURE_VARIANTS=VARIANT@simt@CAPABILITIES@sm_80@SOURCES@variant.cu")
