# The module reference renders without a warning (Sphinx -W, and -n so that
# every :command: and :module: reference resolves), and every public module
# has its page.
find_program(sphinx_build sphinx-build)
if(NOT sphinx_build)
  message(STATUS "SKIPPED: no Sphinx (apt-get install python3-sphinx, or run scripts/setup.sh as root)")
  return()
endif()
file(GLOB modules RELATIVE "${SOURCE_ROOT}/modules" "${SOURCE_ROOT}/modules/*.cmake")
set(missing "")
foreach(module IN LISTS modules)
  string(REGEX REPLACE "\\.cmake$" "" name "${module}")
  if(NOT EXISTS "${SOURCE_ROOT}/docs/module/${name}.rst")
    list(APPEND missing "${name}")
  endif()
endforeach()
if(missing)
  message(FATAL_ERROR "modules without a page in docs/module: ${missing} (add docs/module/<name>.rst with "
    "'.. cmake-module:: ../../modules/<name>.cmake', and list it in docs/index.rst)")
endif()
list(LENGTH modules count)
file(REMOVE_RECURSE "${WORK_DIR}/html")
execute_process(COMMAND "${sphinx_build}" -W -n -q -b html "${SOURCE_ROOT}/docs" "${WORK_DIR}/html"
  OUTPUT_VARIABLE out ERROR_VARIABLE err RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "the module reference has warnings or errors:\n${out}${err}")
endif()
message(STATUS "module reference: ${count} modules rendered without a warning")
