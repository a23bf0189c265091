#!/usr/bin/env bash
# Runs scripts/gpu-check.sh as on the bare GPU machine, which has the CUDA
# toolkit, CMake, Ninja and a C++ compiler and none of CudaEnv's other
# dependencies: in a private mount namespace, every file of the development
# packages of fmt, CLI11, nlohmann-json, Catch2, libelf, lz4 and zstd is
# covered by one that breaks any compile, find_package or pkg-config lookup
# that reaches it. First it shows the hiding works (a compile that includes
# fmt fails), so a pass means the GPU check really needs none of them.
# Usage: bare-machine.sh <work dir>
set -uo pipefail
work=$1
root=$(cd "$(dirname "$0")/../.." && pwd)
if [ "${CUDAENV_BARE_MACHINE:-}" != inside ]; then
  if ! why=$(unshare -m true 2>&1); then
    # unshare -m also makes every mount in the new namespace private, from
    # "/" down: that fails where "/" is not a mount point (a chroot into a
    # plain folder), though root may make namespaces there.
    if unshare -m --propagation unchanged true 2>/dev/null; then
      why="/ is not a mount point (a chroot into a plain folder?), so unshare -m cannot make the namespace's mounts private, and without that the bind mounts that hide the libraries could leak out of it; bind-mount the root onto itself before chroot (mount --bind DIR DIR), as scripts/fresh-root-check.sh does"
    elif [ "$(id -u)" -ne 0 ]; then
      why="needs root or CAP_SYS_ADMIN"
    else
      why="unshare -m failed: ${why:-no reason given}"
    fi
    echo "SKIPPED: cannot make a mount namespace here: $why"
    exit 0
  fi
  exec unshare -m env CUDAENV_BARE_MACHINE=inside "$0" "$@"
fi

mkdir -p "$work"
poison=$work/poison
cat > "$poison" <<'POISON'
#error "hidden by tests/gpu-check/bare-machine.sh: the GPU check must not need this file"
message(FATAL_ERROR "hidden by tests/gpu-check/bare-machine.sh: the GPU check must not need this package")
POISON
packages=(libfmt-dev libcli11-dev nlohmann-json3-dev catch2 libcatch2-dev libelf-dev liblz4-dev libzstd-dev)
hidden=0 present=()
for package in "${packages[@]}"; do
  files=$(dpkg -L "$package" 2>/dev/null) || continue
  present+=("$package")
  while IFS= read -r file; do
    # Regular files only: a symbolic link to a runtime library (libzstd.so)
    # would cover the library itself, which CMake and the compiler need.
    case $file in /usr/share/doc/*) continue ;; esac
    [ -f "$file" ] && [ ! -L "$file" ] || continue
    mount --bind "$poison" "$file" || { echo "could not hide $file"; exit 1; }
    hidden=$((hidden + 1))
  done <<< "$files"
done
echo "hidden: $hidden files of ${present[*]}"
if echo '#include <fmt/format.h>' | g++ -fsyntax-only -x c++ - 2>/dev/null; then
  echo "the hiding did not work: a compile that includes fmt/format.h still succeeds"
  exit 1
fi
echo "a compile that includes fmt/format.h fails here"

CUDA_VISIBLE_DEVICES= OUT=$work/out CUDAENV_GPU_CHECK_BUILD=$work/build CUDAENV_GPU_CHECK_JOBS=$(nproc) \
  "$root/scripts/gpu-check.sh"
echo "GPU-CHECK EXIT=$?"
for file in report.md report.json build.log; do
  [ -s "$work/out/$file" ] && echo "written: $file"
done
for program in tests/kernels/cudaenv_kernels_gpu_tests benchmarks/kernels/cudaenv_kernels_throughput; do
  [ -x "$work/build/$program" ] && echo "built: $program"
done
