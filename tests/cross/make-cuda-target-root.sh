#!/usr/bin/env bash
# Builds a stand-in for a CUDA toolkit with one of NVIDIA's aarch64 cross
# packages installed (cuda-cross-sbsa: targets/sbsa-linux; cuda-cross-aarch64
# for Jetson: targets/aarch64-linux), without that package: the host toolkit
# (nvcc, headers) plus Debian's arm64 CUDA libraries as the target tree's
# lib (tests/cross/make-arm64-cuda-libs.sh: shared and static runtime,
# device runtime, cuBLAS, the driver stub). They are CUDA 12.4 server
# builds; for a Jetson tree they stand in for L4T's, which link the same way.
# Prints the root. Cached: later runs reuse it.
# Usage: make-cuda-target-root.sh <cache dir> <sbsa-linux|aarch64-linux> [host CUDA root]
set -euo pipefail
cache=$1
target=$2
host=${3:-/usr/local/cuda}
case "$target" in
  sbsa-linux|aarch64-linux) ;;
  *) echo "make-cuda-target-root.sh: unknown target directory '$target' (sbsa-linux or aarch64-linux)" >&2; exit 2 ;;
esac
root=$cache/$target-root
if [ -f "$root/.complete" ]; then echo "$root"; exit 0; fi

libs=$("$(dirname "$0")/make-arm64-cuda-libs.sh")
rm -rf "$root"
mkdir -p "$root/bin" "$root/targets/$target"
for tool in "$host"/bin/*; do ln -s "$tool" "$root/bin/"; done
ln -s "$host/nvvm" "$root/nvvm"
ln -s "$host/include" "$root/include"
ln -s "$(readlink -f "$host/targets/x86_64-linux")" "$root/targets/x86_64-linux"
# CUDA's headers are the same for every target; the host's match its nvcc.
ln -s "$(readlink -f "$host/targets/x86_64-linux/include")" "$root/targets/$target/include"
ln -s "$libs" "$root/targets/$target/lib"
touch "$root/.complete"
echo "$root"
