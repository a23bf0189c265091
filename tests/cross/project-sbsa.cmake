include("${SOURCE_ROOT}/tests/cmake/Fixture.cmake")
include("${SOURCE_ROOT}/tests/cmake/Cross.cmake")
# CudaEnv itself cross-built for sbsa: the helper, its tests and the fatbin
# fixtures, against the stand-in toolkit and Debian's arm64 fmt, libelf,
# lz4, zstd and Catch2 (a second stand-in root). Every ELF file it makes is
# AArch64, nothing links a host CUDA library, the target's test suite passes
# under qemu through ctest, and the target's `cudaenv detect` says cleanly
# that there is no usable driver.
cudaenv_test_cuda_root(root sbsa-linux)
cudaenv_test_arm64_deps(deps)
cudaenv_test_configure("${SOURCE_ROOT}" BUILD NO_MODULE_PATH
  ARGS "-DCMAKE_TOOLCHAIN_FILE=${SOURCE_ROOT}/toolchains/sbsa.cmake" "-DCUDAENV_CUDA_ROOT=${root}"
       "-DCUDAENV_EXTRA_ROOTS=${deps}" -DCUDAENV_BUILD_HELPER=ON -DBUILD_TESTING=ON
       "-DCUDAENV_CAPABILITIES=9.0;10.0;12.1"
       # No --target-directory here: the toolchain keeps its pin when the
       # user sets CMAKE_CUDA_FLAGS.
       "-DCMAKE_CUDA_FLAGS=-lineinfo")
set(build "${WORK_DIR}/build")

# Every ELF file the build made (objects, archives, libraries, programs).
file(GLOB_RECURSE outputs LIST_DIRECTORIES false "${build}/src/*" "${build}/tests/*")
set(elf_count 0)
foreach(output IN LISTS outputs)
  file(READ "${output}" magic LIMIT 4 HEX)
  file(READ "${output}" archive LIMIT 7)
  if(magic STREQUAL "7f454c46" OR archive STREQUAL "!<arch>")
    execute_process(COMMAND readelf -h "${output}" OUTPUT_VARIABLE header ERROR_QUIET)
    string(REGEX MATCHALL "Machine: *[^\n]+" machines "${header}")
    foreach(machine IN LISTS machines)
      if(NOT machine MATCHES "AArch64")
        message(FATAL_ERROR "${output} is not an AArch64 file: ${machine}")
      endif()
    endforeach()
    math(EXPR elf_count "${elf_count} + 1")
  endif()
endforeach()
if(elf_count LESS 20)
  message(FATAL_ERROR "expected the build's objects and programs, found ${elf_count} ELF files")
endif()
message(STATUS "ELF files checked: all AArch64")
file(READ "${build}/build.ninja" rules)
if(rules MATCHES "targets/x86_64-linux/lib|lib64/libcudart|/usr/lib/x86_64-linux-gnu")
  message(FATAL_ERROR "the build links host (x86_64) libraries")
endif()

# The target-built fatbin fixture, read by this host's helper.
cudaenv_test_inspect("${build}/tests/fixtures/fatbins/libfatbin_specific.a")

# The target's own test suite, under qemu.
execute_process(COMMAND "${CMAKE_CTEST_COMMAND}" --test-dir "${build}" -j2 --output-on-failure
  OUTPUT_VARIABLE out ERROR_VARIABLE err RESULT_VARIABLE rc)
string(REGEX MATCH "[0-9]+% tests passed, [0-9]+ tests failed out of [0-9]+" summary "${out}")
message(STATUS "target ctest: ${summary}")
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "the cross-built tests failed under qemu:\n${out}\n${err}")
endif()

# The target's helper under emulation: no driver, said cleanly.
cudaenv_test_run(COMMAND "${build}/tests/cudaenv-emulated" detect)
