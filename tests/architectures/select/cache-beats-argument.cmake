include("${SOURCE_ROOT}/tests/cmake/Fixture.cmake")
cudaenv_test_configure("${SOURCE_ROOT}/tests/fixtures/select" ENV CUDAARCHS=89 ARGS -DCUDAENV_CAPABILITIES=8.0 "-DFIXTURE_CAPABILITIES=8.6")
