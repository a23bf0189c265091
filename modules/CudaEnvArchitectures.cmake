#[=======================================================================[.rst:
CudaEnvArchitectures
--------------------

Chooses ``CMAKE_CUDA_ARCHITECTURES`` from the compute capabilities a project
declares, checked against the installed CUDA toolkit, with exactly one
forward-compatible PTX image.

It reads its facts from ``data/cuda.json`` beside this file (see
:module:`CudaEnvFacts`); the rule itself is
:command:`cudaenv_resolve_architectures`, which accepts every entry form
(``8.6``, ``90a``, ``10.0f``, ``8.6+PTX``, ``Hopper``, ``default``,
``native`` ...).

Commands
^^^^^^^^

.. command:: cudaenv_select_architectures

  Project wrapper, called after CUDA is enabled. ::

    cudaenv_select_architectures([CAPABILITIES <entry>...]
                                 [SUPPORTED <entry>...]      # what the code builds for
                                 [FORWARD_COMPAT <ON|OFF>]
                                 [TARGETS <target>...])

  The entries come from the first of, highest first: the cache variable
  ``CUDAENV_CAPABILITIES``; a ``CMAKE_CUDA_ARCHITECTURES`` the user or
  packager set in the cache (``-D``, a preset; not the value CMake seeds
  from nvcc's default or from ``CUDAARCHS``); the ``CUDAARCHS`` environment
  variable (conda-forge's nvcc sets it); the ``CAPABILITIES`` argument; a
  ``CMAKE_CUDA_ARCHITECTURES`` the project set as a normal variable; and
  ``default``. So packagers' lists win over the project's default, as in
  CMake and rapids-cmake. The summary says where the list came from, and
  when a lower list is overridden one STATUS line names it and its value.
  ``CUDAENV_FORWARD_COMPAT`` (cache) overrides
  ``FORWARD_COMPAT``; ``CUDAENV_ON_UNSUPPORTED`` selects ``error``/``drop``.

  The toolkit version is the enabled CUDA compiler's; its supported list is
  read from ``nvcc --list-gpu-code`` (once, cached), else from the facts
  file. The platform is ``CUDAENV_PLATFORM`` if set (the CudaEnv toolchain
  files set it), else ``sbsa`` on aarch64 and ``x86_64`` otherwise.
  ``native`` uses the GPUs :command:`cudaenv_detect` finds and is an error
  in a cross build.

  Sets ``CMAKE_CUDA_ARCHITECTURES`` in the caller, or the
  ``CUDA_ARCHITECTURES`` property of each of ``TARGETS``, and
  ``CUDAENV_CUDA_ARCHITECTURES`` in the caller. Prints one summary table per
  configure for each distinct result, and appends it to the global property
  ``CUDAENV_ARCHITECTURES_SUMMARY``. At the end of the configure
  (``cmake_language(DEFER)``) every target that compiles CUDA is audited
  against the selection: one STATUS line for a target that builds it, and
  for one that does not (a ``set(CMAKE_CUDA_ARCHITECTURES ...)`` after the
  call, its own ``CUDA_ARCHITECTURES``, a target created before the call, a
  project that rewrites the list) a warning that names it, its list,
  whether the selection never reached it or reached it and was rewritten
  (``120`` to ``120a``), and the verdict: which GPUs the selection covers
  will not run its code and why (``120a is arch-specific (runs on 12.0
  only)``; no portable PTX: no future GPU), or run it only by JIT.
  ``CUDAENV_ENFORCE=ON`` sets such targets to the selection instead and
  says what it changed; ``CUDAENV_VERIFY=ON`` adds a build-time check of
  each one (:command:`cudaenv_verify_architectures` with the selected
  capabilities). Targets with ``CUDA_ARCHITECTURES OFF`` (their own
  ``--generate-code`` flags) are left alone.

  ``SUPPORTED`` is what the project's code can be built for: ``8.0``
  (exactly), ``8.0+`` (8.0 and newer: the code uses ``cp.async``), ``9.0a``
  / ``10.0f`` (code that needs the arch- or family-specific features), and
  generation names. Whichever list wins is intersected with it, by the rule
  :command:`cudaenv_add_kernel_library` uses for variants: entries outside
  it are dropped with one warning (a selected ``9.0`` becomes ``9.0a``
  where only ``9.0a`` is supported), an empty result is an error naming
  both lists, and the project's own ``CAPABILITIES`` outside its
  ``SUPPORTED`` is an error. The forward-compatible PTX is then of the
  highest capability the code supports without ``a``/``f`` features.

  ``CMAKE_CUDA_ARCHITECTURES`` and ``CUDAARCHS`` are also read by CMake
  itself when CUDA is enabled, so they must use CMake's syntax (``86``,
  ``90a-real``, ``all``, ``native``); put CudaEnv's richer entries
  (``8.6``, ``10.0f``, ``Hopper``, ``8.6+PTX``) in ``CUDAENV_CAPABILITIES``
  or ``CAPABILITIES``. A plain ``86`` read from either of them means SASS
  only here, with the one forward-compatible PTX added as usual.

Result Variables
^^^^^^^^^^^^^^^^

``CMAKE_CUDA_ARCHITECTURES``
  The chosen list, in the caller (unless ``TARGETS`` is given).
``CUDAENV_CUDA_ARCHITECTURES``
  The chosen list, in the caller, always.

The global property ``CUDAENV_ARCHITECTURES_SUMMARY`` collects the printed
summaries.

Cache Variables
^^^^^^^^^^^^^^^

``CUDAENV_CAPABILITIES``
  Capabilities to build for; overrides every other list (see above).
``CUDAENV_FORWARD_COMPAT``
  ``ON`` or ``OFF`` overrides ``FORWARD_COMPAT``; empty (the default)
  leaves it to the project and the resolver.
``CUDAENV_ON_UNSUPPORTED``
  ``error`` (default) or ``drop``: what an entry the toolkit cannot build
  does.
``CUDAENV_PLATFORM``
  ``x86_64``, ``sbsa`` or ``jetson``: whose default set and platform
  warnings apply; empty (the default): from ``CMAKE_SYSTEM_PROCESSOR``. The
  toolchain files set it.
``CUDAENV_NATIVE_FALLBACK``
  What ``native`` does without a GPU: ``default`` (fall back, with a
  warning) or ``error``; empty (the default): the environment variable of
  the same name, else ``default``.
``CUDAENV_ENFORCE``
  ``ON``: at the end of the configure, set every target that compiles CUDA
  for another list to the selection, and say what changed (default
  ``OFF``: a warning only).
``CUDAENV_VERIFY``
  ``ON``: check at build time that each target that compiles CUDA has code
  for every selected capability (default ``OFF``).

Environment
^^^^^^^^^^^

``CUDAARCHS``
  A packager's list (conda-forge's nvcc sets it), below the cache and above
  the project; CMake's syntax.
