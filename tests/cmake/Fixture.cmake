# Helpers for case scripts that configure (and build) a fixture project.
# Output of the inner CMake goes to this script's stdout/stderr, so RunCase
# can assert on it; a failing inner step fails the case.
include_guard(GLOBAL)

# cudaenv_test_configure(<fixture-dir> [ENV <name=value>...] [ARGS <arg>...]
#                        [BUILD] [BINARY_DIR <dir>] [NO_MODULE_PATH])
# NO_MODULE_PATH: the project must find CudaEnv on its own (find_package).
function(cudaenv_test_configure source_dir)
  cmake_parse_arguments(PARSE_ARGV 1 arg "BUILD;NO_MODULE_PATH" "BINARY_DIR" "ENV;ARGS")
  if(NOT arg_BINARY_DIR)
    set(arg_BINARY_DIR "${WORK_DIR}/build")
  endif()
  # Start from a clean environment for what CudaEnv reads.
  set(env_command "${CMAKE_COMMAND}" -E env
    --unset=CUDAARCHS --unset=CUDAENV_NATIVE_FALLBACK ${arg_ENV})
  set(module_path "-DCMAKE_MODULE_PATH=${CMAKE_MODULE_PATH}")
  if(arg_NO_MODULE_PATH)
    set(module_path "")
  endif()
  execute_process(
    COMMAND ${env_command} "${CMAKE_COMMAND}" -S "${source_dir}" -B "${arg_BINARY_DIR}" -G Ninja
      ${module_path} ${arg_ARGS}
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
