execute_process(COMMAND "${CMAKE_COMMAND}" -P "${CMAKE_CURRENT_LIST_DIR}/../../../modules/CudaEnvArchitecturesList.cmake"
  -- --capabilities 8.6 --colour red RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "exit ${rc}")
endif()
