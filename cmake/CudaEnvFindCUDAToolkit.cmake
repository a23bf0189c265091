# find_package(CUDAToolkit) for CudaEnv's own build. CMake 3.25.0 and
# 3.25.1 (Debian 12's) stop inside FindCUDAToolkit when the toolkit has no
# nvToolsExt library, as CUDA 12 and newer have not, and the project requires
# CMake 3.25: "set_property could not find TARGET CUDA::nvToolsExt" (the
# step that marks that target deprecated; 3.25.2 checks it exists first).
# That step is skipped by presenting an older minimum for the call.
include_guard(GLOBAL)

macro(cudaenv_find_cuda_toolkit)
  if(CMAKE_VERSION VERSION_LESS 3.25.2)
    set(_cudaenv_required "${CMAKE_MINIMUM_REQUIRED_VERSION}")
    set(CMAKE_MINIMUM_REQUIRED_VERSION 3.24)
    find_package(CUDAToolkit ${ARGN})
    set(CMAKE_MINIMUM_REQUIRED_VERSION "${_cudaenv_required}")
    unset(_cudaenv_required)
  else()
    find_package(CUDAToolkit ${ARGN})
  endif()
endmacro()
