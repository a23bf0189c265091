# examples/device-link built natively against an installed CudaEnv, as its
# header says (CMake's default generator, no CUDACXX, nvcc not on PATH): the
# device link and cuBLAS on the host toolkit, then its test through ctest
# (no GPU here: skipped, exit 77; on a GPU the kernel and cuBLAS must agree).
# The program finds libcublas through its RUNPATH, also where the toolkit has
# no /etc/ld.so.conf.d entry (exit 127 otherwise).
include("${SOURCE_ROOT}/tests/cmake/Fixture.cmake")
cudaenv_test_install("${WORK_DIR}/prefix")
cudaenv_test_configure("${SOURCE_ROOT}/examples/device-link" BUILD NO_MODULE_PATH AS_WRITTEN
  ARGS "-DCMAKE_PREFIX_PATH=${WORK_DIR}/prefix")
execute_process(COMMAND readelf -d "${WORK_DIR}/build/scale_check" OUTPUT_VARIABLE dynamic RESULT_VARIABLE rc)
string(REGEX MATCH "RUNPATH\\)[^[]*\\[([^]]*)\\]" runpath "${dynamic}")
string(REPLACE ":" ";" runpath "${CMAKE_MATCH_1}")
set(cublas_dir "")
foreach(dir IN LISTS runpath)
  file(GLOB cublas "${dir}/libcublas.so.*")
  if(cublas)
    set(cublas_dir "${dir}")
  endif()
endforeach()
if(cublas_dir)
  message(STATUS "scale_check RUNPATH: has libcublas's folder")
else()
  message(STATUS "scale_check RUNPATH: '${runpath}', without libcublas's folder (readelf exit ${rc})")
endif()
cudaenv_test_run(COMMAND "${WORK_DIR}/build/scale_check")
execute_process(COMMAND "${CMAKE_CTEST_COMMAND}" --test-dir "${WORK_DIR}/build" --output-on-failure
  OUTPUT_VARIABLE out ERROR_VARIABLE err RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "examples/device-link's test failed:\n${out}\n${err}")
endif()
string(REGEX MATCH "[0-9]+% tests passed, [0-9]+ tests failed out of [0-9]+" summary "${out}")
message(STATUS "ctest: ${summary}")
