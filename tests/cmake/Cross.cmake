# Helpers for the cross-build cases: the stand-in sbsa toolkit (built once
# into a cache directory) and the arguments of a cross configure.
include_guard(GLOBAL)

# The cache: $CUDAENV_CACHE_DIR, else ~/.cache/cudaenv.
if(NOT "$ENV{CUDAENV_CACHE_DIR}" STREQUAL "")
  set(CUDAENV_TEST_CACHE "$ENV{CUDAENV_CACHE_DIR}")
else()
  set(CUDAENV_TEST_CACHE "$ENV{HOME}/.cache/cudaenv")
endif()

# Runs a stand-in script (it prints the root it built, cached) and returns
# that root in <out>; a failure says what was being made.
function(_cudaenv_test_stand_in out what script)
  execute_process(COMMAND "${SOURCE_ROOT}/tests/cross/${script}" "${CUDAENV_TEST_CACHE}/cross" ${ARGN}
    OUTPUT_VARIABLE root ERROR_VARIABLE log RESULT_VARIABLE rc OUTPUT_STRIP_TRAILING_WHITESPACE)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "${what} failed:\n${log}")
  endif()
  set(${out} "${root}" PARENT_SCOPE)
endfunction()

# cudaenv_test_cuda_root(<out-var> <sbsa-linux|aarch64-linux>): a stand-in
# toolkit root with that target tree.
function(cudaenv_test_cuda_root out target)
  _cudaenv_test_stand_in(root "building the stand-in ${target} toolkit" make-cuda-target-root.sh "${target}")
  set(${out} "${root}" PARENT_SCOPE)
endfunction()

# cudaenv_test_arm64_deps(<out-var>): Debian's arm64 builds of the helper's
# libraries, unpacked into a root for CUDAENV_EXTRA_ROOTS.
function(cudaenv_test_arm64_deps out)
  _cudaenv_test_stand_in(root "unpacking the arm64 libraries" make-arm64-deps.sh)
  set(${out} "${root}" PARENT_SCOPE)
endfunction()

# cudaenv_test_cross_consumer(<sbsa-linux|aarch64-linux> <toolchain file>
#                             <capabilities>): examples/consumer cross-built
# against an installed CudaEnv with a stand-in toolkit. Prints the binary's
# machine, fails if the build links host CUDA libraries, then runs the
# binary under qemu (no driver there: exit 77).
function(cudaenv_test_cross_consumer target toolchain capabilities)
  cudaenv_test_cuda_root(root "${target}")
  cudaenv_test_install("${WORK_DIR}/prefix")
  cudaenv_test_configure("${SOURCE_ROOT}/examples/consumer" BUILD NO_MODULE_PATH
    ARGS "-DCMAKE_TOOLCHAIN_FILE=${toolchain}" "-DCUDAENV_CUDA_ROOT=${root}"
         "-DCudaEnv_DIR=${WORK_DIR}/prefix/lib/cmake/CudaEnv" "-DCUDAENV_CAPABILITIES=${capabilities}"
         # The stand-in has a shared libcudart only.
         -DCMAKE_CUDA_FLAGS=--cudart=shared -DCMAKE_CUDA_RUNTIME_LIBRARY=Shared)
  execute_process(COMMAND readelf -h "${WORK_DIR}/build/saxpy" OUTPUT_VARIABLE header)
  string(REGEX MATCH "Machine: *[A-Za-z0-9_-]+" machine "${header}")
  message(STATUS "saxpy ${machine}")
  file(READ "${WORK_DIR}/build/build.ninja" rules)
  if(rules MATCHES "targets/x86_64-linux/lib|lib64/libcudart")
    message(FATAL_ERROR "the build links host (x86_64) CUDA libraries")
  endif()
  cudaenv_test_run(ENV "QEMU_LD_PREFIX=/usr/aarch64-linux-gnu" "LD_LIBRARY_PATH=${root}/targets/${target}/lib"
    COMMAND qemu-aarch64 "${WORK_DIR}/build/saxpy")
endfunction()
