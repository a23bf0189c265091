include("${SOURCE_ROOT}/tests/cmake/Fixture.cmake")
include("${SOURCE_ROOT}/tests/cmake/Packages.cmake")
# Every ELF inside a package is judged under its path in the package: a
# wheel, a conda v2 package (its .tar.zst inside a zip), a conda v1 .tar.bz2
# and a .deb, each holding the same library (sm_86 SASS, compute_120 PTX).
cudaenv_test_make_packages("${WORK_DIR}/dist" "${FATBIN_SHARED}")
file(GLOB packages "${WORK_DIR}/dist/demo*")
cudaenv_test_inspect(${packages} ARGS --check 8.6 --check 9.0)
