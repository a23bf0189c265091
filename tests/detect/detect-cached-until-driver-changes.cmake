# The answer is cached until what it depends on changes, or on CUDAENV_REDETECT.
include("${SOURCE_ROOT}/tests/cmake/Fixture.cmake")
cudaenv_test_configure("${SOURCE_ROOT}/tests/fixtures/detect" ENV "CUDAENV_LIBCUDA=${FAKE_LIBCUDA}"
  ARGS -DFIXTURE_DETECT_ARGS=)
cudaenv_test_configure("${SOURCE_ROOT}/tests/fixtures/detect" ENV "CUDAENV_LIBCUDA=${FAKE_LIBCUDA}" FAKE_CUDA_MODE=crash
  ARGS -DFIXTURE_DETECT_ARGS=)
cudaenv_test_configure("${SOURCE_ROOT}/tests/fixtures/detect" ENV "CUDAENV_LIBCUDA=${FAKE_LIBCUDA}" FAKE_CUDA_MODE=crash
  ARGS -DFIXTURE_DETECT_ARGS= -DCUDAENV_REDETECT=ON)
cudaenv_test_configure("${SOURCE_ROOT}/tests/fixtures/detect" ENV "CUDAENV_LIBCUDA=${FAKE_LIBCUDA}"
  ARGS -DFIXTURE_DETECT_ARGS=)
cudaenv_test_configure("${SOURCE_ROOT}/tests/fixtures/detect" ENV "CUDAENV_LIBCUDA=${FAKE_LIBCUDA}" CUDA_VISIBLE_DEVICES=1
  ARGS -DFIXTURE_DETECT_ARGS=)
