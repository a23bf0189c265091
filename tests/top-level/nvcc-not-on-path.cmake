include("${SOURCE_ROOT}/tests/cmake/Fixture.cmake")
# nvcc neither on PATH nor in CUDACXX: the include finds it in
# $CUDAToolkit_ROOT (as CudaEnv's own build does) before the project's
# project(... CUDA) enables CUDA, which then uses it.
get_filename_component(nvcc "$ENV{CUDACXX}" REALPATH)
get_filename_component(root "${nvcc}" DIRECTORY)
get_filename_component(root "${root}" DIRECTORY)
cudaenv_test_project([=[
cudaenv_assert_equal(CMAKE_CUDA_ARCHITECTURES "${CMAKE_CUDA_ARCHITECTURES}" "90")
get_filename_component(compiler "${CMAKE_CUDA_COMPILER}" REALPATH)
cudaenv_assert_equal(CMAKE_CUDA_COMPILER "${compiler}" "${EXPECTED_NVCC}")
]=] LANGUAGES CXX CUDA NO_MODULE_PATH ENV CUDACXX= PATH=/usr/bin:/bin "CUDAToolkit_ROOT=${root}" CUDA_PATH=
  ARGS "-DCMAKE_PROJECT_TOP_LEVEL_INCLUDES=${SOURCE_ROOT}/modules/CudaEnvTopLevel.cmake" -DCUDAENV_CAPABILITIES=9.0 "-DEXPECTED_NVCC=${nvcc}")
