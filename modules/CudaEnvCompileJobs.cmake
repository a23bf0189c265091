#[=======================================================================[.rst:
CudaEnvCompileJobs
------------------

Keeps a build's CUDA compiles within the machine's memory: each nvcc front
end and ptxas run takes hundreds of megabytes for small kernels and
gigabytes for large ones, so ``-j$(nproc)`` on a big runner can run out of
memory where fewer parallel CUDA compiles would not.

Commands
^^^^^^^^

.. command:: cudaenv_limit_cuda_compile_jobs

  ::

    cudaenv_limit_cuda_compile_jobs()

  Defines the Ninja job pool ``cudaenv_cuda_compile`` with as many slots as
  the machine's available memory holds CUDA compiles of
  ``CUDAENV_CUDA_COMPILE_MEMORY_MB`` each (cache variable, default 1024: the
  kernel library's variants measured 0.23 GB per ptxas process, two of
  them with ``--threads=2``, and larger kernels need more), at least one;
  at the end of the configure every target that compiles CUDA gets it as
  its ``JOB_POOL_COMPILE`` (a target with its own pool keeps it). One
  STATUS line gives the size and how it was computed. Other generators
  ignore job pools.


Result Variables
^^^^^^^^^^^^^^^^

``CUDAENV_CUDA_COMPILE_JOBS``
  In the caller: the pool's size.

Cache Variables
^^^^^^^^^^^^^^^

``CUDAENV_CUDA_COMPILE_MEMORY_MB``
  Memory one CUDA compile may take (default 1024).

Example:

.. code-block:: cmake

  cudaenv_limit_cuda_compile_jobs()   # then: cmake --build build -j64

Since 0.2.
#]=======================================================================]
include_guard(GLOBAL)
include("${CMAKE_CURRENT_LIST_DIR}/internal/CudaTargets.cmake")
cmake_policy(PUSH)
cmake_policy(VERSION 3.25)

set(CUDAENV_CUDA_COMPILE_MEMORY_MB 1024 CACHE STRING
  "Memory one CUDA compile may take, in MiB: sizes the cudaenv_cuda_compile job pool")

function(_cudaenv_pool_cuda_targets)
  _cudaenv_cuda_targets(targets)
  foreach(target IN LISTS targets)
    get_target_property(pool "${target}" JOB_POOL_COMPILE)
    if(NOT pool)
      set_property(TARGET "${target}" PROPERTY JOB_POOL_COMPILE cudaenv_cuda_compile)
    endif()
  endforeach()
endfunction()

function(cudaenv_limit_cuda_compile_jobs)
  if(ARGN)
    message(FATAL_ERROR "cudaenv_limit_cuda_compile_jobs: takes no arguments (got ${ARGN}); the memory per "
      "compile is the cache variable CUDAENV_CUDA_COMPILE_MEMORY_MB.")
  endif()
  if(NOT CUDAENV_CUDA_COMPILE_MEMORY_MB MATCHES "^[1-9][0-9]*$")
    message(FATAL_ERROR "cudaenv_limit_cuda_compile_jobs: CUDAENV_CUDA_COMPILE_MEMORY_MB is "
      "'${CUDAENV_CUDA_COMPILE_MEMORY_MB}'; give MiB as a positive whole number, for example 2048.")
  endif()
  cmake_host_system_information(RESULT available QUERY AVAILABLE_PHYSICAL_MEMORY)
  math(EXPR jobs "${available} / ${CUDAENV_CUDA_COMPILE_MEMORY_MB}")
  if(jobs LESS 1)
    set(jobs 1)
  endif()
  get_property(pools GLOBAL PROPERTY JOB_POOLS)
  list(FILTER pools EXCLUDE REGEX "^cudaenv_cuda_compile=")
  list(APPEND pools "cudaenv_cuda_compile=${jobs}")
  set_property(GLOBAL PROPERTY JOB_POOLS "${pools}")
  get_property(deferred GLOBAL PROPERTY _CUDAENV_POOL_DEFERRED)
  if(NOT deferred)
    set_property(GLOBAL PROPERTY _CUDAENV_POOL_DEFERRED ON)
    cmake_language(DEFER DIRECTORY "${CMAKE_SOURCE_DIR}" CALL _cudaenv_pool_cuda_targets)
  endif()
  message(STATUS "CudaEnv: at most ${jobs} CUDA compiles at a time (${available} MiB available / "
    "${CUDAENV_CUDA_COMPILE_MEMORY_MB} MiB per compile, CUDAENV_CUDA_COMPILE_MEMORY_MB)")
  set(CUDAENV_CUDA_COMPILE_JOBS ${jobs} PARENT_SCOPE)
endfunction()

cmake_policy(POP)
