include("${SOURCE_ROOT}/tests/cmake/Fixture.cmake")
# zstd-compressed fatbins need a CUDA 12.4 (R550) driver; LZ4 adds no floor.
cudaenv_test_inspect("${FATBIN_ZSTD}" "${FATBIN_LZ4}" "${FATBIN_PLAIN}")
