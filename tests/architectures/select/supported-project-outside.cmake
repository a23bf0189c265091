include("${SOURCE_ROOT}/tests/cmake/Fixture.cmake")
# The project's own CAPABILITIES outside its own SUPPORTED: an error.
cudaenv_test_configure("${SOURCE_ROOT}/tests/fixtures/select" ARGS "-DFIXTURE_CAPABILITIES=7.5;8.6" "-DFIXTURE_SUPPORTED=8.0+")
