include("${SOURCE_ROOT}/tests/cmake/Fixture.cmake")
# A user's -DCMAKE_CUDA_ARCHITECTURES beats the project's own normal variable
# of that name, which hides the cache entry from the project's code.
cudaenv_test_configure("${SOURCE_ROOT}/tests/fixtures/select" ARGS -DCMAKE_CUDA_ARCHITECTURES=75 -DFIXTURE_PROJECT_ARCHITECTURES=80)
