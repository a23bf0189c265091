include("${SOURCE_ROOT}/tests/cmake/Fixture.cmake")
cudaenv_test_run(ENV "CUDAENV_LIBCUDA=${FAKE_LIBCUDA}" FAKE_CUDA_VERSION=12040
  COMMAND "${HELPER}" "doctor" "--architectures" "86-real,90")
