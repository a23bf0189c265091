#[=======================================================================[.rst:
CudaEnvDetect
-------------

Detects the machine's CUDA driver, its GPUs and the toolkit at configure
time by running the ``cudaenv`` helper, and turns the helper's compatibility
verdicts into configure messages.

The helper loads the driver only in a child process with a time limit, so a
machine without a GPU, a broken driver or a hanging one gives an answer
("no usable driver: ...") instead of a failed or stuck configure.

Commands
^^^^^^^^

.. command:: cudaenv_detect

  ::

    cudaenv_detect([REQUIRED] [QUIET])

  Runs ``cudaenv detect`` and sets the `Result Variables`_, in the caller
  and in the cache. The answer is kept in the cache and reused until the
  driver changes (the kernel module's version, ``CUDA_VISIBLE_DEVICES``,
  ``CUDAENV_LIBCUDA`` or an override), or once on ``-DCUDAENV_REDETECT=ON``.
  ``REQUIRED`` makes "no usable driver" a configure error. ``QUIET`` prints
  nothing.

  The helper is the one named by ``CUDAENV_HELPER`` if set; else the
  installed ``CudaEnv::cudaenv``; else, when CudaEnv is used from its source
  tree (``add_subdirectory``, FetchContent, CudaEnv's own build), a host copy
  built at configure time under ``<build>/_cudaenv_helper`` and reused.

.. command:: cudaenv_check_compatibility

  ::

    cudaenv_check_compatibility([ARCHITECTURES <list>] [BUILD_ONLY])

  Runs ``cudaenv doctor`` for the architectures this build selects
  (``ARCHITECTURES``, else ``CUDAENV_CUDA_ARCHITECTURES``, else
  ``CMAKE_CUDA_ARCHITECTURES``) and reports each problem as a WARNING, or
  as an error when ``CUDAENV_STRICT`` is ``ON``. ``BUILD_ONLY`` (implied in a
  cross build, or by ``CUDAENV_BUILD_ONLY``) does not require a driver here.
  Sets ``CUDAENV_COMPATIBLE``. After :command:`cudaenv_detect` it judges
  that (cached) answer rather than probing the driver again.

Result Variables
^^^^^^^^^^^^^^^^

Set by :command:`cudaenv_detect`, in the caller and in the cache:

``CUDAENV_DRIVER_FOUND``
  ``TRUE`` if a usable driver answered.
``CUDAENV_DRIVER_VERSION``
  The driver release (``580.95.05``), if known.
``CUDAENV_DRIVER_CUDA_VERSION``
  The CUDA version the driver supports (``13.0``).
``CUDAENV_DRIVER_SOURCE``
  Who answered: ``libcuda`` (with where the release came from), or the
  override that replaced the probe (``CUDAENV_OVERRIDE_CUDA``).
``CUDAENV_DRIVER_ERROR``
  Why no usable driver was found.
``CUDAENV_GPU_COUNT``
  The GPUs visible to this process.
``CUDAENV_GPU_CAPABILITIES``
  Their compute capabilities (``8.6;9.0``).
``CUDAENV_GPU_NAMES``
  Their names.
``CUDAENV_TOOLKIT_VERSION``
  The version of the CUDA toolkit found (``13.0``).
``CUDAENV_TOOLKIT_NVCC``
  Its ``nvcc``.
``CUDAENV_CONDA_CUDA``
  conda/pixi's ``__cuda`` (``CONDA_OVERRIDE_CUDA`` and
  ``CUDAENV_OVERRIDE_CUDA`` replace it).
``CUDAENV_CONDA_CUDA_ARCH``
  ``__cuda_arch``, the lowest GPU capability (``CONDA_OVERRIDE_CUDA_ARCH``
  and ``CUDAENV_OVERRIDE_CUDA_ARCH`` replace it).

Set by :command:`cudaenv_check_compatibility`, in the caller:

``CUDAENV_COMPATIBLE``
  ``TRUE`` when everything the build selects will work here, else
  ``FALSE``.

Cache Variables
^^^^^^^^^^^^^^^

``CUDAENV_HELPER``
  The ``cudaenv`` executable to run (default: found as above).
``CUDAENV_STRICT``
  ``ON``: the compatibility problems are errors, not warnings.
``CUDAENV_BUILD_ONLY``
  ``ON``: this machine only builds; do not require a driver here.
