#!/usr/bin/env bash
# What does cudaenv_select_architectures add to a configure? Configures
# examples/consumer with and without it, alternating, and prints the medians
# and their ratio (target: <= 1.05 for a fresh configure). Both sides run in
# the same loop, so machine noise hits them alike.
# Usage: benchmarks/configure-overhead.sh [runs]   (default 7)
set -euo pipefail
runs=${1:-7}
root=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

cmake -S "$root" -B "$work/cudaenv" -G Ninja -DBUILD_TESTING=OFF -DCMAKE_INSTALL_PREFIX="$work/prefix" >/dev/null
cmake --install "$work/cudaenv" >/dev/null

now() { date +%s%N; }
median() { sort -n | awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }

configure() { # $1: ON/OFF, $2: fresh|again
  local dir="$work/consumer-$1"
  [ "$2" = again ] || rm -rf "$dir"
  local t0; t0=$(now)
  cmake -S "$root/examples/consumer" -B "$dir" -G Ninja -DCMAKE_PREFIX_PATH="$work/prefix" \
    -DCONSUMER_SELECT_ARCHITECTURES="$1" >/dev/null
  echo $(( ($(now) - t0) / 1000000 ))
}

for kind in fresh again; do
  on=(); off=()
  for _ in $(seq "$runs"); do
    off+=("$(configure OFF "$kind")")
    on+=("$(configure ON "$kind")")
  done
  m_on=$(printf '%s\n' "${on[@]}" | median)
  m_off=$(printf '%s\n' "${off[@]}" | median)
  ratio=$(awk -v a="$m_on" -v b="$m_off" 'BEGIN {printf "%.3f", a / b}')
  echo "$kind configure: with select ${m_on} ms, without ${m_off} ms, ratio ${ratio} (median of ${runs})"
done
