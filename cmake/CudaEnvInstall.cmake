# Install rules and the relocatable package: <prefix>/lib/cmake/CudaEnv holds
# CudaEnvConfig.cmake, its version file, the top-level include, the list script, the helper's exported target, the
# modules with their data and the toolchain files; the helper goes to
# <prefix>/bin, the kernel registry header to <prefix>/include/cudaenv.
include(GNUInstallDirs)
include(CMakePackageConfigHelpers)

set(CUDAENV_INSTALL_CMAKEDIR "${CMAKE_INSTALL_LIBDIR}/cmake/CudaEnv"
  CACHE STRING "Where CudaEnv's package files go, relative to the prefix")

set(CUDAENV_HAS_HELPER ${CUDAENV_BUILD_HELPER})
set(CUDAENV_INCLUDE_DIR "${CMAKE_INSTALL_INCLUDEDIR}")
configure_package_config_file(
  "${CMAKE_CURRENT_LIST_DIR}/CudaEnvConfig.cmake.in"
  "${PROJECT_BINARY_DIR}/CudaEnvConfig.cmake"
  INSTALL_DESTINATION "${CUDAENV_INSTALL_CMAKEDIR}"
  PATH_VARS CUDAENV_INCLUDE_DIR)
write_basic_package_version_file(
  "${PROJECT_BINARY_DIR}/CudaEnvConfigVersion.cmake"
  COMPATIBILITY SameMinorVersion)

# The top-level include (CMAKE_PROJECT_TOP_LEVEL_INCLUDES) for projects that
# do not call CudaEnv: a forwarder to modules/CudaEnvTopLevel.cmake that
# knows where the installed helper is.
file(RELATIVE_PATH CUDAENV_HELPER_FROM_CMAKEDIR "/${CUDAENV_INSTALL_CMAKEDIR}" "/${CMAKE_INSTALL_BINDIR}/cudaenv")
configure_file("${CMAKE_CURRENT_LIST_DIR}/CudaEnvTopLevel.cmake.in" "${PROJECT_BINARY_DIR}/CudaEnvTopLevel.cmake" @ONLY)
# And the list for other builds (cmake -P), beside it.
configure_file("${CMAKE_CURRENT_LIST_DIR}/CudaEnvArchitecturesList.cmake.in"
  "${PROJECT_BINARY_DIR}/CudaEnvArchitecturesList.cmake" COPYONLY)

install(FILES
    "${PROJECT_BINARY_DIR}/CudaEnvConfig.cmake"
    "${PROJECT_BINARY_DIR}/CudaEnvConfigVersion.cmake"
    "${PROJECT_BINARY_DIR}/CudaEnvTopLevel.cmake"
    "${PROJECT_BINARY_DIR}/CudaEnvArchitecturesList.cmake"
  DESTINATION "${CUDAENV_INSTALL_CMAKEDIR}")
install(DIRECTORY "${PROJECT_SOURCE_DIR}/modules/"
  DESTINATION "${CUDAENV_INSTALL_CMAKEDIR}/modules"
  FILES_MATCHING PATTERN "*.cmake" PATTERN "*.json" PATTERN "*.in")
# The kernel library's registry header, for the libraries' own sources.
install(FILES "${PROJECT_SOURCE_DIR}/include/cudaenv/kernel_registry.hpp"
  DESTINATION "${CMAKE_INSTALL_INCLUDEDIR}/cudaenv")
install(DIRECTORY "${PROJECT_SOURCE_DIR}/toolchains/"
  DESTINATION "${CUDAENV_INSTALL_CMAKEDIR}/toolchains"
  FILES_MATCHING PATTERN "*.cmake")

if(CUDAENV_BUILD_HELPER)
  install(TARGETS cudaenv EXPORT CudaEnvTargets RUNTIME DESTINATION "${CMAKE_INSTALL_BINDIR}")
  install(EXPORT CudaEnvTargets NAMESPACE CudaEnv:: DESTINATION "${CUDAENV_INSTALL_CMAKEDIR}")
endif()
