# Shared body of toolchains/sbsa.cmake and toolchains/jetson.cmake: a CUDA
# cross build from x86_64 to aarch64 Linux. The including file sets
# _CUDAENV_CROSS_TARGET (the toolkit's target directory) and
# _CUDAENV_CROSS_PLATFORM (CudaEnv's PLATFORM) first.
#
# Toolchain files are read many times per configure (once per language and
# per try_compile); everything here is idempotent and nothing overwrites a
# value the user put in the cache.

# A knob: a cache variable, seeded once from the environment variable of the
# same name or a default, and passed on to try_compile projects.
macro(_cudaenv_cross_knob name default doc)
  if(NOT DEFINED CACHE{${name}})
    if(NOT "$ENV{${name}}" STREQUAL "")
      set(${name} "$ENV{${name}}" CACHE STRING "${doc}")
    else()
      set(${name} "${default}" CACHE STRING "${doc}")
    endif()
  endif()
  list(APPEND CMAKE_TRY_COMPILE_PLATFORM_VARIABLES ${name})
endmacro()

# Stops the configure with <message> as its only error. A FATAL_ERROR here,
# inside project(), also skips the generator's search for its build tool and
# the compiler detection, and CMake then adds "unable to find a build
# program" and "CMAKE_<LANG>_COMPILER not set" errors that bury the real
# one; finding the build tool first and naming the compilers keeps it alone.
macro(_cudaenv_cross_stop)
  if(CMAKE_GENERATOR MATCHES "Ninja")
    include(CMakeNinjaFindMake)
  elseif(CMAKE_GENERATOR MATCHES "Makefiles")
    include(CMakeUnixFindMake)
  endif()
  foreach(_cudaenv_language IN ITEMS C CXX CUDA ASM Fortran HIP OBJC OBJCXX ISPC Swift)
    set(CMAKE_${_cudaenv_language}_COMPILER "CMAKE_${_cudaenv_language}_COMPILER-NOTFOUND")
  endforeach()
  message(FATAL_ERROR ${ARGN})
endmacro()

if(NOT "$ENV{CUDA_PATH}" STREQUAL "")
  set(_cudaenv_default_root "$ENV{CUDA_PATH}")
else()
  set(_cudaenv_default_root /usr/local/cuda)
endif()
_cudaenv_cross_knob(CUDAENV_CUDA_ROOT "${_cudaenv_default_root}" "CUDA toolkit with the cross target tree")
_cudaenv_cross_knob(CUDAENV_CROSS_PREFIX "aarch64-linux-gnu-" "Prefix of the aarch64 GNU tools")
_cudaenv_cross_knob(CUDAENV_SYSROOT "" "Target sysroot (optional)")
_cudaenv_cross_knob(CUDAENV_EXTRA_ROOTS "" "More target roots to search for libraries and packages")
list(REMOVE_DUPLICATES CMAKE_TRY_COMPILE_PLATFORM_VARIABLES)

set(_cudaenv_target_tree "${CUDAENV_CUDA_ROOT}/targets/${_CUDAENV_CROSS_TARGET}")
set(_cudaenv_toolfile "toolchains/${_CUDAENV_CROSS_PLATFORM}.cmake")

# The target tree: NVIDIA's cross package puts it there.
if(NOT EXISTS "${_cudaenv_target_tree}/include/cuda_runtime.h")
  set(_cudaenv_release "<X>-<Y>")
  if(EXISTS "${CUDAENV_CUDA_ROOT}/bin/nvcc")
    execute_process(COMMAND "${CUDAENV_CUDA_ROOT}/bin/nvcc" --version OUTPUT_VARIABLE _cudaenv_version ERROR_QUIET)
    if(_cudaenv_version MATCHES "release ([0-9]+)\\.([0-9]+)")
      set(_cudaenv_release "${CMAKE_MATCH_1}-${CMAKE_MATCH_2}")
    endif()
  endif()
  if(_CUDAENV_CROSS_TARGET STREQUAL "sbsa-linux")
    set(_cudaenv_package "cuda-cross-sbsa-${_cudaenv_release}")
  else()
    set(_cudaenv_package "cuda-cross-aarch64-${_cudaenv_release}")
  endif()
  _cudaenv_cross_stop("CudaEnv (${_cudaenv_toolfile}): the CUDA toolkit at ${CUDAENV_CUDA_ROOT} has no "
    "${_CUDAENV_CROSS_TARGET} target tree (${_cudaenv_target_tree}/include/cuda_runtime.h is missing).\n"
    "Install NVIDIA's cross package for this toolkit (apt-get install ${_cudaenv_package}, from NVIDIA's "
    "cross-linux repository), or point CUDAENV_CUDA_ROOT at a toolkit that has it.")
