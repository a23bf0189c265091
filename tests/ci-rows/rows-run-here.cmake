# examples/ci's rows, run here as its workflow runs them, as far as this
# machine allows: CudaEnv installed by the workflow's own install script
# (from this checkout instead of a clone), then every workflow preset with
# cmake --workflow. The sbsa rows use the stand-in cross toolkit (in CI,
# NVIDIA's cuda-cross-sbsa package, which install-cross.sh installs; that
# script and install-build-tools.sh need NVIDIA's and Ubuntu's archives and
# are only linted here).
include("${SOURCE_ROOT}/tests/cmake/Fixture.cmake")
include("${SOURCE_ROOT}/tests/cmake/Cross.cmake")
cudaenv_test_cuda_root(sbsa_root sbsa-linux)
set(scripts "${SOURCE_ROOT}/examples/ci/.github/scripts")
execute_process(
  COMMAND "${CMAKE_COMMAND}" -E env "CUDAENV_SOURCE=${SOURCE_ROOT}"
    "${scripts}/install-cudaenv.sh" unused unused "${WORK_DIR}/prefix"
  OUTPUT_VARIABLE out ERROR_VARIABLE err RESULT_VARIABLE rc)
if(NOT rc EQUAL 0 OR NOT EXISTS "${WORK_DIR}/prefix/bin/cudaenv")
  message(FATAL_ERROR "install-cudaenv.sh failed (${rc}):\n${out}\n${err}")
endif()
message(STATUS "install-cudaenv.sh: installed bin/cudaenv and the toolchains")

file(REMOVE_RECURSE "${WORK_DIR}/ci")
file(COPY "${SOURCE_ROOT}/examples/ci/" DESTINATION "${WORK_DIR}/ci" PATTERN build EXCLUDE)
execute_process(COMMAND "${CMAKE_COMMAND}" --list-presets=workflow WORKING_DIRECTORY "${WORK_DIR}/ci"
  OUTPUT_VARIABLE listing)
string(REGEX MATCHALL "\"[^\"]+\"" rows "${listing}")
foreach(row IN LISTS rows)
  string(REPLACE "\"" "" row "${row}")
  cudaenv_test_report("ROW ${row}" "CUDA_ARCHITECTURES = [^\n]*" WORKING_DIRECTORY "${WORK_DIR}/ci"
    COMMAND "${CMAKE_COMMAND}" -E env "CUDAENV_PREFIX=${WORK_DIR}/prefix" "CUDAENV_CUDA_ROOT=${sbsa_root}"
      "${CMAKE_COMMAND}" --workflow --preset "${row}")
endforeach()
