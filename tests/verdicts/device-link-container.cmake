include("${SOURCE_ROOT}/tests/cmake/Fixture.cmake")
# `nvcc -arch=sm_80 app.cu`: the device link adds container 1, whose cubin
# defines no kernel. It does not count, so 9.0 runs the program by JIT from
# container 2's compute_80, as the driver does.
cudaenv_test_inspect("${NVCC_LINKED}" ARGS --check 9.0 --check 8.0)
