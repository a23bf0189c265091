# CudaEnv vendored with add_subdirectory: native needs the helper, which is
# built for the host at configure time, once per build tree.
include("${SOURCE_ROOT}/tests/cmake/Fixture.cmake")
cudaenv_test_configure("${SOURCE_ROOT}/tests/fixtures/subdirectory" NO_MODULE_PATH
  ENV "CUDAENV_LIBCUDA=${FAKE_LIBCUDA}"
  ARGS "-DCUDAENV_SOURCE_DIR=${SOURCE_ROOT}" -DFIXTURE_NATIVE=ON)
cudaenv_test_configure("${SOURCE_ROOT}/tests/fixtures/subdirectory" NO_MODULE_PATH
  ENV "CUDAENV_LIBCUDA=${FAKE_LIBCUDA}" CUDA_VISIBLE_DEVICES=1
  ARGS "-DCUDAENV_SOURCE_DIR=${SOURCE_ROOT}" -DFIXTURE_NATIVE=ON)
