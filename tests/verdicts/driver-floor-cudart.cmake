include("${SOURCE_ROOT}/tests/cmake/Fixture.cmake")
# A library that links the shared CUDA runtime needs a driver of that
# runtime's CUDA major (minor-version compatibility), whatever its SASS.
cudaenv_test_inspect("${FATBIN_SHARED_CUDART}" ARGS --check 8.6@12.8 --check 8.6@13.0)
