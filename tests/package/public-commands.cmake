# Every public command (each `.. command::` in a module's doc block) exists
# in all three ways of consuming CudaEnv: find_package of an installed
# CudaEnv, add_subdirectory of its source tree, and FetchContent.
include("${SOURCE_ROOT}/tests/cmake/Fixture.cmake")
file(GLOB modules "${SOURCE_ROOT}/modules/*.cmake")
set(commands "")
foreach(module IN LISTS modules)
  file(STRINGS "${module}" lines REGEX "^\\.\\. command:: ")
  foreach(line IN LISTS lines)
    string(REGEX REPLACE "^\\.\\. command:: *" "" command "${line}")
    list(APPEND commands "${command}")
  endforeach()
endforeach()
list(SORT commands)
list(LENGTH commands count)
message(STATUS "documented commands: ${count}")

cudaenv_test_install("${WORK_DIR}/prefix")
set(ways
  "find_package|find_package(CudaEnv 0.1 REQUIRED)"
  "add_subdirectory|add_subdirectory([==[${SOURCE_ROOT}]==] cudaenv)"
  "FetchContent|include(FetchContent)\nFetchContent_Declare(CudaEnv SOURCE_DIR [==[${SOURCE_ROOT}]==])\nFetchContent_MakeAvailable(CudaEnv)")
foreach(way IN LISTS ways)
  string(REPLACE "|" ";" way "${way}")
  list(GET way 0 name)
  list(GET way 1 consume)
  set(project "${WORK_DIR}/${name}")
  file(WRITE "${project}/CMakeLists.txt" "cmake_minimum_required(VERSION 3.25)
project(public_commands LANGUAGES NONE)
${consume}
set(missing \"\")
foreach(command IN ITEMS ${commands})
  if(NOT COMMAND \"\${command}\")
    list(APPEND missing \"\${command}\")
  endif()
endforeach()
message(STATUS \"missing commands: '\${missing}'\")
")
  cudaenv_test_report("${name}" "missing commands: '[^']*'"
    COMMAND "${CMAKE_COMMAND}" -S "${project}" -B "${project}/build" "-DCMAKE_PREFIX_PATH=${WORK_DIR}/prefix")
endforeach()
