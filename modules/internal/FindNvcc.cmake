# Internal to CudaEnv: the nvcc a configure will use, found where CMake
# itself does not look, and what it says about itself. CMake looks for a
# CUDA compiler in -DCMAKE_CUDA_COMPILER, $CUDACXX and on PATH only; NVIDIA's
# installers and CI images put it in $CUDAToolkit_ROOT, $CUDA_PATH or
# /usr/local/cuda. Used by CudaEnv's own build (cmake/CudaEnvFindNvcc.cmake)
# and by the top-level include (CudaEnvTopLevel), before CUDA is enabled.
include_guard(GLOBAL)
cmake_policy(PUSH)
cmake_policy(VERSION 3.25)

# _cudaenv_find_nvcc(<out> <how_out>): the nvcc enable_language(CUDA) will
# use. <how_out>: "user" (-DCMAKE_CUDA_COMPILER or $CUDACXX), "path" (on
# PATH), "searched" (found in $CUDAToolkit_ROOT, $CUDA_PATH or
# /usr/local/cuda: CMake would miss it), or "" with <out> "" (none).
function(_cudaenv_find_nvcc out how_out)
  set(how "")
  set(nvcc "")
  if(DEFINED CMAKE_CUDA_COMPILER AND NOT CMAKE_CUDA_COMPILER STREQUAL "")
    set(nvcc "${CMAKE_CUDA_COMPILER}")
    set(how user)
  elseif(NOT "$ENV{CUDACXX}" STREQUAL "")
    set(nvcc "$ENV{CUDACXX}")
    set(how user)
  endif()
  if(nvcc AND NOT IS_ABSOLUTE "${nvcc}")
    unset(found)
    find_program(found "${nvcc}" NO_CACHE)
    set(nvcc "${found}")
  endif()
  if(NOT how)
    # find_program skips the search when its variable is already defined.
    unset(nvcc)
    find_program(nvcc nvcc NO_CACHE NO_DEFAULT_PATH PATHS ENV PATH)
    if(nvcc)
      set(how path)
    else()
      unset(nvcc)
      set(dirs "")
      foreach(root IN ITEMS "$ENV{CUDAToolkit_ROOT}" "$ENV{CUDA_PATH}" /usr/local/cuda)
        if(NOT root STREQUAL "")
          list(APPEND dirs "${root}/bin")
        endif()
      endforeach()
      find_program(nvcc nvcc NO_CACHE NO_DEFAULT_PATH PATHS ${dirs})
      if(nvcc)
        set(how searched)
      endif()
    endif()
  endif()
  if(NOT nvcc)
    set(nvcc "")
    set(how "")
  endif()
  set(${out} "${nvcc}" PARENT_SCOPE)
  set(${how_out} "${how}" PARENT_SCOPE)
endfunction()

# _cudaenv_nvcc_release(<out> <nvcc>): the toolkit release nvcc --version
# names (13.0), or "" when it does not answer.
function(_cudaenv_nvcc_release out nvcc)
  execute_process(COMMAND "${nvcc}" --version OUTPUT_VARIABLE text ERROR_QUIET RESULT_VARIABLE rc TIMEOUT 60)
  set(release "")
  if(rc EQUAL 0 AND text MATCHES "release ([0-9]+\\.[0-9]+)")
    set(release "${CMAKE_MATCH_1}")
  endif()
  set(${out} "${release}" PARENT_SCOPE)
endfunction()

cmake_policy(POP)
