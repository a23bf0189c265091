# Helpers for the cross-build cases: the stand-in toolkits and arm64
# libraries (made by the fixture cross.stand-ins) and a cross consumer build.
include_guard(GLOBAL)

# The stand-ins are made once per test run by the fixture cross.stand-ins
# (tests/cross/make-stand-ins.sh) into STAND_INS_DIR; a case that uses them
# requires that fixture and only reads what it made.
# _cudaenv_test_stand_in(<out-var> <variable set by roots.cmake>)
function(_cudaenv_test_stand_in out variable)
  if(NOT EXISTS "${STAND_INS_DIR}/roots.cmake")
    message(FATAL_ERROR "the cross stand-ins are not in '${STAND_INS_DIR}': this case needs the CTest fixture "
      "cross-stand-ins (FIXTURES_REQUIRED), whose test cross.stand-ins makes them; run it with ctest -L cross")
  endif()
  include("${STAND_INS_DIR}/roots.cmake")
  set(${out} "${${variable}}" PARENT_SCOPE)
endfunction()

# cudaenv_test_cuda_root(<out-var> <sbsa-linux|aarch64-linux>): a stand-in
# toolkit root with that target tree.
function(cudaenv_test_cuda_root out target)
  _cudaenv_test_stand_in(root "CUDAENV_TEST_ROOT_${target}")
  set(${out} "${root}" PARENT_SCOPE)
endfunction()

# cudaenv_test_arm64_deps(<out-var>): Debian's arm64 builds of the helper's
# libraries, unpacked into a root for CUDAENV_EXTRA_ROOTS.
function(cudaenv_test_arm64_deps out)
  _cudaenv_test_stand_in(root CUDAENV_TEST_ARM64_DEPS)
  set(${out} "${root}" PARENT_SCOPE)
endfunction()

# cudaenv_test_cross_consumer(<sbsa-linux|aarch64-linux> <toolchain file>
#     <capabilities> [PROJECT <dir under examples>] [PROGRAM <name>]
#     [CTEST]): a project (default examples/consumer, program saxpy)
# cross-built against an installed CudaEnv with a stand-in toolkit, with the
# README's command line. Prints the program's machine, fails if the build
# links host CUDA libraries, then runs the program under qemu with the
# build's run-aarch64 (no driver there: exit 77) and, with CTEST, runs the
# project's tests through the toolchain's emulator.
function(cudaenv_test_cross_consumer target toolchain capabilities)
  cmake_parse_arguments(PARSE_ARGV 3 arg "CTEST" "PROJECT;PROGRAM" "")
  if(NOT arg_PROJECT)
    set(arg_PROJECT consumer)
    set(arg_PROGRAM saxpy)
  endif()
  cudaenv_test_cuda_root(root "${target}")
  cudaenv_test_install("${WORK_DIR}/prefix")
  # As a user does: the installed toolchain, CudaEnv found through
  # CMAKE_PREFIX_PATH (no CudaEnv_DIR), the program run with run-aarch64.
  get_filename_component(toolchain_name "${toolchain}" NAME)
  cudaenv_test_configure("${SOURCE_ROOT}/examples/${arg_PROJECT}" BUILD NO_MODULE_PATH
    ARGS "-DCMAKE_TOOLCHAIN_FILE=${WORK_DIR}/prefix/lib/cmake/CudaEnv/toolchains/${toolchain_name}"
         "-DCUDAENV_CUDA_ROOT=${root}" "-DCMAKE_PREFIX_PATH=${WORK_DIR}/prefix" "-DCUDAENV_CAPABILITIES=${capabilities}")
  set(program "${WORK_DIR}/build/${arg_PROGRAM}")
  execute_process(COMMAND readelf -h "${program}" OUTPUT_VARIABLE header)
  string(REGEX MATCH "Machine: *[A-Za-z0-9_-]+" machine "${header}")
  message(STATUS "${arg_PROGRAM} ${machine}")
  file(READ "${WORK_DIR}/build/build.ninja" rules)
  if(rules MATCHES "targets/x86_64-linux/lib|lib64/libcudart")
    message(FATAL_ERROR "the build links host (x86_64) CUDA libraries")
  endif()
  cudaenv_test_run(COMMAND "${WORK_DIR}/build/run-aarch64" "${program}")
  if(arg_CTEST)
    execute_process(COMMAND "${CMAKE_CTEST_COMMAND}" --test-dir "${WORK_DIR}/build" --output-on-failure
      OUTPUT_VARIABLE out ERROR_VARIABLE err RESULT_VARIABLE rc)
    string(REGEX MATCH "[0-9]+% tests passed, [0-9]+ tests failed out of [0-9]+" summary "${out}")
    string(REGEX MATCHALL "[0-9]+ - [^\\n]+\\(Skipped\\)" skipped "${out}")
    message(STATUS "ctest: ${summary}; skipped: ${skipped}")
    if(NOT rc EQUAL 0)
      message(FATAL_ERROR "the project's tests failed under the toolchain's emulator:\n${out}\n${err}")
    endif()
  endif()
endfunction()
