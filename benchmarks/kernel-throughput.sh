#!/usr/bin/env bash
# GPU throughput of CudaEnv's GEMM and attention next to cuBLAS (TFLOP/s and
# ratios, measured side by side in one run). Builds CudaEnv's default preset
# and runs benchmarks/kernels/throughput.cu; without a GPU it says so and
# exits 77.
# Usage: benchmarks/kernel-throughput.sh
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cmake --preset default -S "$root" >/dev/null
cmake --build "$root/build/default" --target cudaenv_kernels_throughput
exec "$root/build/default/benchmarks/kernels/cudaenv_kernels_throughput"
