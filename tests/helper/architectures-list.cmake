include("${SOURCE_ROOT}/tests/cmake/Fixture.cmake")
# `cudaenv architectures` prints what the list script (the modules'
# resolver) prints, in each form.
cudaenv_test_run(ENV "CUDAENV_CMAKE=${CMAKE_COMMAND}"
  COMMAND "${HELPER}" architectures --capabilities "8.6;12.0" --toolkit 13.0 --format cmake)
cudaenv_test_run(ENV "CUDAENV_CMAKE=${CMAKE_COMMAND}"
  COMMAND "${HELPER}" architectures --capabilities default --platform sbsa --toolkit 13.0 --format torch)
cudaenv_test_run(ENV "CUDAENV_CMAKE=${CMAKE_COMMAND}"
  COMMAND "${HELPER}" architectures --capabilities "9.0a" --toolkit 13.0 --format gencode)
