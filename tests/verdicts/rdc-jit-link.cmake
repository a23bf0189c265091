include("${SOURCE_ROOT}/tests/cmake/Fixture.cmake")
# -rdc: the linked container has sm_80 SASS only; the portable PTX is in the
# relocatable container, which the runtime JIT-links for a newer GPU. The
# verdict says so, and that it is not verified on a GPU.
cudaenv_test_inspect("${RDC_PROGRAM}" ARGS --check 9.0 --check 7.5)
