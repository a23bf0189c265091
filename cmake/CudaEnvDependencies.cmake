# Finds the helper's dependencies; a missing one stops the configure with the
# package that provides it.
include_guard(GLOBAL)

# _cudaenv_require(<find_package name> <version> <Debian/Ubuntu package>)
macro(_cudaenv_require package version system_package)
  find_package(${package} ${version} QUIET)
  if(NOT ${package}_FOUND)
    message(FATAL_ERROR
      "CudaEnv needs ${package} ${version} or newer to build the cudaenv helper, and CMake did not find it.\n"
      "Install it with: apt-get install ${system_package}   (or run scripts/setup.sh as root)\n"
      "If it is installed elsewhere, add its prefix to CMAKE_PREFIX_PATH.")
  endif()
endmacro()

# _cudaenv_require_pkgconfig(<module> <Debian/Ubuntu package>): a system C
# library found through pkg-config, as the target PkgConfig::<module>.
macro(_cudaenv_require_pkgconfig module system_package)
  find_package(PkgConfig QUIET)
  if(NOT PKG_CONFIG_FOUND)
    message(FATAL_ERROR "CudaEnv needs pkg-config to find ${module}.\n"
      "Install it with: apt-get install pkg-config   (or run scripts/setup.sh as root)")
  endif()
  pkg_check_modules(${module} QUIET IMPORTED_TARGET ${module})
  if(NOT ${module}_FOUND)
    message(FATAL_ERROR
      "CudaEnv needs ${module} to build the cudaenv helper, and pkg-config did not find it.\n"
      "Install it with: apt-get install ${system_package}   (or run scripts/setup.sh as root)")
  endif()
endmacro()

macro(cudaenv_find_helper_dependencies)
  _cudaenv_require(fmt 9 libfmt-dev)
  _cudaenv_require(CLI11 2.1 libcli11-dev)
  _cudaenv_require(nlohmann_json 3.10 nlohmann-json3-dev)
  _cudaenv_require_pkgconfig(libelf libelf-dev)
  _cudaenv_require_pkgconfig(liblz4 liblz4-dev)
  _cudaenv_require_pkgconfig(libzstd libzstd-dev)
  # Optional: without it `cudaenv inspect` reads binaries but not packages.
  pkg_check_modules(libarchive QUIET IMPORTED_TARGET libarchive)
  if(NOT libarchive_FOUND)
    message(STATUS "CudaEnv: libarchive not found (apt-get install libarchive-dev); "
      "cudaenv inspect will read binaries but not packages (.whl, .conda, .tar.*, .deb)")
  endif()
endmacro()

macro(cudaenv_find_test_dependencies)
  _cudaenv_require(Catch2 3 "catch2 (Debian 12: from bookworm-backports)")
endmacro()
