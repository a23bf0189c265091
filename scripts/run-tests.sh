#!/usr/bin/env bash
# Sets everything up, then configures, builds and runs every test with the
# test workflow preset.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/setup.sh
cmake --workflow --preset test
