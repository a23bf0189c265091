include("${SOURCE_ROOT}/tests/cmake/Fixture.cmake")
# PTX text kept as data for cuModuleLoadData: no fatbin, but GPU code all
# the same. Not "no GPU code": the reader cannot judge it.
cudaenv_test_inspect("${PTX_AS_DATA}" ARGS --check 8.0)