``CUDAENV_NATIVE_FALLBACK``
  As the cache variable, when that is empty.

Example:

.. code-block:: cmake

  cmake_minimum_required(VERSION 3.25)
  project(app LANGUAGES CXX CUDA)
  find_package(CudaEnv REQUIRED)
  # RTX 30xx/40xx, H100 with its wgmma kernels, and everything newer via PTX:
  cudaenv_select_architectures(CAPABILITIES 8.6 8.9 9.0a)
  # -> CMAKE_CUDA_ARCHITECTURES = 86-real;89-real;90-virtual;90a-real
  add_library(kernels kernels.cu)

Since 0.1.
#]=======================================================================]
include_guard(GLOBAL)
include("${CMAKE_CURRENT_LIST_DIR}/CudaEnvResolveArchitectures.cmake")
include("${CMAKE_CURRENT_LIST_DIR}/internal/ArchitectureSummary.cmake")
include("${CMAKE_CURRENT_LIST_DIR}/internal/NvccArchitectures.cmake")
include("${CMAKE_CURRENT_LIST_DIR}/internal/CudaTargets.cmake")
include("${CMAKE_CURRENT_LIST_DIR}/internal/ArchitectureAudit.cmake")
# Functions keep the policies in force where they are defined: make them ours,
# also in `cmake -P` scripts and in projects with older minimums.
cmake_policy(PUSH)
cmake_policy(VERSION 3.25)

set(CUDAENV_CAPABILITIES "" CACHE STRING
  "CUDA capabilities to build for (8.6, 9.0a, 10.0f, 8.6+PTX, native, default, ...); overrides the project's choice")
