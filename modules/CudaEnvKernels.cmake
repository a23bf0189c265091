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
      [SOURCES <host source>...]
      [FORWARD_COMPAT <ON|OFF>]                  # default ON
      [COMPILE_PER_ARCHITECTURE]                 # for every variant
      [ARCHITECTURES <CMake architecture list>]) # default: CMAKE_CUDA_ARCHITECTURES

  Creates the library ``<name>``; its variants follow with
  :command:`cudaenv_kernel_library_variant`, and it is finished by
  :command:`cudaenv_finalize_kernel_library`, or at the end of the
  directory that created it. ``ARCHITECTURES`` is read now (call
  :command:`cudaenv_select_architectures` first).

  The variants may also be given inline, as one call:
  ``VARIANT <tag> CAPABILITIES <entry>... SOURCES <.cu>...`` repeated after
  the library's own arguments; the library is then finished at once.

  With ``FORWARD_COMPAT ON`` the library holds one PTX, ``compute_XY`` at
  the highest selected capability, from the last-declared plain (not
  ``a``/``f``) variant built for it; every other image is SASS. Declare
  variants from the most general to the most specialised: at run time the
  registry prefers arch-specific code, then SASS of the later variant,
  then PTX.

.. command:: cudaenv_kernel_library_variant

  ::

    cudaenv_kernel_library_variant(<name> <tag>
      CAPABILITIES <entry>...
      SOURCES <.cu>...
      [COMPILE_PER_ARCHITECTURE])

  Adds a variant to the kernel library ``<name>``. ``CAPABILITIES``
  entries: ``8.0`` (exactly 8.0), ``8.0+`` (8.0 and every newer selected
  capability), ``9.0a`` / ``10.0f`` (arch- or family-specific code, built
  only when ``9.0`` / ``10.0`` is selected). A variant is built for the
  intersection of its entries with the selected architectures; a variant
  that intersects to nothing is left out with a STATUS line, and a library
  left with no variant is an error. ``<tag>`` is an identifier (``simt``,
  ``tensorcore``).

  A variant's device code is compiled once, for its lowest selected
  capability, and ptxas turns that PTX into the SASS of each selected
  architecture (``--generate-code=arch=compute_80,code=sm_86``); nvcc's
  front end, the larger part of a CUDA compile, runs once per variant
  instead of once per architecture. Code that branches on ``__CUDA_ARCH__``
  above its variant's minimum needs ``COMPILE_PER_ARCHITECTURE`` (or its
  own variant). ``a``/``f`` images and the PTX are always compiled for
  themselves.

  The variant's sources define its entry point: CudaEnv compiles them with
  ``CUDAENV_KERNEL_ENTRY`` defined to ``<name>_variant_<tag>_entry`` (the
  name made a C identifier), so they write
  ``extern "C" const void* CUDAENV_KERNEL_ENTRY()`` returning the
  variant's kernel table (its type is the library's own business), and
  ``CUDAENV_KERNEL_VARIANT`` defined to ``<tag>``.

.. command:: cudaenv_finalize_kernel_library

  ::

    cudaenv_finalize_kernel_library(<name>)

  Finishes the library now: intersects each variant with the selection,
  creates the variant targets, generates the registry
  (``modules/kernels/registry.cpp.in``) and prints what was built. Without
  it this happens at the end of the directory.

Targets and Compile Definitions
^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^

``<name>``
  The library: the host sources and the generated registry
  (``<build>/<name>_registry.cpp``).
``<name>_variant_<tag>``
  One OBJECT library per built variant (see
  :command:`cudaenv_kernel_library_variant` for its compile definitions).
  Each object keeps ptxas's ``--resource-usage`` report beside it as
  ``<object>.resource-usage.txt`` (registers, spills, static shared memory
  per kernel and architecture).

