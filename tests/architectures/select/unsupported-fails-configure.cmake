include("${SOURCE_ROOT}/tests/cmake/Fixture.cmake")
cudaenv_test_configure("${SOURCE_ROOT}/tests/fixtures/select" ARGS "-DCUDAENV_CAPABILITIES=3.5;8.0")
