#[=======================================================================[.rst:
CudaEnvFacts
------------

Reads CudaEnv's one file of CUDA facts, ``data/cuda.json`` beside this
module, and answers questions about compute capabilities and toolkit
releases. The other CudaEnv modules use it; projects rarely need it directly.

The file is parsed once per CMake run (configure or ``cmake -P`` script) and
kept in global properties, so repeated questions cost nothing; a project
also keeps the parsed form under ``CMakeFiles/CudaEnv`` for its next
configure.

Commands
^^^^^^^^

.. command:: cudaenv_capability_fact

  ::

    cudaenv_capability_fact(<out-var> <capability> <field>)

  Sets ``<out-var>`` to ``<field>`` of ``<capability>`` (``8.6``, ``9.0a``,
  ``10.0f``): one of ``generation``, ``chip``, ``gpus``, ``first_toolkit``,
  ``last_toolkit``, ``tegra`` (``ON``/``OFF``), ``min_ptx_isa``,
  ``default_until`` (the last toolkit whose default set has it),
  ``never_default`` (``ON``: in no default set or generation name),
  ``renamed_to``, ``runs_on`` (a list, for ``f`` targets), ``sbsa_from``
  (for Jetson GPUs: the first toolkit whose arm64-sbsa stack runs on
  them), ``note``.
  A field the file does not give, or an unknown capability, yields ``""``.

.. command:: cudaenv_toolkit_fact

  ::

    cudaenv_toolkit_fact(<out-var> <major.minor> <field>)

  Sets ``<out-var>`` to ``<field>`` of a toolkit release: ``sass`` (CMake
  numbers, a list), ``ptx_isa``, ``nvcc_default``, ``driver_min``,
  ``driver_min_minor_compat``, ``gcc`` and ``clang`` (``min;max`` lists),
  ``note``.

.. command:: cudaenv_known_capabilities

  ::

    cudaenv_known_capabilities(<out-var>)

  Every capability key in the file (``3.0`` ... ``12.1f``), sorted as text
  (sort numerically where order matters).

.. command:: cudaenv_known_toolkits

  ::

    cudaenv_known_toolkits(<out-var>)

  Every toolkit release in the file, sorted as text.

Example:

.. code-block:: cmake

  include(CudaEnvFacts)
  cudaenv_capability_fact(gpus 9.0 gpus)      # "H100, H200, GH200 (Grace Hopper)"
  cudaenv_toolkit_fact(sass 13.0 sass)        # "75;80;86;87;88;89;90;100;103;110;120;121"

Since 0.1.
#]=======================================================================]
include_guard(GLOBAL)
# Functions keep the policies in force where they are defined: make them ours,
# also in `cmake -P` scripts and in projects with older minimums.
cmake_policy(PUSH)
cmake_policy(VERSION 3.25)

# Turns a JSON array of scalars ("[ \"75\", \"80\" ]" or "[ 6, 15 ]") into a CMake list.
function(_cudaenv_json_array_to_list out json_array)
  string(REGEX MATCHALL "[0-9A-Za-z_.]+" items "${json_array}")
  set(${out} "${items}" PARENT_SCOPE)
endfunction()

# Stores the members of one flat JSON object as global properties
# <prefix><member>, and appends the same as CMake code to <code-var>.
function(_cudaenv_store_object code_var prefix object)
  set(code "${${code_var}}")
  string(JSON count LENGTH "${object}")
  math(EXPR last "${count} - 1")
  foreach(i RANGE ${last})
    string(JSON member MEMBER "${object}" ${i})
    string(JSON type TYPE "${object}" "${member}")
    string(JSON value GET "${object}" "${member}")
    if(type STREQUAL "ARRAY")
      _cudaenv_json_array_to_list(value "${value}")
    elseif(type STREQUAL "NULL")
      set(value "")
    endif()
    set_property(GLOBAL PROPERTY "${prefix}${member}" "${value}")
    string(APPEND code "set_property(GLOBAL PROPERTY [==[${prefix}${member}]==] [==[${value}]==])\n")
  endforeach()
  set(${code_var} "${code}" PARENT_SCOPE)
endfunction()

