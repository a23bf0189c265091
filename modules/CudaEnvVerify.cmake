#[=======================================================================[.rst:
CudaEnvVerify
-------------

Makes the build check its own output: after a target is built, ``cudaenv
inspect --check`` reads the GPU code inside it and fails the build, with
the helper's explanation, when a GPU it was meant for would have no code to
run ("no kernel image is available" found at build time, not by a user).

Commands
^^^^^^^^

.. command:: cudaenv_verify_architectures

  ::

    cudaenv_verify_architectures(<target>
      [CAPABILITIES <capability>...]   # default: what the target is built for
      [DRIVER <X.Y>])                  # the oldest driver's CUDA version to allow

  ``CAPABILITIES`` defaults to every capability in the target's
  ``CUDA_ARCHITECTURES`` (``86-real`` and ``90a-real`` check 8.6 and 9.0;
  ``120`` and ``120-virtual`` check 12.0). ``DRIVER`` also requires that
  the file loads on a driver for that CUDA version: the CUDA runtime it
  links, compressed fatbins, cubin versions, and the PTX the check relies on.

  The rules are ``cudaenv inspect --strict``'s: every fatbin container that
  defines kernels must have code for each GPU (kernels live in the object
  they were compiled into), so a build that runs only partly on a GPU fails.
  Containers without kernels, such as the one nvcc's device link adds, do
  not count.

  The helper is CudaEnv's own ``cudaenv`` target when it is part of this
  build, else the one :command:`cudaenv_detect` would use.

  The target may be one of another directory: the check then runs in a
  target of its own, ``<target>_cudaenv_verify`` (part of ``all``), after
  the target's file is built or changed (CMake before 3.29 refuses a
  ``POST_BUILD`` step for another directory's target).
  ``CUDAENV_VERIFY=ON`` (cache, :module:`CudaEnvArchitectures`) does this
  for every target that compiles CUDA, against the selected capabilities.

Example:

.. code-block:: cmake

  cudaenv_select_architectures(CAPABILITIES 8.0 8.6 9.0)
  add_library(kernels SHARED kernels.cu)
  cudaenv_verify_architectures(kernels DRIVER 12.4)

Since 0.1.
#]=======================================================================]
include_guard(GLOBAL)
include("${CMAKE_CURRENT_LIST_DIR}/CudaEnvDetect.cmake")
include("${CMAKE_CURRENT_LIST_DIR}/internal/CapabilityKeys.cmake")
cmake_policy(PUSH)
cmake_policy(VERSION 3.25)

function(cudaenv_verify_architectures target)
  cmake_parse_arguments(PARSE_ARGV 1 arg "" "DRIVER" "CAPABILITIES")
  if(arg_UNPARSED_ARGUMENTS)
    message(FATAL_ERROR "cudaenv_verify_architectures: unknown arguments: ${arg_UNPARSED_ARGUMENTS}. "
      "Accepted: CAPABILITIES, DRIVER.")
  endif()
  if(NOT TARGET "${target}")
    message(FATAL_ERROR "cudaenv_verify_architectures: '${target}' is not a target; create it before this call.")
  endif()
  get_target_property(type "${target}" TYPE)
  if(NOT type MATCHES "^(EXECUTABLE|SHARED_LIBRARY|MODULE_LIBRARY|STATIC_LIBRARY)$")
    message(FATAL_ERROR "cudaenv_verify_architectures: '${target}' is a ${type}; only executables and libraries "
      "produce one file to inspect.")
  endif()
  if(DEFINED arg_DRIVER AND NOT arg_DRIVER MATCHES "^[0-9]+\\.[0-9]+$")
    message(FATAL_ERROR "cudaenv_verify_architectures: DRIVER '${arg_DRIVER}' is not a CUDA version; "
      "give the CUDA version the oldest driver supports, for example DRIVER 12.4.")
  endif()

  set(capabilities "${arg_CAPABILITIES}")
  if(NOT capabilities)
    get_target_property(archs "${target}" CUDA_ARCHITECTURES)
    foreach(arch IN LISTS archs)
      _cudaenv_parse_architecture_entry(e "${arch}")
      if(NOT e_VALID OR NOT e_FORM STREQUAL "cmake")
        message(FATAL_ERROR "cudaenv_verify_architectures: '${target}' has CUDA_ARCHITECTURES '${archs}', "
          "which does not name capabilities ('${arch}'); pass CAPABILITIES.")
      endif()
      list(APPEND capabilities "${e_CAPABILITY}")
    endforeach()
    list(REMOVE_DUPLICATES capabilities)
  endif()
  if(NOT capabilities)
    message(FATAL_ERROR "cudaenv_verify_architectures: no capabilities to check for '${target}'; pass CAPABILITIES.")
  endif()

  set(built "")
  if(TARGET CudaEnv::cudaenv AND NOT CMAKE_CROSSCOMPILING)
    get_target_property(built CudaEnv::cudaenv ALIASED_TARGET)
  endif()
  if(built)
    # Built in this project (CudaEnv's own build): run it once it is built.
    set(helper "$<TARGET_FILE:CudaEnv::cudaenv>")
    add_dependencies("${target}" "${built}")
  else()
    _cudaenv_find_helper(helper)
    if(NOT helper)
      message(FATAL_ERROR "cudaenv_verify_architectures: the cudaenv helper is not available (${_CUDAENV_HELPER_ERROR}).")
    endif()
  endif()

  set(checks "")
  foreach(capability IN LISTS capabilities)
    if(DEFINED arg_DRIVER)
      list(APPEND checks --check "${capability}@${arg_DRIVER}")
    else()
      list(APPEND checks --check "${capability}")
    endif()
  endforeach()
  list(JOIN capabilities " " listed)
  get_target_property(target_dir "${target}" SOURCE_DIR)
  if(target_dir STREQUAL CMAKE_CURRENT_SOURCE_DIR)
    add_custom_command(TARGET "${target}" POST_BUILD
      COMMAND "${helper}" inspect --strict "$<TARGET_FILE:${target}>" ${checks}
      COMMENT "CudaEnv: checking that ${target} has GPU code for ${listed}"
      VERBATIM)
  else()
    # A target of another directory: CMake before 3.29 refuses POST_BUILD
    # steps there, so a check target of this directory, part of 'all', runs
    # the same check whenever the file changes.
    set(stamp "${CMAKE_CURRENT_BINARY_DIR}/CMakeFiles/${target}_cudaenv_verify.stamp")
    add_custom_command(OUTPUT "${stamp}"
      COMMAND "${helper}" inspect --strict "$<TARGET_FILE:${target}>" ${checks}
      COMMAND "${CMAKE_COMMAND}" -E touch "${stamp}"
      DEPENDS "${target}"
      COMMENT "CudaEnv: checking that ${target} has GPU code for ${listed}"
      VERBATIM)
    add_custom_target("${target}_cudaenv_verify" ALL DEPENDS "${stamp}")
  endif()
endfunction()

cmake_policy(POP)
