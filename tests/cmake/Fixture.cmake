# Helpers for case scripts that configure (and build) a fixture project or
# run a program. The inner output goes to this script's stdout/stderr, so
# RunCase can assert on it.
include_guard(GLOBAL)

# What CudaEnv reads from the environment; cases start without it and set
# what they test.
set(_cudaenv_test_unset
  --unset=CUDAARCHS --unset=CUDAENV_NATIVE_FALLBACK --unset=CUDA_VISIBLE_DEVICES
  --unset=CUDAENV_LIBCUDA --unset=CUDAENV_OVERRIDE_CUDA --unset=CONDA_OVERRIDE_CUDA
  --unset=CUDAENV_OVERRIDE_CUDA_ARCH --unset=CONDA_OVERRIDE_CUDA_ARCH
  --unset=CUDAENV_DETECT_TIMEOUT --unset=FAKE_CUDA_MODE --unset=FAKE_CUDA_DEVICES
  --unset=FAKE_CUDA_VERSION)

# cudaenv_test_run([ENV <name=value>...] COMMAND <program> <arg>...)
# Prints the program's stdout, then "EXIT=<code> SECONDS=<s>" (whole seconds
# the run took, from microsecond timestamps: a 0.1 s run across a second
# boundary is 0, not 1); its stderr goes to stderr.
function(cudaenv_test_run)
  cmake_parse_arguments(PARSE_ARGV 0 arg "" "" "ENV;COMMAND")
  string(TIMESTAMP start "%s%f" UTC)
  execute_process(
    COMMAND "${CMAKE_COMMAND}" -E env ${_cudaenv_test_unset} ${arg_ENV} ${arg_COMMAND}
    RESULT_VARIABLE result OUTPUT_VARIABLE out ERROR_VARIABLE err TIMEOUT 120)
  string(TIMESTAMP end "%s%f" UTC)
  math(EXPR seconds "(${end} - ${start}) / 1000000")
  message(STATUS "${out}")
  message(STATUS "EXIT=${result} SECONDS=${seconds}")
  if(err)
    message(NOTICE "${err}")
  endif()
endfunction()

# cudaenv_test_report(<label> <excerpt regex> [WORKING_DIRECTORY <dir>]
#                     COMMAND <program> <arg>...)
# Runs the command and prints "<label>: exit <code>, <the first match of the
# regex in its stdout>"; when it fails, its output too.
function(cudaenv_test_report label excerpt_regex)
  cmake_parse_arguments(PARSE_ARGV 2 arg "" "WORKING_DIRECTORY" "COMMAND")
  set(directory "")
  if(arg_WORKING_DIRECTORY)
    set(directory WORKING_DIRECTORY "${arg_WORKING_DIRECTORY}")
  endif()
  execute_process(COMMAND ${arg_COMMAND} ${directory} OUTPUT_VARIABLE out ERROR_VARIABLE err RESULT_VARIABLE rc)
  string(REGEX MATCH "${excerpt_regex}" excerpt "${out}")
  message(STATUS "${label}: exit ${rc}, ${excerpt}")
  if(NOT rc EQUAL 0)
    message(NOTICE "${out}\n${err}")
  endif()
endfunction()

# cudaenv_test_install(<prefix>): installs the CudaEnv build under test
# (CUDAENV_BUILD_DIR) into <prefix>.
function(cudaenv_test_install prefix)
  execute_process(COMMAND "${CMAKE_COMMAND}" --install "${CUDAENV_BUILD_DIR}" --prefix "${prefix}"
    RESULT_VARIABLE result OUTPUT_QUIET)
  if(NOT result EQUAL 0)
    message(FATAL_ERROR "cmake --install failed (${result})")
  endif()
endfunction()

# _cudaenv_test_as_written_env(<out-var>): cmake -E env arguments for a
# user's shell: no CUDACXX, no CMAKE_GENERATOR, nvcc's folder not on PATH.
# When the nvcc of this test run ($CUDACXX) is not in /usr/local/cuda, its
# root goes in $CUDAToolkit_ROOT, one of the places CudaEnv looks.
function(_cudaenv_test_as_written_env out)
  set(env --unset=CUDACXX --unset=CMAKE_GENERATOR --unset=CUDAToolkit_ROOT --unset=CUDA_PATH)
  set(path "")
  string(REPLACE ":" ";" dirs "$ENV{PATH}")
  foreach(dir IN LISTS dirs)
    if(NOT dir STREQUAL "" AND NOT EXISTS "${dir}/nvcc")
      list(APPEND path "${dir}")
    endif()
  endforeach()
  list(JOIN path ":" path)
  list(APPEND env "PATH=${path}")
  if(NOT "$ENV{CUDACXX}" STREQUAL "")
    file(REAL_PATH "$ENV{CUDACXX}" nvcc)
    file(REAL_PATH "/usr/local/cuda/bin/nvcc" default_nvcc)
    if(NOT nvcc STREQUAL default_nvcc)
      get_filename_component(root "${nvcc}" DIRECTORY)
      get_filename_component(root "${root}" DIRECTORY)
      list(APPEND env "CUDAToolkit_ROOT=${root}")
    endif()
  endif()
  set(${out} "${env}" PARENT_SCOPE)
