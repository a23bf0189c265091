#!/usr/bin/env bash
# How fast does `cudaenv inspect` read a large library? Builds a shared
# library whose .nv_fatbin holds copies of a real nvcc container (SASS for
# 8.0/8.6/9.0 and PTX, zstd-compressed) next to a large host section, then
# times `inspect --check 9.0@13.0` against reading just the fatbin bytes (cat of the section,
# same page cache), side by side. Target: about the time the fatbin read takes.
# Usage: benchmarks/inspect-throughput.sh [total MiB] [path/to/cudaenv]   (default 1024)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
total_mib=${1:-1024}
helper=${2:-$root/build/default/src/cudaenv/cudaenv}
[ -x "$helper" ] || { echo "no helper at $helper: build first (scripts/run-main.sh)" >&2; exit 1; }
nvcc=$(command -v nvcc || echo /usr/local/cuda/bin/nvcc)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"

# Kernels with real bulk (unrolled math), so containers are sized like a
# library's rather than a toy's.
cat > kernels.cu <<'CU'
template <int N>
__global__ void chain(float* x) {
  float v = x[threadIdx.x];
#pragma unroll
  for (int i = 0; i < N; ++i) v = v * 1.0001f + __sinf(v) * __expf(-v);
  x[threadIdx.x] = v;
}
template __global__ void chain<256>(float*);
template __global__ void chain<512>(float*);
template __global__ void chain<1024>(float*);
CU
"$nvcc" -shared -Xcompiler -fPIC -o small.so kernels.cu --compress-mode=size \
  --generate-code=arch=compute_80,code=sm_80 --generate-code=arch=compute_86,code=sm_86 \
  --generate-code=arch=compute_90,code=[compute_90,sm_90]
objcopy -O binary --only-section=.nv_fatbin small.so one.fatbin
one=$(stat -c %s one.fatbin)
half=$(( total_mib * 1024 * 1024 / 2 ))
copies=$(( half / one ))
# Containers are 8-byte aligned; nvcc's are already a multiple of 8 long.
python3 - "$copies" <<'PY'
import sys
data = open("one.fatbin", "rb").read()
data += b"\0" * (-len(data) % 8)
with open("big.fatbin", "wb") as out:
    for _ in range(int(sys.argv[1])):
        out.write(data)
PY
head -c "$half" /dev/urandom > host.bin
objcopy 2>/dev/null --remove-section .nv_fatbin \
  --add-section .nv_fatbin=big.fatbin --set-section-flags .nv_fatbin=alloc,readonly \
  --add-section .host_blob=host.bin --set-section-flags .host_blob=alloc,readonly small.so big.so
size=$(stat -c %s big.so)
fatbin=$(stat -c %s big.fatbin)

now() { date +%s%N; }
median() { sort -n | awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }
cat big.so > /dev/null  # warm the page cache for both sides
inspect=(); raw=()
for _ in 1 2 3 4 5; do
  t0=$(now); cat big.fatbin > /dev/null; raw+=($(( ($(now) - t0) / 1000000 )))
  t0=$(now); "$helper" inspect big.so --check 9.0@13.0 > /dev/null; inspect+=($(( ($(now) - t0) / 1000000 )))
done
m_inspect=$(printf '%s\n' "${inspect[@]}" | median)
m_raw=$(printf '%s\n' "${raw[@]}" | median)
images=$(( copies * 4 ))
echo "library: $(( size / 1048576 )) MiB, of which .nv_fatbin $(( fatbin / 1048576 )) MiB in ${copies} containers (${images} images)"
echo "inspect: median ${m_inspect} ms = $(awk -v b="$fatbin" -v t="$m_inspect" 'BEGIN {printf "%.0f", b / 1048576 / (t / 1000)}') MiB/s of fatbin, $(awk -v b="$size" -v t="$m_inspect" 'BEGIN {printf "%.0f", b / 1048576 / (t / 1000)}') MiB/s of file"
echo "reading the fatbin bytes alone (cat, page cache): median ${m_raw} ms; inspect / read = $(awk -v a="$m_inspect" -v b="$m_raw" 'BEGIN {printf "%.2f", a / b}')"