set(CUDAENV_FORWARD_COMPAT "" CACHE STRING
  "One forward-compatible PTX: ON or OFF; empty: the project's FORWARD_COMPAT, else the resolver's rule")
set_property(CACHE CUDAENV_FORWARD_COMPAT PROPERTY STRINGS "" ON OFF)
set(CUDAENV_ON_UNSUPPORTED error CACHE STRING "An entry the CUDA toolkit cannot build: error, or drop it with a warning")
set_property(CACHE CUDAENV_ON_UNSUPPORTED PROPERTY STRINGS error drop)
set(CUDAENV_PLATFORM "" CACHE STRING
  "Platform whose default set applies: x86_64, sbsa, jetson; empty: from CMAKE_SYSTEM_PROCESSOR")
set_property(CACHE CUDAENV_PLATFORM PROPERTY STRINGS "" x86_64 sbsa jetson)
set(CUDAENV_NATIVE_FALLBACK "" CACHE STRING
  "native without a GPU: default (fall back with a warning) or error; empty: the environment variable, else default")
set_property(CACHE CUDAENV_NATIVE_FALLBACK PROPERTY STRINGS "" default error)

# Who set CMAKE_CUDA_ARCHITECTURES. <user_out>: the user or packager, in the
# cache (-D, a preset, cmake-gui), not CMake seeding it from nvcc's default
# (CMP0104) or from CUDAARCHS. <project_out>: the project, as a normal
# variable that differs from the cache.
function(_cudaenv_who_set_architectures user_out project_out)
  set(user OFF)
  set(project OFF)
  if(DEFINED CACHE{CMAKE_CUDA_ARCHITECTURES} AND NOT "$CACHE{CMAKE_CUDA_ARCHITECTURES}" STREQUAL "")
    # CMake seeds the cache entry with this help string; -D and presets
    # leave their own. But with CUDAARCHS set, CMake's set(... CACHE STRING
    # "CUDA architectures") also retypes an untyped -D entry, keeping its
    # value: a value other than CUDAARCHS's is then the user's.
    get_property(help CACHE CMAKE_CUDA_ARCHITECTURES PROPERTY HELPSTRING)
    if(NOT help STREQUAL "CUDA architectures"
       OR (NOT "$ENV{CUDAARCHS}" STREQUAL "" AND NOT "$CACHE{CMAKE_CUDA_ARCHITECTURES}" STREQUAL "$ENV{CUDAARCHS}"))
      set(user ON)
    endif()
  endif()
  if(DEFINED CMAKE_CUDA_ARCHITECTURES AND NOT CMAKE_CUDA_ARCHITECTURES STREQUAL ""
     AND (NOT DEFINED CACHE{CMAKE_CUDA_ARCHITECTURES}
          OR NOT "${CMAKE_CUDA_ARCHITECTURES}" STREQUAL "$CACHE{CMAKE_CUDA_ARCHITECTURES}"))
    set(project ON)
  endif()
  set(${user_out} ${user} PARENT_SCOPE)
  set(${project_out} ${project} PARENT_SCOPE)
endfunction()

