include("${SOURCE_ROOT}/tests/cmake/Fixture.cmake")
# After the call the project overrides CMAKE_CUDA_ARCHITECTURES for a new
# target and gives another its own list: at the end of the configure each is
# named with its list, since the summary and -DCUDAENV_CAPABILITIES do not
# apply to them. The target that follows the selection is not named.
cudaenv_test_configure("${SOURCE_ROOT}/tests/fixtures/select"
  ARGS "-DCUDAENV_CAPABILITIES=8.6" "-DFIXTURE_LATE_ARCHITECTURES=75" "-DFIXTURE_OWN_ARCHITECTURES=90-real")
