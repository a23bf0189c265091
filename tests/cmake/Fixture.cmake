# Helpers for case scripts that configure (and build) a fixture project or
# run a program. The inner output goes to this script's stdout/stderr, so
# RunCase can assert on it.
include_guard(GLOBAL)

# What CudaEnv reads from the environment; cases start without it and set
# what they test.
set(_cudaenv_test_unset
  --unset=CUDAARCHS --unset=CUDAENV_NATIVE_FALLBACK --unset=CUDA_VISIBLE_DEVICES
  --unset=CUDAENV_LIBCUDA --unset=CUDAENV_OVERRIDE_CUDA --unset=CONDA_OVERRIDE_CUDA
  --unset=CUDAENV_DETECT_TIMEOUT --unset=FAKE_CUDA_MODE --unset=FAKE_CUDA_DEVICES
  --unset=FAKE_CUDA_VERSION)

# cudaenv_test_run([ENV <name=value>...] COMMAND <program> <arg>...)
# Prints the program's stdout, then "EXIT=<code> SECONDS=<s>"; its stderr
# goes to stderr.
function(cudaenv_test_run)
  cmake_parse_arguments(PARSE_ARGV 0 arg "" "" "ENV;COMMAND")
  string(TIMESTAMP start "%s")
  execute_process(
    COMMAND "${CMAKE_COMMAND}" -E env ${_cudaenv_test_unset} ${arg_ENV} ${arg_COMMAND}
    RESULT_VARIABLE result OUTPUT_VARIABLE out ERROR_VARIABLE err TIMEOUT 120)
  string(TIMESTAMP end "%s")
  math(EXPR seconds "${end} - ${start}")
  message(STATUS "${out}")
  message(STATUS "EXIT=${result} SECONDS=${seconds}")
  if(err)
    message(NOTICE "${err}")
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

# cudaenv_test_configure(<fixture-dir> [ENV <name=value>...] [ARGS <arg>...]
#                        [BUILD] [BINARY_DIR <dir>] [NO_MODULE_PATH])
# NO_MODULE_PATH: the project must find CudaEnv (and its helper) on its own.
# Otherwise the helper built by this test run is passed as CUDAENV_HELPER.
function(cudaenv_test_configure source_dir)
  cmake_parse_arguments(PARSE_ARGV 1 arg "BUILD;NO_MODULE_PATH" "BINARY_DIR" "ENV;ARGS")
  if(NOT arg_BINARY_DIR)
    set(arg_BINARY_DIR "${WORK_DIR}/build")
  endif()
  set(env_command "${CMAKE_COMMAND}" -E env ${_cudaenv_test_unset} ${arg_ENV})
  set(module_path "-DCMAKE_MODULE_PATH=${CMAKE_MODULE_PATH}")
  if(HELPER)
    list(APPEND module_path "-DCUDAENV_HELPER=${HELPER}")
  endif()
  if(arg_NO_MODULE_PATH)
    set(module_path "")
  endif()
  execute_process(
    COMMAND ${env_command} "${CMAKE_COMMAND}" -S "${source_dir}" -B "${arg_BINARY_DIR}" -G Ninja
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
      COMMAND "${CMAKE_COMMAND}" --build "${arg_BINARY_DIR}"
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

# cudaenv_test_inspect(<file>... [ARGS <inspect option>...])
# Runs `cudaenv inspect --format json` and prints, per file, one line
# "IMAGES <name>: <member>|<section>|<kind>|<arch>|<ptx isa>|<compression> ..."
# and one line per check, then "EXIT=<code>".
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
  string(JSON count LENGTH "${files}")
  math(EXPR last "${count} - 1")
  foreach(i RANGE ${last})
    string(JSON path GET "${files}" ${i} path)
    get_filename_component(name "${path}" NAME)
    string(JSON images GET "${files}" ${i} images)
    string(JSON nimages LENGTH "${images}")
    set(line "")
    if(nimages GREATER 0)
      math(EXPR ilast "${nimages} - 1")
      foreach(j RANGE ${ilast})
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
    endif()
    message(STATUS "IMAGES ${name}:${line}")
    string(JSON checks ERROR_VARIABLE no_checks GET "${files}" ${i} checks)
    if(NOT no_checks)
      string(JSON nchecks LENGTH "${checks}")
      math(EXPR clast "${nchecks} - 1")
      foreach(k RANGE ${clast})
        string(JSON check GET "${checks}" ${k} check)
        string(JSON runs GET "${checks}" ${k} runs)
        string(JSON summary GET "${checks}" ${k} summary)
        message(STATUS "CHECK ${name} ${check}: ${summary}")
      endforeach()
    endif()
  endforeach()
  message(STATUS "EXIT=${result}")
endfunction()
