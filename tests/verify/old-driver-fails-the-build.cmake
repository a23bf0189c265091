include("${SOURCE_ROOT}/tests/cmake/Fixture.cmake")
cudaenv_test_configure("${SOURCE_ROOT}/tests/fixtures/verify" BUILD
  ARGS -DFIXTURE_CAPABILITIES=12.0 -DFIXTURE_DRIVER=12.8)
