include("${SOURCE_ROOT}/tests/cmake/Fixture.cmake")
cudaenv_test_run(ENV CONDA_OVERRIDE_CUDA_ARCH=86 COMMAND "${HELPER}" detect)
