include("${SOURCE_ROOT}/tests/cmake/Fixture.cmake")
# A packager's list (nixpkgs, spack: -DCMAKE_CUDA_ARCHITECTURES) wins, within
# what the project's code supports: 7.5 is dropped with a warning naming both.
cudaenv_test_configure("${SOURCE_ROOT}/tests/fixtures/select"
  ARGS "-DCMAKE_CUDA_ARCHITECTURES=75-real;86-real;90" "-DFIXTURE_CAPABILITIES=8.6" "-DFIXTURE_SUPPORTED=8.0+")
