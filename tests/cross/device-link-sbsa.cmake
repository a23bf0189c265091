include("${SOURCE_ROOT}/tests/cmake/Fixture.cmake")
include("${SOURCE_ROOT}/tests/cmake/Cross.cmake")
# examples/device-link cross-built for GH200 and GB200 as the README says:
# several files with separable compilation (a device link against the
# target tree's libcudadevrt and libcudart_static archives) and cuBLAS. The
# program runs under qemu with run-aarch64 and through ctest (the
# toolchain's emulator), finds no driver and says so: exit 77, skipped.
cudaenv_test_cross_consumer(sbsa-linux "${SOURCE_ROOT}/toolchains/sbsa.cmake" "9.0;10.0"
  PROJECT device-link PROGRAM scale_check CTEST)
file(GLOB device_links "${WORK_DIR}/build/CMakeFiles/scale_check.dir/cmake_device_link.o")
if(NOT device_links)
  message(FATAL_ERROR "no device link object: the build did not device-link scale_check")
endif()
execute_process(COMMAND readelf -d "${WORK_DIR}/build/scale_check" OUTPUT_VARIABLE dynamic)
string(REGEX MATCHALL "Shared library: \\[libcu[a-zA-Z]*\\.so[.0-9]*\\]" cuda_needed "${dynamic}")
message(STATUS "CUDA libraries needed: ${cuda_needed}")