The library's host sources see ``CUDAENV_KERNEL_REGISTRY=<function>``,
which returns the generated ``cudaenv::kernel_registry::Registry`` (header
``cudaenv/kernel_registry.hpp``: ``include/`` of the source tree,
``<prefix>/include`` installed; on the library's include path), and
``cudaenv::kernel_registry::choose()`` picks the variant for a device.
Where each image runs comes from ``modules/data/cuda.json``.

Target Properties
^^^^^^^^^^^^^^^^^

Set by :command:`cudaenv_finalize_kernel_library`:

``CUDAENV_KERNEL_VARIANTS`` (on ``<name>``)
  The tags of the variants built, in declaration order.
``CUDAENV_KERNEL_VARIANT_<tag>`` (on ``<name>``)
  The images that variant holds (``86 90 compute_90``).
``CUDAENV_GENERATE_CODE`` (on ``<name>_variant_<tag>``)
  Its ``--generate-code`` options.

Cache Variables
^^^^^^^^^^^^^^^

``CUDAENV_FATBIN_COMPRESSION`` and ``CUDAENV_NVCC_THREADS``
  Applied to the library and its variants with
  :command:`cudaenv_set_cuda_compile_options`.

A compiler cache is yours to choose with CMake's
``CMAKE_<LANG>_COMPILER_LAUNCHER``; :command:`cudaenv_use_compiler_cache`
sets one up that also hits across CI runners.

Example:

.. code-block:: cmake

  cudaenv_select_architectures(CAPABILITIES 7.5 8.0 8.6 9.0)
  cudaenv_add_kernel_library(mykernels STATIC SOURCES dispatch.cpp)
  cudaenv_kernel_library_variant(mykernels simt CAPABILITIES 7.5+ SOURCES gemm_simt.cu)
  cudaenv_kernel_library_variant(mykernels tensorcore CAPABILITIES 8.0+ SOURCES gemm_mma.cu)
  cudaenv_kernel_library_variant(mykernels hopper CAPABILITIES 9.0a SOURCES gemm_wgmma.cu)
  cudaenv_finalize_kernel_library(mykernels)   # or let the directory's end do it

Since 0.1.
#]=======================================================================]
include_guard(GLOBAL)
include("${CMAKE_CURRENT_LIST_DIR}/CudaEnvArchitectures.cmake")
include("${CMAKE_CURRENT_LIST_DIR}/CudaEnvCompileOptions.cmake")
include("${CMAKE_CURRENT_LIST_DIR}/internal/RunRule.cmake")
cmake_policy(PUSH)
cmake_policy(VERSION 3.25)

# Parses a CMake architecture list into selected SASS numbers (90, 90a,
# 100f ...) and PTX numbers.
function(_cudaenv_kernels_parse_selection sass_out ptx_out archs)
  set(sass "")
  set(ptx "")
  foreach(arch IN LISTS archs)
    _cudaenv_parse_architecture_entry(e "${arch}")
    if(NOT e_VALID OR NOT e_FORM STREQUAL "cmake")
      message(FATAL_ERROR "cudaenv_add_kernel_library: the architecture list has '${arch}', which is not a "
        "CMake CUDA architecture (86, 86-real, 90a-real, 120-virtual). Call cudaenv_select_architectures() first, "
        "or pass ARCHITECTURES.")
    endif()
    if(e_SASS)
      list(APPEND sass "${e_NUMBER}${e_VARIANT}")
    endif()
    if(e_PTX)
      list(APPEND ptx "${e_NUMBER}${e_VARIANT}")
    endif()
  endforeach()
  set(${sass_out} "${sass}" PARENT_SCOPE)
  set(${ptx_out} "${ptx}" PARENT_SCOPE)
endfunction()

# Build-speed options for the CUDA sources of <target>; with <record_usage>
# also ptxas's --resource-usage report, kept beside each object.
function(_cudaenv_kernels_speed target record_usage)
  cudaenv_set_cuda_compile_options(${target})
  if(record_usage)
    target_compile_options(${target} PRIVATE "$<$<COMPILE_LANGUAGE:CUDA>:--resource-usage>")
  endif()
  # The user's launchers (a compiler cache), after the recorder for the
  # variants' CUDA compiles, which keeps ptxas's resource report.
  foreach(lang IN ITEMS CUDA CXX)
    set(chain "${CMAKE_${lang}_COMPILER_LAUNCHER}")
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

# Where cudaenv/kernel_registry.hpp is: include/ of an installed CudaEnv
# (CudaEnv_INCLUDE_DIR, set by CudaEnvConfig.cmake), else include/ of the
# source tree these modules are in.
function(_cudaenv_kernels_include_dir out)
  foreach(dir IN ITEMS "${CudaEnv_INCLUDE_DIR}" "${CMAKE_CURRENT_FUNCTION_LIST_DIR}/../include")
    if(dir AND EXISTS "${dir}/cudaenv/kernel_registry.hpp")
      get_filename_component(dir "${dir}" ABSOLUTE)
      set(${out} "${dir}" PARENT_SCOPE)
      return()
    endif()
  endforeach()
  message(FATAL_ERROR "cudaenv_add_kernel_library: cudaenv/kernel_registry.hpp is missing beside the modules "
    "(${CMAKE_CURRENT_FUNCTION_LIST_DIR}); take CudaEnv from find_package(CudaEnv) or its source tree.")
endfunction()

# The library named <name>, created by cudaenv_add_kernel_library and not
# finalized yet.
function(_cudaenv_kernels_require_open command name)
  if(NOT TARGET "${name}")
    message(FATAL_ERROR "${command}(${name}): there is no kernel library '${name}'; create it with "
      "cudaenv_add_kernel_library(${name} ...) first.")
  endif()
  get_target_property(library "${name}" _CUDAENV_KERNEL_LIBRARY)
  if(NOT library)
    message(FATAL_ERROR "${command}(${name}): '${name}' is not a kernel library made by cudaenv_add_kernel_library.")
  endif()
  get_target_property(finalized "${name}" _CUDAENV_KERNEL_FINALIZED)
  if(finalized)
    message(FATAL_ERROR "${command}(${name}): the library is already finalized; add its variants before "
      "cudaenv_finalize_kernel_library(${name}).")
  endif()
endfunction()

function(cudaenv_add_kernel_library name)
  # The inline form repeats VARIANT <tag> CAPABILITIES ... SOURCES ...
  # groups: each group goes to cudaenv_kernel_library_variant, the rest to
  # this call's own arguments.
  set(library_args "")
  set(groups 0)
  set(current library_args)
  foreach(arg IN LISTS ARGN)
    if(arg STREQUAL "VARIANT")
      math(EXPR groups "${groups} + 1")
      set(current group_${groups})
      set(group_${groups} "")
    elseif(arg MATCHES "^(STATIC|SHARED|OBJECT|FORWARD_COMPAT|COMPILE_PER_ARCHITECTURE|ARCHITECTURES)$")
      set(current library_args)
      list(APPEND library_args "${arg}")
    else()
      list(APPEND ${current} "${arg}")
    endif()
  endforeach()
  cmake_parse_arguments(arg "STATIC;SHARED;OBJECT;COMPILE_PER_ARCHITECTURE" "FORWARD_COMPAT"
    "SOURCES;ARCHITECTURES" ${library_args})
  if(arg_UNPARSED_ARGUMENTS)
    list(GET arg_UNPARSED_ARGUMENTS 0 unexpected)
    message(FATAL_ERROR "cudaenv_add_kernel_library(${name}): unexpected argument '${unexpected}'. Accepted: "
      "STATIC|SHARED|OBJECT, SOURCES, VARIANT <tag> CAPABILITIES <entry>... SOURCES <file>..., "
      "FORWARD_COMPAT, COMPILE_PER_ARCHITECTURE, ARCHITECTURES.")
  endif()
  set(type STATIC)
  foreach(kind IN ITEMS SHARED OBJECT)
    if(arg_${kind})
      set(type ${kind})
    endif()
  endforeach()
  set(forward_compat ON)
  if(DEFINED arg_FORWARD_COMPAT)
    set(forward_compat "${arg_FORWARD_COMPAT}")
  endif()
  set(archs "${CMAKE_CUDA_ARCHITECTURES}")
  if("ARCHITECTURES" IN_LIST library_args)
    set(archs "${arg_ARCHITECTURES}")
  endif()

  _cudaenv_kernels_include_dir(include_dir)
  string(MAKE_C_IDENTIFIER "${name}" c_name)
  add_library(${name} ${type} ${arg_SOURCES} "${CMAKE_CURRENT_BINARY_DIR}/${name}_registry.cpp")
  target_include_directories(${name} PUBLIC "$<BUILD_INTERFACE:${include_dir}>")
  target_compile_definitions(${name} PRIVATE "CUDAENV_KERNEL_REGISTRY=${c_name}_registry")
  set_target_properties(${name} PROPERTIES
    _CUDAENV_KERNEL_LIBRARY ON
    _CUDAENV_KERNEL_FORWARD_COMPAT "${forward_compat}"
    _CUDAENV_KERNEL_PER_ARCHITECTURE "${arg_COMPILE_PER_ARCHITECTURE}"
    _CUDAENV_KERNEL_ARCHITECTURES "${archs}"
    _CUDAENV_KERNEL_TAGS "")

  if(groups EQUAL 0)
    # Variants follow in their own calls; the library is finished at the end
    # of this directory unless cudaenv_finalize_kernel_library comes first.
    # (A deferred call's arguments are evaluated when it runs: pass the name as text.)
    cmake_language(EVAL CODE "cmake_language(DEFER CALL _cudaenv_finalize_kernel_library_deferred [==[${name}]==])")
    return()
  endif()
  foreach(i RANGE 1 ${groups})
    set(group "${group_${i}}")
    if(NOT group)
      message(FATAL_ERROR "cudaenv_add_kernel_library(${name}): VARIANT without a tag; write VARIANT <tag> "
        "CAPABILITIES <entry>... SOURCES <file.cu>...")
    endif()
    list(POP_FRONT group tag)
    _cudaenv_kernel_library_variant("cudaenv_add_kernel_library" "${name}" "${tag}" ${group})
  endforeach()
  cudaenv_finalize_kernel_library("${name}")
endfunction()

function(cudaenv_kernel_library_variant name tag)
  _cudaenv_kernel_library_variant("cudaenv_kernel_library_variant" "${name}" "${tag}" ${ARGN})
endfunction()

function(_cudaenv_kernel_library_variant command name tag)
  _cudaenv_kernels_require_open("${command}" "${name}")
  cmake_parse_arguments(PARSE_ARGV 3 arg "COMPILE_PER_ARCHITECTURE" "" "CAPABILITIES;SOURCES")
  get_target_property(tags "${name}" _CUDAENV_KERNEL_TAGS)
  if(NOT tag MATCHES "^[A-Za-z][A-Za-z0-9_]*$" OR tag IN_LIST tags)
    message(FATAL_ERROR "${command}(${name}): VARIANT '${tag}': a tag must be a unique "
      "identifier (letters, digits, _), for example simt or tensorcore.")
  endif()
  if(arg_UNPARSED_ARGUMENTS)
    list(GET arg_UNPARSED_ARGUMENTS 0 unexpected)
    message(FATAL_ERROR "${command}(${name}): VARIANT ${tag}: unexpected argument '${unexpected}'; give "
      "CAPABILITIES <entry>... SOURCES <file.cu>... [COMPILE_PER_ARCHITECTURE].")
  endif()
  if(NOT arg_CAPABILITIES OR NOT arg_SOURCES)
    message(FATAL_ERROR "${command}(${name}): VARIANT ${tag} needs CAPABILITIES and SOURCES.")
  endif()
  # Sources as absolute paths: the library may be finished in another call.
  set(sources "")
  foreach(source IN LISTS arg_SOURCES)
    get_filename_component(source "${source}" ABSOLUTE BASE_DIR "${CMAKE_CURRENT_SOURCE_DIR}")
    list(APPEND sources "${source}")
  endforeach()
  set_property(TARGET "${name}" APPEND PROPERTY _CUDAENV_KERNEL_TAGS "${tag}")
  set_target_properties("${name}" PROPERTIES
    _CUDAENV_KERNEL_CAPABILITIES_${tag} "${arg_CAPABILITIES}"
    _CUDAENV_KERNEL_SOURCES_${tag} "${sources}"
    _CUDAENV_KERNEL_PER_ARCHITECTURE_${tag} "${arg_COMPILE_PER_ARCHITECTURE}")
endfunction()

function(_cudaenv_finalize_kernel_library_deferred name)
  get_target_property(finalized "${name}" _CUDAENV_KERNEL_FINALIZED)
  if(NOT finalized)
    cudaenv_finalize_kernel_library("${name}")
  endif()
endfunction()

function(cudaenv_finalize_kernel_library name)
  _cudaenv_kernels_require_open("cudaenv_finalize_kernel_library" "${name}")
  set_target_properties("${name}" PROPERTIES _CUDAENV_KERNEL_FINALIZED ON)
  get_target_property(tags "${name}" _CUDAENV_KERNEL_TAGS)
  get_target_property(forward_compat "${name}" _CUDAENV_KERNEL_FORWARD_COMPAT)
  get_target_property(library_per_architecture "${name}" _CUDAENV_KERNEL_PER_ARCHITECTURE)
  get_target_property(archs "${name}" _CUDAENV_KERNEL_ARCHITECTURES)
  get_target_property(type "${name}" TYPE)
  if(NOT tags)
    message(FATAL_ERROR "cudaenv_add_kernel_library(${name}): no VARIANT given; add at least one "
      "VARIANT <tag> CAPABILITIES <entry>... SOURCES <file.cu>...")
  endif()
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
    get_target_property(caps "${name}" _CUDAENV_KERNEL_CAPABILITIES_${tag})
    _cudaenv_intersect_capabilities(images_${tag} "${caps}" "${selected}" bad)
    if(bad)
      message(FATAL_ERROR "cudaenv_add_kernel_library: variant '${tag}' has CAPABILITIES entry '${bad}'. "
        "Accepted: X.Y (exactly that capability), X.Y+ (X.Y and newer), X.Ya or X.Yf (arch- or family-specific, "
        "built when X.Y is selected); for example 8.0+ or 9.0a.")
    endif()
    if(NOT images_${tag})
      list(JOIN caps " " wanted)
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
  string(MAKE_C_IDENTIFIER "${name}" c_name)
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
    get_target_property(sources "${name}" _CUDAENV_KERNEL_SOURCES_${tag})
    get_target_property(per_architecture "${name}" _CUDAENV_KERNEL_PER_ARCHITECTURE_${tag})
    if(library_per_architecture)
      set(per_architecture ON)
    endif()
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
    add_library(${variant} OBJECT ${sources})
    # The architectures are in the flags; CMake adds none of its own.
    set_target_properties(${variant} PROPERTIES CUDA_ARCHITECTURES OFF CUDAENV_GENERATE_CODE "${generate}")
    target_compile_options(${variant} PRIVATE "$<$<COMPILE_LANGUAGE:CUDA>:${generate}>")
    if(type STREQUAL "SHARED_LIBRARY")
      set_target_properties(${variant} PROPERTIES POSITION_INDEPENDENT_CODE ON)
    endif()
    target_compile_definitions(${variant} PRIVATE "CUDAENV_KERNEL_VARIANT=${tag}" "CUDAENV_KERNEL_ENTRY=${entry}")
    # The library's include path, which has the registry header's folder.
    target_include_directories(${variant} PRIVATE $<TARGET_PROPERTY:${name},INCLUDE_DIRECTORIES>)
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

  get_target_property(binary_dir "${name}" BINARY_DIR)
  configure_file("${CMAKE_CURRENT_FUNCTION_LIST_DIR}/kernels/registry.cpp.in" "${binary_dir}/${name}_registry.cpp"
    @ONLY)
endfunction()

cmake_policy(POP)
