include("${SOURCE_ROOT}/tests/cmake/Fixture.cmake")
# A CMAKE_CUDA_ARCHITECTURES the project set before the call is used (in
# CudaEnv's syntax rules for CMake lists) when nobody passed a list.
cudaenv_test_configure("${SOURCE_ROOT}/tests/fixtures/select" ARGS -DFIXTURE_PROJECT_ARCHITECTURES=80-real)
