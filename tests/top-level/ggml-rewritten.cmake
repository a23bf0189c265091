include("${SOURCE_ROOT}/tests/cmake/Fixture.cmake")
# llama.cpp's ggml CUDA backend (a faithful reduction, tests/fixtures/ggml)
# configured through the top-level include alone: the selection is made
# before the project's first project() enables a language, reaches the
# backend (which would choose 'native' otherwise), which rewrites plain 120
# to the arch-specific 120a; the audit names the consequence.
cudaenv_test_configure("${SOURCE_ROOT}/tests/fixtures/ggml" NO_MODULE_PATH
  ARGS -DGGML_CUDA=ON "-DCMAKE_PROJECT_TOP_LEVEL_INCLUDES=${SOURCE_ROOT}/modules/CudaEnvTopLevel.cmake"
       "-DCUDAENV_CAPABILITIES=8.6;12.0")
