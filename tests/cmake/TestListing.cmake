# Reading CTest's own list of the registered tests, for the checks that
# hold for every test (no-gpu-needed.cmake, stand-ins-required.cmake).
include_guard(GLOBAL)

# cudaenv_test_listing(<out-var> <build dir>): ctest --show-only=json-v1.
function(cudaenv_test_listing out build_dir)
  execute_process(COMMAND "${CTEST}" --show-only=json-v1 WORKING_DIRECTORY "${build_dir}"
    OUTPUT_VARIABLE listing RESULT_VARIABLE rc)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "ctest --show-only=json-v1 failed (${rc})")
  endif()
  set(${out} "${listing}" PARENT_SCOPE)
endfunction()

# cudaenv_test_property(<out-var> <listing> <index> <property>): the
# property's value (JSON text for lists), or "" when the test has none.
function(cudaenv_test_property out listing index property)
  set(value "")
  string(JSON properties ERROR_VARIABLE none GET "${listing}" tests ${index} properties)
  if(NOT none)
    string(JSON count LENGTH "${properties}")
  endif()
  if(NOT none AND count GREATER 0)
    math(EXPR last "${count} - 1")
    foreach(j RANGE ${last})
      string(JSON name GET "${properties}" ${j} name)
      if(name STREQUAL property)
        string(JSON value GET "${properties}" ${j} value)
      endif()
    endforeach()
  endif()
  set(${out} "${value}" PARENT_SCOPE)
endfunction()
