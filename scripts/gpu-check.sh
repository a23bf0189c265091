#!/usr/bin/env bash
# The kernel library on this machine's GPU, in one command and one report:
#   1. build the kernels, their GPU checks and benchmark for this GPU only
#      (from a clean build folder; CMake, Ninja, the CUDA toolkit and a C++
#      compiler are all it needs: no third-party library, no network);
#   2. correctness: every case against the CPU references, every variant the
#      GPU can run forced in turn, the dispatcher's choice checked;
#   3. compute-sanitizer memcheck, racecheck and synccheck on the small cases;
#   4. throughput next to cuBLAS, and next to PyTorch's flash attention when
#      python3 has torch.
# Each step has a time limit, and the whole a budget (CUDAENV_GPU_CHECK_BUDGET,
# 340 s), so that one rerun fits a 15-minute GPU lease. Writes report.md,
# report.json and the raw TSVs into $OUT when it is set (else
# build/gpu-check/) and prints a short table last.
# Exit: 0 all correct and clean, 1 something failed, 77 no GPU (after
# building what it can).
#
# Knobs: CUDAENV_GPU_CHECK_CAPABILITIES (default: the GPU's, from nvidia-smi;
# 9.0 without a GPU), CUDAENV_GPU_CHECK_JOBS (default: nproc),
# CUDAENV_GPU_CHECK_BUILD (build folder), CUDAENV_GPU_CHECK_BUDGET (seconds).
set -uo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
out=${OUT:-$root/build/gpu-check}
build=${CUDAENV_GPU_CHECK_BUILD:-$root/build/gpu-check-build}
jobs=${CUDAENV_GPU_CHECK_JOBS:-$(nproc)}
budget=${CUDAENV_GPU_CHECK_BUDGET:-340}
mkdir -p "$out" || { echo "gpu-check: cannot create the report folder $out" >&2; exit 2; }
rm -f "$out"/report.md "$out"/report.json "$out"/*.tsv "$out"/*.log
log=$out/gpu-check.log
exec > >(tee "$log") 2>&1
start=$SECONDS
steps=$out/steps.tsv  # step, result, seconds, detail
: > "$steps"

say() { echo "gpu-check: $*"; }
# step_limit <seconds>: that limit, or what is left of the budget (5 s kept
# for the report); at least 1 (timeout 0 would mean no limit at all).
step_limit() {
  local left=$(( budget - (SECONDS - start) - 5 ))
  [ "$left" -ge 1 ] || left=1
  [ "$left" -lt "$1" ] && echo "$left" || echo "$1"
}
record() { printf '%s\t%s\t%s\t%s\n' "$1" "$2" "$3" "$4" >> "$steps"; }

# What this machine has.
gpu_name="" driver="" capability=""
if [ "${CUDA_VISIBLE_DEVICES-unset}" = "" ]; then
  say "CUDA_VISIBLE_DEVICES is empty: no GPU is visible to CUDA"
elif command -v nvidia-smi >/dev/null 2>&1 &&
     query=$(timeout 20 nvidia-smi --query-gpu=name,driver_version,compute_cap --format=csv,noheader 2>/dev/null) &&
     [ -n "$query" ]; then
  gpu_name=$(echo "$query" | head -1 | cut -d, -f1 | sed 's/^ *//;s/ *$//')
  driver=$(echo "$query" | head -1 | cut -d, -f2 | tr -d ' ')
  capability=$(echo "$query" | cut -d, -f3 | tr -d ' ' | sort -u | paste -sd';' -)
  say "GPU: $gpu_name, driver $driver, capability $capability"
else
  say "nvidia-smi found no GPU (or is not installed)"
fi
capabilities=${CUDAENV_GPU_CHECK_CAPABILITIES:-${capability:-9.0}}
# Hopper gets its arch-specific code too, where the kernel library has a 9.0a variant.
if [ "$capabilities" = 9.0 ] && grep -q 'CAPABILITIES[^)]*9\.0a' "$root/src/kernels/CMakeLists.txt"; then
  capabilities="9.0;9.0a"
fi
generator=(-G Ninja)
command -v ninja >/dev/null 2>&1 || { generator=(); say "ninja is not installed: using CMake's default generator"; }
nvcc_version=""

# 1. Build, from a clean folder.
t=$SECONDS
say "building for $capabilities with $jobs jobs in $build"
rm -rf "$build"
limit=$(step_limit 300)
if timeout -k 10 "$limit" cmake -S "$root" -B "$build" "${generator[@]}" -DCMAKE_BUILD_TYPE=Release \
     -DCUDAENV_GPU_CHECK=ON "-DCUDAENV_CAPABILITIES=$capabilities" > "$out/build.log" 2>&1 &&
   timeout -k 10 "$(step_limit 300)" cmake --build "$build" --parallel "$jobs" >> "$out/build.log" 2>&1; then
  record build ok $(( SECONDS - t )) "$capabilities"
  nvcc_version=$(sed -n 's/^-- The CUDA compiler identification is NVIDIA \(.*\)$/\1/p' "$out/build.log" | head -1)
else
  tail -40 "$out/build.log"
  record build FAIL $(( SECONDS - t )) "see build.log"
fi
gpu_tests=$build/tests/kernels/cudaenv_kernels_gpu_tests
throughput=$build/benchmarks/kernels/cudaenv_kernels_throughput

# 2. Correctness.
status=0
t=$SECONDS
if [ ! -x "$gpu_tests" ]; then
  record correctness "not run" 0 "the build failed"
  status=1
