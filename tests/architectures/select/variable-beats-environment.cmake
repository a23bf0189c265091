include("${SOURCE_ROOT}/tests/cmake/Fixture.cmake")
# A CMAKE_CUDA_ARCHITECTURES the user passed beats CUDAARCHS, as in CMake.
cudaenv_test_configure("${SOURCE_ROOT}/tests/fixtures/select" ENV CUDAARCHS=89 ARGS -DCMAKE_CUDA_ARCHITECTURES=75)