endif()

# Both trees in one toolkit: nvcc is pinned below, but CMake's own search
# (FindCUDAToolkit 3.26+) prefers aarch64-linux, mixing Jetson and server
# libraries. Said once per configure.
get_property(_cudaenv_warned GLOBAL PROPERTY _CUDAENV_CROSS_BOTH_TREES_WARNED)
if(NOT _cudaenv_warned AND NOT CMAKE_IN_TRY_COMPILE
   AND EXISTS "${CUDAENV_CUDA_ROOT}/targets/aarch64-linux" AND EXISTS "${CUDAENV_CUDA_ROOT}/targets/sbsa-linux")
  set_property(GLOBAL PROPERTY _CUDAENV_CROSS_BOTH_TREES_WARNED ON)
  message(WARNING "CudaEnv (${_cudaenv_toolfile}): ${CUDAENV_CUDA_ROOT} has both targets/aarch64-linux (Jetson) "
    "and targets/sbsa-linux (servers). nvcc and find_library use ${_CUDAENV_CROSS_TARGET}, but FindCUDAToolkit "
    "on CMake 3.26+ may pick aarch64-linux for CUDA:: targets. Keep one tree per toolkit root if you link CUDA:: libraries.")
endif()

# The cross compilers, as absolute paths.
find_program(_cudaenv_cxx NAMES "${CUDAENV_CROSS_PREFIX}g++" NO_CACHE)
find_program(_cudaenv_cc NAMES "${CUDAENV_CROSS_PREFIX}gcc" NO_CACHE)
if(NOT _cudaenv_cxx OR NOT _cudaenv_cc)
  _cudaenv_cross_stop("CudaEnv (${_cudaenv_toolfile}): no aarch64 cross compiler: ${CUDAENV_CROSS_PREFIX}g++ and "
    "${CUDAENV_CROSS_PREFIX}gcc are not on PATH.\n"
    "Install them (apt-get install g++-aarch64-linux-gnu), or set CUDAENV_CROSS_PREFIX to the prefix of yours.")
endif()

set(CMAKE_SYSTEM_NAME Linux)
set(CMAKE_SYSTEM_PROCESSOR aarch64)
set(CMAKE_C_COMPILER "${_cudaenv_cc}")
set(CMAKE_CXX_COMPILER "${_cudaenv_cxx}")
set(CMAKE_CUDA_COMPILER "${CUDAENV_CUDA_ROOT}/bin/nvcc")
set(CMAKE_CUDA_HOST_COMPILER "${_cudaenv_cxx}")
set(CUDAToolkit_ROOT "${CUDAENV_CUDA_ROOT}")
# Read by FindCUDAToolkit 4.2+ in C/C++-only projects, so nvcc reports the
# target's paths there too.
set(CUDAToolkit_CUDA_HOST_COMPILER "${_cudaenv_cxx}")

# The target's root for headers, libraries and packages: the CUDA target
# tree first (CMake 3.25's FindCUDAToolkit knows no sbsa-linux and would
# fall back to the host's x86_64 libcudart), then the sysroot or Debian's
# cross libc, then extra roots.
set(_cudaenv_link_flags "")
set(_cudaenv_cuda_sysroot_flag "")
if(CUDAENV_SYSROOT)
  set(CMAKE_SYSROOT "${CUDAENV_SYSROOT}")
  set(_cudaenv_libc_root "${CUDAENV_SYSROOT}")
  # CMake passes CMAKE_SYSROOT to neither nvcc nor CUDA links.
  set(_cudaenv_cuda_sysroot_flag " -Xcompiler=--sysroot=${CUDAENV_SYSROOT}")
  set(_cudaenv_link_flags "--sysroot=${CUDAENV_SYSROOT}")
