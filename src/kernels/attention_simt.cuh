// SIMT attention forward, FlashAttention-2 style: a block holds 8 query
// rows (a warp each) and walks the keys in tiles of 32 through shared
// memory; each lane owns one key's score in a tile and head_dim/32 elements
// of the output; the softmax is computed online (running max and sum), so
// no seq x seq matrix is ever stored. Element loads: any alignment, stride
// and scale. The SIMT variant's attention, and the tensor-core variant's
// fallback for inputs its 16-byte copies cannot take.
// Include after defining CUDAENV_KERNEL_VARIANT.
#pragma once

#include "device_common.cuh"

namespace cudaenv::kernels::CUDAENV_KERNEL_VARIANT::simt_attention {

using namespace detail;

constexpr int kRows = 8;  // query rows per block, one per warp
constexpr int kKeys = 32;  // keys per tile, one per lane
constexpr int kThreads = kRows * 32;

template <typename T, int HeadDim>
__global__ void __launch_bounds__(kThreads) attention_simt_kernel(AttentionProblem p, float scale_log2) {
  constexpr int kPerLane = HeadDim / 32;
  __shared__ float k_tile[kKeys][HeadDim + 1];
  __shared__ float v_tile[kKeys][HeadDim];
  const auto* q = static_cast<const std::uint16_t*>(p.q);
  const auto* k = static_cast<const std::uint16_t*>(p.k);
  const auto* v = static_cast<const std::uint16_t*>(p.v);
  auto* o = static_cast<std::uint16_t*>(p.o);
  const int warp = threadIdx.x / 32, lane = threadIdx.x % 32;
  const std::int64_t base = blockIdx.z * p.batch_stride + blockIdx.y * p.head_stride;
  const std::int64_t first_row = static_cast<std::int64_t>(blockIdx.x) * kRows;
  const std::int64_t row = first_row + warp;
  const bool row_valid = row < p.seq;

  float q_part[kPerLane], o_part[kPerLane];
#pragma unroll
  for (int e = 0; e < kPerLane; ++e) {
    q_part[e] = row_valid ? T::to_float(q[base + row * p.seq_stride + lane + e * 32]) * scale_log2 : 0.0f;
    o_part[e] = 0.0f;
  }
  float running_max = -INFINITY, running_sum = 0.0f;

  // Causal: no row of this block sees keys past its last row.
  const std::int64_t key_end = p.causal && first_row + kRows < p.seq ? first_row + kRows : p.seq;
  for (std::int64_t key0 = 0; key0 < key_end; key0 += kKeys) {
    for (int i = threadIdx.x; i < kKeys * HeadDim; i += kThreads) {
      const int key = i / HeadDim, d = i % HeadDim;
      const bool inside = key0 + key < p.seq;
      const std::int64_t at = base + (key0 + key) * p.seq_stride + d;
      k_tile[key][d] = inside ? T::to_float(k[at]) : 0.0f;
      v_tile[key][d] = inside ? T::to_float(v[at]) : 0.0f;
    }
    __syncthreads();
    if (row_valid && !(p.causal && key0 > row)) {
      // This lane's key: its score, or -inf when masked or past the end.
      float my_score = -INFINITY;
      for (int key = 0; key < kKeys; ++key) {
        float partial = 0.0f;
#pragma unroll
        for (int e = 0; e < kPerLane; ++e) partial = fmaf(q_part[e], k_tile[key][lane + e * 32], partial);
        const float score = warp_sum(partial);
        const std::int64_t key_index = key0 + key;
        const bool visible = key_index < p.seq && !(p.causal && key_index > row);
        if (lane == key && visible) my_score = score;
      }
      const float tile_max = warp_max(my_score);
      const float new_max = fmaxf(running_max, tile_max);  // finite: key0 <= row is visible
      const float correction = exp2f(running_max - new_max);
      const float my_p = exp2f(my_score - new_max);
      running_sum = running_sum * correction + warp_sum(my_p);
      running_max = new_max;
#pragma unroll
      for (int e = 0; e < kPerLane; ++e) o_part[e] *= correction;
      for (int key = 0; key < kKeys; ++key) {
        const float weight = __shfl_sync(0xffffffffu, my_p, key);
#pragma unroll
        for (int e = 0; e < kPerLane; ++e) o_part[e] = fmaf(weight, v_tile[key][lane + e * 32], o_part[e]);
      }
    }
    __syncthreads();
  }
  if (row_valid) {
    const float inverse = 1.0f / running_sum;
#pragma unroll
    for (int e = 0; e < kPerLane; ++e) o[base + row * p.seq_stride + lane + e * 32] = T::from_float(o_part[e] * inverse);
  }
}

template <typename T>
cudaError_t launch(const AttentionProblem& p, float scale_log2, cudaStream_t stream) {
  const dim3 grid(static_cast<unsigned>((p.seq + kRows - 1) / kRows), static_cast<unsigned>(p.heads),
                  static_cast<unsigned>(p.batch));
  if (p.head_dim == 64) {
    attention_simt_kernel<T, 64><<<grid, kThreads, 0, stream>>>(p, scale_log2);
  } else {
    attention_simt_kernel<T, 128><<<grid, kThreads, 0, stream>>>(p, scale_log2);
  }
  return cudaGetLastError();
}

}  // namespace cudaenv::kernels::CUDAENV_KERNEL_VARIANT::simt_attention
