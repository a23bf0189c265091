#!/usr/bin/env bash
# The kernel library on this machine's GPU, in one command and one report:
#   1. build the kernels, their GPU checks and benchmark for this GPU only
#      (from a clean build folder; CMake, Ninja, the CUDA toolkit and a C++
#      compiler are all it needs: no third-party library, no network);
#   2. correctness: every case against the CPU references, every variant the
#      GPU can run forced in turn, the dispatcher's choice checked; then the
#      small cases again from a build for 8.0 alone with CUDA_FORCE_PTX_JIT=1,
#      so the compute_80 PTX that 8.x and 12.x GPUs would JIT runs here;
#   3. compute-sanitizer memcheck, racecheck and synccheck on the small cases;
#   4. throughput next to cuBLAS, and next to PyTorch's flash attention when
#      python3 has torch; SM clocks and power before and after;
#   5. the GEMM tile sweep (CUDAENV_KERNEL_SWEEP): every configuration
#      compiled into the benchmark checked against cuBLAS, then timed.
# Each step has a time limit, and the whole a budget (CUDAENV_GPU_CHECK_BUDGET,
# 360 s), so that one rerun fits a 15-minute GPU lease; every TSV line is
# written as it is measured, so a step cut short keeps what it had. Writes
# report.md, report.json and the raw TSVs into $OUT when it is set (else
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
budget=${CUDAENV_GPU_CHECK_BUDGET:-360}
mkdir -p "$out" || { echo "gpu-check: cannot create the report folder $out" >&2; exit 2; }
rm -f "$out"/report.md "$out"/report.json "$out"/*.tsv "$out"/*.log
jit_build=$build-jit
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
# clocks <when>: the SM clock, its maximum, power and throttle reasons (a
# ratio moves about 8 % between 1980 and 1830 MHz).
clocks() {
  command -v nvidia-smi >/dev/null 2>&1 || return 0
  printf '%s\t%s\n' "$1" "$(timeout 10 nvidia-smi --query-gpu=clocks.sm,clocks.max.sm,power.draw,temperature.gpu,clocks_throttle_reasons.active --format=csv,noheader 2>&1 | head -1)" >> "$out/clocks.tsv"
}

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

# 1. Build, from a clean folder: the check with the GEMM sweep compiled into
# the benchmark, and beside it the GPU tests for 8.0 alone (their compute_80
# PTX is what step 2 JIT-compiles).
t=$SECONDS
say "building for $capabilities with $jobs jobs in $build$([ -n "$capability" ] && echo " (and for 8.0 in $jit_build)")"
rm -rf "$build" "$jit_build"
configure=(cmake -S "$root" "${generator[@]}" -DCMAKE_BUILD_TYPE=Release -DCUDAENV_GPU_CHECK=ON)
# Without a GPU nothing would run the sweep or the 8.0 build: one sweep
# configuration is built (its glue is checked), the 8.0 build is left out.
sweep=(-DCUDAENV_KERNEL_SWEEP=ON)
[ -n "$capability" ] || sweep+=("-DCUDAENV_KERNEL_SWEEP_CONFIGS=128 128 2 2 3")
limit=$(step_limit 300)
if timeout -k 10 "$limit" "${configure[@]}" -B "$build" "-DCUDAENV_CAPABILITIES=$capabilities" "${sweep[@]}" \
     > "$out/build.log" 2>&1 &&
   timeout -k 10 "$(step_limit 300)" cmake --build "$build" --parallel "$jobs" >> "$out/build.log" 2>&1; then
  record build ok $(( SECONDS - t )) "$capabilities"
  nvcc_version=$(sed -n 's/^-- The CUDA compiler identification is NVIDIA \(.*\)$/\1/p' "$out/build.log" | head -1)
else
  tail -40 "$out/build.log"
  record build FAIL $(( SECONDS - t )) "see build.log"
fi
t=$SECONDS
if [ -z "$capability" ]; then
  record build-8.0 "not run" 0 "no GPU to JIT its PTX on"
elif timeout -k 10 "$(step_limit 120)" "${configure[@]}" -B "$jit_build" -DCUDAENV_CAPABILITIES=8.0 \
       > "$out/build-jit.log" 2>&1 &&
     timeout -k 10 "$(step_limit 120)" cmake --build "$jit_build" --parallel "$jobs" \
       --target cudaenv_kernels_gpu_tests >> "$out/build-jit.log" 2>&1; then
  record build-8.0 ok $(( SECONDS - t )) "$(grep -m1 'CUDA_ARCHITECTURES = ' "$out/build-jit.log" | sed 's/^ *//')"
