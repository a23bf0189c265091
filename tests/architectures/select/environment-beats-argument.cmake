include("${SOURCE_ROOT}/tests/cmake/Fixture.cmake")
# A packager's CUDAARCHS (conda-forge) beats the project's CAPABILITIES, and
# says whose list it overrode.
cudaenv_test_configure("${SOURCE_ROOT}/tests/fixtures/select" ENV CUDAARCHS=89 ARGS "-DFIXTURE_CAPABILITIES=8.6;9.0a")
