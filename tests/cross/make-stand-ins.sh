#!/usr/bin/env bash
# The cross cases' shared downloads and stand-ins, made once per test run by
# the CTest fixture cross.stand-ins (every case that uses them requires it,
# so none builds them itself and none races another): the sbsa-linux and
# aarch64-linux stand-in toolkits and the arm64 libraries. Writes
# <dir>/roots.cmake, which the cases read (tests/cmake/Cross.cmake).
# Usage: make-stand-ins.sh <dir>
set -euo pipefail
dir=$1
here=$(dirname "$0")
mkdir -p "$dir"
rm -f "$dir/roots.cmake"
sbsa=$("$here/make-cuda-target-root.sh" "$dir" sbsa-linux)
jetson=$("$here/make-cuda-target-root.sh" "$dir" aarch64-linux)
deps=$("$here/make-arm64-deps.sh" "$dir")
cat > "$dir/roots.cmake.new" <<CMAKE
# Written by tests/cross/make-stand-ins.sh (the fixture cross.stand-ins).
set(CUDAENV_TEST_ROOT_sbsa-linux "$sbsa")
set(CUDAENV_TEST_ROOT_aarch64-linux "$jetson")
set(CUDAENV_TEST_ARM64_DEPS "$deps")
CMAKE
mv "$dir/roots.cmake.new" "$dir/roots.cmake"
cat "$dir/roots.cmake"
