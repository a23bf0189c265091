# scripts/newest-cmake.sh on a machine without npm and with nothing cached:
# it says which is missing and what to do, and exits 1 (the matrix then
# prints a "not run" line for the newest-CMake rows).
set(bin "${WORK_DIR}/bin")
file(MAKE_DIRECTORY "${bin}")
foreach(tool IN ITEMS bash env sed sort head tail tr mkdir rm cat dirname timeout)
  find_program(path_${tool} ${tool} REQUIRED NO_CACHE)
  file(CREATE_LINK "${path_${tool}}" "${bin}/${tool}" SYMBOLIC)
endforeach()
execute_process(COMMAND "${CMAKE_COMMAND}" -E env "PATH=${bin}" "CUDAENV_CACHE_DIR=${WORK_DIR}/cache"
    "${bin}/bash" "${SOURCE_ROOT}/scripts/newest-cmake.sh"
  OUTPUT_VARIABLE out ERROR_VARIABLE err RESULT_VARIABLE rc)
message(STATUS "EXIT=${rc} OUT=[${out}]")
message(STATUS "${err}")