``CUDAENV_REDETECT``
  ``ON``: detect again once, then the entry is removed.

Environment
^^^^^^^^^^^

``CUDAENV_DETECT_TIMEOUT``
  Seconds the driver probe may take (default 10).
``CUDAENV_LIBCUDA``
  The driver library to load instead of the system's ``libcuda.so.1``.
``CUDAENV_OVERRIDE_CUDA``, ``CONDA_OVERRIDE_CUDA``
  The driver's CUDA version, without probing the driver.
``CUDAENV_OVERRIDE_CUDA_ARCH``, ``CONDA_OVERRIDE_CUDA_ARCH``
  The ``__cuda_arch`` to report.
``CUDA_VISIBLE_DEVICES``
  As for every CUDA program: which GPUs the probe sees.

Example:

.. code-block:: cmake

  find_package(CudaEnv REQUIRED)
  cudaenv_detect()
  if(CUDAENV_GPU_COUNT GREATER 0)
    message(STATUS "building on a machine with ${CUDAENV_GPU_NAMES}")
  endif()
  cudaenv_select_architectures(CAPABILITIES native)  # uses the detected GPUs
  cudaenv_check_compatibility()

Since 0.1.
#]=======================================================================]
include_guard(GLOBAL)
cmake_policy(PUSH)
cmake_policy(VERSION 3.25)

set(CUDAENV_HELPER "" CACHE FILEPATH "The cudaenv helper to run (empty: the installed CudaEnv::cudaenv, else one built from CudaEnv's sources)")
set(CUDAENV_STRICT OFF CACHE BOOL "Make cudaenv_check_compatibility's problems errors instead of warnings")
set(CUDAENV_BUILD_ONLY OFF CACHE BOOL "This machine only builds: cudaenv_check_compatibility does not require a driver")
set(CUDAENV_REDETECT OFF CACHE BOOL "Detect the driver and GPUs again, once (the entry is removed afterwards)")

# The variables cudaenv_detect sets. A global property, not a variable: the
# module may be included from a subdirectory and called from its parent.
set_property(GLOBAL PROPERTY _CUDAENV_DETECT_RESULTS
  CUDAENV_DRIVER_FOUND CUDAENV_DRIVER_VERSION CUDAENV_DRIVER_CUDA_VERSION CUDAENV_DRIVER_SOURCE
  CUDAENV_DRIVER_ERROR CUDAENV_GPU_COUNT CUDAENV_GPU_CAPABILITIES CUDAENV_GPU_NAMES
  CUDAENV_TOOLKIT_VERSION CUDAENV_TOOLKIT_NVCC CUDAENV_CONDA_CUDA CUDAENV_CONDA_CUDA_ARCH)

# Builds the helper from source for this (host) machine, once per build
# tree: when the modules sit in a CudaEnv source tree, its sources are beside
# them.
function(_cudaenv_build_helper out)
  get_filename_component(source "${CMAKE_CURRENT_FUNCTION_LIST_DIR}/../src/cudaenv" ABSOLUTE)
  if(NOT EXISTS "${source}/CMakeLists.txt")
    set(${out} "" PARENT_SCOPE)
    return()
  endif()
  set(build "${CMAKE_BINARY_DIR}/_cudaenv_helper")
  # A host build: no toolchain file, no target sysroot, the host's compilers.
  if(NOT EXISTS "${build}/CMakeCache.txt")
    message(STATUS "CudaEnv: building the cudaenv helper for this machine (once per build tree)")
    execute_process(
      COMMAND "${CMAKE_COMMAND}" -E env --unset=CXX --unset=CC
        "${CMAKE_COMMAND}" -S "${source}" -B "${build}" -G "${CMAKE_GENERATOR}"
        -DCMAKE_BUILD_TYPE=Release "-DCMAKE_MAKE_PROGRAM=${CMAKE_MAKE_PROGRAM}"
      RESULT_VARIABLE rc OUTPUT_VARIABLE log ERROR_VARIABLE log)
    if(NOT rc EQUAL 0)
      file(REMOVE_RECURSE "${build}")
      set(_CUDAENV_HELPER_BUILD_ERROR "configuring ${source} failed:\n${log}" PARENT_SCOPE)
      set(${out} "" PARENT_SCOPE)
      return()
    endif()
  endif()
  execute_process(COMMAND "${CMAKE_COMMAND}" --build "${build}" --target cudaenv
    RESULT_VARIABLE rc OUTPUT_VARIABLE log ERROR_VARIABLE log)
  if(NOT rc EQUAL 0)
    set(_CUDAENV_HELPER_BUILD_ERROR "building ${source} failed:\n${log}" PARENT_SCOPE)
    set(${out} "" PARENT_SCOPE)
    return()
  endif()
  set(${out} "${build}/cudaenv" PARENT_SCOPE)
