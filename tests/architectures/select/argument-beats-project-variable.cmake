include("${SOURCE_ROOT}/tests/cmake/Fixture.cmake")
# The project's CAPABILITIES beat a CMAKE_CUDA_ARCHITECTURES the project set
# as a normal variable; both lose to what users pass.
cudaenv_test_configure("${SOURCE_ROOT}/tests/fixtures/select" ARGS -DFIXTURE_CAPABILITIES=8.6 -DFIXTURE_PROJECT_ARCHITECTURES=70)
