#!/usr/bin/env bash
# Builds a stand-in for a CUDA toolkit with one of NVIDIA's aarch64 cross
# packages installed (cuda-cross-sbsa: targets/sbsa-linux; cuda-cross-aarch64
# for Jetson: targets/aarch64-linux), without that package: the host toolkit
# (nvcc, headers) plus Debian's arm64 libcudart (trixie, non-free; fetched
# with a private apt configuration and unpacked, never installed) as the
# target tree. Debian's libcudart is the server build; for a Jetson tree it
# stands in for L4T's, which links the same way.
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

apt_dir=$cache/apt
"$(dirname "$0")/fetch-debs.sh" "$apt_dir" \
  "deb [signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] http://deb.debian.org/debian trixie main contrib non-free" \
  libcudart12:arm64
rm -rf "$root" "$apt_dir/unpacked"
dpkg -x "$apt_dir"/debs/libcudart12_*_arm64.deb "$apt_dir/unpacked"

mkdir -p "$root/bin" "$root/targets/$target/lib"
for tool in "$host"/bin/*; do ln -s "$tool" "$root/bin/"; done
ln -s "$host/nvvm" "$root/nvvm"
ln -s "$host/include" "$root/include"
ln -s "$(readlink -f "$host/targets/x86_64-linux")" "$root/targets/x86_64-linux"
# CUDA's headers are the same for every target; the host's match its nvcc.
ln -s "$(readlink -f "$host/targets/x86_64-linux/include")" "$root/targets/$target/include"
cp -a "$apt_dir"/unpacked/usr/lib/aarch64-linux-gnu/libcudart.so.* "$root/targets/$target/lib/"
ln -s "$(cd "$root/targets/$target/lib" && ls libcudart.so.[0-9]* | sort | head -1)" "$root/targets/$target/lib/libcudart.so"
# nvcc's link line names cudadevrt; an empty arm64 archive stands in (no
# relocatable device code in this stand-in).
echo 'int cudaenv_cudadevrt_stand_in;' | aarch64-linux-gnu-gcc -x c -c - -o "$apt_dir/devrt.o"
aarch64-linux-gnu-ar rcs "$root/targets/$target/lib/libcudadevrt.a" "$apt_dir/devrt.o"
# Debian ships no static libcudart for arm64. CMake's compiler checks link
# nvcc's default (static) runtime, so a linker script of that name points at
# the shared one; builds that use the stand-in choose the shared runtime.
echo 'INPUT(-lcudart)' > "$root/targets/$target/lib/libcudart_static.a"
touch "$root/.complete"
echo "$root"
