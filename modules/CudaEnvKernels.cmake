#[=======================================================================[.rst:
CudaEnvKernels
--------------

Builds a kernel library for every GPU the project selected, in one
configure: each *variant* (a set of ``.cu`` sources written for some
capabilities, such as a tensor-core and a SIMT version of the same kernels)
is compiled for the selected capabilities it supports, the library carries
exactly one PTX for forward compatibility, and a generated registry tells
the library at run time which variants were built and where each runs.

Commands
^^^^^^^^

.. command:: cudaenv_add_kernel_library

  ::

    cudaenv_add_kernel_library(<name> [STATIC|SHARED|OBJECT]
      SOURCES <host source>...
      VARIANT <tag> CAPABILITIES <entry>... SOURCES <.cu>...    # repeatable
      [FORWARD_COMPAT <ON|OFF>]                                   # default ON
      [COMPILE_PER_ARCHITECTURE]
      [ARCHITECTURES <CMake architecture list>])  # default: CMAKE_CUDA_ARCHITECTURES

  ``CAPABILITIES`` entries: ``8.0`` (exactly 8.0), ``8.0+`` (8.0 and every
  newer selected capability), ``9.0a`` / ``10.0f`` (arch- or family-specific
  code, built only when ``9.0`` / ``10.0`` is selected). A variant is built
  for the intersection of its entries with the selected architectures (from
  :command:`cudaenv_select_architectures`); a variant that intersects to
  nothing is left out with a STATUS line, and a library left with no
  variant is an error.

  With ``FORWARD_COMPAT ON`` the library holds one PTX, ``compute_XY`` at
  the highest selected capability, from the last-declared plain (not
  ``a``/``f``) variant built for it; every other image is SASS. Declare
  variants from the most general to the most specialised: at run time the
  registry prefers arch-specific code, then SASS of the later variant,
  then PTX.

  A variant's device code is compiled once, for its lowest selected
  capability, and ptxas turns that PTX into the SASS of each selected
  architecture (``--generate-code=arch=compute_80,code=sm_86``); nvcc's front
  end, the larger part of a CUDA compile, runs once per variant instead of
  once per architecture. Code that branches on ``__CUDA_ARCH__`` above its
  variant's minimum needs ``COMPILE_PER_ARCHITECTURE`` (or its own variant).
  ``a``/``f`` images and the PTX are always compiled for themselves.

Targets and Compile Definitions
^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^

``<name>``
  The library: the host sources and the generated registry
  (``<build>/<name>_registry.cpp``).
``<name>_variant_<tag>``
  One OBJECT library per built variant, compiled with
  ``CUDAENV_KERNEL_VARIANT=<tag>`` and ``CUDAENV_KERNEL_ENTRY=<symbol>``: its
  sources define ``extern "C" const void* CUDAENV_KERNEL_ENTRY()``, which
  returns the variant's kernel table (its type is the library's own
  business). Each object keeps ptxas's ``--resource-usage`` report beside
  it as ``<object>.resource-usage.txt`` (registers, spills, static shared
  memory per kernel and architecture).

The library's host sources see ``CUDAENV_KERNEL_REGISTRY=<function>``,
which returns the generated ``cudaenv::kernel_registry::Registry`` (header
``cudaenv/kernel_registry.hpp``, on the include path), and
``cudaenv::kernel_registry::choose()`` picks the variant for a device.
Where each image runs comes from ``modules/data/cuda.json``.

Cache Variables
^^^^^^^^^^^^^^^

``CUDAENV_NVCC_THREADS``
  nvcc ``--threads`` for the variants' compiles (default 2; 1 turns it
  off, 0 is one per CPU).
``CUDAENV_FATBIN_COMPRESSION``
  ``size`` (default: ``--compress-mode=size`` on CUDA 12.8+, whose zstd
  images need a driver for CUDA 12.4 or newer, R550), ``speed`` (LZ4,
  which older drivers read too) or ``off``; before 12.8 anything but
  ``off`` is ``-Xfatbin -compress-all``.

A compiler cache is yours to choose with CMake's
``CMAKE_<LANG>_COMPILER_LAUNCHER``; :command:`cudaenv_use_compiler_cache`
sets one up that also hits across CI runners.

Example:

.. code-block:: cmake

  cudaenv_select_architectures(CAPABILITIES 7.5 8.0 8.6 9.0)
  cudaenv_add_kernel_library(mykernels STATIC
    SOURCES dispatch.cpp
    VARIANT simt CAPABILITIES 7.5+ SOURCES gemm_simt.cu
    VARIANT tensorcore CAPABILITIES 8.0+ SOURCES gemm_mma.cu
    VARIANT hopper CAPABILITIES 9.0a SOURCES gemm_wgmma.cu)

