include("${SOURCE_ROOT}/tests/cmake/Fixture.cmake")
# On 7.5 neither container has code; the one with a kernel is named by it.
cudaenv_test_inspect("${NVCC_LINKED}" ARGS --check 7.5)
