include("${SOURCE_ROOT}/tests/cmake/Fixture.cmake")
# Through the include, CUDAENV_CAPABILITIES beats a -DCMAKE_CUDA_ARCHITECTURES,
# which beats CUDAARCHS, as with cudaenv_select_architectures; the project
# here enables CUDA in its first project() (after the include has run).
cudaenv_test_project([=[
cudaenv_assert_equal(CMAKE_CUDA_ARCHITECTURES "${CMAKE_CUDA_ARCHITECTURES}" "86")
add_library(kernels STATIC "${CASE_SOURCES}/kernels.cu")
cudaenv_assert_property(kernels CUDA_ARCHITECTURES "86")
]=] LANGUAGES CXX CUDA NO_MODULE_PATH ENV CUDAARCHS=89
  ARGS "-DCMAKE_PROJECT_TOP_LEVEL_INCLUDES=${SOURCE_ROOT}/modules/CudaEnvTopLevel.cmake"
       -DCUDAENV_CAPABILITIES=8.6 -DCMAKE_CUDA_ARCHITECTURES=75)