else
  timeout -k 10 "$(step_limit 150)" "$gpu_tests" --report "$out/correctness.tsv" > "$out/correctness.log" 2>&1
  rc=$?
  grep -E '^(FAIL|ok  )|^     |passed|FAILED|SKIPPED' "$out/correctness.log" | tail -25
  case $rc in
    0) record correctness ok $(( SECONDS - t )) "" ;;
    77) record correctness "no GPU" $(( SECONDS - t )) "$(head -1 "$out/correctness.log")" ;;
    124|137) record correctness FAIL $(( SECONDS - t )) "timed out"; status=1 ;;
    *) record correctness FAIL $(( SECONDS - t )) "exit $rc"; status=1 ;;
  esac
fi
no_gpu=0
grep -q $'^correctness\tno GPU' "$steps" && no_gpu=1

# 3. compute-sanitizer on the small cases.
# On PATH, else beside the nvcc the build used (the build's one rule for
# finding the toolkit: modules/internal/FindNvcc.cmake).
sanitizer=$(command -v compute-sanitizer 2>/dev/null)
nvcc=$(sed -n 's/^CMAKE_CUDA_COMPILER:[A-Z]*=//p' "$build/CMakeCache.txt" 2>/dev/null)
if [ -z "$sanitizer" ] && [ -n "$nvcc" ] && [ -x "$(dirname "$nvcc")/compute-sanitizer" ]; then
  sanitizer=$(dirname "$nvcc")/compute-sanitizer
fi
for tool in memcheck racecheck synccheck; do
  t=$SECONDS
  if [ $no_gpu -eq 1 ]; then
    record "$tool" "not run" 0 "no GPU"; continue
  elif [ ! -x "$gpu_tests" ]; then
    record "$tool" "not run" 0 "the build failed"; continue
  elif [ -z "$sanitizer" ]; then
    record "$tool" "not run" 0 "compute-sanitizer is not installed"; continue
  fi
  limit=$(step_limit 90)
  [ "$limit" -gt 10 ] || { record "$tool" "not run" 0 "time budget spent"; continue; }
  timeout -k 10 "$limit" "$sanitizer" --tool "$tool" --error-exitcode 99 "$gpu_tests" --small > "$out/$tool.log" 2>&1
  rc=$?
  errors=$(grep -m1 -E 'ERROR SUMMARY|RACECHECK SUMMARY' "$out/$tool.log")
  if grep -qiE 'not supported|unable to|Target application terminated before' "$out/$tool.log" &&
     ! grep -q 'ERROR SUMMARY: [1-9]' "$out/$tool.log"; then
    record "$tool" unsupported $(( SECONDS - t )) "$(grep -m1 -iE 'not supported|unable to|terminated' "$out/$tool.log")"
  elif [ $rc -eq 0 ]; then
    record "$tool" clean $(( SECONDS - t )) "$errors"
  else
    record "$tool" FAIL $(( SECONDS - t )) "exit $rc; ${errors:-see $tool.log}"
    grep -m5 -E '^=+ (Invalid|Race|Barrier|ERROR|Error)' "$out/$tool.log"
    status=1
  fi
done

# 4. Throughput, side by side.
t=$SECONDS
if [ $no_gpu -eq 1 ] || [ ! -x "$throughput" ]; then
  record throughput "not run" 0 "$([ $no_gpu -eq 1 ] && echo "no GPU" || echo "not built (no cuBLAS, or the build failed: see build.log)")"
else
  timeout -k 10 "$(step_limit 200)" "$throughput" --tsv "$out/throughput.tsv" > "$out/throughput.log" 2>&1
  rc=$?
  case $rc in
    0) record throughput ok $(( SECONDS - t )) "" ;;
    124|137) record throughput FAIL $(( SECONDS - t )) "timed out (partial figures kept)"; status=1 ;;
    *) record throughput FAIL $(( SECONDS - t )) "exit $rc"; status=1 ;;
  esac
  t=$SECONDS
  if ! command -v python3 >/dev/null 2>&1; then
    record pytorch "not run" 0 "python3 is not installed"
  else
    timeout -k 10 "$(step_limit 100)" python3 "$root/benchmarks/kernels/attention_torch.py" "$out/throughput.tsv" \
      "$out/torch.tsv" > "$out/torch.log" 2>&1
    rc=$?
    case $rc in
      0) record pytorch ok $(( SECONDS - t )) "$(tail -1 "$out/torch.log")" ;;
      77) record pytorch "not run" $(( SECONDS - t )) "$(tail -1 "$out/torch.log")" ;;
      *) record pytorch FAIL $(( SECONDS - t )) "exit $rc; see torch.log" ;;
    esac
  fi
fi

# The report.
total=$(( SECONDS - start ))
touch "$out/correctness.tsv" "$out/throughput.tsv" "$out/torch.tsv"
awk -F'\t' -v out="$out" -v date="$(date -u +%Y-%m-%dT%H:%MZ)" -v gpu="$gpu_name" -v driver="$driver" \
    -v capability="$capability" -v built="$capabilities" -v nvcc="$nvcc_version" -v total="$total" \
    -f "$root/scripts/gpu-check-report.awk" \
    "$steps" "$out/correctness.tsv" "$out/throughput.tsv" "$out/torch.tsv"

if [ $no_gpu -eq 1 ]; then
  say "no GPU: the build was checked ($(awk -F'\t' '$1 == "build" {print $2}' "$steps")); nothing ran on a GPU (exit 77)"
  grep -q $'^build\tok' "$steps" || exit 1
  exit 77
fi
grep -q $'^build\tok' "$steps" || status=1
say "finished in ${total} s: $([ $status -eq 0 ] && echo "all correct, sanitizers clean" || echo "FAILURES (see above)")"
exit $status
