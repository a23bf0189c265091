#!/usr/bin/env bash
# How long does `cudaenv detect` take where there is no driver? Target: a
# median under 50 ms. Runs it N times, alternating with `nvcc --version`
# (one of the things detect itself runs) so both see the same machine load,
# and prints medians and ratios.
# Usage: benchmarks/detect-latency.sh [path/to/cudaenv] [runs]   (default: build/default, 21)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
helper=${1:-$root/build/default/src/cudaenv/cudaenv}
runs=${2:-21}
[ -x "$helper" ] || { echo "no helper at $helper: build first (scripts/run-main.sh)" >&2; exit 1; }

# On a machine with a driver, point the probe at a library that is not there.
env_args=()
if ldconfig -p 2>/dev/null | grep -q 'libcuda.so.1'; then
  env_args=(CUDAENV_LIBCUDA=/nonexistent/libcuda.so.1)
  echo "a driver is installed here: simulating its absence with CUDAENV_LIBCUDA=/nonexistent/libcuda.so.1"
fi
nvcc=$(command -v nvcc || echo /usr/local/cuda/bin/nvcc)

now() { date +%s%N; }
median() { sort -n | awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }
time_ms() { local t0; t0=$(now); "$@" >/dev/null 2>&1; awk -v d=$(( $(now) - t0 )) 'BEGIN {printf "%.2f\n", d / 1e6}'; }

detect=(); nvcc_runs=()
for _ in $(seq "$runs"); do
  detect+=("$(time_ms env "${env_args[@]}" "$helper" detect)")
  nvcc_runs+=("$(time_ms "$nvcc" --version)")
done
m_detect=$(printf '%s\n' "${detect[@]}" | median)
m_nvcc=$(printf '%s\n' "${nvcc_runs[@]}" | median)
echo "cudaenv detect (no driver): median ${m_detect} ms over ${runs} runs; target 50 ms; ratio to target $(awk -v a="$m_detect" 'BEGIN {printf "%.2f", a / 50}')"
echo "nvcc --version:             median ${m_nvcc} ms; detect / nvcc --version = $(awk -v a="$m_detect" -v b="$m_nvcc" 'BEGIN {printf "%.2f", a / b}')"
