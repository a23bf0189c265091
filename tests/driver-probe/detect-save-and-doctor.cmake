include("${SOURCE_ROOT}/tests/cmake/Fixture.cmake")
# detect --save writes what doctor --detection judges later, without a probe:
# the fake driver has stopped answering by then.
cudaenv_test_run(ENV "CUDAENV_LIBCUDA=${FAKE_LIBCUDA}" COMMAND "${HELPER}" detect --save "${WORK_DIR}/saved.json")
cudaenv_test_run(ENV "CUDAENV_LIBCUDA=${FAKE_LIBCUDA}" FAKE_CUDA_MODE=no-device
  COMMAND "${HELPER}" doctor --detection "${WORK_DIR}/saved.json" --architectures 86-real,90-real)
