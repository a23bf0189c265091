# The platform configure presets users copy: each cross-configures CudaEnv
# with its toolchain and selects its GPU. The stand-in toolkit has only a
# shared libcudart and no Jetson (aarch64-linux) tree, so orin is left out.
include("${SOURCE_ROOT}/tests/cmake/Fixture.cmake")
include("${SOURCE_ROOT}/tests/cmake/Cross.cmake")
cudaenv_test_cuda_root(root sbsa-linux)
foreach(preset IN ITEMS sbsa gh200 gb200 gb300 dgx-spark thor)
  execute_process(
    COMMAND "${CMAKE_COMMAND}" --preset ${preset} -B "${WORK_DIR}/${preset}" "-DCUDAENV_CUDA_ROOT=${root}"
      -DCMAKE_CUDA_FLAGS=--cudart=shared -DCMAKE_CUDA_RUNTIME_LIBRARY=Shared
    WORKING_DIRECTORY "${SOURCE_ROOT}" RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
  string(REGEX MATCH "CUDA_ARCHITECTURES = [^\n]*" archs "${out}")
  message(STATUS "PRESET ${preset}: exit ${rc}, ${archs}")
  if(NOT rc EQUAL 0)
    message(NOTICE "${err}")
  endif()
endforeach()
