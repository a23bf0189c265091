#!/usr/bin/env bash
# Installs what CudaEnv needs to build and test, from the system package
# manager (Debian 12 / 13, Ubuntu): this list is the one list of what the two
# commands need. Installs nothing when everything is there.
# Usage: scripts/setup.sh        (sourced by run-main.sh and run-tests.sh)
set -euo pipefail

packages=(cmake ninja-build g++ pkg-config libfmt-dev libcli11-dev nlohmann-json3-dev
          libelf-dev liblz4-dev libzstd-dev libarchive-dev ccache redis-server clang libclang-rt-dev
          g++-aarch64-linux-gnu qemu-user binutils-aarch64-linux-gnu shellcheck python3-sphinx)

installed() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q 'install ok installed'; }
catch2_major() { dpkg-query -W -f='${Version}' catch2 2>/dev/null | cut -d. -f1; }

missing=()
for p in "${packages[@]}"; do installed "$p" || missing+=("$p"); done
# The newest-CMake rows fetch CMake from the npm registry: any npm will do
# (NodeSource's or Debian's).
command -v npm >/dev/null 2>&1 || missing+=(npm)
need_catch2=0
if ! installed catch2 || [ "$(catch2_major)" -lt 3 ]; then need_catch2=1; fi

if [ ${#missing[@]} -gt 0 ] || [ $need_catch2 -eq 1 ]; then
  wanted="${missing[*]}"
  [ $need_catch2 -eq 0 ] || wanted="${wanted:+$wanted }catch2 (version 3)"
  if [ "$(id -u)" -ne 0 ]; then
    echo "setup: missing packages: ${wanted}" >&2
    echo "setup: run this script as root (sudo $0), or install them yourself:" >&2
    echo "  sudo apt-get install ${missing[*]} catch2   # Debian 12: catch2 from bookworm-backports" >&2
    exit 1
  fi
  . /etc/os-release
  export DEBIAN_FRONTEND=noninteractive
  catch2_spec=catch2
  if [ $need_catch2 -eq 1 ] && [ "${ID:-}" = debian ] && [ "${VERSION_CODENAME:-}" = bookworm ]; then
    # Debian 12 ships Catch2 2; version 3 comes from bookworm-backports.
    if ! grep -rqs 'bookworm-backports' /etc/apt/sources.list /etc/apt/sources.list.d/; then
      echo "setup: enabling bookworm-backports for Catch2 3"
      cat > /etc/apt/sources.list.d/cudaenv-bookworm-backports.sources <<'SRC'
Types: deb
URIs: http://deb.debian.org/debian
Suites: bookworm-backports
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
SRC
    fi
    catch2_spec=catch2/bookworm-backports
  fi
  echo "setup: installing ${wanted}"
  apt-get update -qq
  to_install=("${missing[@]}")
  [ $need_catch2 -eq 0 ] || to_install+=("$catch2_spec")
  apt-get install -y -qq --no-install-recommends "${to_install[@]}" >/dev/null
  if [ "$(catch2_major)" -lt 3 ]; then
    echo "setup: this system offers Catch2 $(dpkg-query -W -f='${Version}' catch2) only; CudaEnv's tests need Catch2 3" >&2
    exit 1
  fi
fi

# The CUDA toolkit is NVIDIA's, not the distribution's: the build finds it
# (cmake/CudaEnvFindNvcc.cmake: $CUDACXX, PATH, $CUDAToolkit_ROOT,
# $CUDA_PATH, /usr/local/cuda); set-up does not install it.
