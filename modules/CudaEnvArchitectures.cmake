#[=======================================================================[.rst:
CudaEnvArchitectures
--------------------

Chooses ``CMAKE_CUDA_ARCHITECTURES`` from the compute capabilities a project
declares, checked against the installed CUDA toolkit, with exactly one
forward-compatible PTX image.

Works in project mode and in ``cmake -P`` script mode; it reads its facts
from ``data/cuda.json`` beside this file (see :module:`CudaEnvFacts`).

Entries
^^^^^^^

An entry list may mix every form below; ``;``, ``,`` and spaces separate
entries. Case does not matter.

===========================  ===================================================
``8.6`` ``86`` ``sm_86``     SASS for compute capability 8.6
``9.0a`` ``90a`` ``sm_90a``  arch-specific SASS (runs on 9.0 only)
``10.0f`` ``100f``           family-specific SASS (runs on the 10.x family)
``8.6+PTX``                  SASS and PTX for 8.6 (PyTorch form); PyTorch's
                             ``9.0a+PTX`` is taken as ``9.0a``, with a warning
``Ampere+PTX``               a generation, and PTX of its newest member
``80-real`` ``90-virtual``   SASS only / PTX only (CMake form); ``compute_90``
                             is the same as ``90-virtual``
``Turing`` ... ``Blackwell`` every baseline capability of that generation the
                             toolkit supports (``Ampere+Tegra``: its Jetson
                             capabilities)
