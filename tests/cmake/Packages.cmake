# cudaenv_test_make_packages(<dir> <library>): the package formats people
# ship, each holding <library> as a real one would, made with CMake's own
# archiver (and binutils' ar for the .deb) in <dir>:
#   demo-1.0-py3-none-linux_x86_64.whl   a wheel (zip)
#   demo-1.0-0.conda                     a conda v2 package (zip of .tar.zst)
#   demo-1.0-0.tar.bz2                   a conda v1 package
#   demo_1.0_amd64.deb                   a Debian package (ar of .tar.xz)
#   pure-1.0-py3-none-any.whl            a wheel without binaries
include_guard(GLOBAL)

function(_cudaenv_tar dir archive)
  execute_process(COMMAND "${CMAKE_COMMAND}" -E tar ${ARGN} WORKING_DIRECTORY "${dir}" RESULT_VARIABLE result)
  if(NOT result EQUAL 0)
    message(FATAL_ERROR "making ${archive} failed (${result})")
  endif()
endfunction()

function(cudaenv_test_make_packages dir library)
  file(REMOVE_RECURSE "${dir}")
  file(MAKE_DIRECTORY "${dir}")
  get_filename_component(name "${library}" NAME)

  set(wheel "${dir}/wheel")
  file(MAKE_DIRECTORY "${wheel}/demo/lib" "${wheel}/demo-1.0.dist-info")
  file(COPY_FILE "${library}" "${wheel}/demo/lib/${name}")
  file(WRITE "${wheel}/demo/__init__.py" "from . import lib\n")
  file(WRITE "${wheel}/demo-1.0.dist-info/METADATA" "Metadata-Version: 2.1\nName: demo\nVersion: 1.0\n")
  _cudaenv_tar("${wheel}" whl cf "${dir}/demo-1.0-py3-none-linux_x86_64.whl" --format=zip demo demo-1.0.dist-info)

  set(pure "${dir}/pure")
  file(MAKE_DIRECTORY "${pure}/pure")
  file(WRITE "${pure}/pure/__init__.py" "answer = 42\n")
  _cudaenv_tar("${pure}" whl cf "${dir}/pure-1.0-py3-none-any.whl" --format=zip pure)

  set(conda "${dir}/conda")
  file(MAKE_DIRECTORY "${conda}/pkg/lib" "${conda}/info/info" "${conda}/outer")
  file(COPY_FILE "${library}" "${conda}/pkg/lib/${name}")
  file(WRITE "${conda}/info/info/index.json" "{\"name\": \"demo\", \"version\": \"1.0\"}\n")
  _cudaenv_tar("${conda}/pkg" tar.zst cf "${conda}/outer/pkg-demo-1.0-0.tar.zst" --zstd lib)
  _cudaenv_tar("${conda}/info" tar.zst cf "${conda}/outer/info-demo-1.0-0.tar.zst" --zstd info)
  file(WRITE "${conda}/outer/metadata.json" "{\"conda_pkg_format_version\": 2}\n")
  _cudaenv_tar("${conda}/outer" conda cf "${dir}/demo-1.0-0.conda" --format=zip
    metadata.json info-demo-1.0-0.tar.zst pkg-demo-1.0-0.tar.zst)
  file(COPY "${conda}/info/info" DESTINATION "${conda}/pkg")
  _cudaenv_tar("${conda}/pkg" tar.bz2 cjf "${dir}/demo-1.0-0.tar.bz2" lib info)

  set(deb "${dir}/deb")
  file(MAKE_DIRECTORY "${deb}/data/usr/lib/x86_64-linux-gnu" "${deb}/control")
  file(COPY_FILE "${library}" "${deb}/data/usr/lib/x86_64-linux-gnu/${name}")
  file(WRITE "${deb}/control/control" "Package: demo\nVersion: 1.0\nArchitecture: amd64\n")
  file(WRITE "${deb}/debian-binary" "2.0\n")
  _cudaenv_tar("${deb}/data" tar.xz cJf "${deb}/data.tar.xz" usr)
  _cudaenv_tar("${deb}/control" tar.xz cJf "${deb}/control.tar.xz" control)
  execute_process(COMMAND ar rc "${dir}/demo_1.0_amd64.deb" debian-binary control.tar.xz data.tar.xz
    WORKING_DIRECTORY "${deb}" RESULT_VARIABLE result)
  if(NOT result EQUAL 0)
    message(FATAL_ERROR "making the .deb with ar failed (${result})")
  endif()
endfunction()
