# A missing dependency stops the configure with the package to install.
include("${SOURCE_ROOT}/tests/cmake/Fixture.cmake")
cudaenv_test_configure("${SOURCE_ROOT}/src/cudaenv" NO_MODULE_PATH
  ARGS -DCMAKE_DISABLE_FIND_PACKAGE_CLI11=ON)
