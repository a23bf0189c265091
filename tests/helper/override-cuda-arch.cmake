include("${SOURCE_ROOT}/tests/cmake/Fixture.cmake")
# CONDA_OVERRIDE_CUDA_ARCH replaces __cuda_arch, as conda and pixi honour it,
# in every format; the text says where it came from.
cudaenv_test_run(ENV "CUDAENV_LIBCUDA=${FAKE_LIBCUDA}" CONDA_OVERRIDE_CUDA=12.8 CONDA_OVERRIDE_CUDA_ARCH=8.6
  COMMAND "${HELPER}" detect)
cudaenv_test_run(ENV "CUDAENV_LIBCUDA=${FAKE_LIBCUDA}" CONDA_OVERRIDE_CUDA=12.8 CONDA_OVERRIDE_CUDA_ARCH=8.6
  COMMAND "${HELPER}" detect --format json)
cudaenv_test_run(ENV "CUDAENV_LIBCUDA=${FAKE_LIBCUDA}" CONDA_OVERRIDE_CUDA=12.8 CONDA_OVERRIDE_CUDA_ARCH=8.6
  COMMAND "${HELPER}" detect --format cmake)
