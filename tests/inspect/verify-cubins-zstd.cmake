include("${SOURCE_ROOT}/tests/cmake/Fixture.cmake")
# zstd entries are cross-checked against their cubins only on request.
cudaenv_test_run(COMMAND "${HELPER}" inspect "${FATBIN_ZSTD}" --verify-cubins --format json)
