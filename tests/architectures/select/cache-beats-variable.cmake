include("${SOURCE_ROOT}/tests/cmake/Fixture.cmake")
# CUDAENV_CAPABILITIES beats every other list, CMAKE_CUDA_ARCHITECTURES too.
cudaenv_test_configure("${SOURCE_ROOT}/tests/fixtures/select" ARGS -DCUDAENV_CAPABILITIES=8.0 -DCMAKE_CUDA_ARCHITECTURES=75)
