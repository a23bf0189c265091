include("${SOURCE_ROOT}/tests/cmake/Fixture.cmake")
cudaenv_test_inspect("${FATBIN_VIRTUAL}" ARGS --check 12.0@13.0 --check sm_90)
