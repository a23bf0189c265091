#!/usr/bin/env bash
# Sets everything up, then configures, builds and runs every test (workflow
# preset "test"), and the helper's tests again under ASan+UBSan (workflow
# preset "asan").
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/setup.sh
cmake --workflow --preset test
cmake --workflow --preset asan
