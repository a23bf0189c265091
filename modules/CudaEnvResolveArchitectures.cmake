#[=======================================================================[.rst:
CudaEnvResolveArchitectures
---------------------------

Turns CUDA capability entries into a ``CUDA_ARCHITECTURES`` list, checked
against a CUDA toolkit's facts, with exactly one forward-compatible PTX
image. Pure: no cache, no targets, no machine access (projects call
:command:`cudaenv_select_architectures`, module :module:`CudaEnvArchitectures`,
which reads the cache, the compiler and, for ``native``, the machine).

Works in project mode and in ``cmake -P`` script mode; it reads its facts
from ``data/cuda.json`` beside this file (see :module:`CudaEnvFacts`).

Entries
^^^^^^^

An entry list may mix every form below; ``;``, ``,`` and spaces separate
entries. Case does not matter.

==============================  ===================================================
``8.6`` ``86`` ``sm_86``        SASS for compute capability 8.6
``9.0a`` ``90a`` ``sm_90a``     arch-specific SASS (runs on 9.0 only)
``10.0f`` ``100f``              family-specific SASS (runs on the 10.x family)
``8.6+PTX``                     SASS and PTX for 8.6 (PyTorch form); PyTorch's
                                ``9.0a+PTX`` is taken as ``9.0a``, with a warning
``Ampere+PTX``                  a generation, and PTX of its newest member
``80-real`` ``90-virtual``      SASS only / PTX only (CMake form); ``compute_90``
                                is the same as ``90-virtual``
``Turing`` ... ``Blackwell``    every baseline capability of that generation the
                                toolkit supports (``Ampere+Tegra``: its Jetson
                                capabilities)
