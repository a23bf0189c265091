#!/usr/bin/env bash
# Builds a target root with the arm64 libraries CudaEnv's helper and tests
# link (fmt, libelf, lz4, zstd, zlib, Catch2 3) and the header-only ones
# (CLI11, nlohmann-json): Debian 12's own packages, matching the glibc of
# Debian's aarch64 cross compiler, downloaded with a private apt
# configuration and unpacked, never installed. Pass it to the toolchain as
# CUDAENV_EXTRA_ROOTS. Prints the root. Cached: later runs reuse it.
# Usage: make-arm64-deps.sh <cache dir>
set -euo pipefail
cache=$1
root=$cache/arm64-deps
if [ -f "$root/.complete" ]; then echo "$root"; exit 0; fi

apt_dir=$cache/apt-bookworm
packages=(libfmt-dev:arm64 libfmt9:arm64 libelf-dev:arm64 libelf1:arm64 liblz4-dev:arm64 liblz4-1:arm64
          libzstd-dev:arm64 libzstd1:arm64 zlib1g-dev:arm64 zlib1g:arm64 libcli11-dev nlohmann-json3-dev)
"$(dirname "$0")/fetch-debs.sh" "$apt_dir/main" \
  "deb [signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] http://deb.debian.org/debian bookworm main" \
  "${packages[@]}"
# Catch2 3 is in bookworm-backports only.
"$(dirname "$0")/fetch-debs.sh" "$apt_dir/backports" \
  "deb [signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] http://deb.debian.org/debian bookworm-backports main" \
  libcatch2-dev:arm64
rm -rf "$root"
for deb in "$apt_dir"/main/debs/*.deb "$apt_dir"/backports/debs/*.deb; do dpkg -x "$deb" "$root"; done
touch "$root/.complete"
echo "$root"
