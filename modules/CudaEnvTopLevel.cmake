#[=======================================================================[.rst:
CudaEnvTopLevel
---------------

Brings CudaEnv's choice of CUDA architectures, and its end-of-configure
audit, to a project you cannot edit (llama.cpp's ggml CUDA backend, a
vendored library): a file for CMake's ``CMAKE_PROJECT_TOP_LEVEL_INCLUDES``
(CMake 3.24 and newer), which CMake reads in the project's first
``project()`` call, before it enables any language:

.. code-block:: sh

  cmake -S llama.cpp -B build -DGGML_CUDA=ON \
        -DCMAKE_PROJECT_TOP_LEVEL_INCLUDES=<prefix>/lib/cmake/CudaEnv/CudaEnvTopLevel.cmake \
        -DCUDAENV_CAPABILITIES="8.6;8.9;12.0"

The installed file is ``<prefix>/lib/cmake/CudaEnv/CudaEnvTopLevel.cmake``;
from a CudaEnv source tree, name ``<source>/modules/CudaEnvTopLevel.cmake``.

What it does, in the project's top-level directory:

- Puts CudaEnv's modules on ``CMAKE_MODULE_PATH`` and defines its commands
  (:module:`CudaEnvArchitectures`; the others with ``include()``).
- Takes the list from the first of ``CUDAENV_CAPABILITIES``, a
  ``CMAKE_CUDA_ARCHITECTURES`` passed with ``-D`` or a preset, and
  ``CUDAARCHS`` (the precedence of :command:`cudaenv_select_architectures`;
  the project's own list comes after all three, since the project does not
  call CudaEnv). ``CUDAENV_PLATFORM`` (set by CudaEnv's toolchain files),
  ``CUDAENV_FORWARD_COMPAT`` and ``CUDAENV_ON_UNSUPPORTED`` apply as there.
  When none of the three is set it selects nothing and the project's own
  choice stands (the audit still reports each target).
- Finds the nvcc the project will enable: ``-DCMAKE_CUDA_COMPILER``,
  ``$CUDACXX``, ``PATH``, else ``$CUDAToolkit_ROOT``, ``$CUDA_PATH`` and
  ``/usr/local/cuda`` (where CMake itself does not look: then it sets
  ``CUDACXX`` for this configure, so ``enable_language(CUDA)`` and
  ``project(... CUDA)`` find it too).
- Resolves the list with the toolkit's own facts, read from that nvcc
  (``nvcc --version`` and ``--list-gpu-code``), since CUDA is not enabled
  yet. It resolves at once, not when CUDA is enabled, because projects read
  ``CMAKE_CUDA_ARCHITECTURES`` before they enable CUDA (ggml's ``if(NOT
  DEFINED CMAKE_CUDA_ARCHITECTURES)`` chooses ``native`` otherwise).
- Sets ``CMAKE_CUDA_ARCHITECTURES`` (a normal variable of the top-level
  directory, seen by every subdirectory) and ``CUDAENV_CUDA_ARCHITECTURES``,
  and prints the summary table. It never enables CUDA: a project that does
  not (ggml with ``GGML_CUDA=OFF``) configures and generates the same build
  as without the include.
- At the end of the configure, audits every target that compiles CUDA
  against the selection (:module:`CudaEnvArchitectures`, ``CUDAENV_ENFORCE``).
- With ``CUDAENV_VERIFY=ON``, checks at build time that each of those
  targets that produces a file (executable, shared or module library) has
  code for every selected GPU (a ``<target>_cudaenv_verify`` target runs
  ``cudaenv inspect`` on it, part of ``all``; any directory, CMake 3.25).

When nvcc cannot be found or does not answer, it selects nothing and says
so; a project that then enables CUDA fails as it would without it.

Cache Variables
^^^^^^^^^^^^^^^

Those of :module:`CudaEnvArchitectures` (``CUDAENV_CAPABILITIES``,
``CUDAENV_PLATFORM``, ``CUDAENV_ENFORCE``, ``CUDAENV_VERIFY``, ...).

Since 0.1.
#]=======================================================================]
include_guard(GLOBAL)
if(CMAKE_VERSION VERSION_LESS 3.24)
  message(FATAL_ERROR "CudaEnvTopLevel is a file for CMAKE_PROJECT_TOP_LEVEL_INCLUDES, which needs CMake 3.24 or newer (this is ${CMAKE_VERSION}).")
endif()
if(NOT CMAKE_CURRENT_LIST_DIR IN_LIST CMAKE_MODULE_PATH)
  list(APPEND CMAKE_MODULE_PATH "${CMAKE_CURRENT_LIST_DIR}")
endif()
include("${CMAKE_CURRENT_LIST_DIR}/CudaEnvArchitectures.cmake")
include("${CMAKE_CURRENT_LIST_DIR}/internal/FindNvcc.cmake")
include("${CMAKE_CURRENT_LIST_DIR}/internal/NvccArchitectures.cmake")
cmake_policy(PUSH)
cmake_policy(VERSION 3.25)

set_property(GLOBAL PROPERTY _CUDAENV_TOP_LEVEL_INCLUDE ON)

function(_cudaenv_top_level_select)
  _cudaenv_audit_schedule()
  _cudaenv_architecture_choice(winner spec source)
  if(NOT winner)
    message(STATUS "CudaEnv: no architectures chosen (CUDAENV_CAPABILITIES, -DCMAKE_CUDA_ARCHITECTURES and CUDAARCHS are unset); "
      "the project's own choice stands")
    return()
  endif()
  if(CMAKE_CUDA_COMPILER_LOADED AND CMAKE_CUDA_COMPILER_TOOLKIT_VERSION)
    # Included after CUDA was enabled: the enabled compiler's facts.
    set(nvcc "${CMAKE_CUDA_COMPILER}")
    string(REGEX MATCH "^[0-9]+\\.[0-9]+" release "${CMAKE_CUDA_COMPILER_TOOLKIT_VERSION}")
  else()
    _cudaenv_find_nvcc(nvcc how)
    if(NOT nvcc)
      message(STATUS "CudaEnv: no nvcc found (-DCMAKE_CUDA_COMPILER, CUDACXX, PATH, CUDAToolkit_ROOT, CUDA_PATH, "
        "/usr/local/cuda); ${source} (${spec}) is not applied")
      return()
    endif()
    if(how STREQUAL "searched")
      # For this configure only: enable_language(CUDA) reads it, and keeps
      # the compiler it finds in the cache; nothing is left when CUDA stays off.
      set(ENV{CUDACXX} "${nvcc}")
      message(STATUS "CudaEnv: nvcc is not on PATH; using ${nvcc} (CUDACXX for this configure)")
    endif()
    _cudaenv_nvcc_release(release "${nvcc}")
    if(NOT release)
      message(STATUS "CudaEnv: ${nvcc} --version does not name a CUDA release; ${source} (${spec}) is not applied")
      return()
    endif()
  endif()
  _cudaenv_nvcc_list_gpu_code(supported "${nvcc}" "${release}")
  _cudaenv_select_resolved(archs "${spec}" "${source}" "${winner}" "${release}" "${supported}")
  set(CMAKE_CUDA_ARCHITECTURES "${archs}" PARENT_SCOPE)
  set(CUDAENV_CUDA_ARCHITECTURES "${archs}" PARENT_SCOPE)
endfunction()

_cudaenv_top_level_select()

cmake_policy(POP)
