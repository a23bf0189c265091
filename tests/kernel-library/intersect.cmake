include("${SOURCE_ROOT}/tests/cmake/Fixture.cmake")
# Each variant is built for the selected capabilities it supports; a 9.0a
# variant joins because 9.0 is selected; a 10.0+ variant matches nothing and
# is left out; the one PTX (9.0, the highest) goes to the last plain variant.
cudaenv_test_configure("${SOURCE_ROOT}/tests/fixtures/kernel-library" BUILD
  ARGS "-DFIXTURE_CAPABILITIES=7.5;8.6;9.0"
       "-DFIXTURE_VARIANTS=VARIANT@simt@CAPABILITIES@7.5+@SOURCES@variant.cu@VARIANT@tensorcore@CAPABILITIES@8.0+@SOURCES@variant.cu@VARIANT@hopper@CAPABILITIES@9.0a@SOURCES@variant.cu@VARIANT@blackwell@CAPABILITIES@10.0+@SOURCES@variant.cu")
