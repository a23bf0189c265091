include("${SOURCE_ROOT}/tests/cmake/Fixture.cmake")
include("${SOURCE_ROOT}/tests/cmake/Cross.cmake")
# examples/consumer cross-built for Jetson Orin (8.7) with toolchains/jetson.cmake
# and a stand-in aarch64-linux toolkit: an AArch64 binary with sm_87 and its
# PTX, no host CUDA library linked, and it runs under qemu (no driver: 77).
cudaenv_test_cross_consumer(aarch64-linux "${SOURCE_ROOT}/toolchains/jetson.cmake" 8.7)
