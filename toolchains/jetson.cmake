#[=======================================================================[.rst:
toolchains/jetson.cmake
-----------------------

Cross-compiles CUDA projects from x86_64 to Jetson boards on L4T with CUDA
12 or older (Orin 8.7, Xavier 7.2): the toolkit's ``targets/aarch64-linux``
tree (NVIDIA's ``cuda-cross-aarch64-X-Y`` package). Jetson Thor on CUDA 13
uses the server toolkit: take ``toolchains/sbsa.cmake``.

::

  cmake -S . -B build-orin -DCMAKE_TOOLCHAIN_FILE=<CudaEnv>/toolchains/jetson.cmake \
        -DCUDAENV_CAPABILITIES=8.7

Knobs and behaviour as in ``toolchains/sbsa.cmake``; ``CUDAENV_PLATFORM``
is ``jetson``, whose default set holds only Jetson capabilities.
#]=======================================================================]
set(_CUDAENV_CROSS_TARGET aarch64-linux)
set(_CUDAENV_CROSS_PLATFORM jetson)
include("${CMAKE_CURRENT_LIST_DIR}/CudaEnvCrossAarch64.cmake")
