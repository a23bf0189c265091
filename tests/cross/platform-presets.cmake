# The platform configure presets users copy: each cross-configures CudaEnv
# with its toolchain and selects its GPU (orin: Jetson, the aarch64-linux
# stand-in).
include("${SOURCE_ROOT}/tests/cmake/Fixture.cmake")
include("${SOURCE_ROOT}/tests/cmake/Cross.cmake")
cudaenv_test_cuda_root(sbsa_root sbsa-linux)
cudaenv_test_cuda_root(jetson_root aarch64-linux)
foreach(preset IN ITEMS sbsa gh200 gb200 gb300 dgx-spark thor orin)
  set(root "${sbsa_root}")
  if(preset STREQUAL "orin")
    set(root "${jetson_root}")
  endif()
  cudaenv_test_report("PRESET ${preset}" "CUDA_ARCHITECTURES = [^\n]*" WORKING_DIRECTORY "${SOURCE_ROOT}"
    COMMAND "${CMAKE_COMMAND}" --preset ${preset} -B "${WORK_DIR}/${preset}" "-DCUDAENV_CUDA_ROOT=${root}")
endforeach()
