# Install rules and the relocatable package: <prefix>/lib/cmake/CudaEnv holds
# CudaEnvConfig.cmake, its version file and the modules with their data.
include(GNUInstallDirs)
include(CMakePackageConfigHelpers)

set(CUDAENV_INSTALL_CMAKEDIR "${CMAKE_INSTALL_LIBDIR}/cmake/CudaEnv"
  CACHE STRING "Where CudaEnv's package files go, relative to the prefix")

configure_package_config_file(
  "${CMAKE_CURRENT_LIST_DIR}/CudaEnvConfig.cmake.in"
  "${PROJECT_BINARY_DIR}/CudaEnvConfig.cmake"
  INSTALL_DESTINATION "${CUDAENV_INSTALL_CMAKEDIR}")
# The modules are plain CMake code with no compiled parts, so any minor of the
# same major (0.x: the same minor) works.
write_basic_package_version_file(
  "${PROJECT_BINARY_DIR}/CudaEnvConfigVersion.cmake"
  COMPATIBILITY SameMinorVersion
  ARCH_INDEPENDENT)

install(FILES
    "${PROJECT_BINARY_DIR}/CudaEnvConfig.cmake"
    "${PROJECT_BINARY_DIR}/CudaEnvConfigVersion.cmake"
  DESTINATION "${CUDAENV_INSTALL_CMAKEDIR}")
install(DIRECTORY "${PROJECT_SOURCE_DIR}/modules/"
  DESTINATION "${CUDAENV_INSTALL_CMAKEDIR}/modules"
  FILES_MATCHING PATTERN "*.cmake" PATTERN "*.json")