endfunction()

# The helper executable to run at configure time, or "" with the reason in
# _CUDAENV_HELPER_ERROR.
function(_cudaenv_find_helper out)
  get_property(found GLOBAL PROPERTY _CUDAENV_HELPER)
  if(found)
    set(${out} "${found}" PARENT_SCOPE)
    return()
  endif()
  set(helper "")
  if(CUDAENV_HELPER)
    if(NOT EXISTS "${CUDAENV_HELPER}")
      set(_CUDAENV_HELPER_ERROR "CUDAENV_HELPER names ${CUDAENV_HELPER}, which does not exist" PARENT_SCOPE)
      set(${out} "" PARENT_SCOPE)
      return()
    endif()
    set(helper "${CUDAENV_HELPER}")
  elseif(TARGET CudaEnv::cudaenv)
    get_target_property(imported CudaEnv::cudaenv IMPORTED)
    if(imported)
      get_target_property(helper CudaEnv::cudaenv LOCATION)
    endif()
  endif()
  if(NOT helper)
    _cudaenv_build_helper(helper)
    if(NOT helper)
      if(NOT _CUDAENV_HELPER_BUILD_ERROR)
        set(_CUDAENV_HELPER_BUILD_ERROR "no installed cudaenv and no CudaEnv sources to build it from; set CUDAENV_HELPER")
      endif()
      set(_CUDAENV_HELPER_ERROR "${_CUDAENV_HELPER_BUILD_ERROR}" PARENT_SCOPE)
      set(${out} "" PARENT_SCOPE)
      return()
    endif()
  endif()
  set_property(GLOBAL PROPERTY _CUDAENV_HELPER "${helper}")
  set(${out} "${helper}" PARENT_SCOPE)
endfunction()

# What the answer depends on, read without loading the driver.
function(_cudaenv_driver_fingerprint out helper)
  set(parts "")
  # Files that may be replaced in place: their modification time. (Not the
  # /proc and /sys files below: their times say nothing about the driver.)
  foreach(file IN ITEMS "${helper}" "$ENV{CUDAENV_LIBCUDA}")
    if(file AND EXISTS "${file}")
      file(TIMESTAMP "${file}" stamp "%s" UTC)
      list(APPEND parts "${file}@${stamp}")
    endif()
  endforeach()
  # The loaded kernel module's version: a driver upgrade changes it.
  foreach(file IN ITEMS /proc/driver/nvidia/version /sys/module/nvidia/version)
    if(EXISTS "${file}")
      file(READ "${file}" content)
      list(APPEND parts "${content}")
    endif()
  endforeach()
  foreach(var IN ITEMS CUDA_VISIBLE_DEVICES CUDAENV_LIBCUDA CUDAENV_OVERRIDE_CUDA CONDA_OVERRIDE_CUDA
                       CUDAENV_OVERRIDE_CUDA_ARCH CONDA_OVERRIDE_CUDA_ARCH CUDAENV_DETECT_TIMEOUT CUDA_PATH
                       CUDAToolkit_ROOT)
    if(DEFINED ENV{${var}})
      list(APPEND parts "${var}=$ENV{${var}}")
    endif()
  endforeach()
  string(SHA1 fingerprint "${parts}")
  set(${out} "${fingerprint}" PARENT_SCOPE)
endfunction()

# Whether the cached detection still describes this machine (same
# fingerprint, no CUDAENV_REDETECT request); the fingerprint too.
function(_cudaenv_detection_current current_out fingerprint_out helper)
  _cudaenv_driver_fingerprint(fingerprint "${helper}")
  set(current OFF)
  if(NOT CUDAENV_REDETECT AND "${_CUDAENV_DETECT_FINGERPRINT}" STREQUAL "${fingerprint}")
    set(current ON)
  endif()
  set(${current_out} ${current} PARENT_SCOPE)
  set(${fingerprint_out} "${fingerprint}" PARENT_SCOPE)