``default``                  the toolkit's default set for the platform
``all``                      every SASS target the toolkit lists
``all-major``                the lowest capability of each major (CMake's meaning)
``native``                   the GPUs given with ``GPUS``
===========================  ===================================================

A plain entry means SASS only: PTX comes from the forward-compatibility rule
or from an explicit ``+PTX`` / ``-virtual``. ``a`` and ``f`` targets never
get PTX: their PTX would not run on any later GPU.

.. command:: cudaenv_resolve_architectures

  Pure resolver: no cache, no targets, no machine access. ::

    cudaenv_resolve_architectures(<out-var>
      SPEC <entry>...
      TOOLKIT_VERSION <major.minor>
      [FORWARD_COMPAT <ON|OFF>]          # default ON
      [PLATFORM <x86_64|sbsa|jetson>]    # default x86_64
      [GPUS <capability>...]             # used by native
      [TOOLKIT_SUPPORTED <capability>...]  # the toolkit's own list, if known
      [SUPPORTED <entry>...]             # what the project's code builds for
      [OUTSIDE_SUPPORTED <drop|error>]   # default drop (with a warning)
      [ON_UNSUPPORTED <error|drop>])     # default error

  Sets ``<out-var>`` to a ``CUDA_ARCHITECTURES`` list in ascending order:
  ``NN`` (SASS and PTX), ``NN-real`` (SASS), ``NN-virtual`` (PTX),
  ``NNa-real`` / ``NNf-real``.

  ``FORWARD_COMPAT ON`` embeds exactly one PTX image, ``compute_XY`` of the
  highest selected capability (``9.0a`` counts as 9.0). ``OFF`` embeds PTX
  only where an entry asks for it. Left unset it means ``ON``, except when
  every selected entry is ``a``/``f``: then no baseline PTX is embedded
  (code written for ``9.0a`` may use ``wgmma`` or ``tcgen05``, which
  ``compute_90`` cannot hold) and a STATUS line says so. An explicit ``ON``
  keeps the PTX; such code must then be guarded
  (``__CUDA_ARCH_FEAT_SM90_ALL``, ``__CUDA_ARCH_SPECIFIC__``,
  ``__CUDA_ARCH_FAMILY_SPECIFIC__``).

  ``SUPPORTED``: see :command:`cudaenv_select_architectures`; the resolver
  applies it the same way, and ``OUTSIDE_SUPPORTED error`` makes a drop an
  error.

  ``default`` takes the baseline capabilities the toolkit supports, leaves
  out Jetson (Tegra) capabilities unless ``PLATFORM jetson`` (which takes
  only those), and leaves out any the facts file marks as no longer default
  for that toolkit. ``native`` with no ``GPUS`` falls back to ``default``
  with a warning that says so, or fails when ``CUDAENV_NATIVE_FALLBACK`` (a
  variable or environment variable) is ``error``.

  An entry the toolkit does not support is an error naming the entry, the
  toolkits that support it and what to use instead; ``ON_UNSUPPORTED drop``
  turns it into a warning and drops the entry. Malformed entries and an
  empty result are always errors.

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
  (``cmake_language(DEFER)``) each target that compiles CUDA with another
  list than the one printed (a ``set(CMAKE_CUDA_ARCHITECTURES ...)`` after
  the call, its own ``CUDA_ARCHITECTURES``, a target created before the
  call) gets a warning naming it and its list: the users' and packagers'
  choice would not reach it. Targets with ``CUDA_ARCHITECTURES OFF`` (their
  own ``--generate-code`` flags) are left alone.

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
include("${CMAKE_CURRENT_LIST_DIR}/CudaEnvFacts.cmake")
include("${CMAKE_CURRENT_LIST_DIR}/CudaEnvDetect.cmake")
include("${CMAKE_CURRENT_LIST_DIR}/internal/CudaTargets.cmake")
# Functions keep the policies in force where they are defined: make them ours,
# also in `cmake -P` scripts and in projects with older minimums.
cmake_policy(PUSH)
cmake_policy(VERSION 3.25)

# The accepted forms, for error messages. A global property, not a variable:
# the module may be included from a subdirectory and called from its parent.
set_property(GLOBAL PROPERTY _CUDAENV_ACCEPTED_FORMS
  "Accepted forms: 8.6, 86, sm_86 (SASS); 9.0a, 90a, sm_90a (arch-specific); 10.0f, 100f (family); 8.6+PTX; 80-real, 90-virtual, compute_90; a generation name (Turing, Ampere, Ada, Hopper, Blackwell, ...); default, all, all-major, native.")

# --- small conversions -------------------------------------------------------

# "8.6" -> 86, "10.0" -> 100: CMake's architecture number.
function(_cudaenv_cap_number out cap)
  string(REGEX MATCH "^([0-9]+)\\.([0-9])" _ "${cap}")
  math(EXPR n "${CMAKE_MATCH_1} * 10 + ${CMAKE_MATCH_2}")
  set(${out} "${n}" PARENT_SCOPE)
endfunction()

# 86 -> "8.6", 100 -> "10.0".
function(_cudaenv_number_cap out number)
  math(EXPR major "${number} / 10")
  math(EXPR minor "${number} % 10")
  set(${out} "${major}.${minor}" PARENT_SCOPE)
endfunction()

# Splits "9.0a" into base "9.0" and variant "a".
function(_cudaenv_split_key base_out variant_out key)
  string(REGEX MATCH "^([0-9]+\\.[0-9])([af]?)$" _ "${key}")
  set(${base_out} "${CMAKE_MATCH_1}" PARENT_SCOPE)
  set(${variant_out} "${CMAKE_MATCH_2}" PARENT_SCOPE)
endfunction()

# Sorts capability keys ascending; a base sorts before its a and f variants.
function(_cudaenv_sort_keys out)
  set(decorated "")
  foreach(key IN LISTS ARGN)
    _cudaenv_split_key(base variant "${key}")
    _cudaenv_cap_number(number "${base}")
    string(LENGTH "${number}" length)
    string(SUBSTRING "00000${number}" ${length} 5 padded)
    # ':' sorts before letters, so "90" comes before "90a".
    list(APPEND decorated "${padded}:${variant}:${key}")
  endforeach()
  list(SORT decorated)
  list(TRANSFORM decorated REPLACE "^[^:]*:[^:]*:" "")
  set(${out} "${decorated}" PARENT_SCOPE)
endfunction()

# Normalises a GPU capability ("8.6", "86", "sm_86") to "8.6"; "" if malformed.
function(_cudaenv_normalize_gpu out gpu)
  string(TOLOWER "${gpu}" gpu)
  if(gpu MATCHES "^[0-9]+\\.[0-9]$")
    set(${out} "${gpu}" PARENT_SCOPE)
  elseif(gpu MATCHES "^(sm_)?([0-9]+[0-9])$")
    _cudaenv_number_cap(cap "${CMAKE_MATCH_2}")
    set(${out} "${cap}" PARENT_SCOPE)
  else()
    set(${out} "" PARENT_SCOPE)
  endif()
endfunction()

# --- facts about one toolkit -------------------------------------------------

# Why <key> cannot be built with CUDA <toolkit> ("" when it can). <supported>
# is the toolkit's list of baseline capabilities ("7.5;8.0;...").
function(_cudaenv_unsupported_reason out key toolkit supported)
  _cudaenv_split_key(base variant "${key}")
  cudaenv_known_capabilities(known)
  if(NOT base IN_LIST known AND NOT base IN_LIST supported)
    list(JOIN supported " " list)
    set(${out} "${base} is not a compute capability CudaEnv knows, and CUDA ${toolkit} does not list it. CUDA ${toolkit} supports: ${list}." PARENT_SCOPE)
    return()
  endif()
  if(variant)
    if(NOT key IN_LIST known)
      if(variant STREQUAL "a")
        set(kind "arch-specific (a)")
      else()
        set(kind "family-specific (f)")
      endif()
      set(other "")
      foreach(candidate IN ITEMS "${base}a" "${base}f")
        if(candidate IN_LIST known)
          set(other " (${candidate} exists)")
        endif()
      endforeach()
      list(FILTER known INCLUDE REGEX "${variant}$")
      _cudaenv_sort_keys(known ${known})
      list(JOIN known " " list)
      set(${out} "${key} does not exist: ${base} has no ${kind} target${other}. ${kind} targets exist for ${list}." PARENT_SCOPE)
      return()
    endif()
  endif()
  # The toolkit's own list decides for baseline capabilities; the facts file
  # decides for a/f variants (nvcc never lists them) and explains refusals.
  if(NOT variant AND base IN_LIST supported)
    set(${out} "" PARENT_SCOPE)
    return()
  endif()
  cudaenv_capability_fact(first "${key}" first_toolkit)
  cudaenv_capability_fact(last "${key}" last_toolkit)
  cudaenv_capability_fact(renamed "${key}" renamed_to)
  cudaenv_capability_fact(gpus "${key}" gpus)
  if(last AND toolkit VERSION_GREATER last)
    if(renamed)
      cudaenv_capability_fact(renamed_first "${renamed}" first_toolkit)
      set(${out} "${key} was renumbered ${renamed} in CUDA ${renamed_first}; use ${renamed} with CUDA ${renamed_first} and newer (${key} is CUDA ${first} to ${last} only)." PARENT_SCOPE)
    else()
      set(${out} "${key} (${gpus}) was last supported in CUDA ${last} (supported by CUDA ${first} to ${last}). Build it with CUDA ${last} or older, or remove it." PARENT_SCOPE)
    endif()
    return()
  endif()
  if(first AND toolkit VERSION_LESS first)
    if(last)
      set(range "CUDA ${first} to ${last}")
    else()
      set(range "CUDA ${first} and newer")
    endif()
    set(${out} "${key} (${gpus}) needs CUDA ${first} or newer (supported by ${range}). Upgrade the toolkit or remove it." PARENT_SCOPE)
    return()
  endif()
  if(NOT base IN_LIST supported)
    list(JOIN supported " " list)
    set(${out} "this nvcc does not list ${base} (it supports: ${list})." PARENT_SCOPE)
    return()
  endif()
  set(${out} "" PARENT_SCOPE)
endfunction()

# Baseline capabilities of the toolkit's default set for <platform>.
function(_cudaenv_default_set out toolkit platform supported)
  set(result "")
  foreach(cap IN LISTS supported)
    cudaenv_capability_fact(until "${cap}" default_until)
    cudaenv_capability_fact(never "${cap}" never_default)
    if(never)
      continue()
    endif()
    # Jetson GPUs run only Tegra code, and Tegra code runs only on them. The
    # sbsa stack also serves the Jetsons the facts give a sbsa_from for
    # (Thor from CUDA 13.0).
    _cudaenv_tegra_on_platform(wanted "${cap}" "${toolkit}" "${platform}")
    if(wanted AND (NOT until OR toolkit VERSION_LESS_EQUAL until))
      list(APPEND result "${cap}")
    endif()
  endforeach()
  set(${out} "${result}" PARENT_SCOPE)
endfunction()

# Whether code for <cap> built for <platform> with <toolkit> can run on a GPU
# of that capability: Tegra GPUs on jetson, and on sbsa from the facts'
# sbsa_from; other GPUs everywhere but jetson.
function(_cudaenv_tegra_on_platform out cap toolkit platform)
  cudaenv_capability_fact(tegra "${cap}" tegra)
  if(platform STREQUAL "jetson")
    set(result "${tegra}")
  elseif(NOT tegra)
    set(result ON)
  elseif(platform STREQUAL "sbsa")
    cudaenv_capability_fact(sbsa_from "${cap}" sbsa_from)
    set(result OFF)
    if(sbsa_from AND toolkit VERSION_GREATER_EQUAL sbsa_from)
      set(result ON)
    endif()
  else()
    set(result OFF)
  endif()
  set(${out} ${result} PARENT_SCOPE)
endfunction()

# The platform warning for <token> naming Jetson or non-Jetson capabilities
# <caps>: code built for x86_64 never runs on a Jetson, code for a Jetson
# never runs elsewhere, and on sbsa a Jetson runs it only from sbsa_from.
function(_cudaenv_platform_warning token caps toolkit platform)
  set(tegra_caps "")
  set(other_caps "")
  foreach(cap IN LISTS caps)
    cudaenv_capability_fact(tegra "${cap}" tegra)
    if(tegra)
      list(APPEND tegra_caps "${cap}")
    else()
      list(APPEND other_caps "${cap}")
    endif()
  endforeach()
  if(tegra_caps AND platform STREQUAL "x86_64")
    message(WARNING "CudaEnv: '${token}' is a Jetson (Tegra) GPU; code built for PLATFORM x86_64 never runs on it. "
      "Cross-build with toolchains/sbsa.cmake (CUDA 13) or toolchains/jetson.cmake instead.")
  elseif(tegra_caps AND platform STREQUAL "sbsa")
    foreach(cap IN LISTS tegra_caps)
      _cudaenv_tegra_on_platform(runs "${cap}" "${toolkit}" sbsa)
      if(NOT runs)
        cudaenv_capability_fact(sbsa_from "${cap}" sbsa_from)
        cudaenv_capability_fact(gpus "${cap}" gpus)
        if(sbsa_from)
          set(when "from CUDA ${sbsa_from}")
        else()
          set(when "with no CUDA release yet")
        endif()
        message(WARNING "CudaEnv: '${token}' is a Jetson GPU (${cap}: ${gpus}) that runs the arm64-sbsa CUDA stack only "
          "${when}; with CUDA ${toolkit} build for it with toolchains/jetson.cmake (L4T) instead.")
        break()
      endif()
    endforeach()
  elseif(other_caps AND platform STREQUAL "jetson")
    message(WARNING "CudaEnv: '${token}' is not a Jetson GPU; code for it never runs on a Jetson (PLATFORM jetson).")
  endif()
endfunction()

# Baseline capabilities of a generation name ("ampere", "blackwell+tegra").
function(_cudaenv_generation_set out name)
  string(TOLOWER "${name}" name)
  set(tegra_wanted OFF)
  if(name MATCHES "^(.*)\\+tegra$")
    set(name "${CMAKE_MATCH_1}")
    set(tegra_wanted ON)
  endif()
  set(result "")
  cudaenv_known_capabilities(known)
  foreach(cap IN LISTS known)
    if(NOT cap MATCHES "^[0-9]+\\.[0-9]$")
      continue()
    endif()
    cudaenv_capability_fact(generation "${cap}" generation)
    string(TOLOWER "${generation}" generation)
    cudaenv_capability_fact(tegra "${cap}" tegra)
    cudaenv_capability_fact(never "${cap}" never_default)
    if(NOT never AND generation STREQUAL name AND ((tegra AND tegra_wanted) OR (NOT tegra AND NOT tegra_wanted)))
      list(APPEND result "${cap}")
    endif()
  endforeach()
  set(${out} "${result}" PARENT_SCOPE)
endfunction()

# What a piece of code supports, intersected with a selection: one rule for
# the kernel library's variants and for a project's SUPPORTED list.
# <entries>: X.Y (exactly), X.Y+ (X.Y and newer), X.Ya / X.Yf (arch- or
# family-specific code, built when X.Y is selected). <selected>: CMake
# architecture numbers (86, 90a, 100f). A selected a/f number matches only an
# a/f entry of its capability, unless KEEP_VARIANTS, where a plain entry
# covering its capability keeps it as it is. <bad_out>: the first entry that
# is none of these forms, else "".
function(_cudaenv_intersect_capabilities out entries selected bad_out)
  cmake_parse_arguments(PARSE_ARGV 4 arg "KEEP_VARIANTS" "" "")
  set(result "")
  set(bad "")
  foreach(entry IN LISTS entries)
    if(entry MATCHES "^([0-9]+)\\.([0-9])(\\+|a|f)?$")
      math(EXPR number "${CMAKE_MATCH_1} * 10 + ${CMAKE_MATCH_2}")
      set(kind "${CMAKE_MATCH_3}")
    else()
      set(bad "${entry}")
      break()
    endif()
    foreach(selected_arch IN LISTS selected)
      string(REGEX MATCH "^[0-9]+" selected_number "${selected_arch}")
      set(selected_variant OFF)
      if(NOT selected_arch STREQUAL selected_number)
        set(selected_variant ON)
      endif()
      if(selected_variant AND NOT kind MATCHES "^[af]$" AND NOT arg_KEEP_VARIANTS)
        continue()
      endif()
      if((kind STREQUAL "+" AND selected_number GREATER_EQUAL number) OR selected_number EQUAL number)
        if(kind MATCHES "^[af]$")
          list(APPEND result "${number}${kind}")
        else()
          list(APPEND result "${selected_arch}")
        endif()
      endif()
    endforeach()
  endforeach()
  list(REMOVE_DUPLICATES result)
  list(SORT result COMPARE NATURAL)
  set(${out} "${result}" PARENT_SCOPE)
  set(${bad_out} "${bad}" PARENT_SCOPE)
endfunction()

# A project's SUPPORTED entries as the intersection rule takes them (X.Y,
# X.Y+, X.Ya, X.Yf): 8.0, 80, sm_80, 8.0+, 80+, 9.0a, 90a, and generation
# names (every baseline capability of it).
function(_cudaenv_supported_entries out entries)
  set(result "")
  string(REGEX REPLACE "[\\,; \t\r\n]+" ";" entries "${entries}")
  list(FILTER entries EXCLUDE REGEX "^$")
  foreach(entry IN LISTS entries)
    string(TOLOWER "${entry}" e)
    set(matched "")
    if(e MATCHES "^(sm_)?([0-9]+)\\.?([0-9])(\\+|a|f)?$")
      set(matched "${CMAKE_MATCH_2}.${CMAKE_MATCH_3}${CMAKE_MATCH_4}")
    elseif(e MATCHES "^[a-z]+(\\+tegra)?$")
      _cudaenv_generation_set(matched "${e}")
    endif()
    if(NOT matched)
      message(FATAL_ERROR "CudaEnv: SUPPORTED entry '${entry}' is not a capability or a generation name. "
        "Accepted: 8.0 (exactly 8.0), 8.0+ (8.0 and newer), 9.0a / 10.0f (arch- or family-specific code), "
        "a generation name (Ampere, Hopper, ...).")
    endif()
    list(APPEND result ${matched})
  endforeach()
  set(${out} "${result}" PARENT_SCOPE)
endfunction()

# --- the resolver ------------------------------------------------------------

# Records one requested code object; macros so they write the resolver's scope.
macro(_cudaenv_request key sass ptx origin explicit)
  if(NOT "${key}" IN_LIST _keys)
    list(APPEND _keys "${key}")
    set(_sass_${key} OFF)
    set(_ptx_${key} OFF)
    set(_asked_ptx_${key} "")
  endif()
  if(${sass})
    set(_sass_${key} ON)
  endif()
  if(${ptx})
    set(_ptx_${key} ON)
    if(${explicit})
      list(APPEND _asked_ptx_${key} "${origin}")
    endif()
  endif()
endmacro()

macro(_cudaenv_reject origin reason)
  if(_mode STREQUAL "drop")
    message(WARNING "CudaEnv: dropped architecture entry '${origin}': not supported by CUDA ${_toolkit}: ${reason}")
  else()
    message(FATAL_ERROR "CudaEnv: architecture entry '${origin}' is not supported by CUDA ${_toolkit}: ${reason}\n"
      "Remove or replace it, or pass ON_UNSUPPORTED drop (CUDAENV_ON_UNSUPPORTED=drop) to drop it with a warning.")
  endif()
endmacro()

macro(_cudaenv_malformed origin why)
  get_property(_CUDAENV_ACCEPTED_FORMS GLOBAL PROPERTY _CUDAENV_ACCEPTED_FORMS)
  message(FATAL_ERROR "CudaEnv: malformed architecture entry '${origin}'${why}.\n${_CUDAENV_ACCEPTED_FORMS}")
endmacro()

function(cudaenv_resolve_architectures out_var)
  cmake_parse_arguments(PARSE_ARGV 1 arg ""
    "TOOLKIT_VERSION;FORWARD_COMPAT;PLATFORM;ON_UNSUPPORTED;OUTSIDE_SUPPORTED"
    "SPEC;GPUS;TOOLKIT_SUPPORTED;SUPPORTED")
  if(arg_UNPARSED_ARGUMENTS)
    message(FATAL_ERROR "cudaenv_resolve_architectures: unknown arguments: ${arg_UNPARSED_ARGUMENTS}. "
      "Accepted: SPEC, TOOLKIT_VERSION, FORWARD_COMPAT, PLATFORM, GPUS, TOOLKIT_SUPPORTED, SUPPORTED, "
      "OUTSIDE_SUPPORTED, ON_UNSUPPORTED.")
  endif()

  # Options.
  if(NOT arg_TOOLKIT_VERSION MATCHES "^([0-9]+\\.[0-9]+)")
    message(FATAL_ERROR "cudaenv_resolve_architectures: TOOLKIT_VERSION '${arg_TOOLKIT_VERSION}' is not a CUDA version; pass major.minor, for example TOOLKIT_VERSION 13.0.")
  endif()
  set(_toolkit "${CMAKE_MATCH_1}")
  # Unset means ON, except that a selection of a/f entries only then gets no
  # PTX (see below); an explicit ON always gets it.
  set(forward_compat_explicit ON)
  if(NOT DEFINED arg_FORWARD_COMPAT)
    set(arg_FORWARD_COMPAT ON)
    set(forward_compat_explicit OFF)
  endif()
  string(TOUPPER "${arg_FORWARD_COMPAT}" fc)
  if(fc MATCHES "^(ON|YES|TRUE|Y|1)$")
    set(forward_compat ON)
  elseif(fc MATCHES "^(OFF|NO|FALSE|N|0)$")
    set(forward_compat OFF)
  else()
    message(FATAL_ERROR "CudaEnv: FORWARD_COMPAT '${arg_FORWARD_COMPAT}' is not ON or OFF.")
  endif()
  if(NOT DEFINED arg_PLATFORM)
    set(arg_PLATFORM x86_64)
  endif()
  if(NOT arg_PLATFORM MATCHES "^(x86_64|sbsa|jetson)$")
    message(FATAL_ERROR "CudaEnv: PLATFORM '${arg_PLATFORM}' is not one of x86_64, sbsa, jetson "
      "(sbsa: aarch64 servers such as GH200, GB200, DGX Spark and, from CUDA 13, Jetson Thor; jetson: L4T with CUDA 12 or older).")
  endif()
  set(platform "${arg_PLATFORM}")
  if(NOT DEFINED arg_ON_UNSUPPORTED)
    set(arg_ON_UNSUPPORTED error)
  endif()
  string(TOLOWER "${arg_ON_UNSUPPORTED}" _mode)
  if(NOT _mode MATCHES "^(error|drop)$")
    message(FATAL_ERROR "CudaEnv: ON_UNSUPPORTED '${arg_ON_UNSUPPORTED}' is not 'error' or 'drop'.")
  endif()

  if(NOT DEFINED arg_OUTSIDE_SUPPORTED)
    set(arg_OUTSIDE_SUPPORTED drop)
  endif()
  if(NOT arg_OUTSIDE_SUPPORTED MATCHES "^(drop|error)$")
    message(FATAL_ERROR "CudaEnv: OUTSIDE_SUPPORTED '${arg_OUTSIDE_SUPPORTED}' is not 'drop' or 'error'.")
  endif()

  # The toolkit's baseline capabilities: its own list if given, else the facts file's.
  set(supported "")
  foreach(entry IN LISTS arg_TOOLKIT_SUPPORTED)
    _cudaenv_normalize_gpu(cap "${entry}")
    if(NOT cap)
      message(FATAL_ERROR "CudaEnv: TOOLKIT_SUPPORTED entry '${entry}' is not a compute capability (expected 8.6, 86 or sm_86).")
    endif()
    list(APPEND supported "${cap}")
  endforeach()
  cudaenv_known_toolkits(known_toolkits)
  if(NOT supported)
    if(_toolkit IN_LIST known_toolkits)
      set(facts_toolkit "${_toolkit}")
    else()
      set(facts_toolkit "")
      foreach(candidate IN LISTS known_toolkits)
        if(candidate VERSION_LESS_EQUAL _toolkit AND (NOT facts_toolkit OR candidate VERSION_GREATER facts_toolkit))
          set(facts_toolkit "${candidate}")
        endif()
      endforeach()
      if(NOT facts_toolkit)
        list(JOIN known_toolkits " " list)
        message(FATAL_ERROR "CudaEnv: CUDA ${_toolkit} is older than every toolkit CudaEnv knows (${list}); use CUDA 11.0 or newer.")
      endif()
      message(WARNING "CudaEnv: CUDA ${_toolkit} is newer than the facts file (newest known: ${facts_toolkit}); assuming CUDA ${facts_toolkit}'s architecture list. "
        "Pass TOOLKIT_SUPPORTED from 'nvcc --list-gpu-code' to follow the installed toolkit.")
    endif()
    cudaenv_toolkit_fact(numbers "${facts_toolkit}" sass)
    foreach(number IN LISTS numbers)
      _cudaenv_number_cap(cap "${number}")
      list(APPEND supported "${cap}")
    endforeach()
  endif()
  _cudaenv_sort_keys(supported ${supported})
  list(REMOVE_DUPLICATES supported)

  # Entries: ';' ',' and whitespace all separate (PARSE_ARGV keeps a ';'
  # inside one argument as '\;').
  string(REGEX REPLACE "[\\,; \t\r\n]+" ";" tokens "${arg_SPEC}")
  list(FILTER tokens EXCLUDE REGEX "^$")
  if(NOT tokens)
    get_property(_CUDAENV_ACCEPTED_FORMS GLOBAL PROPERTY _CUDAENV_ACCEPTED_FORMS)
    message(FATAL_ERROR "CudaEnv: the architecture spec is empty; give at least one entry, for example 'default' or '8.6'.\n${_CUDAENV_ACCEPTED_FORMS}")
  endif()

  set(_keys "")
  foreach(token IN LISTS tokens)
    string(TOLOWER "${token}" t)
    set(expanded "")
    if(t STREQUAL "default")
      _cudaenv_default_set(expanded "${_toolkit}" "${platform}" "${supported}")
    elseif(t STREQUAL "all")
      set(expanded "${supported}")
    elseif(t STREQUAL "all-major")
      set(seen_majors "")
      foreach(cap IN LISTS supported)
        string(REGEX MATCH "^[0-9]+" major "${cap}")
        if(NOT major IN_LIST seen_majors)
          list(APPEND seen_majors "${major}")
          list(APPEND expanded "${cap}")
        endif()
      endforeach()
    elseif(t STREQUAL "native")
      if(NOT arg_GPUS)
        set(fallback "${CUDAENV_NATIVE_FALLBACK}")
        if(NOT fallback)
          set(fallback "$ENV{CUDAENV_NATIVE_FALLBACK}")
        endif()
        string(TOLOWER "${fallback}" fallback)
        if(fallback STREQUAL "error")
          message(FATAL_ERROR "CudaEnv: 'native' found no GPU to build for, and CUDAENV_NATIVE_FALLBACK=error forbids falling back. "
            "Name the capabilities instead (for example CUDAENV_CAPABILITIES=8.6), or unset CUDAENV_NATIVE_FALLBACK to fall back to the default set.")
        elseif(fallback AND NOT fallback STREQUAL "default")
          message(FATAL_ERROR "CudaEnv: CUDAENV_NATIVE_FALLBACK '${fallback}' is not 'default' or 'error'.")
        endif()
        _cudaenv_default_set(expanded "${_toolkit}" "${platform}" "${supported}")
        list(JOIN expanded " " list)
        message(WARNING "CudaEnv: 'native' found no GPU to build for; fell back to the default set of CUDA ${_toolkit} (${platform}): ${list}. "
          "Name the capabilities to choose (for example CUDAENV_CAPABILITIES=8.6), or set CUDAENV_NATIVE_FALLBACK=error to make this an error.")
      else()
        list(GET supported -1 newest)
        list(GET supported 0 oldest)
        foreach(gpu IN LISTS arg_GPUS)
          _cudaenv_normalize_gpu(cap "${gpu}")
          if(NOT cap)
            message(FATAL_ERROR "CudaEnv: GPUS entry '${gpu}' is not a compute capability (expected 8.6, 86 or sm_86).")
          endif()
          if(cap IN_LIST supported)
            _cudaenv_request("${cap}" ON OFF "native" OFF)
          elseif(cap VERSION_GREATER newest)
            # A GPU newer than the toolkit: SASS of the same major still runs on
            # it; otherwise the newest PTX is JIT-compiled by the driver.
            string(REGEX MATCH "^[0-9]+" gpu_major "${cap}")
            set(same_major "")
            foreach(candidate IN LISTS supported)
              if(candidate MATCHES "^${gpu_major}\\." AND candidate VERSION_LESS cap)
                set(same_major "${candidate}")
              endif()
            endforeach()
            if(same_major)
              message(WARNING "CudaEnv: 'native': the GPU of capability ${cap} is newer than CUDA ${_toolkit} supports; building ${same_major} SASS, which runs on it.")
              _cudaenv_request("${same_major}" ON OFF "native" OFF)
            else()
              message(WARNING "CudaEnv: 'native': the GPU of capability ${cap} is newer than CUDA ${_toolkit} supports; building ${newest} with PTX, which its driver JIT-compiles.")
              _cudaenv_request("${newest}" ON ON "native GPU ${cap}" ON)
            endif()
          else()
            _cudaenv_unsupported_reason(reason "${cap}" "${_toolkit}" "${supported}")
            _cudaenv_reject("native (GPU ${cap})" "${reason}")
          endif()
        endforeach()
      endif()
    elseif(t MATCHES "^([a-z]+(\\+tegra)?)(\\+ptx)?$")
      # Generation names; PyTorch's Ampere+PTX adds PTX of the newest member.
      set(name_ptx "${CMAKE_MATCH_3}")
      _cudaenv_generation_set(members "${CMAKE_MATCH_1}")
      if(NOT members)
        _cudaenv_malformed("${token}" " (not a generation name or special value)")
      endif()
      foreach(cap IN LISTS members)
        if(cap IN_LIST supported)
          list(APPEND expanded "${cap}")
        endif()
      endforeach()
      if(NOT expanded)
        list(JOIN members " " list)
        list(JOIN supported " " supported_list)
        _cudaenv_reject("${token}" "none of its capabilities (${list}) is supported; CUDA ${_toolkit} supports ${supported_list}.")
      endif()
      _cudaenv_platform_warning("${token}" "${expanded}" "${_toolkit}" "${platform}")
      if(name_ptx AND expanded)
        list(GET expanded -1 newest_member)
        _cudaenv_request("${newest_member}" OFF ON "${token}" ON)
      endif()
    else()
      # Explicit entries.
      set(sass ON)
      set(ptx OFF)
      if(t MATCHES "^([0-9]+)\\.([0-9])([af]?)(\\+ptx)?$")
        set(key "${CMAKE_MATCH_1}.${CMAKE_MATCH_2}${CMAKE_MATCH_3}")
        if(CMAKE_MATCH_4)
          if(CMAKE_MATCH_3)
            # PyTorch's 9.0a+PTX: built as 9.0a, without the PTX.
            message(WARNING "CudaEnv: '${token}' asks for arch-specific PTX (compute_${CMAKE_MATCH_1}${CMAKE_MATCH_2}${CMAKE_MATCH_3}), "
              "which no other GPU can run; building ${key} SASS only. For portable PTX add ${CMAKE_MATCH_1}.${CMAKE_MATCH_2}+PTX, "
              "or rely on the one forward-compatible PTX.")
          else()
            set(ptx ON)
          endif()
        endif()
      elseif(t MATCHES "^sm_([0-9]+)([0-9])([af]?)$")
        set(key "${CMAKE_MATCH_1}.${CMAKE_MATCH_2}${CMAKE_MATCH_3}")
      elseif(t MATCHES "^compute_([0-9]+)([0-9])$")
        set(key "${CMAKE_MATCH_1}.${CMAKE_MATCH_2}")
        set(sass OFF)
        set(ptx ON)
      elseif(t MATCHES "^([0-9]+)([0-9])([af]?)(-real|-virtual)?$")
        set(key "${CMAKE_MATCH_1}.${CMAKE_MATCH_2}${CMAKE_MATCH_3}")
        if(CMAKE_MATCH_4 STREQUAL "-virtual")
          if(CMAKE_MATCH_3)
            _cudaenv_malformed("${token}" ": a/f targets never get PTX (it would run only on that one GPU or family); use ${CMAKE_MATCH_1}${CMAKE_MATCH_2}-virtual for portable PTX")
          endif()
          set(sass OFF)
          set(ptx ON)
        endif()
      else()
        _cudaenv_malformed("${token}" "")
      endif()
      _cudaenv_unsupported_reason(reason "${key}" "${_toolkit}" "${supported}")
      if(reason)
        _cudaenv_reject("${token}" "${reason}")
        continue()
      endif()
      _cudaenv_split_key(base variant "${key}")
      if(base IN_LIST supported)
        _cudaenv_platform_warning("${token}" "${base}" "${_toolkit}" "${platform}")
      endif()
      _cudaenv_request("${key}" ${sass} ${ptx} "${token}" ON)
    endif()
    foreach(cap IN LISTS expanded)
      _cudaenv_request("${cap}" ON OFF "${token}" OFF)
    endforeach()
  endforeach()

  # What the project's code supports (SUPPORTED): the selection intersected
  # with it, by the rule the kernel library's variants use.
  if(arg_SUPPORTED)
    _cudaenv_supported_entries(support_entries "${arg_SUPPORTED}")
    list(JOIN arg_SUPPORTED " " support_list)
    set(kept_keys "")
    set(dropped "")
    foreach(key IN LISTS _keys)
      _cudaenv_split_key(base variant "${key}")
      _cudaenv_cap_number(number "${base}")
      _cudaenv_intersect_capabilities(matches "${support_entries}" "${number}${variant}" bad KEEP_VARIANTS)
      if(NOT matches)
        list(APPEND dropped "${key}")
        continue()
      endif()
      foreach(match IN LISTS matches)
        string(REGEX MATCH "^([0-9]+)([af]?)$" _ "${match}")
        _cudaenv_number_cap(match_cap "${CMAKE_MATCH_1}")
        set(match_key "${match_cap}${CMAKE_MATCH_2}")
        if(match_key STREQUAL key)
          list(APPEND kept_keys "${key}")
        else()
          # Code that needs 9.0a: a selected 9.0 becomes 9.0a SASS, no PTX.
          list(APPEND kept_keys "${match_key}")
          set(_sass_${match_key} ON)
          set(_ptx_${match_key} OFF)
          set(_asked_ptx_${match_key} "")
        endif()
      endforeach()
    endforeach()
    list(REMOVE_DUPLICATES kept_keys)
    _cudaenv_sort_keys(selected_list ${_keys})
    list(JOIN selected_list " " selected_list)
    if(NOT kept_keys)
      message(FATAL_ERROR "CudaEnv: none of the selected capabilities (${selected_list}) is one the project's code supports "
        "(SUPPORTED ${support_list}). Choose capabilities it supports, for example with -DCUDAENV_CAPABILITIES=<list> "
        "(or CUDAARCHS / -DCMAKE_CUDA_ARCHITECTURES).")
    endif()
    if(dropped)
      list(JOIN dropped " " dropped_list)
      if(arg_OUTSIDE_SUPPORTED STREQUAL "error")
        message(FATAL_ERROR "CudaEnv: the project's CAPABILITIES (${selected_list}) include ${dropped_list}, outside its own "
          "SUPPORTED (${support_list}). Remove them from CAPABILITIES, or widen SUPPORTED if the code builds for them.")
      endif()
      message(WARNING "CudaEnv: dropped ${dropped_list} from the selected capabilities (${selected_list}): the project's code "
        "supports only ${support_list} (SUPPORTED). Choose among those to silence this.")
    endif()
    set(_keys "${kept_keys}")
  endif()

  # A selection of a/f entries only gets no baseline PTX unless asked for:
  # compute_90 of code written for 9.0a (wgmma, tcgen05) does not compile.
  if(forward_compat AND NOT forward_compat_explicit AND _keys)
    set(all_specific ON)
    foreach(key IN LISTS _keys)
      _cudaenv_split_key(base variant "${key}")
      if(NOT variant)
        set(all_specific OFF)
      endif()
    endforeach()
    if(all_specific)
      set(forward_compat OFF)
      list(JOIN _keys " " specific_list)
      message(STATUS "CudaEnv: no forward-compatible PTX: every selected entry (${specific_list}) is arch- or "
        "family-specific, and their code (wgmma, tcgen05, ...) has no baseline PTX form. FORWARD_COMPAT ON embeds "
        "one anyway; guard such code with __CUDA_ARCH_FEAT_SM90_ALL / __CUDA_ARCH_SPECIFIC__ / __CUDA_ARCH_FAMILY_SPECIFIC__ first.")
    endif()
  endif()

  # Forward compatibility: one PTX, of the highest capability (a/f count as
  # their baseline), never of an a/f target.
  if(forward_compat AND _keys)
    set(highest "")
    foreach(key IN LISTS _keys)
      _cudaenv_split_key(base variant "${key}")
      # With SUPPORTED, the PTX is of a capability the code builds for plain
      # (code that needs 9.0a has no compute_90 form).
      if(arg_SUPPORTED)
        _cudaenv_cap_number(base_number "${base}")
        _cudaenv_intersect_capabilities(plain "${support_entries}" "${base_number}" bad)
        if(NOT base_number IN_LIST plain)
          continue()
        endif()
      endif()
      if(NOT highest OR base VERSION_GREATER highest)
        set(highest "${base}")
      endif()
    endforeach()
  endif()
  if(forward_compat AND _keys AND NOT highest)
    list(JOIN _keys " " specific_list)
    message(STATUS "CudaEnv: no forward-compatible PTX: the project's code supports none of ${specific_list} "
      "without arch- or family-specific features (SUPPORTED ${support_list}).")
  elseif(forward_compat AND _keys)
    _cudaenv_cap_number(highest_number "${highest}")
    foreach(key IN LISTS _keys)
      if(_ptx_${key} AND NOT key STREQUAL highest)
        set(_ptx_${key} OFF)
        _cudaenv_cap_number(number "${key}")
        foreach(origin IN LISTS _asked_ptx_${key})
          message(WARNING "CudaEnv: '${origin}' asks for PTX of ${key}, but FORWARD_COMPAT is ON, which embeds exactly one PTX: "
            "compute_${highest_number} (the highest selected capability). Dropped compute_${number}; set FORWARD_COMPAT OFF (CUDAENV_FORWARD_COMPAT=OFF) to embed PTX per entry.")
        endforeach()
      endif()
    endforeach()
    _cudaenv_request("${highest}" OFF ON "forward compatibility" OFF)
  endif()

  _cudaenv_sort_keys(_keys ${_keys})
  set(result "")
  foreach(key IN LISTS _keys)
    _cudaenv_split_key(base variant "${key}")
    _cudaenv_cap_number(number "${base}")
    if(_sass_${key} AND _ptx_${key})
      list(APPEND result "${number}")
    elseif(_sass_${key})
      list(APPEND result "${number}${variant}-real")
    elseif(_ptx_${key})
      list(APPEND result "${number}-virtual")
    endif()
  endforeach()
  if(NOT result)
    list(JOIN tokens " " list)
    message(FATAL_ERROR "CudaEnv: the architecture spec '${list}' selects nothing for CUDA ${_toolkit}; every entry was dropped. "
      "Name at least one capability the toolkit supports: ${supported}.")
  endif()
  set(${out_var} "${result}" PARENT_SCOPE)
endfunction()

# --- project wrapper ---------------------------------------------------------

# The toolkit's baseline capabilities from `nvcc --list-gpu-code`, cached per
# compiler; "" when the compiler is not nvcc or does not answer.
function(_cudaenv_nvcc_supported out)
  if(NOT CMAKE_CUDA_COMPILER_ID STREQUAL "NVIDIA")
    set(${out} "" PARENT_SCOPE)
    return()
  endif()
  set(key "${CMAKE_CUDA_COMPILER}|${CMAKE_CUDA_COMPILER_VERSION}")
  if(NOT "${_CUDAENV_NVCC_SUPPORTED_KEY}" STREQUAL "${key}")
    execute_process(COMMAND "${CMAKE_CUDA_COMPILER}" --list-gpu-code
      OUTPUT_VARIABLE listing ERROR_QUIET RESULT_VARIABLE rc TIMEOUT 60)
    set(caps "")
    if(rc EQUAL 0)
      string(REGEX MATCHALL "sm_[0-9]+" codes "${listing}")
      foreach(code IN LISTS codes)
        _cudaenv_normalize_gpu(cap "${code}")
        list(APPEND caps "${cap}")
      endforeach()
    endif()
    set(_CUDAENV_NVCC_SUPPORTED "${caps}" CACHE INTERNAL "nvcc --list-gpu-code, as capabilities")
    set(_CUDAENV_NVCC_SUPPORTED_KEY "${key}" CACHE INTERNAL "compiler that _CUDAENV_NVCC_SUPPORTED describes")
  endif()
  set(${out} "${_CUDAENV_NVCC_SUPPORTED}" PARENT_SCOPE)
endfunction()

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

# One table per configure and result: capability, generation, GPUs, code.
function(_cudaenv_print_summary archs toolkit platform source)
  string(SHA1 id "${archs}|${toolkit}|${platform}")
  get_property(done GLOBAL PROPERTY "_CUDAENV_SUMMARY_${id}")
  if(done)
    return()
  endif()
  set_property(GLOBAL PROPERTY "_CUDAENV_SUMMARY_${id}" ON)
  set(caps "")
  foreach(arch IN LISTS archs)
    string(REGEX MATCH "^([0-9]+)([af]?)(-real|-virtual)?$" _ "${arch}")
    set(number "${CMAKE_MATCH_1}")
    set(variant "${CMAKE_MATCH_2}")
    set(kind "${CMAKE_MATCH_3}")
    _cudaenv_number_cap(cap "${number}")
    if(NOT cap IN_LIST caps)
      list(APPEND caps "${cap}")
      set(sass_${cap} "")
      set(ptx_${cap} "")
    endif()
    if(NOT kind STREQUAL "-virtual")
      list(APPEND sass_${cap} "sm_${number}${variant}")
    endif()
    if(NOT kind STREQUAL "-real")
      set(ptx_${cap} "compute_${number}")
    endif()
  endforeach()
  set(lines "CudaEnv: CUDA architectures for CUDA ${toolkit} (${platform}), from ${source}:")
  string(APPEND lines "\n  capability  generation  code                        example GPUs")
  foreach(cap IN LISTS caps)
    cudaenv_capability_fact(generation "${cap}" generation)
    cudaenv_capability_fact(gpus "${cap}" gpus)
    if(NOT generation)
      set(generation "?")
    endif()
    list(JOIN sass_${cap} " " code)
    if(ptx_${cap})
      string(STRIP "${code} + PTX ${ptx_${cap}}" code)
    endif()
    set(row "${cap}            ")
    string(SUBSTRING "${row}" 0 12 row)
    set(gen "${generation}            ")
    string(SUBSTRING "${gen}" 0 12 gen)
    set(code_cell "${code}                            ")
    string(SUBSTRING "${code_cell}" 0 28 code_cell)
    string(APPEND lines "\n  ${row}${gen}${code_cell}${gpus}")
  endforeach()
  list(JOIN archs ";" joined)
  string(APPEND lines "\n  CUDA_ARCHITECTURES = ${joined}")
  message(STATUS "${lines}")
  set_property(GLOBAL APPEND_STRING PROPERTY CUDAENV_ARCHITECTURES_SUMMARY "${lines}\n")
endfunction()

# At the end of the configure: the summary printed must be what the build
# compiles. A target that compiles CUDA with a list other than every
# selection made (a set(CMAKE_CUDA_ARCHITECTURES ...) after the call, its
# own CUDA_ARCHITECTURES) gets one warning naming it and its list.
function(_cudaenv_check_target_architectures)
  get_property(selections GLOBAL PROPERTY _CUDAENV_SELECTIONS)
  _cudaenv_cuda_targets(targets)
  foreach(target IN LISTS targets)
    get_target_property(own_flags "${target}" CUDAENV_GENERATE_CODE)
    if(own_flags)
      continue()  # cudaenv_add_kernel_library's variants choose their own code
    endif()
    get_target_property(archs "${target}" CUDA_ARCHITECTURES)
    string(REPLACE ";" "," archs_key "${archs}")
    # OFF: the target passes its own --generate-code flags, on purpose.
    if(archs_key IN_LIST selections OR archs MATCHES "\\$<" OR archs STREQUAL "OFF")
      continue()
    endif()
    list(GET selections -1 selected)
    string(REPLACE "," ";" selected "${selected}")
    message(WARNING "CudaEnv: target '${target}' compiles CUDA for '${archs}', not for the architectures "
      "cudaenv_select_architectures chose and printed (${selected}): its CUDA_ARCHITECTURES was set on its own, or "
      "CMAKE_CUDA_ARCHITECTURES changed after the call, so -DCUDAENV_CAPABILITIES, CUDAARCHS and "
      "-DCMAKE_CUDA_ARCHITECTURES do not reach it. Pass it with TARGETS, or drop its own list.")
  endforeach()
endfunction()

function(cudaenv_select_architectures)
  cmake_parse_arguments(PARSE_ARGV 0 arg "" "FORWARD_COMPAT" "CAPABILITIES;SUPPORTED;TARGETS")
  if(arg_UNPARSED_ARGUMENTS)
    message(FATAL_ERROR "cudaenv_select_architectures: unknown arguments: ${arg_UNPARSED_ARGUMENTS}. "
      "Accepted: CAPABILITIES, SUPPORTED, FORWARD_COMPAT, TARGETS.")
  endif()
  if(NOT CMAKE_CUDA_COMPILER_LOADED OR NOT CMAKE_CUDA_COMPILER_VERSION)
    message(FATAL_ERROR "cudaenv_select_architectures: CUDA is not enabled in this project; "
      "call it after project(<name> LANGUAGES CUDA) or enable_language(CUDA).")
  endif()
  foreach(target IN LISTS arg_TARGETS)
    if(NOT TARGET "${target}")
      message(FATAL_ERROR "cudaenv_select_architectures: TARGETS names '${target}', which is not a target (yet); create it before this call.")
    endif()
  endforeach()

  set(CUDAENV_CAPABILITIES "" CACHE STRING
    "CUDA capabilities to build for (8.6, 9.0a, 10.0f, 8.6+PTX, native, default, ...); overrides the project's choice")
  # Who decides, highest first: CudaEnv's own knob; what the user or the
  # packager passed (a CMAKE_CUDA_ARCHITECTURES in the cache, then
  # CUDAARCHS), as in CMake and rapids-cmake; then the project (its
  # CAPABILITIES, then a CMAKE_CUDA_ARCHITECTURES it set); then the default.
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
  if(arg_CAPABILITIES)
    list(APPEND sources project)
    set(label_project "the project's CAPABILITIES")
    set(value_project "${arg_CAPABILITIES}")
  endif()
  if(project_set)
    list(APPEND sources project_variable)
    set(label_project_variable "the project's CMAKE_CUDA_ARCHITECTURES")
    set(value_project_variable "${CMAKE_CUDA_ARCHITECTURES}")
  endif()
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
  else()
    set(winner default)
    set(spec "default")
    set(source "default")
  endif()

  # Passed on only when someone chose it: unset lets the resolver leave PTX
  # out of an a/f-only selection.
  set(forward_compat_args "")
  if(DEFINED CACHE{CUDAENV_FORWARD_COMPAT})
    set(forward_compat_args FORWARD_COMPAT "${CUDAENV_FORWARD_COMPAT}")
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

  if(CUDAENV_PLATFORM)
    set(platform "${CUDAENV_PLATFORM}")
  elseif(CMAKE_SYSTEM_PROCESSOR MATCHES "^(aarch64|arm64|ARM64)$")
    set(platform sbsa)
  else()
    set(platform x86_64)
  endif()

  # native: the GPUs of this machine, detected once (CudaEnvDetect), and
  # meaningless for another machine's build.
  string(TOLOWER "${spec}" spec_lower)
  set(gpus "")
  if(spec_lower MATCHES "(^|[,; ])native($|[,; ])")
    if(CMAKE_CROSSCOMPILING)
      message(FATAL_ERROR "CudaEnv: 'native' (from ${source}) cannot be used in a cross build: the GPUs of this build machine say nothing about the target's. "
        "Name the target's capabilities instead, for example CUDAENV_CAPABILITIES=9.0 for GH200 or 12.1 for DGX Spark.")
    endif()
    cudaenv_detect(QUIET)  # cached until the driver changes
    set(gpus "${CUDAENV_GPU_CAPABILITIES}")
    if(gpus)
      list(JOIN gpus " " list)
      message(STATUS "CudaEnv: native: detected GPU capabilities ${list}")
    elseif(CUDAENV_DRIVER_ERROR)
      message(STATUS "CudaEnv: native: ${CUDAENV_DRIVER_ERROR}")
    endif()
  endif()

  if(CMAKE_CUDA_COMPILER_TOOLKIT_VERSION)
    set(toolkit "${CMAKE_CUDA_COMPILER_TOOLKIT_VERSION}")
  else()
    set(toolkit "${CMAKE_CUDA_COMPILER_VERSION}")
  endif()
  string(REGEX MATCH "^[0-9]+\\.[0-9]+" toolkit "${toolkit}")
  _cudaenv_nvcc_supported(supported)

  cudaenv_resolve_architectures(archs
    SPEC ${spec}
    TOOLKIT_VERSION ${toolkit}
    ${forward_compat_args}
    PLATFORM ${platform}
    GPUS ${gpus}
    TOOLKIT_SUPPORTED ${supported}
    SUPPORTED ${arg_SUPPORTED}
    OUTSIDE_SUPPORTED ${outside_supported}
    ON_UNSUPPORTED ${on_unsupported})

  _cudaenv_print_summary("${archs}" "${toolkit}" "${platform}" "${source}")
  string(REPLACE ";" "," selection "${archs}")
  set_property(GLOBAL APPEND PROPERTY _CUDAENV_SELECTIONS "${selection}")
  get_property(deferred GLOBAL PROPERTY _CUDAENV_CHECK_DEFERRED)
  if(NOT deferred)
    set_property(GLOBAL PROPERTY _CUDAENV_CHECK_DEFERRED ON)
    cmake_language(DEFER DIRECTORY "${CMAKE_SOURCE_DIR}" CALL _cudaenv_check_target_architectures)
  endif()
  if(arg_TARGETS)
    set_property(TARGET ${arg_TARGETS} PROPERTY CUDA_ARCHITECTURES "${archs}")
  else()
    set(CMAKE_CUDA_ARCHITECTURES "${archs}" PARENT_SCOPE)
  endif()
  set(CUDAENV_CUDA_ARCHITECTURES "${archs}" PARENT_SCOPE)
endfunction()

cmake_policy(POP)
