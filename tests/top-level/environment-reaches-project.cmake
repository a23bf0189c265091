include("${SOURCE_ROOT}/tests/cmake/Fixture.cmake")
# CUDAARCHS (conda-forge's) reaches the ggml backend through the include:
# its list has no 12X entry, the project keeps it, and the audit says so in
# one line.
cudaenv_test_configure("${SOURCE_ROOT}/tests/fixtures/ggml" NO_MODULE_PATH ENV CUDAARCHS=89
  ARGS -DGGML_CUDA=ON "-DCMAKE_PROJECT_TOP_LEVEL_INCLUDES=${SOURCE_ROOT}/modules/CudaEnvTopLevel.cmake")
