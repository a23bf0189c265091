include("${SOURCE_ROOT}/tests/cmake/Fixture.cmake")
cudaenv_test_run(ENV "CUDAENV_LIBCUDA=${FAKE_LIBCUDA}" FAKE_CUDA_MODE=hang CUDAENV_OVERRIDE_CUDA=12.4 CONDA_OVERRIDE_CUDA=11.8
  COMMAND "${HELPER}" detect --format json)
