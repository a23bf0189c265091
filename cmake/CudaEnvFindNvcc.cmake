# Where CudaEnv's own build finds nvcc. CMake looks for a CUDA compiler in
# $CUDACXX and on PATH only, so `cmake --preset ...` run directly would miss
# NVIDIA's default install; this adds the places NVIDIA's installers and
# CI images use: $CUDAToolkit_ROOT, $CUDA_PATH, /usr/local/cuda. A
# -DCMAKE_CUDA_COMPILER or $CUDACXX of yours wins.
include_guard(GLOBAL)

if(NOT DEFINED CMAKE_CUDA_COMPILER AND "$ENV{CUDACXX}" STREQUAL "")
  # Where CMake itself looks: PATH only.
  find_program(_cudaenv_nvcc nvcc NO_CACHE NO_DEFAULT_PATH PATHS ENV PATH)
  if(NOT _cudaenv_nvcc)
    set(_cudaenv_nvcc_dirs "")
    foreach(root IN ITEMS "$ENV{CUDAToolkit_ROOT}" "$ENV{CUDA_PATH}" /usr/local/cuda)
      if(NOT root STREQUAL "")
        list(APPEND _cudaenv_nvcc_dirs "${root}/bin")
      endif()
    endforeach()
    find_program(_cudaenv_nvcc nvcc NO_CACHE NO_DEFAULT_PATH PATHS ${_cudaenv_nvcc_dirs})
    if(_cudaenv_nvcc)
      set(CMAKE_CUDA_COMPILER "${_cudaenv_nvcc}" CACHE FILEPATH
        "CUDA compiler (not on PATH; CudaEnv found it in $CUDAToolkit_ROOT, $CUDA_PATH or /usr/local/cuda)")
      message(STATUS "CudaEnv: nvcc is not on PATH; using ${_cudaenv_nvcc}")
    endif()
  endif()
  unset(_cudaenv_nvcc)
  unset(_cudaenv_nvcc_dirs)
endif()
