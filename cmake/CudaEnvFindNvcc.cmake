# Where CudaEnv's own build finds nvcc. CMake looks for a CUDA compiler in
# $CUDACXX and on PATH only, so `cmake --preset ...` run directly would miss
# NVIDIA's default install; this adds the places NVIDIA's installers and
# CI images use: $CUDAToolkit_ROOT, $CUDA_PATH, /usr/local/cuda (one search,
# modules/internal/FindNvcc.cmake, shared with the top-level include). A
# -DCMAKE_CUDA_COMPILER or $CUDACXX of yours wins.
include_guard(GLOBAL)
include("${CMAKE_CURRENT_LIST_DIR}/../modules/internal/FindNvcc.cmake")

if(NOT DEFINED CMAKE_CUDA_COMPILER AND "$ENV{CUDACXX}" STREQUAL "")
  _cudaenv_find_nvcc(_cudaenv_nvcc _cudaenv_nvcc_how)
  if(_cudaenv_nvcc_how STREQUAL "searched")
    set(CMAKE_CUDA_COMPILER "${_cudaenv_nvcc}" CACHE FILEPATH
      "CUDA compiler (not on PATH; CudaEnv found it in $CUDAToolkit_ROOT, $CUDA_PATH or /usr/local/cuda)")
    message(STATUS "CudaEnv: nvcc is not on PATH; using ${_cudaenv_nvcc}")
  endif()
  unset(_cudaenv_nvcc)
  unset(_cudaenv_nvcc_how)
endif()
