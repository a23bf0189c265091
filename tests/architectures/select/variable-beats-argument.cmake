include("${SOURCE_ROOT}/tests/cmake/Fixture.cmake")
# nixpkgs, spack and distributions pass -DCMAKE_CUDA_ARCHITECTURES: it beats
# the project's CAPABILITIES.
cudaenv_test_configure("${SOURCE_ROOT}/tests/fixtures/select" ARGS -DCMAKE_CUDA_ARCHITECTURES=75 "-DFIXTURE_CAPABILITIES=8.6;9.0")
