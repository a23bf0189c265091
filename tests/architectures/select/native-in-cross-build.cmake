include("${SOURCE_ROOT}/tests/cmake/Fixture.cmake")
# native in a cross build: an error that names the target's capabilities.
cudaenv_test_project([=[
include(CudaEnvArchitectures)
set(CMAKE_CROSSCOMPILING ON)
cudaenv_select_architectures()
]=] LANGUAGES CUDA ARGS -DCUDAENV_CAPABILITIES=native)
