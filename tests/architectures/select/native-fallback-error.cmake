include("${SOURCE_ROOT}/tests/cmake/Fixture.cmake")
cudaenv_test_configure("${SOURCE_ROOT}/tests/fixtures/select" ENV CUDAENV_NATIVE_FALLBACK=error ARGS -DCUDAENV_CAPABILITIES=native)
