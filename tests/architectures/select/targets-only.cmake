include("${SOURCE_ROOT}/tests/cmake/Fixture.cmake")
cudaenv_test_configure("${SOURCE_ROOT}/tests/fixtures/select" ARGS -DFIXTURE_CAPABILITIES=8.6 -DFIXTURE_TARGET=ON)
