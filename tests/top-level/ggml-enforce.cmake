include("${SOURCE_ROOT}/tests/cmake/Fixture.cmake")
# CUDAENV_ENFORCE=ON: the backend is set back to the selection at the end
# of the configure, the configure says what changed, and the built library
# holds sm_86, sm_120 and compute_120 (12.1 runs its sm_120 SASS).
cudaenv_test_configure("${SOURCE_ROOT}/tests/fixtures/ggml" NO_MODULE_PATH BUILD
  ARGS -DGGML_CUDA=ON "-DCMAKE_PROJECT_TOP_LEVEL_INCLUDES=${SOURCE_ROOT}/modules/CudaEnvTopLevel.cmake"
       "-DCUDAENV_CAPABILITIES=8.6;12.0" -DCUDAENV_ENFORCE=ON)
cudaenv_test_inspect("${WORK_DIR}/build/ggml/src/ggml-cuda/libggml-cuda.so" ARGS --check 12.0 --check 12.1)
