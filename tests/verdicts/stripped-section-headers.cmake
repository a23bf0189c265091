include("${SOURCE_ROOT}/tests/cmake/Fixture.cmake")
# The nvcc-linked program with its section headers zeroed (as sstrip does):
# the containers are found by scanning for them, and the output says so.
cudaenv_test_run(COMMAND "${HELPER}" inspect "${STRIPPED_PROGRAM}" --check 9.0 --check 7.5)
