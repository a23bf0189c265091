include("${SOURCE_ROOT}/tests/cmake/Fixture.cmake")
# A static archive whose members are built for different GPUs, as libraries
# that pick kernels per architecture at run time are: on 8.6 only member_a
# has code, so it runs partly; the check names the member and its kernel,
# warns, and passes without --strict.
cudaenv_test_inspect("${FATBIN_ARCHIVE}" ARGS --check 8.6@13.0 --check 9.0@13.0)
