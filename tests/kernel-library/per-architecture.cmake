include("${SOURCE_ROOT}/tests/cmake/Fixture.cmake")
# COMPILE_PER_ARCHITECTURE: each architecture from its own PTX.
cudaenv_test_configure("${SOURCE_ROOT}/tests/fixtures/kernel-library"
  ARGS "-DFIXTURE_CAPABILITIES=8.0;8.6" "-DFIXTURE_VARIANTS=VARIANT@simt@CAPABILITIES@7.5+@SOURCES@variant.cu@COMPILE_PER_ARCHITECTURE")