``default``                     the toolkit's default set for the platform
``all``                         every SASS target the toolkit lists
``all-major``                   the lowest capability of each major (CMake's meaning)
``native``                      the GPUs given with ``GPUS``
==============================  ===================================================

A plain entry means SASS only: PTX comes from the forward-compatibility rule
or from an explicit ``+PTX`` / ``-virtual``. ``a`` and ``f`` targets never
get PTX: their PTX would not run on any later GPU.

Commands
^^^^^^^^

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

Example:

.. code-block:: cmake

  include(CudaEnvResolveArchitectures)
  cudaenv_resolve_architectures(archs SPEC 8.6 9.0a TOOLKIT_VERSION 13.0)
  # archs = 86-real;90-virtual;90a-real

Since 0.1.
#]=======================================================================]
include_guard(GLOBAL)
include("${CMAKE_CURRENT_LIST_DIR}/CudaEnvFacts.cmake")
include("${CMAKE_CURRENT_LIST_DIR}/internal/CapabilityKeys.cmake")
# Functions keep the policies in force where they are defined: make them ours,
# also in `cmake -P` scripts and in projects with older minimums.
cmake_policy(PUSH)
cmake_policy(VERSION 3.25)

# The accepted forms, for error messages. A global property, not a variable:
# the module may be included from a subdirectory and called from its parent.
set_property(GLOBAL PROPERTY _CUDAENV_ACCEPTED_FORMS
  "Accepted forms: 8.6, 86, sm_86 (SASS); 9.0a, 90a, sm_90a (arch-specific); 10.0f, 100f (family); 8.6+PTX; 80-real, 90-virtual, compute_90; a generation name (Turing, Ampere, Ada, Hopper, Blackwell, ...); default, all, all-major, native.")

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

# Adds one requested code object to the resolver's request set <set>: the
# list <set>_keys and, per key, <set>_sass_<key> and <set>_ptx_<key> (ON or
# OFF) and <set>_asked_ptx_<key> (who asked for its PTX explicitly), all
# set in the caller.
function(_cudaenv_request set key sass ptx origin explicit)
  set(keys "${${set}_keys}")
  set(has_sass "${${set}_sass_${key}}")
  set(has_ptx "${${set}_ptx_${key}}")
  set(asked "${${set}_asked_ptx_${key}}")
  if(NOT key IN_LIST keys)
    list(APPEND keys "${key}")
    set(has_sass OFF)
    set(has_ptx OFF)
    set(asked "")
  endif()
  if(sass)
    set(has_sass ON)
  endif()
  if(ptx)
    set(has_ptx ON)
    if(explicit)
      list(APPEND asked "${origin}")
    endif()
  endif()
  set(${set}_keys "${keys}" PARENT_SCOPE)
  set(${set}_sass_${key} ${has_sass} PARENT_SCOPE)
  set(${set}_ptx_${key} ${has_ptx} PARENT_SCOPE)
  set(${set}_asked_ptx_${key} "${asked}" PARENT_SCOPE)
endfunction()

# An entry the toolkit cannot build: a warning when <mode> is drop (the
# caller skips it), else the configure stops.
function(_cudaenv_reject origin reason mode toolkit)
  if(mode STREQUAL "drop")
    message(WARNING "CudaEnv: dropped architecture entry '${origin}': not supported by CUDA ${toolkit}: ${reason}")
  else()
    message(FATAL_ERROR "CudaEnv: architecture entry '${origin}' is not supported by CUDA ${toolkit}: ${reason}\n"
      "Remove or replace it, or pass ON_UNSUPPORTED drop (CUDAENV_ON_UNSUPPORTED=drop) to drop it with a warning.")
  endif()
endfunction()

# An entry in no accepted form: the configure stops, listing the forms.
function(_cudaenv_malformed origin why)
  get_property(forms GLOBAL PROPERTY _CUDAENV_ACCEPTED_FORMS)
  message(FATAL_ERROR "CudaEnv: malformed architecture entry '${origin}'${why}.\n${forms}")
endfunction()

# The token handlers of the resolver. Each returns, in <out>, the code
# objects its token asks for: a list of "<key>|<sass>|<ptx>|<origin>|<explicit>"
# records (9.0a|ON|OFF|9.0a|ON), which the resolver adds with
# _cudaenv_request; an unsupported entry in drop mode returns none.

# SASS-only requests for <caps>, as handler records.
function(_cudaenv_sass_requests out origin caps)
  set(requests "")
  foreach(cap IN LISTS caps)
    list(APPEND requests "${cap}|ON|OFF|${origin}|OFF")
  endforeach()
  set(${out} "${requests}" PARENT_SCOPE)
endfunction()

# default, all, all-major: baseline capabilities, SASS only.
function(_cudaenv_resolve_special out token toolkit platform supported)
  string(TOLOWER "${token}" t)
  set(expanded "")
  if(t STREQUAL "default")
    _cudaenv_default_set(expanded "${toolkit}" "${platform}" "${supported}")
  elseif(t STREQUAL "all")
    set(expanded "${supported}")
  else()
    set(seen_majors "")
    foreach(cap IN LISTS supported)
      string(REGEX MATCH "^[0-9]+" major "${cap}")
      if(NOT major IN_LIST seen_majors)
        list(APPEND seen_majors "${major}")
        list(APPEND expanded "${cap}")
      endif()
    endforeach()
  endif()
  _cudaenv_sass_requests(requests "${token}" "${expanded}")
  set(${out} "${requests}" PARENT_SCOPE)
endfunction()

# native: the GPUs given; without any, the default set (or an error with
# CUDAENV_NATIVE_FALLBACK=error).
function(_cudaenv_resolve_native out gpus toolkit platform supported mode)
  set(requests "")
  if(NOT gpus)
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
    _cudaenv_default_set(expanded "${toolkit}" "${platform}" "${supported}")
    list(JOIN expanded " " list)
    message(WARNING "CudaEnv: 'native' found no GPU to build for; fell back to the default set of CUDA ${toolkit} (${platform}): ${list}. "
      "Name the capabilities to choose (for example CUDAENV_CAPABILITIES=8.6), or set CUDAENV_NATIVE_FALLBACK=error to make this an error.")
    _cudaenv_sass_requests(requests native "${expanded}")
    set(${out} "${requests}" PARENT_SCOPE)
    return()
  endif()
  list(GET supported -1 newest)
  foreach(gpu IN LISTS gpus)
    _cudaenv_normalize_gpu(cap "${gpu}")
    if(NOT cap)
      message(FATAL_ERROR "CudaEnv: GPUS entry '${gpu}' is not a compute capability (expected 8.6, 86 or sm_86).")
    endif()
    if(cap IN_LIST supported)
      list(APPEND requests "${cap}|ON|OFF|native|OFF")
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
        message(WARNING "CudaEnv: 'native': the GPU of capability ${cap} is newer than CUDA ${toolkit} supports; building ${same_major} SASS, which runs on it.")
        list(APPEND requests "${same_major}|ON|OFF|native|OFF")
      else()
        message(WARNING "CudaEnv: 'native': the GPU of capability ${cap} is newer than CUDA ${toolkit} supports; building ${newest} with PTX, which its driver JIT-compiles.")
        list(APPEND requests "${newest}|ON|ON|native GPU ${cap}|ON")
      endif()
    else()
      _cudaenv_unsupported_reason(reason "${cap}" "${toolkit}" "${supported}")
      _cudaenv_reject("native (GPU ${cap})" "${reason}" "${mode}" "${toolkit}")
    endif()
  endforeach()
  set(${out} "${requests}" PARENT_SCOPE)
endfunction()

# A generation name (Ampere, Hopper+Tegra); PyTorch's Ampere+PTX adds PTX of
# the newest member.
function(_cudaenv_resolve_generation out token toolkit platform supported mode)
  string(TOLOWER "${token}" t)
  string(REGEX MATCH "^([a-z]+(\\+tegra)?)(\\+ptx)?$" _ "${t}")
  set(name_ptx "${CMAKE_MATCH_3}")
  _cudaenv_generation_set(members "${CMAKE_MATCH_1}")
  if(NOT members)
    _cudaenv_malformed("${token}" " (not a generation name or special value)")
  endif()
  set(expanded "")
  foreach(cap IN LISTS members)
    if(cap IN_LIST supported)
      list(APPEND expanded "${cap}")
    endif()
  endforeach()
  if(NOT expanded)
    list(JOIN members " " list)
    list(JOIN supported " " supported_list)
    _cudaenv_reject("${token}" "none of its capabilities (${list}) is supported; CUDA ${toolkit} supports ${supported_list}." "${mode}" "${toolkit}")
  endif()
  _cudaenv_platform_warning("${token}" "${expanded}" "${toolkit}" "${platform}")
  set(requests "")
  if(name_ptx AND expanded)
    list(GET expanded -1 newest_member)
    list(APPEND requests "${newest_member}|OFF|ON|${token}|ON")
  endif()
  _cudaenv_sass_requests(sass "${token}" "${expanded}")
  list(APPEND requests ${sass})
  set(${out} "${requests}" PARENT_SCOPE)
endfunction()

# An explicit entry (8.6, 9.0a+PTX, sm_86, compute_90, 90a-real). A plain
# one means SASS only here: PTX comes from +PTX, -virtual, compute_ or the
# forward-compatible rule.
function(_cudaenv_resolve_entry out token toolkit platform supported mode)
  _cudaenv_parse_architecture_entry(e "${token}")
  if(NOT e_VALID)
    _cudaenv_malformed("${token}" "")
  endif()
  set(key "${e_KEY}")
  set(ptx OFF)
  if(e_FORM STREQUAL "compute" OR e_SUFFIX STREQUAL "-virtual")
    set(ptx ON)
  elseif(e_PLUS_PTX AND NOT e_VARIANT)
    set(ptx ON)
  elseif(e_PLUS_PTX)
    # PyTorch's 9.0a+PTX: built as 9.0a, without the PTX.
    message(WARNING "CudaEnv: '${token}' asks for arch-specific PTX (compute_${e_NUMBER}${e_VARIANT}), "
      "which no other GPU can run; building ${key} SASS only. For portable PTX add ${e_CAPABILITY}+PTX, "
      "or rely on the one forward-compatible PTX.")
  endif()
  if(e_SUFFIX STREQUAL "-virtual" AND e_VARIANT)
    _cudaenv_malformed("${token}" ": a/f targets never get PTX (it would run only on that one GPU or family); use ${e_NUMBER}-virtual for portable PTX")
  endif()
  set(${out} "" PARENT_SCOPE)
  _cudaenv_unsupported_reason(reason "${key}" "${toolkit}" "${supported}")
  if(reason)
    _cudaenv_reject("${token}" "${reason}" "${mode}" "${toolkit}")
    return()
  endif()
  if(e_CAPABILITY IN_LIST supported)
    _cudaenv_platform_warning("${token}" "${e_CAPABILITY}" "${toolkit}" "${platform}")
  endif()
  set(${out} "${key}|${e_SASS}|${ptx}|${token}|ON" PARENT_SCOPE)
endfunction()

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

  set(_request_keys "")
  foreach(token IN LISTS tokens)
    string(TOLOWER "${token}" t)
    if(t MATCHES "^(default|all|all-major)$")
      _cudaenv_resolve_special(requests "${token}" "${_toolkit}" "${platform}" "${supported}")
    elseif(t STREQUAL "native")
      _cudaenv_resolve_native(requests "${arg_GPUS}" "${_toolkit}" "${platform}" "${supported}" "${_mode}")
    elseif(t MATCHES "^([a-z]+(\\+tegra)?)(\\+ptx)?$")
      _cudaenv_resolve_generation(requests "${token}" "${_toolkit}" "${platform}" "${supported}" "${_mode}")
    else()
      _cudaenv_resolve_entry(requests "${token}" "${_toolkit}" "${platform}" "${supported}" "${_mode}")
    endif()
    foreach(request IN LISTS requests)
      string(REPLACE "|" ";" request "${request}")
      _cudaenv_request(_request ${request})
    endforeach()
  endforeach()

  # What the project's code supports (SUPPORTED): the selection intersected
  # with it, by the rule the kernel library's variants use.
  if(arg_SUPPORTED)
    _cudaenv_supported_entries(support_entries "${arg_SUPPORTED}")
    list(JOIN arg_SUPPORTED " " support_list)
    set(kept_keys "")
    set(dropped "")
    foreach(key IN LISTS _request_keys)
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
          set(_request_sass_${match_key} ON)
          set(_request_ptx_${match_key} OFF)
          set(_request_asked_ptx_${match_key} "")
        endif()
      endforeach()
    endforeach()
    list(REMOVE_DUPLICATES kept_keys)
    _cudaenv_sort_keys(selected_list ${_request_keys})
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
    set(_request_keys "${kept_keys}")
  endif()

  # A selection of a/f entries only gets no baseline PTX unless asked for:
  # compute_90 of code written for 9.0a (wgmma, tcgen05) does not compile.
  if(forward_compat AND NOT forward_compat_explicit AND _request_keys)
    set(all_specific ON)
    foreach(key IN LISTS _request_keys)
      _cudaenv_split_key(base variant "${key}")
      if(NOT variant)
        set(all_specific OFF)
      endif()
    endforeach()
    if(all_specific)
      set(forward_compat OFF)
      list(JOIN _request_keys " " specific_list)
      message(STATUS "CudaEnv: no forward-compatible PTX: every selected entry (${specific_list}) is arch- or "
        "family-specific, and their code (wgmma, tcgen05, ...) has no baseline PTX form. FORWARD_COMPAT ON embeds "
        "one anyway; guard such code with __CUDA_ARCH_FEAT_SM90_ALL / __CUDA_ARCH_SPECIFIC__ / __CUDA_ARCH_FAMILY_SPECIFIC__ first.")
    endif()
  endif()

  # Forward compatibility: one PTX, of the highest capability (a/f count as
  # their baseline), never of an a/f target.
  if(forward_compat AND _request_keys)
    set(highest "")
    foreach(key IN LISTS _request_keys)
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
  if(forward_compat AND _request_keys AND NOT highest)
    list(JOIN _request_keys " " specific_list)
    message(STATUS "CudaEnv: no forward-compatible PTX: the project's code supports none of ${specific_list} "
      "without arch- or family-specific features (SUPPORTED ${support_list}).")
  elseif(forward_compat AND _request_keys)
    _cudaenv_cap_number(highest_number "${highest}")
    foreach(key IN LISTS _request_keys)
      if(_request_ptx_${key} AND NOT key STREQUAL highest)
        set(_request_ptx_${key} OFF)
        _cudaenv_cap_number(number "${key}")
        foreach(origin IN LISTS _request_asked_ptx_${key})
          message(WARNING "CudaEnv: '${origin}' asks for PTX of ${key}, but FORWARD_COMPAT is ON, which embeds exactly one PTX: "
            "compute_${highest_number} (the highest selected capability). Dropped compute_${number}; set FORWARD_COMPAT OFF (CUDAENV_FORWARD_COMPAT=OFF) to embed PTX per entry.")
        endforeach()
      endif()
    endforeach()
    _cudaenv_request(_request "${highest}" OFF ON "forward compatibility" OFF)
  endif()

  _cudaenv_sort_keys(_request_keys ${_request_keys})
  set(result "")
  foreach(key IN LISTS _request_keys)
    _cudaenv_split_key(base variant "${key}")
    _cudaenv_cap_number(number "${base}")
    if(_request_sass_${key} AND _request_ptx_${key})
      list(APPEND result "${number}")
    elseif(_request_sass_${key})
      list(APPEND result "${number}${variant}-real")
    elseif(_request_ptx_${key})
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

cmake_policy(POP)
