#[=======================================================================[.rst:
CudaEnv
-------

The one entry point: ``find_package(CudaEnv)``, ``add_subdirectory`` of a
CudaEnv source tree and FetchContent all include this module, and it
includes every public module, so each way of consuming CudaEnv has the same
commands.

Modules
^^^^^^^

=================================  ============================================
``CudaEnvDetect``                  the machine's driver, GPUs and toolkit
                                   (:command:`cudaenv_detect`,
                                   :command:`cudaenv_check_compatibility`)
``CudaEnvArchitectures``           ``CMAKE_CUDA_ARCHITECTURES`` from declared
                                   capabilities, the cache and the machine
                                   (:command:`cudaenv_select_architectures`)
``CudaEnvResolveArchitectures``    the pure rule behind it, for scripts and
                                   tools (:command:`cudaenv_resolve_architectures`)
``CudaEnvFacts``                   the facts file ``data/cuda.json``
                                   (:command:`cudaenv_capability_fact`,
                                   :command:`cudaenv_toolkit_fact`,
                                   :command:`cudaenv_known_capabilities`,
                                   :command:`cudaenv_known_toolkits`)
``CudaEnvVerify``                  the build checks its own GPU code
                                   (:command:`cudaenv_verify_architectures`)
``CudaEnvKernels``                 one library, a variant per GPU family, run-time
                                   dispatch (:command:`cudaenv_add_kernel_library`,
                                   :command:`cudaenv_kernel_library_variant`,
                                   :command:`cudaenv_finalize_kernel_library`)
``CudaEnvCompileOptions``          fatbin compression and nvcc ``--threads``
                                   (:command:`cudaenv_set_cuda_compile_options`)
``CudaEnvCompilerCache``           a shared compiler cache
                                   (:command:`cudaenv_use_compiler_cache`)
``CudaEnvCompileJobs``             CUDA compiles that fit in memory
                                   (:command:`cudaenv_limit_cuda_compile_jobs`)
=================================  ============================================

Two more are entry points of their own, not included here:
:module:`CudaEnvTopLevel` (``-DCMAKE_PROJECT_TOP_LEVEL_INCLUDES=...``, for a
project that does not call CudaEnv) and :module:`CudaEnvArchitecturesList`
(``cmake -P``: the list for other builds, also ``cudaenv architectures``).

Each module can also be included alone (``include(CudaEnvDetect)``) once
this folder is on ``CMAKE_MODULE_PATH``; the cross toolchain files live in
``toolchains/`` beside it (``<prefix>/lib/cmake/CudaEnv/toolchains``).

The CUDA compiler
^^^^^^^^^^^^^^^^^

CMake finds ``nvcc`` through ``CUDACXX`` and ``PATH`` only. When CUDA is not
enabled yet and neither names one (nor ``-DCMAKE_CUDA_COMPILER`` or a
toolchain file), including this module looks in ``$CUDAToolkit_ROOT/bin``,
``$CUDA_PATH/bin`` and ``/usr/local/cuda/bin`` and sets the cache variable
``CMAKE_CUDA_COMPILER`` to the ``nvcc`` it finds there. So declare CUDA after
``find_package(CudaEnv)``: ``project(<name> LANGUAGES CXX)``, then
``enable_language(CUDA)``; a project whose ``project()`` names CUDA needs
``nvcc`` on ``PATH`` or in ``CUDACXX``.

Example:

.. code-block:: cmake

  project(app LANGUAGES CXX)
  find_package(CudaEnv 0.1 REQUIRED)        # or add_subdirectory(cudaenv)
  enable_language(CUDA)                     # nvcc found even when not on PATH
  cudaenv_select_architectures(CAPABILITIES 8.0 9.0)

Since 0.1.
#]=======================================================================]
include_guard(GLOBAL)

if(NOT CMAKE_CURRENT_LIST_DIR IN_LIST CMAKE_MODULE_PATH)
  list(APPEND CMAKE_MODULE_PATH "${CMAKE_CURRENT_LIST_DIR}")
endif()
# nvcc outside PATH, for a later enable_language(CUDA).
include("${CMAKE_CURRENT_LIST_DIR}/internal/FindNvcc.cmake")
_cudaenv_use_nvcc_outside_path()
include("${CMAKE_CURRENT_LIST_DIR}/CudaEnvFacts.cmake")
include("${CMAKE_CURRENT_LIST_DIR}/CudaEnvDetect.cmake")
include("${CMAKE_CURRENT_LIST_DIR}/CudaEnvResolveArchitectures.cmake")
include("${CMAKE_CURRENT_LIST_DIR}/CudaEnvArchitectures.cmake")
include("${CMAKE_CURRENT_LIST_DIR}/CudaEnvVerify.cmake")
include("${CMAKE_CURRENT_LIST_DIR}/CudaEnvCompileOptions.cmake")
include("${CMAKE_CURRENT_LIST_DIR}/CudaEnvKernels.cmake")
include("${CMAKE_CURRENT_LIST_DIR}/CudaEnvCompilerCache.cmake")
include("${CMAKE_CURRENT_LIST_DIR}/CudaEnvCompileJobs.cmake")
