include("${SOURCE_ROOT}/tests/cmake/Fixture.cmake")
# CMake seeds CMAKE_CUDA_ARCHITECTURES from CUDAARCHS itself; that seeded
# value is not taken for the user's own, so the list is from CUDAARCHS and
# nothing is said to be overridden.
cudaenv_test_configure("${SOURCE_ROOT}/tests/fixtures/select" ENV CUDAARCHS=89)
