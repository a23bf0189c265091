include("${SOURCE_ROOT}/tests/cmake/Fixture.cmake")
include("${SOURCE_ROOT}/tests/cmake/Cross.cmake")
# examples/consumer cross-built for GH200, GB200 and DGX Spark against an
# installed CudaEnv, with the stand-in sbsa toolkit: every binary is AArch64,
# no host CUDA path is linked, the fatbin holds the selected code (the
# post-build verify runs the host helper), and the binary runs under qemu,
# where it finds no driver and says so (exit 77).
cudaenv_test_cuda_root(root sbsa-linux)
execute_process(COMMAND "${CMAKE_COMMAND}" --install "${CUDAENV_BUILD_DIR}" --prefix "${WORK_DIR}/prefix"
  RESULT_VARIABLE rc OUTPUT_QUIET)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "cmake --install failed")
endif()
cudaenv_test_configure("${SOURCE_ROOT}/examples/consumer" BUILD NO_MODULE_PATH
  ARGS "-DCMAKE_TOOLCHAIN_FILE=${SOURCE_ROOT}/toolchains/sbsa.cmake" "-DCUDAENV_CUDA_ROOT=${root}"
       "-DCudaEnv_DIR=${WORK_DIR}/prefix/lib/cmake/CudaEnv" "-DCUDAENV_CAPABILITIES=9.0;10.0;12.1"
       # The stand-in has a shared libcudart only.
       -DCMAKE_CUDA_FLAGS=--cudart=shared -DCMAKE_CUDA_RUNTIME_LIBRARY=Shared)
execute_process(COMMAND readelf -h "${WORK_DIR}/build/saxpy" OUTPUT_VARIABLE header)
string(REGEX MATCH "Machine: *[A-Za-z0-9_-]+" machine "${header}")
message(STATUS "saxpy ${machine}")
file(READ "${WORK_DIR}/build/build.ninja" rules)
if(rules MATCHES "targets/x86_64-linux/lib|lib64/libcudart")
  message(FATAL_ERROR "the build links host (x86_64) CUDA libraries")
endif()
cudaenv_test_run(ENV "QEMU_LD_PREFIX=/usr/aarch64-linux-gnu" "LD_LIBRARY_PATH=${root}/targets/sbsa-linux/lib"
  COMMAND qemu-aarch64 "${WORK_DIR}/build/saxpy")