endfunction()

function(cudaenv_detect)
  cmake_parse_arguments(PARSE_ARGV 0 arg "REQUIRED;QUIET" "" "")
  if(arg_UNPARSED_ARGUMENTS)
    message(FATAL_ERROR "cudaenv_detect: unknown arguments: ${arg_UNPARSED_ARGUMENTS}. Accepted: REQUIRED, QUIET.")
  endif()

  get_property(results GLOBAL PROPERTY _CUDAENV_DETECT_RESULTS)
  _cudaenv_find_helper(helper)
  if(NOT helper)
    set(error "no usable driver: the cudaenv helper is not available (${_CUDAENV_HELPER_ERROR})")
    if(arg_REQUIRED)
      message(FATAL_ERROR "CudaEnv: ${error}")
    endif()
    foreach(var IN LISTS results)
      set(${var} "" PARENT_SCOPE)
    endforeach()
    set(CUDAENV_DRIVER_FOUND FALSE PARENT_SCOPE)
    set(CUDAENV_GPU_COUNT 0 PARENT_SCOPE)
    set(CUDAENV_DRIVER_ERROR "${error}" PARENT_SCOPE)
    if(NOT arg_QUIET)
      message(WARNING "CudaEnv: ${error}")
    endif()
    return()
  endif()

  _cudaenv_detection_current(current fingerprint "${helper}")
  # The saved answer must still be there, whole: a missing or empty file (a
  # full disk, a cleaned build tree) means probing again.
  if(current)
    set(saved_size 0)
    if(EXISTS "${_CUDAENV_DETECT_SAVED}")
      file(SIZE "${_CUDAENV_DETECT_SAVED}" saved_size)
    endif()
    if(saved_size EQUAL 0)
      set(current OFF)
    endif()
  endif()
  if(NOT current)
    set(timeout 10)
    if("$ENV{CUDAENV_DETECT_TIMEOUT}" MATCHES "^[0-9]+(\\.[0-9]*)?$")
      set(timeout "$ENV{CUDAENV_DETECT_TIMEOUT}")
    endif()
    # The helper enforces the probe's limit; this one only guards the helper.
    string(REGEX REPLACE "\\..*$" "" whole_seconds "${timeout}")
    math(EXPR guard "${whole_seconds} + 30")
    # The answer is also saved for cudaenv_check_compatibility, which then
    # judges it instead of probing the driver a second time.
    set(saved "${CMAKE_BINARY_DIR}/CMakeFiles/CudaEnv/detection.json")
    file(MAKE_DIRECTORY "${CMAKE_BINARY_DIR}/CMakeFiles/CudaEnv")
    execute_process(COMMAND "${helper}" detect --format cmake --save "${saved}"
      RESULT_VARIABLE rc OUTPUT_VARIABLE answer ERROR_VARIABLE error TIMEOUT ${guard})
    if(NOT rc EQUAL 0)
      string(STRIP "${error}" error)
      message(FATAL_ERROR "CudaEnv: '${helper} detect' failed (${rc}): ${error}")
    endif()
    cmake_language(EVAL CODE "${answer}")
    foreach(var IN LISTS results)
      set(${var} "${${var}}" CACHE INTERNAL "cudaenv detect")
    endforeach()
    set(_CUDAENV_DETECT_FINGERPRINT "${fingerprint}" CACHE INTERNAL "what the cached detection depends on")
    set(_CUDAENV_DETECT_SAVED "${saved}" CACHE INTERNAL "the cached detection, as JSON")
    unset(CUDAENV_REDETECT CACHE)  # a one-shot request
  endif()
  foreach(var IN LISTS results)
    set(${var} "$CACHE{${var}}" PARENT_SCOPE)
    set(${var} "$CACHE{${var}}")
  endforeach()

  if(NOT CUDAENV_DRIVER_FOUND AND arg_REQUIRED)
    message(FATAL_ERROR "CudaEnv: a CUDA driver is REQUIRED: ${CUDAENV_DRIVER_ERROR}")
  endif()
  get_property(reported GLOBAL PROPERTY _CUDAENV_DETECT_REPORTED)
  if(NOT arg_QUIET AND NOT reported)
    set_property(GLOBAL PROPERTY _CUDAENV_DETECT_REPORTED ON)
    if(CUDAENV_DRIVER_FOUND)
      list(JOIN CUDAENV_GPU_CAPABILITIES " " caps)
      set(release "")
      if(CUDAENV_DRIVER_VERSION)
        set(release " ${CUDAENV_DRIVER_VERSION}")
      endif()
      message(STATUS "CudaEnv: driver${release} supports CUDA ${CUDAENV_DRIVER_CUDA_VERSION}; "
        "${CUDAENV_GPU_COUNT} GPU(s) detected: ${caps}")
    else()
      message(STATUS "CudaEnv: ${CUDAENV_DRIVER_ERROR}")
    endif()
  endif()
