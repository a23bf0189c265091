include("${SOURCE_ROOT}/tests/cmake/Fixture.cmake")
cudaenv_test_run(ENV "CUDAENV_LIBCUDA=${FAKE_LIBCUDA}" CONDA_OVERRIDE_CUDA=12.8
  COMMAND "${HELPER}" detect --format json)
