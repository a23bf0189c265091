include("${SOURCE_ROOT}/tests/cmake/Fixture.cmake")
cudaenv_test_run(ENV "CUDAENV_LIBCUDA=${FAKE_LIBCUDA}" CUDA_VISIBLE_DEVICES=
  COMMAND "${HELPER}" detect --format json)
