include("${SOURCE_ROOT}/tests/cmake/Fixture.cmake")
# Without cudaenv_select_architectures (or ARCHITECTURES) there is no list
# to intersect with: CMake's default is a single architecture, not a choice.
cudaenv_test_configure("${SOURCE_ROOT}/tests/fixtures/kernel-library"
  ARGS -DCMAKE_CUDA_ARCHITECTURES=native "-DFIXTURE_VARIANTS=VARIANT@simt@CAPABILITIES@7.5+@SOURCES@variant.cu")
