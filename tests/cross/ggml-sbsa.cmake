include("${SOURCE_ROOT}/tests/cmake/Fixture.cmake")
include("${SOURCE_ROOT}/tests/cmake/Cross.cmake")
# llama.cpp's ggml reduction (tests/fixtures/ggml) cross-built for DGX Spark
# with toolchains/sbsa.cmake and the top-level include, against the stand-in
# sbsa toolkit: the toolchain is read first (platform sbsa, its nvcc), the
# include selects 12.1 for the backend, ggml rewrites it to 121a (which a
# GB10 runs), the audit says what no future GPU gets, and the backend is an
# AArch64 library with sm_121a code.
cudaenv_test_cuda_root(root sbsa-linux)
cudaenv_test_configure("${SOURCE_ROOT}/tests/fixtures/ggml" BUILD NO_MODULE_PATH
  ARGS -DGGML_CUDA=ON "-DCMAKE_TOOLCHAIN_FILE=${SOURCE_ROOT}/toolchains/sbsa.cmake" "-DCUDAENV_CUDA_ROOT=${root}"
       "-DCMAKE_PROJECT_TOP_LEVEL_INCLUDES=${SOURCE_ROOT}/modules/CudaEnvTopLevel.cmake" -DCUDAENV_CAPABILITIES=12.1)
set(library "${WORK_DIR}/build/ggml/src/ggml-cuda/libggml-cuda.so")
execute_process(COMMAND readelf -h "${library}" OUTPUT_VARIABLE header)
string(REGEX MATCH "Machine: *[A-Za-z0-9_-]+" machine "${header}")
message(STATUS "libggml-cuda.so ${machine}")
cudaenv_test_inspect("${library}" ARGS --check 12.1)
