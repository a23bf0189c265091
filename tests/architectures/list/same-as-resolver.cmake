cmake_minimum_required(VERSION 3.25)
# The list script (modules/CudaEnvArchitecturesList.cmake) answers what the
# modules' resolver answers, on vectors that exercise its options: the
# default set per platform, a/f entries, forward compatibility, generations,
# native with GPUs, and each output form of one list.
include(CudaEnvResolveArchitectures)
set(script "${CMAKE_CURRENT_LIST_DIR}/../../../modules/CudaEnvArchitecturesList.cmake")
# spec | toolkit | platform | forward-compat | gpus
set(vectors
  "default|13.0|x86_64||"
  "default|13.0|sbsa||"
  "default|12.4|x86_64||"
  "8.6 12.0|13.0|x86_64||"
  "8.6 9.0a|12.4|x86_64||"
  "9.0a 10.0f|13.0|sbsa||"
  "8.0 8.6 9.0|12.8|x86_64|OFF|"
  "Ampere+PTX|12.8|x86_64||"
  "native|13.0|x86_64||8.6,12.1"
  "12.1|13.0|sbsa||")
set(compared 0)
foreach(vector IN LISTS vectors)
  string(REPLACE "|" ";" fields "${vector}")
  list(GET fields 0 spec)
  list(GET fields 1 toolkit)
  list(GET fields 2 platform)
  list(GET fields 3 fc)
  list(GET fields 4 gpus)
  string(REPLACE " " ";" spec_list "${spec}")
  string(REPLACE "," ";" gpu_list "${gpus}")
  set(resolver_args "")
  set(script_args "")
  if(fc)
    set(resolver_args FORWARD_COMPAT ${fc})
    set(script_args --forward-compat ${fc})
  endif()
  if(gpus)
    list(APPEND script_args --gpus "${gpus}")
  endif()
  cudaenv_resolve_architectures(expected SPEC ${spec_list} TOOLKIT_VERSION ${toolkit} PLATFORM ${platform}
    GPUS ${gpu_list} ${resolver_args})
  execute_process(COMMAND "${CMAKE_COMMAND}" -P "${script}" -- --capabilities "${spec_list}" --toolkit ${toolkit}
      --platform ${platform} ${script_args} --format cmake
    OUTPUT_VARIABLE actual ERROR_VARIABLE err RESULT_VARIABLE rc OUTPUT_STRIP_TRAILING_WHITESPACE)
  if(NOT rc EQUAL 0 OR NOT actual STREQUAL expected)
    message(FATAL_ERROR "'${spec}' for CUDA ${toolkit} (${platform}): the script says '${actual}' (exit ${rc}: ${err}), the resolver '${expected}'")
  endif()
  math(EXPR compared "${compared} + 1")
endforeach()
message(STATUS "list script and resolver agree on ${compared} vectors")

# One list in every form.
execute_process(COMMAND "${CMAKE_COMMAND}" -P "${script}" -- --capabilities "8.6;9.0a;12.0" --toolkit 13.0 --format all
  OUTPUT_VARIABLE all RESULT_VARIABLE rc)
message(STATUS "${all}")
execute_process(COMMAND "${CMAKE_COMMAND}" -E env CUDAARCHS=89 "${CMAKE_COMMAND}" -P "${script}" -- --toolkit 13.0 --format env
  OUTPUT_VARIABLE env RESULT_VARIABLE rc)
message(STATUS "${env}")