Since 0.1.
#]=======================================================================]
include_guard(GLOBAL)
include("${CMAKE_CURRENT_LIST_DIR}/CudaEnvArchitectures.cmake")
cmake_policy(PUSH)
cmake_policy(VERSION 3.25)

set(CUDAENV_NVCC_THREADS 2 CACHE STRING "nvcc --threads for CudaEnv kernel libraries (1: off, 0: one per CPU)")
set(CUDAENV_FATBIN_COMPRESSION size CACHE STRING "Fatbin compression for CudaEnv kernel libraries: size, speed, off")
set_property(CACHE CUDAENV_FATBIN_COMPRESSION PROPERTY STRINGS size speed off)

# Parses a CMake architecture list into selected SASS numbers (90, 90a,
# 100f ...) and PTX numbers.
function(_cudaenv_kernels_parse_selection sass_out ptx_out archs)
  set(sass "")
  set(ptx "")
  foreach(arch IN LISTS archs)
    if(NOT arch MATCHES "^([0-9]+[af]?)(-real|-virtual)?$")
      message(FATAL_ERROR "cudaenv_add_kernel_library: the architecture list has '${arch}', which is not a "
        "CMake CUDA architecture (86, 86-real, 90a-real, 120-virtual). Call cudaenv_select_architectures() first, "
        "or pass ARCHITECTURES.")
    endif()
    if(NOT CMAKE_MATCH_2 STREQUAL "-virtual")
      list(APPEND sass "${CMAKE_MATCH_1}")
    endif()
    if(NOT CMAKE_MATCH_2 STREQUAL "-real")
      list(APPEND ptx "${CMAKE_MATCH_1}")
    endif()
  endforeach()
  set(${sass_out} "${sass}" PARENT_SCOPE)
  set(${ptx_out} "${ptx}" PARENT_SCOPE)
endfunction()

# Where SASS for <image> (90, 90a, 100f) runs, as capability numbers, from
# the facts, by the helper's rule (tests/run-rule checks that both agree):
# plain SASS on its own GPU and on a higher minor of the same major, but
# never to or from a Tegra GPU (no binary compatibility there); an a image
# on its own GPU; an f image on the family the facts list, or, for a family
# they do not know, on the same major at an equal or higher minor.
function(_cudaenv_kernels_runs_on out image)
  string(REGEX MATCH "^([0-9]+)([af]?)$" _ "${image}")
  set(number "${CMAKE_MATCH_1}")
  set(suffix "${CMAKE_MATCH_2}")
  _cudaenv_number_cap(cap "${number}")
  math(EXPR major "${number} / 10")
  set(runs_on "")
  if(suffix)
    cudaenv_capability_fact(runs_on "${cap}${suffix}" runs_on)
  endif()
  set(result "")
  if(suffix STREQUAL "a" OR runs_on)
    if(NOT runs_on)
      set(runs_on "${cap}")
    endif()
    foreach(target_cap IN LISTS runs_on)
      _cudaenv_cap_number(n "${target_cap}")
      list(APPEND result "${n}")
    endforeach()
  else()
    cudaenv_capability_fact(tegra "${cap}" tegra)
    cudaenv_known_capabilities(known)
    foreach(other IN LISTS known)
      if(NOT other MATCHES "^[0-9]+\\.[0-9]$")
        continue()
      endif()
      _cudaenv_cap_number(n "${other}")
      math(EXPR other_major "${n} / 10")
      if(NOT other_major EQUAL major OR n LESS number)
        continue()
      endif()
      cudaenv_capability_fact(other_tegra "${other}" tegra)
      if(n EQUAL number OR suffix STREQUAL "f" OR (NOT tegra AND NOT other_tegra))
        list(APPEND result "${n}")
      endif()
    endforeach()
  endif()
  list(JOIN result ", " joined)
  set(${out} "${joined}" PARENT_SCOPE)
endfunction()

