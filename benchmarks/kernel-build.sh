#!/usr/bin/env bash
# Build time and fatbin size of CudaEnv's kernel library (src/kernels) built
# the CudaEnv way (the default architecture set of the installed CUDA,
# variants intersected, one PTX, nvcc --threads, --compress-mode=size) versus
# the same four sources compiled with -arch=all and nvcc's defaults. The
# compile commands are the build's own (ninja -t commands), rewritten per
# configuration; each configuration compiles the four files two at a time,
# and the configurations alternate, so machine noise hits them alike.
# Targets: time <= 0.6 and size <= 0.3 of the -arch=all build.
# Also: --threads with two files compiling at once and with one at a time.
# Usage: benchmarks/kernel-build.sh [runs]   (default 1; each run is minutes)
set -euo pipefail
runs=${1:-1}
root=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

cmake -S "$root" -B "$work/build" -G Ninja -DBUILD_TESTING=OFF -DCUDAENV_BUILD_HELPER=OFF \
  -DCUDAENV_COMPILER_CACHE=none >"$work/configure.log"
# The variants' compile commands, without the resource-report launcher.
ninja -C "$work/build" -t commands cudaenv_kernels | grep -- '-x cu -c' \
  | sed -E 's#^.* -- (.*/nvcc )#\1#; s# --resource-usage##' > "$work/ours.txt"
[ "$(wc -l < "$work/ours.txt")" -eq 4 ] || { echo "expected 4 CUDA compiles, got:"; cat "$work/ours.txt"; exit 1; }
sed -E 's# --threads=[0-9]+##' "$work/ours.txt" > "$work/ours-no-threads.txt"
sed -E 's# --compress-mode=[a-z]+# --compress-mode=none#' "$work/ours.txt" > "$work/ours-uncompressed.txt"
sed -E 's# --generate-code=[^ ]+##g; s# --threads=[0-9]+##; s# --compress-mode=[a-z]+##; s# -Xfatbin=-compress-all##; s#(/nvcc )#\1-arch=all #' \
  "$work/ours.txt" > "$work/all.txt"

now() { date +%s%N; }
fatbin_bytes() { # sum of .nv_fatbin sections of the objects in $1
  local total=0 size
  for object in $(find "$1" -name '*.o'); do
    size=$(readelf -S --wide "$object" | awk '$2 == ".nv_fatbin" {print $6}')
    total=$((total + 16#${size:-0}))
  done
  echo "$total"
}
build() { # $1: configuration, $2: files compiled at once; prints milliseconds
  local out="$work/out-$1"
  rm -rf "$out"
  mkdir -p "$out"
  # Objects go to $out, one per source.
  sed -E "s# -o [^ ]+/([^/ ]+\\.o)\$# -o $out/\\1#; s# -MD -MT [^ ]+ -MF [^ ]+##" "$work/$1.txt" > "$work/$1.run"
  local t0; t0=$(now)
  (cd "$work/build" && tr '\n' '\0' < "$work/$1.run" | xargs -0 -P "$2" -I{} sh -c '{}')
  echo $(( ($(now) - t0) / 1000000 ))
}

declare -A total
configs=(ours ours-no-threads ours-uncompressed all)
for config in "${configs[@]}" serial serial-no-threads; do total[$config]=0; done
for run in $(seq "$runs"); do
  for config in all "${configs[@]:0:3}"; do
    ms=$(build "$config" 2)
    total[$config]=$(( total[$config] + ms ))
    echo "run $run: $config: $ms ms"
  done
  # One file at a time (an incremental rebuild): where --threads has cores to use.
  cp "$work/ours.txt" "$work/serial.txt"
  cp "$work/ours-no-threads.txt" "$work/serial-no-threads.txt"
  for config in serial serial-no-threads; do
    ms=$(build "$config" 1)
    total[$config]=$(( total[$config] + ms ))
    echo "run $run: $config (one file at a time): $ms ms"
  done
done
ratio() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.2f", a / b}'; }
declare -A bytes
for config in "${configs[@]}"; do
  bytes[$config]=$(fatbin_bytes "$work/out-$config")
  printf '%-16s %8s s  fatbin %9d bytes\n' "$config" "$(ratio "${total[$config]}" "$((runs * 1000))")" "${bytes[$config]}"
done
echo "time ratio ours/all:               $(ratio "${total[ours]}" "${total[all]}") (target <= 0.6)"
echo "size ratio ours/all:               $(ratio "${bytes[ours]}" "${bytes[all]}") (target <= 0.3)"
echo "time ratio with/without --threads, 2 files at once:     $(ratio "${total[ours]}" "${total[ours-no-threads]}")"
echo "time ratio with/without --threads, one file at a time: $(ratio "${total[serial]}" "${total[serial-no-threads]}")"
echo "time ratio with/without compression: $(ratio "${total[ours]}" "${total[ours-uncompressed]}")"
grep -A3 "variants built" "$work/configure.log" | sed 's/^-- //'
