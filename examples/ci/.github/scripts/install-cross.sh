#!/usr/bin/env bash
# For a row whose preset cross-builds: NVIDIA's cross package for the
# image's CUDA version (the toolkit's targets/sbsa-linux), the aarch64 cross
# compiler and qemu (to run what was built). Nothing for a native row.
# Usage: install-cross.sh <configure preset>
set -euo pipefail
preset=$1
toolchain=$(cmake --preset "$preset" -N | sed -n 's/^ *CMAKE_TOOLCHAIN_FILE[^=]*="\(.*\)"$/\1/p')
case "$toolchain" in
  "") echo "install-cross: preset $preset builds natively"; exit 0 ;;
  */sbsa.cmake) ;;
  */jetson.cmake)
    echo "install-cross: preset $preset uses toolchains/jetson.cmake; NVIDIA ships cuda-cross-aarch64" \
         "(Jetson, L4T) for Ubuntu 22.04 only: run this row in an ubuntu22.04 image" >&2
    exit 1 ;;
  *) echo "install-cross: preset $preset uses $toolchain, which this script does not know" >&2; exit 1 ;;
esac
# CUDA_VERSION is set by NVIDIA's image (13.0.2 -> cuda-cross-sbsa-13-0).
version=$(echo "${CUDA_VERSION:?not in NVIDIA\'s CUDA image}" | cut -d. -f1-2 | tr . -)
# The image trusts NVIDIA's archive key already (its cuda-keyring, or a key
# in trusted.gpg.d); the cross repository is signed with the same key.
keyring=$(sed -n 's/.*signed-by=\([^] ]*\).*/\1/p' /etc/apt/sources.list.d/cuda*.list 2>/dev/null | head -1)
keyring=${keyring:-/usr/share/keyrings/cuda-archive-keyring.gpg}
options=""
[ ! -f "$keyring" ] || options="[signed-by=$keyring] "
echo "deb ${options}https://developer.download.nvidia.com/compute/cuda/repos/ubuntu2404/cross-linux-sbsa/ /" \
  > /etc/apt/sources.list.d/cuda-cross-sbsa.list
export DEBIAN_FRONTEND=noninteractive
apt-get update
apt-get install -y --no-install-recommends "cuda-cross-sbsa-$version" g++-aarch64-linux-gnu qemu-user
