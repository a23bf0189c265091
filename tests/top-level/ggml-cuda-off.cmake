include("${SOURCE_ROOT}/tests/cmake/Fixture.cmake")
# llama.cpp with its CUDA backend off (GGML_CUDA=OFF, the default)
# configures exactly as without the top-level include: CUDA is never
# enabled, and the generated build (build.ninja, compile_commands.json) and
# the cache (but CudaEnv's own entries and the include's path) are the same;
# only the files CMake re-runs on (build.ninja's RERUN_CMAKE inputs) add
# CudaEnv's modules.
set(include_arg "-DCMAKE_PROJECT_TOP_LEVEL_INCLUDES=${SOURCE_ROOT}/modules/CudaEnvTopLevel.cmake")
cudaenv_test_configure("${SOURCE_ROOT}/tests/fixtures/ggml" NO_MODULE_PATH BINARY_DIR "${WORK_DIR}/plain")
cudaenv_test_configure("${SOURCE_ROOT}/tests/fixtures/ggml" NO_MODULE_PATH BINARY_DIR "${WORK_DIR}/included"
  ARGS "${include_arg}" "-DCUDAENV_CAPABILITIES=8.6;12.0")

function(read_normalized out dir file)
  file(READ "${WORK_DIR}/${dir}/${file}" text)
  string(REPLACE "${WORK_DIR}/${dir}" "<build>" text "${text}")
  string(REGEX REPLACE " ${SOURCE_ROOT}/modules/[^ \n]*" "" text "${text}")
  set(${out} "${text}" PARENT_SCOPE)
endfunction()
foreach(file IN ITEMS build.ninja compile_commands.json)
  read_normalized(plain plain "${file}")
  read_normalized(included included "${file}")
  if(NOT plain STREQUAL included)
    message(FATAL_ERROR "${file} differs with the include")
  endif()
endforeach()
foreach(dir IN ITEMS plain included)
  file(GLOB_RECURSE cuda_files "${WORK_DIR}/${dir}/CMakeFiles/*CUDA*")
  if(cuda_files)
    message(FATAL_ERROR "CUDA was enabled in ${dir}: ${cuda_files}")
  endif()
  read_normalized(cache ${dir} CMakeCache.txt)
  string(REGEX REPLACE "\n(//[^\n]*|#[^\n]*|(_?CUDAENV_|CMAKE_PROJECT_TOP_LEVEL_INCLUDES)[^\n]*)" "" cache "\n${cache}")
  string(REGEX REPLACE "\n\n+" "\n" cache "${cache}")
  set(cache_${dir} "${cache}")
endforeach()
if(NOT cache_plain STREQUAL cache_included)
  message(FATAL_ERROR "the cache differs with the include beyond CudaEnv's entries:\n${cache_plain}\n---\n${cache_included}")
endif()
message(STATUS "build.ninja, compile_commands.json and the cache: the same with and without the include")
