# Builds a .cu with 8.6, 9.0a, 10.0f and 12.0 and prints the --generate-code
# flags the compile used: one PTX (compute_120), no PTX for a/f targets.
include("${SOURCE_ROOT}/tests/cmake/Fixture.cmake")
cudaenv_test_configure("${SOURCE_ROOT}/tests/fixtures/generate-code" BUILD
  ARGS -DCMAKE_EXPORT_COMPILE_COMMANDS=ON)
file(READ "${WORK_DIR}/build/compile_commands.json" commands)
# CMake 4 quotes each flag (it holds brackets): match up to the closing ']'.
string(REGEX MATCHALL "--generate-code=[^] \"\\\\]+\\]" flags "${commands}")
list(JOIN flags " " flags)
message(STATUS "FLAGS: ${flags}")
if(NOT EXISTS "${WORK_DIR}/build/libkernels.a")
  message(FATAL_ERROR "the kernel library was not built")
endif()
