include("${SOURCE_ROOT}/tests/cmake/Fixture.cmake")
include("${SOURCE_ROOT}/tests/cmake/Packages.cmake")
# A pure-Python wheel: nothing to load on a GPU, and the output says why.
cudaenv_test_make_packages("${WORK_DIR}/dist" "${FATBIN_SHARED}")
cudaenv_test_run(COMMAND "${HELPER}" inspect "${WORK_DIR}/dist/pure-1.0-py3-none-any.whl" --check 8.6)