else
  tail -20 "$out/build-jit.log"
  record build-8.0 FAIL $(( SECONDS - t )) "see build-jit.log"
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

# The compute_80 PTX, JIT-compiled for this GPU.
t=$SECONDS
jit_tests=$jit_build/tests/kernels/cudaenv_kernels_gpu_tests
if [ $no_gpu -eq 1 ]; then
  record ptx-jit "not run" 0 "no GPU"
elif [ ! -x "$jit_tests" ]; then
  record ptx-jit "not run" 0 "the 8.0 build failed"; status=1
else
  CUDA_FORCE_PTX_JIT=1 timeout -k 10 "$(step_limit 90)" "$jit_tests" --small > "$out/ptx-jit.log" 2>&1
  rc=$?
  case $rc in
    0) record ptx-jit ok $(( SECONDS - t )) "compute_80 PTX, CUDA_FORCE_PTX_JIT=1, small cases" ;;
    *) record ptx-jit FAIL $(( SECONDS - t )) "exit $rc; see ptx-jit.log"; status=1; tail -15 "$out/ptx-jit.log" ;;
  esac
fi

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
  limit=$(step_limit 60)
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
  clocks before
  timeout -k 10 "$(step_limit 150)" "$throughput" --tsv "$out/throughput.tsv" > "$out/throughput.log" 2>&1
  rc=$?
  case $rc in
    0) record throughput ok $(( SECONDS - t )) "" ;;
    124|137) record throughput FAIL $(( SECONDS - t )) "timed out (partial figures kept)"; status=1 ;;
    *) record throughput FAIL $(( SECONDS - t )) "exit $rc"; status=1 ;;
  esac
  clocks after-throughput
  t=$SECONDS
  timeout -k 10 "$(step_limit 90)" "$throughput" --sweep --tsv "$out/sweep.tsv" > "$out/sweep.log" 2>&1
  rc=$?
  case $rc in
    0) record sweep ok $(( SECONDS - t )) "$(grep -c . "$out/sweep.tsv") measurements" ;;
    124|137) record sweep FAIL $(( SECONDS - t )) "timed out (partial figures kept)" ;;
    *) record sweep FAIL $(( SECONDS - t )) "exit $rc; see sweep.log"; status=1 ;;
  esac
  clocks after-sweep
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
touch "$out/correctness.tsv" "$out/throughput.tsv" "$out/sweep.tsv" "$out/clocks.tsv" "$out/torch.tsv"
awk -F'\t' -v out="$out" -v date="$(date -u +%Y-%m-%dT%H:%MZ)" -v gpu="$gpu_name" -v driver="$driver" \
    -v capability="$capability" -v built="$capabilities" -v nvcc="$nvcc_version" -v total="$total" \
    -f "$root/scripts/gpu-check-report.awk" \
    "$steps" "$out/correctness.tsv" "$out/throughput.tsv" "$out/sweep.tsv" "$out/clocks.tsv" "$out/torch.tsv"

if [ $no_gpu -eq 1 ]; then
  say "no GPU: the build was checked ($(awk -F'\t' '$1 == "build" {print $2}' "$steps")); nothing ran on a GPU (exit 77)"
  grep -q $'^build\tok' "$steps" || exit 1
  exit 77
fi
grep -q $'^build\tok' "$steps" || status=1
say "finished in ${total} s: $([ $status -eq 0 ] && echo "all correct, sanitizers clean" || echo "FAILURES (see above)")"
exit $status
