include("${SOURCE_ROOT}/tests/cmake/Fixture.cmake")
cudaenv_test_run(ENV "CUDAENV_LIBCUDA=${FAKE_LIBCUDA}" FAKE_CUDA_MODE=no-device
  COMMAND "${HELPER}" detect)
