#!/usr/bin/env bash
# Cold vs warm build of CudaEnv's kernel library through a shared ccache
# store on a real Redis server, as two CI runners would: two copies of the
# source in different directories, each with an empty local ccache, the
# second finding the first's results in Redis. Prints both times, the warm
# runner's hit counts and the ratio. Target: warm <= 0.15 x cold.
# Usage: benchmarks/compiler-cache.sh ["capabilities"]   (default: CUDA's default set)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
capabilities=${1:-default}
for tool in ccache redis-server redis-cli git; do
  command -v "$tool" >/dev/null || { echo "needs $tool (scripts/setup.sh installs ccache and redis-server)" >&2; exit 1; }
done
work=$(mktemp -d)
port=$((20000 + RANDOM % 10000))
redis-server --port "$port" --bind 127.0.0.1 --save '' --appendonly no --daemonize yes \
  --pidfile "$work/redis.pid" --logfile "$work/redis.log" --dir "$work"
trap 'redis-cli -p "$port" shutdown nosave >/dev/null 2>&1 || true; rm -rf "$work"' EXIT
for _ in $(seq 50); do redis-cli -p "$port" ping 2>/dev/null | grep -q PONG && break; sleep 0.1; done

build() {  # <runner>: prints seconds
  local runner=$work/$1
  git -C "$root" archive --format=tar --prefix=src/ HEAD | (mkdir -p "$runner" && tar -x -C "$runner")
  export CCACHE_DIR=$runner/ccache CCACHE_REMOTE_STORAGE=redis://127.0.0.1:$port
  cmake -S "$runner/src" -B "$runner/build" -G Ninja -DBUILD_TESTING=OFF -DCUDAENV_BUILD_HELPER=OFF \
    "-DCUDAENV_CAPABILITIES=$capabilities" >"$runner/configure.log"
  ccache --zero-stats >/dev/null
  local start end
  start=$(date +%s.%N)
  cmake --build "$runner/build" --target cudaenv_kernels >"$runner/build.log"
  end=$(date +%s.%N)
  echo "$end - $start" | bc
}
cold=$(build runner1)
warm=$(build runner2)
stats=$(CCACHE_DIR=$work/runner2/ccache ccache --print-stats)
hits=$(awk '$1=="direct_cache_hit"||$1=="preprocessed_cache_hit"{s+=$2} END{print s}' <<<"$stats")
misses=$(awk '$1=="cache_miss"{print $2}' <<<"$stats")
remote=$(awk '$1=="remote_storage_hit"{print $2}' <<<"$stats")
echo "kernel library ($capabilities), ccache $(ccache --version | head -1 | awk '{print $3}'), Redis on 127.0.0.1"
printf 'cold (runner 1, empty store): %6.1f s\n' "$cold"
printf 'warm (runner 2, own path):    %6.1f s   (%s hits, %s from Redis, %s misses)\n' "$warm" "$hits" "$remote" "$misses"
printf 'warm / cold = %.3f (target <= 0.15)\n' "$(echo "$warm / $cold" | bc -l)"
