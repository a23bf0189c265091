include("${SOURCE_ROOT}/tests/cmake/Fixture.cmake")
# detect --format env: lines a GPU-less builder can export so that conda,
# pixi and CudaEnv resolve as on the machine detected (here the fake driver:
# CUDA 12.4, GPUs 8.6 and 9.0, so __cuda_arch is the lowest, 8.6).
cudaenv_test_run(ENV "CUDAENV_LIBCUDA=${FAKE_LIBCUDA}" FAKE_CUDA_VERSION=12040 COMMAND "${HELPER}" detect --format env)
