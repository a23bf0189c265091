include("${SOURCE_ROOT}/tests/cmake/Fixture.cmake")
cudaenv_test_configure("${SOURCE_ROOT}/tests/fixtures/kernel-library"
  ARGS "-DFIXTURE_CAPABILITIES=7.5" "-DFIXTURE_VARIANTS=VARIANT@tensorcore@CAPABILITIES@8.0+@SOURCES@variant.cu")
