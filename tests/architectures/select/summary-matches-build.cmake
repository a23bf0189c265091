include("${SOURCE_ROOT}/tests/cmake/Fixture.cmake")
# After the call the project overrides CMAKE_CUDA_ARCHITECTURES for a new
# target and gives another its own list: at the end of the configure each is
# named with its list, since the summary and -DCUDAENV_CAPABILITIES do not
# apply to them. The target that follows the selection is not named.
cudaenv_test_project([=[
include(CudaEnvArchitectures)
cudaenv_select_architectures()
add_library(kernels STATIC "${CASE_SOURCES}/kernels.cu")
set(CMAKE_CUDA_ARCHITECTURES 75)
add_library(late STATIC "${CASE_SOURCES}/kernels.cu")
add_library(own STATIC "${CASE_SOURCES}/kernels.cu")
set_property(TARGET own PROPERTY CUDA_ARCHITECTURES 90-real)
]=] LANGUAGES CUDA ARGS -DCUDAENV_CAPABILITIES=8.6)