# Whose list decides, highest first: CudaEnv's own knob; what the user or
# the packager passed (a CMAKE_CUDA_ARCHITECTURES in the cache, then
# CUDAARCHS), as in CMake and rapids-cmake; then the project (its
# CAPABILITIES, then a CMAKE_CUDA_ARCHITECTURES it set). Sets <winner_out>
# to cache, user, environment, project or project_variable ("" when nobody
# chose), <spec_out> to its entries and <source_out> to its name for the
# summary; when a lower list is overridden, one STATUS line names it.
# PROJECT_LEVELS: also consider the project's (cudaenv_select_architectures;
# the top-level include has no project call to read).
function(_cudaenv_architecture_choice winner_out spec_out source_out)
  cmake_parse_arguments(PARSE_ARGV 3 arg "PROJECT_LEVELS" "" "CAPABILITIES")
  _cudaenv_who_set_architectures(user_set project_set)
  set(sources "")
  if(NOT CUDAENV_CAPABILITIES STREQUAL "")
    list(APPEND sources cache)
    set(label_cache "CUDAENV_CAPABILITIES")
    set(value_cache "${CUDAENV_CAPABILITIES}")
  endif()
  if(user_set)
    list(APPEND sources user)
    set(label_user "CMAKE_CUDA_ARCHITECTURES")
    set(value_user "$CACHE{CMAKE_CUDA_ARCHITECTURES}")
  endif()
  if(NOT "$ENV{CUDAARCHS}" STREQUAL "")
    list(APPEND sources environment)
    set(label_environment "CUDAARCHS")
    set(value_environment "$ENV{CUDAARCHS}")
  endif()
  if(arg_PROJECT_LEVELS AND arg_CAPABILITIES)
    list(APPEND sources project)
    set(label_project "the project's CAPABILITIES")
    set(value_project "${arg_CAPABILITIES}")
  endif()
  if(arg_PROJECT_LEVELS AND project_set)
    list(APPEND sources project_variable)
    set(label_project_variable "the project's CMAKE_CUDA_ARCHITECTURES")
    set(value_project_variable "${CMAKE_CUDA_ARCHITECTURES}")
  endif()
  set(winner "")
  set(spec "")
  set(source "")
  if(sources)
    list(POP_FRONT sources winner)
    set(spec "${value_${winner}}")
    set(source "${label_${winner}}")
    if(sources)
      # One line, so that nobody's list is dropped without a word.
      set(overridden "")
      foreach(loser IN LISTS sources)
        list(JOIN value_${loser} " " value)
        list(APPEND overridden "${label_${loser}} (${value})")
      endforeach()
      list(JOIN overridden ", " overridden)
      list(JOIN spec " " value)
      message(STATUS "CudaEnv: architectures from ${source} (${value}), which overrides ${overridden}")
    endif()
  endif()
  set(${winner_out} "${winner}" PARENT_SCOPE)
  set(${spec_out} "${spec}" PARENT_SCOPE)
  set(${source_out} "${source}" PARENT_SCOPE)
endfunction()

# The platform whose default set and warnings apply.
function(_cudaenv_selection_platform out)
  if(CUDAENV_PLATFORM)
    set(platform "${CUDAENV_PLATFORM}")
  elseif(CMAKE_SYSTEM_PROCESSOR MATCHES "^(aarch64|arm64|ARM64)$")
    set(platform sbsa)
  else()
    set(platform x86_64)
  endif()
  set(${out} "${platform}" PARENT_SCOPE)
endfunction()

# Resolves <spec> (from <source>, won by <winner>) for CUDA <toolkit> whose
# nvcc lists <toolkit_supported>, prints the summary and registers the
# result for the end-of-configure audit. ARGN: the resolver's SUPPORTED and
# FORWARD_COMPAT arguments of the project, if any.
function(_cudaenv_select_resolved out spec source winner toolkit toolkit_supported)
  cmake_parse_arguments(PARSE_ARGV 6 arg "" "FORWARD_COMPAT" "SUPPORTED")
  # Passed on only when someone chose it: unset lets the resolver leave PTX
  # out of an a/f-only selection.
  set(forward_compat_args "")
  if(NOT "$CACHE{CUDAENV_FORWARD_COMPAT}" STREQUAL "")
    set(forward_compat_args FORWARD_COMPAT "$CACHE{CUDAENV_FORWARD_COMPAT}")
  elseif(DEFINED arg_FORWARD_COMPAT)
    set(forward_compat_args FORWARD_COMPAT "${arg_FORWARD_COMPAT}")
  endif()
  # The project's own list must stay within what its code supports; anyone
  # else's is trimmed to it with a warning.
  set(outside_supported drop)
  if(winner STREQUAL "project")
    set(outside_supported error)
  endif()
  set(on_unsupported error)
  if(CUDAENV_ON_UNSUPPORTED)
    set(on_unsupported "${CUDAENV_ON_UNSUPPORTED}")
  endif()
  _cudaenv_selection_platform(platform)

  # native: the GPUs of this machine, detected once (CudaEnvDetect), and
  # meaningless for another machine's build.
  string(TOLOWER "${spec}" spec_lower)
  set(gpus "")
  if(spec_lower MATCHES "(^|[,; ])native($|[,; ])")
    if(CMAKE_CROSSCOMPILING)
      message(FATAL_ERROR "CudaEnv: 'native' (from ${source}) cannot be used in a cross build: the GPUs of this build machine say nothing about the target's. "
        "Name the target's capabilities instead, for example CUDAENV_CAPABILITIES=9.0 for GH200 or 12.1 for DGX Spark.")
    endif()
    # Detection is loaded only when it is needed.
    include("${CMAKE_CURRENT_FUNCTION_LIST_DIR}/CudaEnvDetect.cmake")
    cudaenv_detect(QUIET)  # cached until the driver changes
    set(gpus "${CUDAENV_GPU_CAPABILITIES}")
    if(gpus)
      list(JOIN gpus " " list)
      message(STATUS "CudaEnv: native: detected GPU capabilities ${list}")
    elseif(CUDAENV_DRIVER_ERROR)
      message(STATUS "CudaEnv: native: ${CUDAENV_DRIVER_ERROR}")
    endif()
  endif()

  cudaenv_resolve_architectures(archs
    SPEC ${spec}
    TOOLKIT_VERSION ${toolkit}
    ${forward_compat_args}
    PLATFORM ${platform}
    GPUS ${gpus}
    TOOLKIT_SUPPORTED ${toolkit_supported}
    SUPPORTED ${arg_SUPPORTED}
    OUTSIDE_SUPPORTED ${outside_supported}
    ON_UNSUPPORTED ${on_unsupported})

  _cudaenv_print_summary("${archs}" "${toolkit}" "${platform}" "${source}")
  _cudaenv_audit_register("${archs}" "${platform}" "${toolkit}")
  set(${out} "${archs}" PARENT_SCOPE)
