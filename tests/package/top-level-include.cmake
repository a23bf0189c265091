# The installed top-level include (<prefix>/lib/cmake/CudaEnv/CudaEnvTopLevel.cmake),
# from a moved prefix, on llama.cpp's ggml reduction: 'native' is answered
# by the installed helper (the fake driver shows two GPUs), the backend's
# 120 rewrite does not apply, and the audit finds the backend on the
# selection.
include("${SOURCE_ROOT}/tests/cmake/Fixture.cmake")
cudaenv_test_install("${WORK_DIR}/prefix")
file(RENAME "${WORK_DIR}/prefix" "${WORK_DIR}/moved-prefix")
cudaenv_test_configure("${SOURCE_ROOT}/tests/fixtures/ggml" NO_MODULE_PATH
  ENV "CUDAENV_LIBCUDA=${FAKE_LIBCUDA}"
  ARGS -DGGML_CUDA=ON
       "-DCMAKE_PROJECT_TOP_LEVEL_INCLUDES=${WORK_DIR}/moved-prefix/lib/cmake/CudaEnv/CudaEnvTopLevel.cmake"
       -DCUDAENV_CAPABILITIES=native)
# The installed helper finds the installed list script beside it.
cudaenv_test_run(ENV "CUDAENV_CMAKE=${CMAKE_COMMAND}"
  COMMAND "${WORK_DIR}/moved-prefix/bin/cudaenv" architectures --capabilities "8.6;12.0" --toolkit 13.0 --format cmake)
