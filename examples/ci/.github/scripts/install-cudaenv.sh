#!/usr/bin/env bash
# CudaEnv at a pinned release, built and installed into a prefix (its
# toolchain files must exist before any configure, so it is installed, not
# fetched by the project). CUDAENV_SOURCE: a checkout to use instead of
# cloning (then the repository and ref are not used).
# Usage: install-cudaenv.sh <repository URL> <ref> <prefix>
set -euo pipefail
repository=$1 ref=$2 prefix=$3
work=$(mktemp -d)
source=${CUDAENV_SOURCE:-}
if [ -z "$source" ]; then
  source=$work/cudaenv
  git clone --quiet --depth 1 --branch "$ref" "$repository" "$source"
fi
cmake -S "$source" -B "$work/build" -G Ninja -DCMAKE_BUILD_TYPE=Release -DBUILD_TESTING=OFF
cmake --build "$work/build"
cmake --install "$work/build" --prefix "$prefix"
rm -rf "$work"
