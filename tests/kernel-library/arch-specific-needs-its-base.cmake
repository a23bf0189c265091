include("${SOURCE_ROOT}/tests/cmake/Fixture.cmake")
# A 9.0a variant is left out when 9.0 is not selected.
cudaenv_test_configure("${SOURCE_ROOT}/tests/fixtures/kernel-library"
  ARGS "-DFIXTURE_CAPABILITIES=8.6;8.9"
       "-DFIXTURE_VARIANTS=VARIANT@simt@CAPABILITIES@7.5+@SOURCES@variant.cu@VARIANT@hopper@CAPABILITIES@9.0a@SOURCES@variant.cu")