endfunction()

# cudaenv_test_configure(<fixture-dir> [ENV <name=value>...] [ARGS <arg>...]
#                        [BUILD] [BINARY_DIR <dir>] [NO_MODULE_PATH] [AS_WRITTEN])
# NO_MODULE_PATH: the project must find CudaEnv (and its helper) on its own.
# Otherwise the helper built by this test run is passed as CUDAENV_HELPER.
# AS_WRITTEN: as a user types an example's header: CMake's default
# generator, no CUDACXX, nvcc not on PATH (_cudaenv_test_as_written_env).
function(cudaenv_test_configure source_dir)
  cmake_parse_arguments(PARSE_ARGV 1 arg "BUILD;NO_MODULE_PATH;AS_WRITTEN" "BINARY_DIR" "ENV;ARGS")
  if(NOT arg_BINARY_DIR)
    set(arg_BINARY_DIR "${WORK_DIR}/build")
  endif()
  set(generator -G Ninja)
  set(as_written "")
  set(build_env "")
  if(arg_AS_WRITTEN)
    set(generator "")
    _cudaenv_test_as_written_env(as_written)
    set(build_env "${CMAKE_COMMAND}" -E env ${as_written})
  endif()
  set(env_command "${CMAKE_COMMAND}" -E env ${_cudaenv_test_unset} ${as_written} ${arg_ENV})
  set(module_path "-DCMAKE_MODULE_PATH=${CMAKE_MODULE_PATH}")
  if(HELPER)
    list(APPEND module_path "-DCUDAENV_HELPER=${HELPER}")
  endif()
  if(arg_NO_MODULE_PATH)
    set(module_path "")
  endif()
  execute_process(
    COMMAND ${env_command} "${CMAKE_COMMAND}" -S "${source_dir}" -B "${arg_BINARY_DIR}" ${generator}
      --no-warn-unused-cli ${module_path} ${arg_ARGS}
    RESULT_VARIABLE result OUTPUT_VARIABLE out ERROR_VARIABLE err)
  message(STATUS "${out}")
  if(err)
    message(NOTICE "${err}")
  endif()
  if(NOT result EQUAL 0)
    message(FATAL_ERROR "configuring ${source_dir} failed (${result})")
  endif()
  if(arg_BUILD)
    execute_process(
      COMMAND ${build_env} "${CMAKE_COMMAND}" --build "${arg_BINARY_DIR}"
      RESULT_VARIABLE result OUTPUT_VARIABLE out ERROR_VARIABLE err)
    message(STATUS "${out}")
    if(err)
      message(NOTICE "${err}")
    endif()
    if(NOT result EQUAL 0)
      message(FATAL_ERROR "building ${source_dir} failed (${result})")
    endif()
  endif()
endfunction()

# cudaenv_test_project(<body> [BUILD] [NO_MODULE_PATH] [LANGUAGES <lang>...]
#                      [BINARY_DIR <dir>] [ENV <name=value>...] [ARGS <arg>...])
# Configures (BUILD: and builds) the generic project tests/fixtures/project
# with <body> as its contents after project(): the case's CudaEnv calls,
# written literally, and its assertions. The other options are
# cudaenv_test_configure's.
function(cudaenv_test_project body)
  cmake_parse_arguments(PARSE_ARGV 1 arg "BUILD;NO_MODULE_PATH" "BINARY_DIR" "LANGUAGES;ENV;ARGS")
  file(WRITE "${WORK_DIR}/body.cmake" "${body}")
  set(options "")
  foreach(flag IN ITEMS BUILD NO_MODULE_PATH)
    if(arg_${flag})
      list(APPEND options ${flag})
    endif()
  endforeach()
  if(arg_BINARY_DIR)
    list(APPEND options BINARY_DIR "${arg_BINARY_DIR}")
  endif()
  if(arg_ENV)
    list(APPEND options ENV ${arg_ENV})
  endif()
  list(JOIN arg_LANGUAGES "," languages)
  cudaenv_test_configure("${SOURCE_ROOT}/tests/fixtures/project" ${options}
    ARGS "-DCASE_BODY=${WORK_DIR}/body.cmake" "-DCASE_LANGUAGES=${languages}" ${arg_ARGS})
endfunction()

# _cudaenv_json_indices(<out-var> <json array>): 0;1;...;n-1, or "" for an
# empty array (foreach(RANGE) cannot express that).
function(_cudaenv_json_indices out array)
  string(JSON count LENGTH "${array}")
  set(indices "")
  if(count GREATER 0)
    math(EXPR last "${count} - 1")
    foreach(i RANGE ${last})
      list(APPEND indices ${i})
    endforeach()
  endif()
  set(${out} "${indices}" PARENT_SCOPE)
endfunction()

