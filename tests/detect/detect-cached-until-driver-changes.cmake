include("${SOURCE_ROOT}/tests/cmake/Fixture.cmake")
# The answer is cached until what it depends on changes, or on CUDAENV_REDETECT.
set(body [=[
include(CudaEnvDetect)
cudaenv_detect()
message(STATUS "FOUND=${CUDAENV_DRIVER_FOUND} COUNT=${CUDAENV_GPU_COUNT} CAPS=${CUDAENV_GPU_CAPABILITIES} ")
]=])
cudaenv_test_project("${body}" LANGUAGES CUDA ENV "CUDAENV_LIBCUDA=${FAKE_LIBCUDA}")
cudaenv_test_project("${body}" LANGUAGES CUDA ENV "CUDAENV_LIBCUDA=${FAKE_LIBCUDA}" FAKE_CUDA_MODE=crash)
cudaenv_test_project("${body}" LANGUAGES CUDA ENV "CUDAENV_LIBCUDA=${FAKE_LIBCUDA}" FAKE_CUDA_MODE=crash ARGS -DCUDAENV_REDETECT=ON)
cudaenv_test_project("${body}" LANGUAGES CUDA ENV "CUDAENV_LIBCUDA=${FAKE_LIBCUDA}")
cudaenv_test_project("${body}" LANGUAGES CUDA ENV "CUDAENV_LIBCUDA=${FAKE_LIBCUDA}" CUDA_VISIBLE_DEVICES=1)
