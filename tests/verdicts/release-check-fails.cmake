include("${SOURCE_ROOT}/tests/cmake/Fixture.cmake")
include("${SOURCE_ROOT}/tests/cmake/Packages.cmake")
# The same wheel against a policy it does not meet: 9.0 has no code (its
# PTX is for 12.0), a 12.8 driver is too old for the library's cubins, the
# archive of an sm_80/sm_90 split has no portable PTX in member_b, and the
# wheel is over 1 KB. Each is a reason, and the exit code is 1.
cudaenv_test_make_packages("${WORK_DIR}/dist" "${FATBIN_SHARED}")
cudaenv_test_inspect("${WORK_DIR}/dist/demo-1.0-py3-none-linux_x86_64.whl" "${FATBIN_ARCHIVE}"
  ARGS --require 8.6 --require 9.0 --require-ptx --driver 12.4 --max-size 1KB)
