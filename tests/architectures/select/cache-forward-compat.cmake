include("${SOURCE_ROOT}/tests/cmake/Fixture.cmake")
cudaenv_test_configure("${SOURCE_ROOT}/tests/fixtures/select" ARGS -DCUDAENV_FORWARD_COMPAT=OFF "-DFIXTURE_CAPABILITIES=8.6;9.0" -DFIXTURE_FORWARD_COMPAT=ON)
