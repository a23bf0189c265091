#[=======================================================================[.rst:
toolchains/sbsa.cmake
---------------------

Cross-compiles CUDA projects from x86_64 to aarch64 servers ("SBSA"): Grace
Hopper (GH200, 9.0), Grace Blackwell (GB200 10.0, GB300 10.3), DGX Spark
(GB10, 12.1), and, from CUDA 13, Jetson Thor (11.0). Uses the toolkit's
``targets/sbsa-linux`` tree (NVIDIA's ``cuda-cross-sbsa-X-Y`` package).

::

  cmake -S . -B build-gh200 -DCMAKE_TOOLCHAIN_FILE=<CudaEnv>/toolchains/sbsa.cmake \
        -DCMAKE_PREFIX_PATH=<where CudaEnv is installed> -DCUDAENV_CAPABILITIES=9.0
  build-gh200/run-aarch64 build-gh200/app   # run it under qemu

Knobs (cache variables; the environment variable of the same name seeds
them on the first configure): ``CUDAENV_CUDA_ROOT`` (default ``$CUDA_PATH``,
else ``/usr/local/cuda``), ``CUDAENV_CROSS_PREFIX`` (``aarch64-linux-gnu-``),
``CUDAENV_SYSROOT`` (optional target sysroot), ``CUDAENV_EXTRA_ROOTS``.

It pins nvcc's target directory, points CMake's library and package search
at the target tree (also on CMake 3.25, whose FindCUDAToolkit does not know
``sbsa-linux``), passes the sysroot to nvcc and CUDA links, runs target
programs under ``qemu-aarch64`` when installed, and sets ``CUDAENV_PLATFORM``
to ``sbsa``; it never sets architectures (``cudaenv_select_architectures``
does, and refuses ``native`` in a cross build). It writes
``<build>/run-aarch64``, the emulator line as a script, and finds CudaEnv's
own package (a host tool) beside an installed toolchain or in
``CMAKE_PREFIX_PATH``, which the confined package search would miss.

Legacy ``find_package(CUDA)`` (FindCUDA) does not work with it on CMake
3.25 (FindCUDA knows ``aarch64-linux`` only): use ``find_package(CUDAToolkit)``
and the ``CUDA`` language, linking ``CUDA::cudart``, ``CUDA::cublas``.

Your own ``-DCMAKE_CUDA_FLAGS=...`` keeps the pin (the toolchain adds
``--target-directory=sbsa-linux`` to what CMake compiles with and leaves
your cache value as you wrote it). Libraries of the target other than CUDA's
(a Debian/Ubuntu arm64 root made with ``debootstrap`` or ``dpkg -x``) go in
``CUDAENV_SYSROOT`` or ``CUDAENV_EXTRA_ROOTS``: CMake searches them,
pkg-config reads their ``.pc`` files instead of the host's, the linker
resolves their dependencies there (``-rpath-link``), and programs run under
qemu find them (``LD_LIBRARY_PATH`` in the emulator's environment).
#]=======================================================================]
set(_CUDAENV_CROSS_TARGET sbsa-linux)
set(_CUDAENV_CROSS_PLATFORM sbsa)
include("${CMAKE_CURRENT_LIST_DIR}/CudaEnvCrossAarch64.cmake")
