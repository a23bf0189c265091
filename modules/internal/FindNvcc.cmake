# Internal to CudaEnv: the nvcc a configure will use, found where CMake
# itself does not look, and what it says about itself. CMake looks for a
# CUDA compiler in -DCMAKE_CUDA_COMPILER, $CUDACXX and on PATH only; NVIDIA's
# installers and CI images put it in $CUDAToolkit_ROOT, $CUDA_PATH or
# /usr/local/cuda. Used by CudaEnv.cmake (find_package(CudaEnv),
# add_subdirectory, FetchContent; CudaEnv's own build too), the top-level
# include (CudaEnvTopLevel) and the list script, before CUDA is enabled.
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

# _cudaenv_use_nvcc_outside_path(): for a later enable_language(CUDA) in
# this project. When CUDA is not enabled yet, nothing names a compiler
# (-DCMAKE_CUDA_COMPILER, $CUDACXX, a toolchain file's) and nvcc is not on
# PATH but in $CUDAToolkit_ROOT, $CUDA_PATH or /usr/local/cuda, sets the
# cache variable CMAKE_CUDA_COMPILER to it (CMake itself would not find it).
function(_cudaenv_use_nvcc_outside_path)
  get_property(languages GLOBAL PROPERTY ENABLED_LANGUAGES)
  if(DEFINED CMAKE_SCRIPT_MODE_FILE OR "CUDA" IN_LIST languages OR DEFINED CMAKE_CUDA_COMPILER
     OR NOT "$ENV{CUDACXX}" STREQUAL "")
    return()
  endif()
  _cudaenv_find_nvcc(nvcc how)
  if(how STREQUAL "searched")
    set(CMAKE_CUDA_COMPILER "${nvcc}" CACHE FILEPATH
      "CUDA compiler (not on PATH; CudaEnv found it in $CUDAToolkit_ROOT, $CUDA_PATH or /usr/local/cuda)")
    message(STATUS "CudaEnv: nvcc is not on PATH; using ${nvcc}")
  endif()
endfunction()

cmake_policy(POP)
