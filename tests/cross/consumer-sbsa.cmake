include("${SOURCE_ROOT}/tests/cmake/Fixture.cmake")
include("${SOURCE_ROOT}/tests/cmake/Cross.cmake")
# examples/consumer cross-built for GH200, GB200 and DGX Spark against an
# installed CudaEnv, with the stand-in sbsa toolkit: every binary is AArch64,
# no host CUDA path is linked, the fatbin holds the selected code (the
# post-build verify runs the host helper), and the binary runs under qemu,
# where it finds no driver and says so (exit 77).
cudaenv_test_cross_consumer(sbsa-linux "${SOURCE_ROOT}/toolchains/sbsa.cmake" "9.0;10.0;12.1")