# cudaenv_test_inspect(<file>... [ARGS <inspect option>...])
# Runs `cudaenv inspect --format json` and prints, per file (named by its
# file name, and its path inside a package after "!"), one line
# "IMAGES <name>: <member>|<section>|<kind>|<arch>|<ptx isa>|<compression> ...",
# one "FLOOR <name>: <CUDA version> <reason>; ..." line, per check a line
# "CHECK <name> <check>: <summary>" and "CONTAINERS <name> <check>:
# <index>:<runs|no>[:ignored] ...", per requirement "REQUIRE <name> <what>:
# met|not met", then "EXIT=<code>".
function(cudaenv_test_inspect)
  cmake_parse_arguments(PARSE_ARGV 0 arg "" "" "ARGS")
  execute_process(COMMAND "${HELPER}" inspect ${arg_UNPARSED_ARGUMENTS} --format json ${arg_ARGS}
    RESULT_VARIABLE result OUTPUT_VARIABLE out ERROR_VARIABLE err TIMEOUT 60)
  if(err)
    message(NOTICE "${err}")
  endif()
  string(JSON files ERROR_VARIABLE json_error GET "${out}" files)
  if(json_error)
    message(STATUS "EXIT=${result} (no JSON: ${out})")
    return()
  endif()
  _cudaenv_json_indices(file_indices "${files}")
  foreach(i IN LISTS file_indices)
    string(JSON path GET "${files}" ${i} path)
    string(FIND "${path}" "!" bang)
    if(bang EQUAL -1)
      get_filename_component(name "${path}" NAME)
    else()
      string(SUBSTRING "${path}" 0 ${bang} outer)
      string(SUBSTRING "${path}" ${bang} -1 inner)
      get_filename_component(name "${outer}" NAME)
      string(APPEND name "${inner}")
    endif()
    string(JSON images GET "${files}" ${i} images)
    _cudaenv_json_indices(image_indices "${images}")
    set(line "")
    foreach(j IN LISTS image_indices)
      set(fields "")
      foreach(field IN ITEMS member section kind arch ptx_isa compressed)
        string(JSON value GET "${images}" ${j} ${field})
        if(value STREQUAL "" OR value STREQUAL "OFF")
          set(value "-")
        endif()
        list(APPEND fields "${value}")
      endforeach()
      list(JOIN fields "|" image)
      string(APPEND line " ${image}")
    endforeach()
    message(STATUS "IMAGES ${name}:${line}")
    string(JSON floor ERROR_VARIABLE no_floor GET "${files}" ${i} minimum_driver)
    if(NOT no_floor)
      string(JSON cuda GET "${floor}" cuda)
      string(JSON reasons GET "${floor}" reasons)
      _cudaenv_json_indices(reason_indices "${reasons}")
      set(whys "")
      foreach(r IN LISTS reason_indices)
        string(JSON why GET "${reasons}" ${r} why)
        string(JSON rcuda GET "${reasons}" ${r} cuda)
        list(APPEND whys "${why} ${rcuda}")
      endforeach()
      list(JOIN whys "; " whys)
      message(STATUS "FLOOR ${name}: ${cuda} ${whys}")
    endif()
    string(JSON checks ERROR_VARIABLE no_checks GET "${files}" ${i} checks)
    if(NOT no_checks)
      _cudaenv_json_indices(check_indices "${checks}")
      foreach(k IN LISTS check_indices)
        string(JSON check GET "${checks}" ${k} check)
        string(JSON summary GET "${checks}" ${k} summary)
        message(STATUS "CHECK ${name} ${check}: ${summary}")
        string(JSON containers GET "${checks}" ${k} containers)
        _cudaenv_json_indices(container_indices "${containers}")
        set(states "")
        foreach(c IN LISTS container_indices)
          string(JSON index GET "${containers}" ${c} index)
          string(JSON runs GET "${containers}" ${c} runs)
          string(JSON counts GET "${containers}" ${c} counts)
          set(state "${index}:no")
          if(runs)
            set(state "${index}:runs")
          endif()
          if(NOT counts)
            string(APPEND state ":ignored")
          endif()
          list(APPEND states "${state}")
        endforeach()
        list(JOIN states " " states)
        message(STATUS "CONTAINERS ${name} ${check}: ${states}")
      endforeach()
    endif()
    string(JSON requirements ERROR_VARIABLE no_requirements GET "${files}" ${i} requirements)
    if(NOT no_requirements)
      _cudaenv_json_indices(requirement_indices "${requirements}")
      foreach(q IN LISTS requirement_indices)
        string(JSON what GET "${requirements}" ${q} require)
        string(JSON met GET "${requirements}" ${q} met)
        string(JSON detail GET "${requirements}" ${q} detail)
        if(met)
          message(STATUS "REQUIRE ${name} ${what}: met")
        else()
          message(STATUS "REQUIRE ${name} ${what}: not met: ${detail}")
        endif()
      endforeach()
    endif()
  endforeach()
  message(STATUS "EXIT=${result}")
endfunction()