endfunction()

function(cudaenv_check_compatibility)
  cmake_parse_arguments(PARSE_ARGV 0 arg "BUILD_ONLY" "" "ARCHITECTURES")
  if(arg_UNPARSED_ARGUMENTS)
    message(FATAL_ERROR "cudaenv_check_compatibility: unknown arguments: ${arg_UNPARSED_ARGUMENTS}. "
      "Accepted: ARCHITECTURES, BUILD_ONLY.")
  endif()
  set(archs "${arg_ARCHITECTURES}")
  if(NOT archs)
    set(archs "${CUDAENV_CUDA_ARCHITECTURES}")
  endif()
  if(NOT archs)
    set(archs "${CMAKE_CUDA_ARCHITECTURES}")
  endif()
  set(command doctor --format cmake)
  if(archs)
    list(JOIN archs "," joined)
    list(APPEND command --architectures "${joined}")
  endif()
  if(arg_BUILD_ONLY OR CUDAENV_BUILD_ONLY OR CMAKE_CROSSCOMPILING)
    list(APPEND command --build-only)
  endif()
  _cudaenv_find_helper(helper)
  if(NOT helper)
    message(WARNING "CudaEnv: cannot check compatibility: the cudaenv helper is not available (${_CUDAENV_HELPER_ERROR})")
    set(CUDAENV_COMPATIBLE "" PARENT_SCOPE)
    return()
  endif()
  # What cudaenv_detect found, while it still describes this machine.
  _cudaenv_detection_current(current fingerprint "${helper}")
  set(with_saved "")
  if(current AND EXISTS "${_CUDAENV_DETECT_SAVED}")
    set(with_saved --detection "${_CUDAENV_DETECT_SAVED}")
  endif()
  execute_process(COMMAND "${helper}" ${command} ${with_saved}
    RESULT_VARIABLE rc OUTPUT_VARIABLE answer ERROR_VARIABLE error TIMEOUT 120)
  if(with_saved AND NOT rc MATCHES "^[01]$")
    # A saved detection that cannot be read (damaged build tree): probe
    # again instead, and have the next cudaenv_detect probe afresh too.
    string(STRIP "${error}" error)
    message(STATUS "CudaEnv: the saved detection ${_CUDAENV_DETECT_SAVED} is unusable (${error}); probing the "
      "driver again (-DCUDAENV_REDETECT=ON refreshes the saved answer)")
    set(_CUDAENV_DETECT_FINGERPRINT "" CACHE INTERNAL "what the cached detection depends on")
    execute_process(COMMAND "${helper}" ${command}
      RESULT_VARIABLE rc OUTPUT_VARIABLE answer ERROR_VARIABLE error TIMEOUT 120)
  endif()
  if(NOT rc MATCHES "^[01]$")
    string(STRIP "${error}" error)
    message(FATAL_ERROR "CudaEnv: '${helper} doctor' failed (${rc}): ${error}")
  endif()
  cmake_language(EVAL CODE "${answer}")
  set(severity WARNING)
  if(CUDAENV_STRICT)
    set(severity SEND_ERROR)
  endif()
  foreach(problem IN LISTS CUDAENV_DOCTOR_PROBLEMS)
    message(${severity} "CudaEnv: ${problem}")
  endforeach()
  foreach(limit IN LISTS CUDAENV_DOCTOR_LIMITS)
    message(STATUS "CudaEnv: note: ${limit}")
  endforeach()
  set(CUDAENV_COMPATIBLE "${CUDAENV_DOCTOR_OK}" PARENT_SCOPE)
endfunction()

cmake_policy(POP)
