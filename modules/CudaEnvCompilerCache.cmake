#[=======================================================================[.rst:
CudaEnvCompilerCache
--------------------

Puts a compiler cache in front of nvcc and the C++ compiler through CMake's
own ``CMAKE_CUDA_COMPILER_LAUNCHER`` / ``CMAKE_CXX_COMPILER_LAUNCHER``, set
up so that it also hits between CI runners that share a remote store and
check out into different directories.

Commands
^^^^^^^^

.. command:: cudaenv_use_compiler_cache

  ::

    cudaenv_use_compiler_cache([REQUIRED])

  Chooses the cache from ``CUDAENV_COMPILER_CACHE`` (cache variable;
  ``auto``, ``ccache`` or ``none``; default ``auto``: ccache when it is
  installed). ccache is the one CudaEnv supports: measured with nvcc 13.0
  on every kind of compile CudaEnv's builds do (per-architecture
  ``--generate-code`` lists, ``-Xfatbin`` compression, ``--threads``,
  relocatable device code, the kernel library's variant objects), it
  caches each of them, never hits falsely on code that differs only under
  ``__CUDA_ARCH__`` (also in its preprocessor mode), and reads and writes a
  shared Redis or HTTP store (``remote_storage``, ccache 4.4 or newer).
  Debian 12's sccache (0.4) predates sccache's nvcc support.

  Sets ``CMAKE_CUDA_COMPILER_LAUNCHER`` and ``CMAKE_CXX_COMPILER_LAUNCHER``
  in the caller, for the targets created after the call, unless you set
  them yourself (yours win). The launcher runs ccache with ``base_dir`` at
  the common parent of the source and build trees and without hashing the
  working directory, so two runners with different checkout paths share
  entries. Where ccache keeps its files and whether it has a remote store
  (``CCACHE_REMOTE_STORAGE``, ``CCACHE_DIR`` or ccache's configuration file)
  is printed in one STATUS line, with the command that shows the cache's
  statistics. A remote store that goes away mid-build costs its hits, not
  the build: ccache compiles locally and counts ``remote_storage_error``.

  ``REQUIRED`` makes a missing cache (or ``CUDAENV_COMPILER_CACHE=none``
  where one is needed) a configure error.


Result Variables
^^^^^^^^^^^^^^^^

``CUDAENV_COMPILER_CACHE_PROGRAM``
  In the caller: the ccache used (empty: none).

Cache Variables
^^^^^^^^^^^^^^^

``CUDAENV_COMPILER_CACHE``
  ``auto`` (default: ccache when it is installed), ``ccache`` or ``none``.

Environment
^^^^^^^^^^^

``CCACHE_REMOTE_STORAGE``, ``CCACHE_DIR``
  ccache's own: the shared store and the local one.

Example:

.. code-block:: cmake

  project(app LANGUAGES CXX CUDA)
  find_package(CudaEnv REQUIRED)
  cudaenv_use_compiler_cache()          # before the targets it should cache
  cudaenv_select_architectures(CAPABILITIES 8.0 9.0)
  add_library(kernels kernels.cu)

.. code-block:: sh

  # Every CI runner: one shared store, its own local directory.
  export CCACHE_REMOTE_STORAGE=redis://cache.example:6379
  cmake --workflow --preset release

Since 0.2.
#]=======================================================================]
include_guard(GLOBAL)
cmake_policy(PUSH)
cmake_policy(VERSION 3.25)

set(CUDAENV_COMPILER_CACHE auto CACHE STRING "Compiler cache for CUDA and C++ compiles: auto, ccache, none")
set_property(CACHE CUDAENV_COMPILER_CACHE PROPERTY STRINGS auto ccache none)

# The deepest directory holding both <a> and <b>.
function(_cudaenv_common_parent out a b)
  string(REPLACE "/" ";" a_parts "${a}")
  string(REPLACE "/" ";" b_parts "${b}")
  set(common "")
  list(LENGTH a_parts a_count)
  list(LENGTH b_parts b_count)
  set(count ${a_count})
  if(b_count LESS count)
    set(count ${b_count})
  endif()
  math(EXPR last "${count} - 1")
  foreach(i RANGE ${last})
    list(GET a_parts ${i} a_part)
    list(GET b_parts ${i} b_part)
    if(NOT a_part STREQUAL b_part)
      break()
    endif()
    string(APPEND common "${a_part}/")
  endforeach()
  string(REGEX REPLACE "(.)/$" "\\1" common "${common}")
  if(common STREQUAL "")
    set(common "/")
  endif()
  set(${out} "${common}" PARENT_SCOPE)
endfunction()

function(cudaenv_use_compiler_cache)
  cmake_parse_arguments(PARSE_ARGV 0 arg "REQUIRED" "" "")
  if(arg_UNPARSED_ARGUMENTS)
    message(FATAL_ERROR "cudaenv_use_compiler_cache: unknown arguments: ${arg_UNPARSED_ARGUMENTS}. Accepted: REQUIRED.")
  endif()
  if(NOT CUDAENV_COMPILER_CACHE MATCHES "^(auto|ccache|none)$")
    message(FATAL_ERROR "cudaenv_use_compiler_cache: CUDAENV_COMPILER_CACHE is '${CUDAENV_COMPILER_CACHE}'; "
      "accepted: auto, ccache, none.")
  endif()
  set(CUDAENV_COMPILER_CACHE_PROGRAM "" PARENT_SCOPE)
  if(CMAKE_CUDA_COMPILER_LAUNCHER OR CMAKE_CXX_COMPILER_LAUNCHER)
    message(STATUS "CudaEnv: compiler cache: your own launcher (CMAKE_CUDA_COMPILER_LAUNCHER "
      "'${CMAKE_CUDA_COMPILER_LAUNCHER}', CMAKE_CXX_COMPILER_LAUNCHER '${CMAKE_CXX_COMPILER_LAUNCHER}')")
    return()
  endif()
  if(CUDAENV_COMPILER_CACHE STREQUAL "none")
    if(arg_REQUIRED)
      message(FATAL_ERROR "cudaenv_use_compiler_cache: REQUIRED, but CUDAENV_COMPILER_CACHE is none.")
    endif()
    message(STATUS "CudaEnv: compiler cache: none (CUDAENV_COMPILER_CACHE=none)")
    return()
  endif()
  find_program(CUDAENV_CCACHE ccache DOC "ccache, for cudaenv_use_compiler_cache")
  mark_as_advanced(CUDAENV_CCACHE)
  if(NOT CUDAENV_CCACHE)
    if(arg_REQUIRED OR CUDAENV_COMPILER_CACHE STREQUAL "ccache")
      message(FATAL_ERROR "cudaenv_use_compiler_cache: ccache is not installed. Install it (apt-get install "
        "ccache; 4.4 or newer for a shared Redis or HTTP store), or set CUDAENV_COMPILER_CACHE=none.")
    endif()
    message(STATUS "CudaEnv: compiler cache: none (ccache is not installed)")
    return()
  endif()

  execute_process(COMMAND "${CUDAENV_CCACHE}" --version OUTPUT_VARIABLE version_text ERROR_QUIET)
  string(REGEX MATCH "version ([0-9]+\\.[0-9]+(\\.[0-9]+)?)" _ "${version_text}")
  set(version "${CMAKE_MATCH_1}")
  execute_process(COMMAND "${CUDAENV_CCACHE}" --get-config cache_dir OUTPUT_VARIABLE store
    OUTPUT_STRIP_TRAILING_WHITESPACE ERROR_QUIET)
  execute_process(COMMAND "${CUDAENV_CCACHE}" --get-config remote_storage OUTPUT_VARIABLE remote
    OUTPUT_STRIP_TRAILING_WHITESPACE ERROR_QUIET)
  if(remote STREQUAL "")
    set(remote "none (set CCACHE_REMOTE_STORAGE, e.g. redis://host:6379, to share between runners)")
  endif()

  # Relative paths under the common parent of source and build, and no
  # working directory in the hash: runners with other checkout paths hit.
  _cudaenv_common_parent(base "${CMAKE_SOURCE_DIR}" "${CMAKE_BINARY_DIR}")
  set(launcher "${CMAKE_COMMAND}" -E env "CCACHE_BASEDIR=${base}" CCACHE_NOHASHDIR=true "${CUDAENV_CCACHE}")
  set(CMAKE_CUDA_COMPILER_LAUNCHER "${launcher}" PARENT_SCOPE)
  set(CMAKE_CXX_COMPILER_LAUNCHER "${launcher}" PARENT_SCOPE)
  set(CUDAENV_COMPILER_CACHE_PROGRAM "${CUDAENV_CCACHE}" PARENT_SCOPE)
  message(STATUS "CudaEnv: compiler cache: ccache ${version} (${CUDAENV_CCACHE}), local store ${store}, remote "
    "${remote}; statistics: ccache --show-stats (CCACHE_DIR=${store})")
endfunction()

cmake_policy(POP)
