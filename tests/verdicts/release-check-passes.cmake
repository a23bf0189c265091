include("${SOURCE_ROOT}/tests/cmake/Fixture.cmake")
include("${SOURCE_ROOT}/tests/cmake/Packages.cmake")
# The release check on a wheel that meets its policy: SASS for 8.6, PTX for
# newer GPUs (12.0 runs it by JIT), a CUDA 13.0 driver, under PyPI's 100 MB.
cudaenv_test_make_packages("${WORK_DIR}/dist" "${FATBIN_SHARED}")
cudaenv_test_inspect("${WORK_DIR}/dist/demo-1.0-py3-none-linux_x86_64.whl"
  ARGS --require 8.6 --require 12.0 --require-ptx --driver 13.0 --max-size 100MB)