# Build-speed options for the CUDA sources of <target>; with <record_usage>
# also ptxas's --resource-usage report, kept beside each object.
function(_cudaenv_kernels_speed target record_usage)
  set(options "")
  if(record_usage)
    list(APPEND options "--resource-usage")
  endif()
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
  target_compile_options(${target} PRIVATE "$<$<COMPILE_LANGUAGE:CUDA>:${options}>")

  foreach(lang IN ITEMS CUDA CXX)
    set(chain "${CMAKE_${lang}_COMPILER_LAUNCHER}")
    # The variants' CUDA compiles keep ptxas's resource report.
    if(lang STREQUAL "CUDA" AND record_usage)
      set(recorder "${CMAKE_CURRENT_FUNCTION_LIST_DIR}/kernels/record-resource-usage.cmake")
      list(PREPEND chain "${CMAKE_COMMAND}" -P "${recorder}" --)
    endif()
    if(chain)
      set_property(TARGET ${target} PROPERTY ${lang}_COMPILER_LAUNCHER "${chain}")
    endif()
  endforeach()
endfunction()

# ", last build 12.3 s": how long <variant>'s objects took in the build this
# tree last ran, from <log_lines> (Ninja's log, read once per library), or ""
# before the first build.
function(_cudaenv_kernels_last_build out variant log_lines)
  set(${out} "" PARENT_SCOPE)
  set(lines "${log_lines}")
  list(FILTER lines INCLUDE REGEX "/${variant}\\.dir/")
  set(objects "")
  foreach(line IN LISTS lines)
    string(REPLACE "\t" ";" fields "${line}")
    list(LENGTH fields count)
    if(count LESS 4)
      continue()
    endif()
    list(GET fields 0 start)
    list(GET fields 1 end)
    list(GET fields 3 path)
    string(MAKE_C_IDENTIFIER "${path}" key)
    math(EXPR ms_${key} "${end} - ${start}")  # later lines are later builds
    list(APPEND objects "${key}")
  endforeach()
  list(REMOVE_DUPLICATES objects)
  set(total 0)
  foreach(key IN LISTS objects)
    math(EXPR total "${total} + ${ms_${key}}")
  endforeach()
  if(objects)
    math(EXPR seconds "${total} / 1000")
    math(EXPR tenths "(${total} % 1000) / 100")
    set(${out} ", last build ${seconds}.${tenths} s" PARENT_SCOPE)
  endif()
endfunction()