endfunction()

function(cudaenv_select_architectures)
  cmake_parse_arguments(PARSE_ARGV 0 arg "" "FORWARD_COMPAT" "CAPABILITIES;SUPPORTED;TARGETS")
  if(arg_UNPARSED_ARGUMENTS)
    message(FATAL_ERROR "cudaenv_select_architectures: unknown arguments: ${arg_UNPARSED_ARGUMENTS}. "
      "Accepted: CAPABILITIES, SUPPORTED, FORWARD_COMPAT, TARGETS.")
  endif()
  if(NOT CMAKE_CUDA_COMPILER_LOADED OR NOT CMAKE_CUDA_COMPILER_VERSION)
    message(FATAL_ERROR "cudaenv_select_architectures: CUDA is not enabled in this project; "
      "call it after project(<name> LANGUAGES CUDA) or enable_language(CUDA). "
      "For a project you cannot edit, use -DCMAKE_PROJECT_TOP_LEVEL_INCLUDES=<CudaEnv>/CudaEnvTopLevel.cmake instead "
      "(module CudaEnvTopLevel).")
  endif()
  foreach(target IN LISTS arg_TARGETS)
    if(NOT TARGET "${target}")
      message(FATAL_ERROR "cudaenv_select_architectures: TARGETS names '${target}', which is not a target (yet); create it before this call.")
    endif()
  endforeach()

  _cudaenv_architecture_choice(winner spec source PROJECT_LEVELS CAPABILITIES ${arg_CAPABILITIES})
  if(NOT winner)
    set(winner default)
    set(spec "default")
    set(source "default")
  endif()

  if(CMAKE_CUDA_COMPILER_TOOLKIT_VERSION)
    set(toolkit "${CMAKE_CUDA_COMPILER_TOOLKIT_VERSION}")
  else()
    set(toolkit "${CMAKE_CUDA_COMPILER_VERSION}")
  endif()
  string(REGEX MATCH "^[0-9]+\\.[0-9]+" toolkit "${toolkit}")
  _cudaenv_nvcc_supported(supported)

  set(forward_compat_args "")
  if(DEFINED arg_FORWARD_COMPAT)
    set(forward_compat_args FORWARD_COMPAT "${arg_FORWARD_COMPAT}")
  endif()
  _cudaenv_select_resolved(archs "${spec}" "${source}" "${winner}" "${toolkit}" "${supported}"
    ${forward_compat_args} SUPPORTED ${arg_SUPPORTED})

  if(arg_TARGETS)
    set_property(TARGET ${arg_TARGETS} PROPERTY CUDA_ARCHITECTURES "${archs}")
  else()
    set(CMAKE_CUDA_ARCHITECTURES "${archs}" PARENT_SCOPE)
  endif()
  set(CUDAENV_CUDA_ARCHITECTURES "${archs}" PARENT_SCOPE)
endfunction()

cmake_policy(POP)