# Parses cuda.json into global properties, once per CMake run.
function(_cudaenv_load_facts)
  get_property(loaded GLOBAL PROPERTY _CUDAENV_FACTS_LOADED)
  if(loaded)
    return()
  endif()
  set(file "${CMAKE_CURRENT_FUNCTION_LIST_DIR}/data/cuda.json")
  if(NOT EXISTS "${file}")
    message(FATAL_ERROR "CudaEnv: the CUDA facts file ${file} is missing; "
      "reinstall CudaEnv (the file ships beside CudaEnvFacts.cmake).")
  endif()
  # In a project, keep the parsed facts as CMake code in the build tree:
  # including it costs far less than parsing the JSON on every configure.
  if(NOT CMAKE_SCRIPT_MODE_FILE)
    file(SHA1 "${file}" digest)
    set(parsed "${CMAKE_BINARY_DIR}/CMakeFiles/CudaEnv/facts-${digest}.cmake")
    # Written whole (a temporary file renamed into place) and ending with a
    # completeness marker: a 0-byte or cut file (disk full, a killed
    # configure) is parsed again, never included as if complete.
    set(marker "# CudaEnv facts complete: ${digest}")
    if(EXISTS "${parsed}")
      file(SIZE "${parsed}" size)
      string(LENGTH "${marker}\n" tail_length)
      set(tail "")
      if(size GREATER_EQUAL tail_length)
        math(EXPR tail_offset "${size} - ${tail_length}")
        file(READ "${parsed}" tail OFFSET ${tail_offset})
      endif()
      if(tail STREQUAL "${marker}\n")
        include("${parsed}")
        set_property(GLOBAL PROPERTY _CUDAENV_FACTS_LOADED ON)
        return()
      endif()
      message(STATUS "CudaEnv: the parsed facts in ${parsed} are incomplete (an interrupted configure?); "
        "parsing ${file} again")
      file(REMOVE "${parsed}")
    endif()
  endif()
  file(READ "${file}" json)
  set(code "")
  foreach(section IN ITEMS capabilities toolkits)
    string(JSON objects ERROR_VARIABLE err GET "${json}" ${section})
    if(err)
      message(FATAL_ERROR "CudaEnv: ${file} has no '${section}' object (${err}).")
    endif()
    string(JSON count LENGTH "${objects}")
    math(EXPR last "${count} - 1")
    set(keys "")
    foreach(i RANGE ${last})
      string(JSON key MEMBER "${objects}" ${i})
      string(JSON object GET "${objects}" "${key}")
      _cudaenv_store_object(code "_CUDAENV_${section}_${key}_" "${object}")
      list(APPEND keys "${key}")
    endforeach()
    set_property(GLOBAL PROPERTY "_CUDAENV_${section}" "${keys}")
    string(APPEND code "set_property(GLOBAL PROPERTY _CUDAENV_${section} [==[${keys}]==])\n")
  endforeach()
  set_property(GLOBAL PROPERTY _CUDAENV_FACTS_LOADED ON)
  if(parsed)
    string(RANDOM LENGTH 8 nonce)
    set(temporary "${parsed}.tmp-${nonce}")
    file(WRITE "${temporary}" "# Generated by CudaEnvFacts.cmake from ${file}\n${code}${marker}\n")
    # Checked before it replaces anything: a short write is dropped.
    file(SIZE "${temporary}" written)
    string(LENGTH "# Generated by CudaEnvFacts.cmake from ${file}\n${code}${marker}\n" expected)
    if(written EQUAL expected)
      file(RENAME "${temporary}" "${parsed}" RESULT renamed)
    endif()
    file(REMOVE "${temporary}")
  endif()
endfunction()

function(cudaenv_capability_fact out capability field)
  _cudaenv_load_facts()
  get_property(value GLOBAL PROPERTY "_CUDAENV_capabilities_${capability}_${field}")
  set(${out} "${value}" PARENT_SCOPE)
endfunction()

function(cudaenv_toolkit_fact out toolkit field)
  _cudaenv_load_facts()
  get_property(value GLOBAL PROPERTY "_CUDAENV_toolkits_${toolkit}_${field}")
  set(${out} "${value}" PARENT_SCOPE)
endfunction()

function(cudaenv_known_capabilities out)
  _cudaenv_load_facts()
  get_property(value GLOBAL PROPERTY _CUDAENV_capabilities)
  set(${out} "${value}" PARENT_SCOPE)
endfunction()

function(cudaenv_known_toolkits out)
  _cudaenv_load_facts()
  get_property(value GLOBAL PROPERTY _CUDAENV_toolkits)
  set(${out} "${value}" PARENT_SCOPE)
endfunction()

cmake_policy(POP)
