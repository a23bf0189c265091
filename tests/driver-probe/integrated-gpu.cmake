include("${SOURCE_ROOT}/tests/cmake/Fixture.cmake")
cudaenv_test_run(ENV "CUDAENV_LIBCUDA=${FAKE_LIBCUDA}" "FAKE_CUDA_DEVICES=8.7:Orin (nvgpu):30593:integrated"
  COMMAND "${HELPER}" detect --format json)
