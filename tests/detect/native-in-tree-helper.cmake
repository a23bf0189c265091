# CudaEnv vendored with add_subdirectory: native needs the helper, which is
# built for the host at configure time, once per build tree.
include("${SOURCE_ROOT}/tests/cmake/Fixture.cmake")
set(body [=[
add_subdirectory("${CUDAENV_SOURCE_DIR}" cudaenv)
cudaenv_select_architectures(CAPABILITIES native)
]=])
cudaenv_test_project("${body}" LANGUAGES CXX CUDA NO_MODULE_PATH
  ENV "CUDAENV_LIBCUDA=${FAKE_LIBCUDA}"
  ARGS "-DCUDAENV_SOURCE_DIR=${SOURCE_ROOT}")
cudaenv_test_project("${body}" LANGUAGES CXX CUDA NO_MODULE_PATH
  ENV "CUDAENV_LIBCUDA=${FAKE_LIBCUDA}" CUDA_VISIBLE_DEVICES=1
  ARGS "-DCUDAENV_SOURCE_DIR=${SOURCE_ROOT}")
