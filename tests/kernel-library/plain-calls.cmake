include("${SOURCE_ROOT}/tests/cmake/Fixture.cmake")
# The library in plain calls, as a project writes it: the library, one call
# per variant, no explicit finalize (the end of the directory finishes it).
set(fixture "${SOURCE_ROOT}/tests/fixtures/kernel-library")
file(WRITE "${WORK_DIR}/project/CMakeLists.txt" "
cmake_minimum_required(VERSION 3.25)
project(plain_calls LANGUAGES CXX CUDA)
include(CudaEnvKernels)
cudaenv_select_architectures(CAPABILITIES 7.5 8.6 9.0)
cudaenv_add_kernel_library(fixture STATIC SOURCES [[${fixture}/host.cpp]])
cudaenv_kernel_library_variant(fixture simt CAPABILITIES 7.5+ SOURCES [[${fixture}/variant.cu]])
cudaenv_kernel_library_variant(fixture tensorcore CAPABILITIES 8.0+ SOURCES [[${fixture}/variant.cu]]
  COMPILE_PER_ARCHITECTURE)
function(show)
  get_target_property(built fixture CUDAENV_KERNEL_VARIANTS)
  foreach(tag IN LISTS built)
    get_target_property(flags fixture_variant_\${tag} CUDAENV_GENERATE_CODE)
    string(REPLACE \"--generate-code=arch=\" \"\" flags \"\${flags}\")
    message(STATUS \"RESULT \${tag}: \${flags}\")
  endforeach()
endfunction()
cmake_language(DEFER CALL show)
")
cudaenv_test_configure("${WORK_DIR}/project" BUILD)
