// The SIMT GEMM: 64x64 block tiles, 16-deep K steps through shared memory,
// a 4x4 register tile per thread, fp32 accumulation; any M, N, K, layout
// and alignment (edges zero-filled). The SIMT variant's GEMM, and the
// tensor-core variant's fallback for operands its copies cannot take.
// Include after defining CUDAENV_KERNEL_VARIANT.
#pragma once

#include "device_common.cuh"

namespace cudaenv::kernels::CUDAENV_KERNEL_VARIANT::simt_gemm {

using namespace detail;

constexpr int kTile = 64;
constexpr int kDepth = 16;
constexpr int kThreads = 256;

template <typename T>
__global__ void __launch_bounds__(kThreads) gemm_simt_kernel(GemmProblem p) {
  __shared__ float a_tile[kDepth][kTile + 4];
  __shared__ float b_tile[kDepth][kTile + 4];
  const auto* a = static_cast<const std::uint16_t*>(p.a);
  const auto* b = static_cast<const std::uint16_t*>(p.b);
  const std::int64_t row0 = static_cast<std::int64_t>(blockIdx.y) * kTile;
  const std::int64_t col0 = static_cast<std::int64_t>(blockIdx.x) * kTile;
  const int tx = threadIdx.x % 16, ty = threadIdx.x / 16;
  float acc[4][4] = {};

  for (std::int64_t k0 = 0; k0 < p.k; k0 += kDepth) {
    for (int i = threadIdx.x; i < kTile * kDepth; i += kThreads) {
      const int r = i % kTile, kk = i / kTile;
      const std::int64_t row = row0 + r, col = col0 + r, depth = k0 + kk;
      a_tile[kk][r] = (row < p.m && depth < p.k) ? T::to_float(a[matrix_index(row, depth, p.lda, p.a_layout)]) : 0.0f;
      b_tile[kk][r] = (col < p.n && depth < p.k) ? T::to_float(b[matrix_index(depth, col, p.ldb, p.b_layout)]) : 0.0f;
    }
    __syncthreads();
#pragma unroll
    for (int kk = 0; kk < kDepth; ++kk) {
      float a_frag[4], b_frag[4];
#pragma unroll
      for (int i = 0; i < 4; ++i) {
        a_frag[i] = a_tile[kk][ty * 4 + i];
        b_frag[i] = b_tile[kk][tx * 4 + i];
      }
#pragma unroll
      for (int i = 0; i < 4; ++i)
#pragma unroll
        for (int j = 0; j < 4; ++j) acc[i][j] = fmaf(a_frag[i], b_frag[j], acc[i][j]);
    }
    __syncthreads();
  }

#pragma unroll
  for (int i = 0; i < 4; ++i) {
#pragma unroll
    for (int j = 0; j < 4; ++j) {
      const std::int64_t row = row0 + ty * 4 + i, col = col0 + tx * 4 + j;
      if (row < p.m && col < p.n) {
        const std::int64_t index = matrix_index(row, col, p.ldc, p.c_layout);
        p.c[index] = gemm_output(acc[i][j], p.alpha, p.beta, p.c, index);
      }
    }
  }
}

template <typename T>
cudaError_t launch(const GemmProblem& p, cudaStream_t stream) {
  const dim3 grid(static_cast<unsigned>((p.n + kTile - 1) / kTile), static_cast<unsigned>((p.m + kTile - 1) / kTile));
  gemm_simt_kernel<T><<<grid, kThreads, 0, stream>>>(p);
  return cudaGetLastError();
}

}  // namespace cudaenv::kernels::CUDAENV_KERNEL_VARIANT::simt_gemm