else()
  set(_cudaenv_libc_root "/usr/${CUDAENV_CROSS_PREFIX}")
  string(REGEX REPLACE "-$" "" _cudaenv_libc_root "${_cudaenv_libc_root}")
endif()
list(PREPEND CMAKE_FIND_ROOT_PATH "${_cudaenv_target_tree}" "${_cudaenv_libc_root}" ${CUDAENV_EXTRA_ROOTS})
list(REMOVE_DUPLICATES CMAKE_FIND_ROOT_PATH)
set(CMAKE_FIND_ROOT_PATH_MODE_PROGRAM NEVER)
set(CMAKE_FIND_ROOT_PATH_MODE_LIBRARY ONLY)
set(CMAKE_FIND_ROOT_PATH_MODE_INCLUDE ONLY)
set(CMAKE_FIND_ROOT_PATH_MODE_PACKAGE ONLY)

# nvcc picks its target directory from the host compiler; pin it. CMake
# reads _INIT only when it creates the CMAKE_CUDA_FLAGS cache entry, so a
# user's -DCMAKE_CUDA_FLAGS would drop the pin: then the pin is added to a
# normal variable of the same name (what CMake compiles with) and the user's
# cache value is left as it is. Typing the entry keeps CMake (policy
# CMP0126 OLD) from removing that variable when it declares the cache entry.
set(CMAKE_CUDA_FLAGS_INIT "--target-directory=${_CUDAENV_CROSS_TARGET}${_cudaenv_cuda_sysroot_flag}")
if(DEFINED CACHE{CMAKE_CUDA_FLAGS} AND NOT "$CACHE{CMAKE_CUDA_FLAGS}" MATCHES "--target-directory|-target-dir")
  get_property(_cudaenv_flags_type CACHE CMAKE_CUDA_FLAGS PROPERTY TYPE)
  if(_cudaenv_flags_type STREQUAL "UNINITIALIZED")
    set_property(CACHE CMAKE_CUDA_FLAGS PROPERTY TYPE STRING)
  endif()
  set(CMAKE_CUDA_FLAGS "$CACHE{CMAKE_CUDA_FLAGS} ${CMAKE_CUDA_FLAGS_INIT}")
endif()

# Debian-style multiarch roots keep libraries and packages under
# lib/aarch64-linux-gnu.
if(NOT DEFINED CMAKE_LIBRARY_ARCHITECTURE)
  set(CMAKE_LIBRARY_ARCHITECTURE aarch64-linux-gnu)
endif()

# The target's shared-library directories in the roots above, for programs
# run under emulation; and its pkg-config files, so pkg_check_modules never
# reads the host's (unless the user points pkg-config somewhere already).
set(_cudaenv_lib_dirs "")
set(_cudaenv_pc_dirs "")
foreach(_cudaenv_root IN ITEMS "${_cudaenv_target_tree}" ${CUDAENV_SYSROOT} ${CUDAENV_EXTRA_ROOTS})
  foreach(_cudaenv_dir IN ITEMS lib lib64 lib/aarch64-linux-gnu usr/lib usr/lib/aarch64-linux-gnu)
    if(IS_DIRECTORY "${_cudaenv_root}/${_cudaenv_dir}")
      list(APPEND _cudaenv_lib_dirs "${_cudaenv_root}/${_cudaenv_dir}")
    endif()
    if(IS_DIRECTORY "${_cudaenv_root}/${_cudaenv_dir}/pkgconfig")
      list(APPEND _cudaenv_pc_dirs "${_cudaenv_root}/${_cudaenv_dir}/pkgconfig")
    endif()
  endforeach()
  if(IS_DIRECTORY "${_cudaenv_root}/usr/share/pkgconfig")
    list(APPEND _cudaenv_pc_dirs "${_cudaenv_root}/usr/share/pkgconfig")
  endif()
endforeach()
# The linker resolves the libraries' own dependencies (libelf's libz) there too.
foreach(_cudaenv_dir IN LISTS _cudaenv_lib_dirs)
  string(APPEND _cudaenv_link_flags " -Wl,-rpath-link,${_cudaenv_dir}")
