include("${SOURCE_ROOT}/tests/cmake/Fixture.cmake")
cudaenv_test_configure("${SOURCE_ROOT}/tests/fixtures/verify" BUILD
  ARGS "-DFIXTURE_CAPABILITIES=7.5;8.6")
