# Internal to CudaEnv: the enabled nvcc's own list of the capabilities it
# builds SASS for.
include_guard(GLOBAL)
# Functions keep the policies in force where they are defined: make them ours,
# also in `cmake -P` scripts and in projects with older minimums.
cmake_policy(PUSH)
cmake_policy(VERSION 3.25)

# The baseline capabilities <nvcc> builds SASS for, from `nvcc
# --list-gpu-code`, cached per compiler and <release>; "" when it does not
# answer.
function(_cudaenv_nvcc_list_gpu_code out nvcc release)
  set(key "${nvcc}|${release}")
  if(NOT "${_CUDAENV_NVCC_SUPPORTED_KEY}" STREQUAL "${key}")
    execute_process(COMMAND "${nvcc}" --list-gpu-code
      OUTPUT_VARIABLE listing ERROR_QUIET RESULT_VARIABLE rc TIMEOUT 60)
    set(caps "")
    if(rc EQUAL 0)
      string(REGEX MATCHALL "sm_[0-9]+" codes "${listing}")
      foreach(code IN LISTS codes)
        _cudaenv_normalize_gpu(cap "${code}")
        list(APPEND caps "${cap}")
      endforeach()
    endif()
    set(_CUDAENV_NVCC_SUPPORTED "${caps}" CACHE INTERNAL "nvcc --list-gpu-code, as capabilities")
    set(_CUDAENV_NVCC_SUPPORTED_KEY "${key}" CACHE INTERNAL "compiler that _CUDAENV_NVCC_SUPPORTED describes")
  endif()
  set(${out} "${_CUDAENV_NVCC_SUPPORTED}" PARENT_SCOPE)
endfunction()

# The enabled CUDA compiler's list; "" when it is not nvcc.
function(_cudaenv_nvcc_supported out)
  if(NOT CMAKE_CUDA_COMPILER_ID STREQUAL "NVIDIA")
    set(${out} "" PARENT_SCOPE)
    return()
  endif()
  _cudaenv_nvcc_list_gpu_code(supported "${CMAKE_CUDA_COMPILER}" "${CMAKE_CUDA_COMPILER_VERSION}")
  set(${out} "${supported}" PARENT_SCOPE)
endfunction()

cmake_policy(POP)
