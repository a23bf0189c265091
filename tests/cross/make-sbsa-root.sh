#!/usr/bin/env bash
# Builds a stand-in for a CUDA toolkit with NVIDIA's cross-sbsa package
# installed, without that package: the host toolkit (nvcc, headers) plus
# Debian's arm64 libcudart (trixie, non-free; fetched with a private apt
# configuration and unpacked, never installed) as targets/sbsa-linux.
# Prints the root. Cached: later runs reuse it.
# Usage: make-sbsa-root.sh <cache dir> [host CUDA root]
set -euo pipefail
cache=$1
host=${2:-/usr/local/cuda}
root=$cache/sbsa-root
if [ -f "$root/.complete" ]; then echo "$root"; exit 0; fi

apt_dir=$cache/apt
mkdir -p "$apt_dir/lists/partial" "$apt_dir/cache/archives/partial" "$apt_dir/state" "$apt_dir/debs"
touch "$apt_dir/state/status"
echo "deb [signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] http://deb.debian.org/debian trixie main contrib non-free" \
  > "$apt_dir/sources.list"
apt=(apt-get -q -o "Dir::Etc::sourcelist=$apt_dir/sources.list" -o Dir::Etc::sourceparts=/nonexistent
     -o "Dir::State::Lists=$apt_dir/lists" -o "Dir::State::status=$apt_dir/state/status"
     -o "Dir::Cache=$apt_dir/cache" -o APT::Architectures::=amd64 -o APT::Architectures::=arm64)
if ! ls "$apt_dir"/debs/libcudart12_*_arm64.deb >/dev/null 2>&1; then
  "${apt[@]}" update >&2
  (cd "$apt_dir/debs" && "${apt[@]}" download libcudart12:arm64 >&2)
fi
rm -rf "$root" "$apt_dir/unpacked"
dpkg -x "$apt_dir"/debs/libcudart12_*_arm64.deb "$apt_dir/unpacked"

mkdir -p "$root/bin" "$root/targets/sbsa-linux/lib"
for tool in "$host"/bin/*; do ln -s "$tool" "$root/bin/"; done
ln -s "$host/nvvm" "$root/nvvm"
ln -s "$host/include" "$root/include"
ln -s "$(readlink -f "$host/targets/x86_64-linux")" "$root/targets/x86_64-linux"
# CUDA's headers are the same for every target; the host's match its nvcc.
ln -s "$(readlink -f "$host/targets/x86_64-linux/include")" "$root/targets/sbsa-linux/include"
cp -a "$apt_dir"/unpacked/usr/lib/aarch64-linux-gnu/libcudart.so.* "$root/targets/sbsa-linux/lib/"
ln -s "$(cd "$root/targets/sbsa-linux/lib" && ls libcudart.so.[0-9]* | sort | head -1)" "$root/targets/sbsa-linux/lib/libcudart.so"
# nvcc's link line names cudadevrt; an empty arm64 archive stands in (no
# relocatable device code in this stand-in).
echo 'int cudaenv_cudadevrt_stand_in;' | aarch64-linux-gnu-gcc -x c -c - -o "$apt_dir/devrt.o"
aarch64-linux-gnu-ar rcs "$root/targets/sbsa-linux/lib/libcudadevrt.a" "$apt_dir/devrt.o"
touch "$root/.complete"
echo "$root"
