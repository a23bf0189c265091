#[=======================================================================[.rst:
CudaEnvCompileOptions
---------------------

Smaller fatbins and faster CUDA compiles for any target: nvcc's fatbin
compression and its ``--threads``, chosen once in the cache for the whole
build (as rapids-cmake's ``rapids_cuda_enable_fatbin_compression`` does for
compression). :command:`cudaenv_add_kernel_library` applies it to its
library and variants.

Commands
^^^^^^^^

.. command:: cudaenv_set_cuda_compile_options

  ::

    cudaenv_set_cuda_compile_options(<target>...)

  Adds to each target's CUDA compiles the fatbin compression of
  ``CUDAENV_FATBIN_COMPRESSION`` and the ``--threads`` of
  ``CUDAENV_NVCC_THREADS`` (see `Cache Variables`_), for the enabled nvcc's
  version: ``--compress-mode`` from CUDA 12.8, ``-Xfatbin=-compress-all``
  before; ``--threads`` from CUDA 11.2.

Cache Variables
^^^^^^^^^^^^^^^

``CUDAENV_FATBIN_COMPRESSION``
  ``size`` (default: ``--compress-mode=size`` on CUDA 12.8+, whose zstd
  images need a driver for CUDA 12.4 or newer, R550), ``speed`` (LZ4,
  which older drivers read too) or ``off``; before 12.8 anything but
  ``off`` is ``-Xfatbin -compress-all``.
``CUDAENV_NVCC_THREADS``
  nvcc ``--threads`` (default 2; 1 turns it off, 0 is one per CPU).

Example:

.. code-block:: cmake

  add_library(mykernels kernels.cu)
  cudaenv_set_cuda_compile_options(mykernels)

Since 0.1.
#]=======================================================================]
include_guard(GLOBAL)
# Functions keep the policies in force where they are defined: make them ours,
# also in `cmake -P` scripts and in projects with older minimums.
cmake_policy(PUSH)
cmake_policy(VERSION 3.25)

set(CUDAENV_NVCC_THREADS 2 CACHE STRING "nvcc --threads for CUDA compiles (1: off, 0: one per CPU)")
set(CUDAENV_FATBIN_COMPRESSION size CACHE STRING "Fatbin compression for CUDA compiles: size, speed, off")
set_property(CACHE CUDAENV_FATBIN_COMPRESSION PROPERTY STRINGS size speed off)

# The options for this compiler and these cache values.
function(_cudaenv_cuda_compile_options out)
  set(options "")
  if(CMAKE_CUDA_COMPILER_VERSION VERSION_GREATER_EQUAL 11.2 AND NOT CUDAENV_NVCC_THREADS STREQUAL "1")
    list(APPEND options "--threads=${CUDAENV_NVCC_THREADS}")
  endif()
  if(CUDAENV_FATBIN_COMPRESSION STREQUAL "size" OR CUDAENV_FATBIN_COMPRESSION STREQUAL "speed")
    if(CMAKE_CUDA_COMPILER_VERSION VERSION_GREATER_EQUAL 12.8)
      list(APPEND options "--compress-mode=${CUDAENV_FATBIN_COMPRESSION}")
      if(CUDAENV_FATBIN_COMPRESSION STREQUAL "speed")
        list(APPEND options "-Xfatbin=-compress-all")  # LZ4 covers SASS only with -compress-all
      endif()
    else()
      list(APPEND options "-Xfatbin=-compress-all")
    endif()
  elseif(NOT CUDAENV_FATBIN_COMPRESSION STREQUAL "off")
    message(FATAL_ERROR "CUDAENV_FATBIN_COMPRESSION is '${CUDAENV_FATBIN_COMPRESSION}'; accepted: size, speed, off.")
  endif()
  set(${out} "${options}" PARENT_SCOPE)
endfunction()

function(cudaenv_set_cuda_compile_options)
  if(NOT ARGN)
    message(FATAL_ERROR "cudaenv_set_cuda_compile_options: name at least one target.")
  endif()
  _cudaenv_cuda_compile_options(options)
  foreach(target IN LISTS ARGN)
    if(NOT TARGET "${target}")
      message(FATAL_ERROR "cudaenv_set_cuda_compile_options: '${target}' is not a target; create it first.")
    endif()
    target_compile_options(${target} PRIVATE "$<$<COMPILE_LANGUAGE:CUDA>:${options}>")
  endforeach()
endfunction()

cmake_policy(POP)
