include("${SOURCE_ROOT}/tests/cmake/Fixture.cmake")
# The same archive under --strict (the default of cudaenv_verify_architectures,
# where the code is the project's own): partial is a failure.
cudaenv_test_inspect("${FATBIN_ARCHIVE}" ARGS --strict --check 8.6@13.0)
