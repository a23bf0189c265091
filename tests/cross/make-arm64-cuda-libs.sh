#!/usr/bin/env bash
# Debian's arm64 CUDA libraries (trixie, non-free: CUDA 12.4, NVIDIA's own
# sbsa builds), as a cross-package target tree holds them: the shared and
# static runtime, the device runtime (-rdc device links), cuBLAS and
# cuBLASLt, and the driver stub. Downloaded with a private apt configuration
# and unpacked, never installed; kept in the download cache
# ($CUDAENV_CACHE_DIR, else ~/.cache/cudaenv), shared by every build tree
# and run. The packages are dropped once unpacked: nvidia-cuda-dev alone is
# 930 MB, of which three archives and a stub are kept.
# Prints the folder that holds the libraries.
# Usage: make-arm64-cuda-libs.sh
set -euo pipefail
cache=${CUDAENV_CACHE_DIR:-$HOME/.cache/cudaenv}/debian-arm64-cuda-12.4
lib=$cache/lib
mkdir -p "$cache"
exec 9> "$cache/.lock"
flock 9
if [ -f "$lib/.complete" ]; then echo "$lib"; exit 0; fi

"$(dirname "$0")/fetch-debs.sh" "$cache/apt" \
  "deb [signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] http://deb.debian.org/debian trixie main contrib non-free" \
  libcudart12:arm64 libcublas12:arm64 libcublaslt12:arm64 nvidia-cuda-dev:arm64
rm -rf "$lib" "$cache/unpacked"
mkdir -p "$cache/unpacked"
multiarch=./usr/lib/aarch64-linux-gnu
for deb in "$cache"/apt/debs/{libcudart12,libcublas12,libcublaslt12}_*_arm64.deb; do
  dpkg -x "$deb" "$cache/unpacked"
done
# Only what a target tree needs from the development package.
dpkg-deb --fsys-tarfile "$cache"/apt/debs/nvidia-cuda-dev_*_arm64.deb |
  tar -x -C "$cache/unpacked" "$multiarch/libcudart_static.a" "$multiarch/libcudadevrt.a" \
    "$multiarch/libculibos.a" "$multiarch/stubs/libcuda.so"
mv "$cache/unpacked/$multiarch" "$lib"
rm -rf "$cache/unpacked" "$cache/apt/debs"
# The development names NVIDIA's package links to the versioned libraries.
for name in libcudart libcublas libcublasLt; do
  ln -s "$(cd "$lib" && ls $name.so.[0-9]* | sort | head -1)" "$lib/$name.so"
done
touch "$lib/.complete"
echo "$lib"
