#!/usr/bin/env bash
# Sets everything up, configures and builds CudaEnv with the default preset,
# then prints the CUDA architectures CudaEnv chose for this machine's toolkit.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/setup.sh
cmake --workflow --preset default
echo
cat build/default/CudaEnvArchitectures.txt 2>/dev/null \
  || echo "No CUDA compiler was found, so no architectures were selected."