function(cudaenv_add_kernel_library name)
  # VARIANT ... SOURCES ... repeats, so the arguments are walked by hand.
  set(type STATIC)
  set(host_sources "")
  set(tags "")
  set(forward_compat ON)
  set(per_architecture OFF)
  set(archs "${CMAKE_CUDA_ARCHITECTURES}")
  set(state none)
  foreach(arg IN LISTS ARGN)
    if(arg MATCHES "^(STATIC|SHARED|OBJECT)$" AND state STREQUAL "none")
      set(type "${arg}")
    elseif(arg STREQUAL "SOURCES")
      if(state MATCHES "^variant_(capabilities|name)$")
        set(state variant_sources)
      elseif(state MATCHES "^(none|host_sources)$")
        set(state host_sources)
      else()
        message(FATAL_ERROR "cudaenv_add_kernel_library(${name}): SOURCES after ${state}; give each VARIANT its "
          "CAPABILITIES, then its SOURCES.")
      endif()
    elseif(arg STREQUAL "VARIANT")
      set(state variant_name)
    elseif(arg STREQUAL "CAPABILITIES" AND state STREQUAL "variant_name")
      set(state variant_capabilities)
    elseif(arg STREQUAL "FORWARD_COMPAT")
      set(state forward_compat)
    elseif(arg STREQUAL "COMPILE_PER_ARCHITECTURE")
      set(per_architecture ON)
      set(state done)
    elseif(arg STREQUAL "ARCHITECTURES")
      set(state architectures)
      set(archs "")
    elseif(state STREQUAL "host_sources")
      list(APPEND host_sources "${arg}")
    elseif(state STREQUAL "variant_name")
      if(NOT arg MATCHES "^[A-Za-z][A-Za-z0-9_]*$" OR arg IN_LIST tags)
        message(FATAL_ERROR "cudaenv_add_kernel_library(${name}): VARIANT '${arg}': a tag must be a unique "
          "identifier (letters, digits, _), for example simt or tensorcore.")
      endif()
      set(tag "${arg}")
      list(APPEND tags "${tag}")
      set(caps_${tag} "")
      set(sources_${tag} "")
    elseif(state STREQUAL "variant_capabilities")
      list(APPEND caps_${tag} "${arg}")
    elseif(state STREQUAL "variant_sources")
      list(APPEND sources_${tag} "${arg}")
    elseif(state STREQUAL "forward_compat")
      set(forward_compat "${arg}")
      set(state done)
    elseif(state STREQUAL "architectures")
      list(APPEND archs "${arg}")
    else()
      message(FATAL_ERROR "cudaenv_add_kernel_library(${name}): unexpected argument '${arg}'. Accepted: "
        "STATIC|SHARED|OBJECT, SOURCES, VARIANT <tag> CAPABILITIES <entry>... SOURCES <file>..., "
        "FORWARD_COMPAT, COMPILE_PER_ARCHITECTURE, ARCHITECTURES.")
    endif()
  endforeach()
  if(NOT tags)
    message(FATAL_ERROR "cudaenv_add_kernel_library(${name}): no VARIANT given; add at least one "
      "VARIANT <tag> CAPABILITIES <entry>... SOURCES <file.cu>...")
  endif()
  foreach(tag IN LISTS tags)
    if(NOT caps_${tag} OR NOT sources_${tag})
      message(FATAL_ERROR "cudaenv_add_kernel_library(${name}): VARIANT ${tag} needs CAPABILITIES and SOURCES.")
    endif()
  endforeach()
  if(NOT archs OR archs MATCHES "^(native|all|all-major)$" OR archs STREQUAL "OFF")
    message(FATAL_ERROR "cudaenv_add_kernel_library(${name}): no explicit architecture list (have '${archs}'). "
      "Call cudaenv_select_architectures() before it, or pass ARCHITECTURES <list>.")
  endif()

  _cudaenv_kernels_parse_selection(selected selected_ptx "${archs}")
  # The one PTX: the highest selected capability.
  set(ptx_number "")
  if(forward_compat)
    foreach(arch IN LISTS selected selected_ptx)
      string(REGEX MATCH "^[0-9]+" n "${arch}")
      if(ptx_number STREQUAL "" OR n GREATER ptx_number)
        set(ptx_number "${n}")
      endif()
    endforeach()
  endif()
  # Which variant holds it: the last declared plain variant built for it.
  set(ptx_tag "")
  set(built "")
  foreach(tag IN LISTS tags)
    _cudaenv_intersect_capabilities(images_${tag} "${caps_${tag}}" "${selected}" bad)
    if(bad)
      message(FATAL_ERROR "cudaenv_add_kernel_library: variant '${tag}' has CAPABILITIES entry '${bad}'. "
        "Accepted: X.Y (exactly that capability), X.Y+ (X.Y and newer), X.Ya or X.Yf (arch- or family-specific, "
        "built when X.Y is selected); for example 8.0+ or 9.0a.")
    endif()
    if(NOT images_${tag})
      list(JOIN caps_${tag} " " wanted)
      message(STATUS "CudaEnv: ${name}: variant ${tag} (${wanted}) matches no selected architecture "
        "(${archs}); left out")
      continue()
    endif()
    list(APPEND built "${tag}")
    if(ptx_number AND "${ptx_number}" IN_LIST images_${tag})
      set(ptx_tag "${tag}")
    endif()
  endforeach()
  if(NOT built)
    message(FATAL_ERROR "cudaenv_add_kernel_library(${name}): none of its variants matches the selected "
      "architectures (${archs}); widen the selection or a variant's CAPABILITIES.")
  endif()
  if(ptx_number AND NOT ptx_tag)
    message(WARNING "cudaenv_add_kernel_library(${name}): no plain variant is built for the highest selected "
      "capability (${ptx_number}), so the library has no PTX for newer GPUs.")
  endif()

  # The library and its variants.
  set(include_dir "${CMAKE_CURRENT_FUNCTION_LIST_DIR}/kernels/include")
  string(MAKE_C_IDENTIFIER "${name}" c_name)
  set(registry_file "${CMAKE_CURRENT_BINARY_DIR}/${name}_registry.cpp")
  add_library(${name} ${type} ${host_sources} "${registry_file}")
  target_include_directories(${name} PUBLIC "$<BUILD_INTERFACE:${include_dir}>")
  target_compile_definitions(${name} PRIVATE "CUDAENV_KERNEL_REGISTRY=${c_name}_registry")
  _cudaenv_kernels_speed(${name} OFF)

  set(declarations "")
  set(tables "")
  set(entries "")
  set(summary "")
  set(total_images 0)
  set(log_lines "")
  if(EXISTS "${CMAKE_BINARY_DIR}/.ninja_log")
    file(STRINGS "${CMAKE_BINARY_DIR}/.ninja_log" log_lines REGEX "/${name}_variant_[^/]*\\.dir/")
  endif()
  foreach(tag IN LISTS built)
    set(variant ${name}_variant_${tag})
    set(entry "${c_name}_variant_${tag}_entry")
    # Plain images compile from one PTX at the variant's lowest selected
    # capability (nvcc runs the front end once per distinct compute_XY);
    # a and f images, and COMPILE_PER_ARCHITECTURE, from their own.
    set(generate "")
    set(images "")
    set(base "")
    foreach(image IN LISTS images_${tag})
      if(NOT image MATCHES "[af]$" AND base STREQUAL "")
        set(base "${image}")
      endif()
    endforeach()
    foreach(image IN LISTS images_${tag})
      set(virtual "${base}")
      if(image MATCHES "[af]$" OR per_architecture)
        set(virtual "${image}")
      endif()
      list(APPEND generate "--generate-code=arch=compute_${virtual},code=sm_${image}")
      _cudaenv_kernels_runs_on(runs_on "${image}")
      string(REGEX MATCH "^[0-9]+" number "${image}")
      if(image MATCHES "[af]$")
        set(kind ArchSpecific)
      else()
        set(kind Sass)
      endif()
      string(APPEND tables "const int ${entry}_runs_${image}[] = {${runs_on}};\n")
      string(APPEND images "    {CodeKind::${kind}, \"${image}\", ${number}, ${entry}_runs_${image}, "
        "std::size(${entry}_runs_${image})},\n")
    endforeach()
    set(code "${images_${tag}}")
    if(tag STREQUAL ptx_tag)
      list(APPEND generate "--generate-code=arch=compute_${ptx_number},code=compute_${ptx_number}")
      string(APPEND images "    {CodeKind::Ptx, \"compute_${ptx_number}\", ${ptx_number}, nullptr, 0},\n")
      list(APPEND code "compute_${ptx_number}")
    endif()
    string(APPEND tables "const Image ${entry}_images[] = {\n${images}};\n")
    add_library(${variant} OBJECT ${sources_${tag}})
    # The architectures are in the flags; CMake adds none of its own.
    set_target_properties(${variant} PROPERTIES CUDA_ARCHITECTURES OFF CUDAENV_GENERATE_CODE "${generate}")
    target_compile_options(${variant} PRIVATE "$<$<COMPILE_LANGUAGE:CUDA>:${generate}>")
    if(type STREQUAL "SHARED")
      set_target_properties(${variant} PROPERTIES POSITION_INDEPENDENT_CODE ON)
    endif()
    target_compile_definitions(${variant} PRIVATE "CUDAENV_KERNEL_VARIANT=${tag}" "CUDAENV_KERNEL_ENTRY=${entry}")
    target_include_directories(${variant} PRIVATE "${include_dir}"
      $<TARGET_PROPERTY:${name},INCLUDE_DIRECTORIES>)
    _cudaenv_kernels_speed(${variant} ON)
    target_sources(${name} PRIVATE $<TARGET_OBJECTS:${variant}>)
    string(APPEND declarations "extern \"C\" const void* ${entry}();\n")
    string(APPEND entries "    {\"${tag}\", ${entry}_images, std::size(${entry}_images), &${entry}},\n")
    list(JOIN code " " code_text)
    list(LENGTH code image_count)
    math(EXPR total_images "${total_images} + ${image_count}")
    _cudaenv_kernels_last_build(took "${variant}" "${log_lines}")
    string(APPEND summary "  ${tag}: ${code_text} (${image_count} images${took})\n")
    set_property(TARGET ${name} APPEND PROPERTY CUDAENV_KERNEL_VARIANTS "${tag}")
    set_property(TARGET ${name} PROPERTY CUDAENV_KERNEL_VARIANT_${tag} "${code}")
  endforeach()
  list(LENGTH built variant_count)
  message(STATUS "CudaEnv: ${name}: variants built (${total_images} device images from ${variant_count} "
    "variant compiles per source; scripts/build-times.sh <build dir> lists each compile's time)\n${summary}")

  file(CONFIGURE OUTPUT "${registry_file}" @ONLY CONTENT [=[
// Generated by CudaEnvKernels.cmake for @name@: the variants this build
// compiled, their images and where each runs (from modules/data/cuda.json).
#include <cudaenv/kernel_registry.hpp>

#include <iterator>

@declarations@
namespace {
using cudaenv::kernel_registry::CodeKind;
using cudaenv::kernel_registry::Image;
using cudaenv::kernel_registry::Variant;
@tables@
const Variant variants[] = {
@entries@};
}  // namespace

const cudaenv::kernel_registry::Registry& @c_name@_registry() {
  static const cudaenv::kernel_registry::Registry registry{"@name@", variants, std::size(variants)};
  return registry;
}
]=])
endfunction()

cmake_policy(POP)