endforeach()
foreach(_cudaenv_kind IN ITEMS EXE SHARED MODULE)
  set(CMAKE_${_cudaenv_kind}_LINKER_FLAGS_INIT "${_cudaenv_link_flags}")
endforeach()
if(NOT DEFINED ENV{PKG_CONFIG_LIBDIR})
  list(JOIN _cudaenv_pc_dirs ":" _cudaenv_pc_path)
  # Empty means "no .pc files": the host's must not stand in for the target's.
  set(ENV{PKG_CONFIG_LIBDIR} "${_cudaenv_pc_path}")
  if(CUDAENV_SYSROOT)
    set(ENV{PKG_CONFIG_SYSROOT_DIR} "${CUDAENV_SYSROOT}")
  endif()
endif()

# Run target programs (ctest, try_run) under user-mode emulation when we can,
# with the target libraries found in the roots.
find_program(_cudaenv_qemu NAMES qemu-aarch64 qemu-aarch64-static NO_CACHE)
if(_cudaenv_qemu)
  set(CMAKE_CROSSCOMPILING_EMULATOR "${_cudaenv_qemu};-L;${_cudaenv_libc_root}")
  if(_cudaenv_lib_dirs)
    list(JOIN _cudaenv_lib_dirs ":" _cudaenv_lib_path)
    list(APPEND CMAKE_CROSSCOMPILING_EMULATOR -E "LD_LIBRARY_PATH=${_cudaenv_lib_path}")
  endif()
endif()

# One command to run a cross-built program, for people: <build>/run-aarch64
# ./app (the emulator line above, as a script; add_test and try_run use the
# variable itself).
if(_cudaenv_qemu AND NOT CMAKE_IN_TRY_COMPILE AND CMAKE_BINARY_DIR)
  set(_cudaenv_run_line "exec")
  foreach(_cudaenv_word IN LISTS CMAKE_CROSSCOMPILING_EMULATOR)
    string(APPEND _cudaenv_run_line " '${_cudaenv_word}'")
  endforeach()
  file(CONFIGURE OUTPUT "${CMAKE_BINARY_DIR}/run-aarch64" @ONLY CONTENT "#!/bin/sh
# Generated by CudaEnv's cross toolchain: runs an aarch64 program of this
# build under qemu, with the target's C library and CUDA libraries.
# Usage: run-aarch64 <program> [arguments...]
@_cudaenv_run_line@ \"$@\"
")
  file(CHMOD "${CMAKE_BINARY_DIR}/run-aarch64" FILE_PERMISSIONS OWNER_READ OWNER_WRITE OWNER_EXECUTE GROUP_READ
    GROUP_EXECUTE WORLD_READ WORLD_EXECUTE)
endif()

# CudaEnv's own package is a host-side build tool, but the search is
# confined to the target roots: find it where this toolchain is installed
# (<prefix>/lib/cmake/CudaEnv/toolchains) or in CMAKE_PREFIX_PATH, so that
# find_package(CudaEnv) works the normal way.
if(NOT DEFINED CudaEnv_DIR)
  set(_cudaenv_package_dirs "${CMAKE_CURRENT_LIST_DIR}/..")
  foreach(_cudaenv_prefix IN LISTS CMAKE_PREFIX_PATH)
    list(APPEND _cudaenv_package_dirs "${_cudaenv_prefix}/lib/cmake/CudaEnv" "${_cudaenv_prefix}/lib64/cmake/CudaEnv"
      "${_cudaenv_prefix}/share/cmake/CudaEnv")
  endforeach()
  foreach(_cudaenv_dir IN LISTS _cudaenv_package_dirs)
    if(EXISTS "${_cudaenv_dir}/CudaEnvConfig.cmake")
      get_filename_component(_cudaenv_dir "${_cudaenv_dir}" ABSOLUTE)
      set(CudaEnv_DIR "${_cudaenv_dir}" CACHE PATH "CudaEnv's package (a host tool; found by the cross toolchain)")
      break()
    endif()
  endforeach()
endif()

# For cudaenv_select_architectures: the platform whose default set to use;
# native is refused in a cross build.
set(CUDAENV_PLATFORM "${_CUDAENV_CROSS_PLATFORM}")
