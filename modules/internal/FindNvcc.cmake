# Where nvcc is when it is not on PATH. CMake looks for a CUDA compiler in
# $CUDACXX and on PATH only, so a project (or `cmake --preset ...`) would
# miss NVIDIA's default install; this adds the places NVIDIA's installers and
# CI images use: $CUDAToolkit_ROOT, $CUDA_PATH, /usr/local/cuda, and sets
# CMAKE_CUDA_COMPILER (cache) to the first nvcc found there, so a later
# enable_language(CUDA) uses it. A -DCMAKE_CUDA_COMPILER or $CUDACXX of yours,
# or a toolchain file's compiler, wins; nothing happens once CUDA is enabled.
# Included by CudaEnv.cmake (find_package(CudaEnv), add_subdirectory,
# FetchContent) and by CudaEnv's own build.
include_guard(GLOBAL)

get_property(_cudaenv_languages GLOBAL PROPERTY ENABLED_LANGUAGES)
if(NOT DEFINED CMAKE_SCRIPT_MODE_FILE AND NOT "CUDA" IN_LIST _cudaenv_languages
   AND NOT DEFINED CMAKE_CUDA_COMPILER AND "$ENV{CUDACXX}" STREQUAL "")
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
unset(_cudaenv_languages)
