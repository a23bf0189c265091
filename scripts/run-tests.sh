#!/usr/bin/env bash
# Sets everything up, then runs each test workflow preset in turn:
#   test  configure, build and run every test
#   asan  the helper and its tests under ASan+UBSan
#   fuzz  the fatbin reader's libFuzzer target for 60 s (clang)
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/setup.sh
for preset in test asan fuzz; do
  cmake --workflow --preset "$preset"
done
