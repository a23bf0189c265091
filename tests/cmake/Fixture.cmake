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
