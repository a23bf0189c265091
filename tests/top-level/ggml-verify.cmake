include("${SOURCE_ROOT}/tests/cmake/Fixture.cmake")
# CUDAENV_VERIFY=ON through the include: the ggml backend (a shared library
# in a subdirectory of a project that does not call CudaEnv) is checked at
# build time against the selected capabilities; its rewritten 120a still
# runs on the declared 12.0.
cudaenv_test_configure("${SOURCE_ROOT}/tests/fixtures/ggml" NO_MODULE_PATH BUILD
  ARGS -DGGML_CUDA=ON "-DCMAKE_PROJECT_TOP_LEVEL_INCLUDES=${SOURCE_ROOT}/modules/CudaEnvTopLevel.cmake"
       "-DCUDAENV_CAPABILITIES=8.6;12.0" -DCUDAENV_VERIFY=ON "-DCUDAENV_HELPER=${HELPER}")
