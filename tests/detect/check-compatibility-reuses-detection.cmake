include("${SOURCE_ROOT}/tests/cmake/Fixture.cmake")
# After cudaenv_detect, cudaenv_check_compatibility judges the saved answer:
# the fake driver stops answering ("no device") before the check, and the
# check still sees the two GPUs detected (no second probe).
cudaenv_test_project([=[
include(CudaEnvDetect)
include(CudaEnvArchitectures)
cudaenv_detect(QUIET)
cudaenv_assert_equal(CUDAENV_DRIVER_FOUND "${CUDAENV_DRIVER_FOUND}" "TRUE")
cudaenv_assert_equal(CUDAENV_GPU_COUNT "${CUDAENV_GPU_COUNT}" "2")
# The driver now has no device: the check judges the cached answer, not a new probe.
set(ENV{FAKE_CUDA_MODE} no-device)
cudaenv_check_compatibility(ARCHITECTURES 86-real)
cudaenv_assert_equal(CUDAENV_COMPATIBLE "${CUDAENV_COMPATIBLE}" "FALSE")
]=] LANGUAGES CUDA ENV "CUDAENV_LIBCUDA=${FAKE_LIBCUDA}")
