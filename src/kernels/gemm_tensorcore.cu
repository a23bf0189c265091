// Tensor-core GEMM for capabilities from 8.0: WMMA 16x16x16 (fp16 or bf16
// in, fp32 accumulate), 64x64 block tiles computed by 4 warps of 32x32, and
// a 3-stage cp.async pipeline over 32-deep K steps. A tile chunk of 8
// elements is copied asynchronously when it is in bounds, 16-byte aligned and
// stored the way shared memory holds it (A and B row-major); other chunks
// (edges, column-major, odd leading dimensions) are loaded element by element
// with zero fill, so any M, N, K and layout work.
#include <cuda_pipeline.h>
#include <mma.h>

#include "device_common.cuh"

namespace cudaenv::kernels::CUDAENV_KERNEL_VARIANT {
namespace {

using namespace detail;
using namespace nvcuda;

constexpr int kTile = 64;
constexpr int kDepth = 32;
constexpr int kStages = 3;
constexpr int kThreads = 128;
constexpr int kAStride = kDepth + 8;  // halves; rows stay 32-byte aligned, banks staggered
constexpr int kBStride = kTile + 8;
constexpr int kCStride = kTile + 4;   // floats

struct SharedStorage {
  std::uint16_t a[kStages][kTile * kAStride];
  std::uint16_t b[kStages][kDepth * kBStride];
  float c[kTile * kCStride];
};

template <typename T>
__device__ void load_stage(const GemmProblem& p, SharedStorage& s, int stage, std::int64_t k0, std::int64_t row0,
                           std::int64_t col0, bool a_fast, bool b_fast) {
  const auto* a = static_cast<const std::uint16_t*>(p.a);
  const auto* b = static_cast<const std::uint16_t*>(p.b);
  // A: 64 rows x 32 depth = 256 chunks of 8; B: 32 depth x 64 cols = 256 chunks.
  for (int chunk = threadIdx.x; chunk < 256; chunk += kThreads) {
    {
      const int r = chunk / 4, kc = (chunk % 4) * 8;
      const std::int64_t row = row0 + r, depth = k0 + kc;
      std::uint16_t* dst = &s.a[stage][r * kAStride + kc];
      if (a_fast && row < p.m && depth + 8 <= p.k) {
        __pipeline_memcpy_async(dst, a + row * p.lda + depth, 16);
      } else {
        for (int e = 0; e < 8; ++e) {
          dst[e] = (row < p.m && depth + e < p.k) ? a[matrix_index(row, depth + e, p.lda, p.a_layout)] : 0;
        }
      }
    }
    {
      const int kr = chunk / 8, cc = (chunk % 8) * 8;
      const std::int64_t depth = k0 + kr, col = col0 + cc;
      std::uint16_t* dst = &s.b[stage][kr * kBStride + cc];
      if (b_fast && depth < p.k && col + 8 <= p.n) {
        __pipeline_memcpy_async(dst, b + depth * p.ldb + col, 16);
      } else {
        for (int e = 0; e < 8; ++e) {
          dst[e] = (depth < p.k && col + e < p.n) ? b[matrix_index(depth, col + e, p.ldb, p.b_layout)] : 0;
        }
      }
    }
  }
}

template <typename T>
__global__ void __launch_bounds__(kThreads) gemm_kernel(GemmProblem p) {
#if defined(__CUDA_ARCH__) && __CUDA_ARCH__ < 800
  CUDAENV_KERNEL_WRONG_ARCH();
#else
  using Element = typename T::wmma_type;
  extern __shared__ __align__(128) unsigned char shared_bytes[];
  auto& s = *reinterpret_cast<SharedStorage*>(shared_bytes);
  const std::int64_t row0 = static_cast<std::int64_t>(blockIdx.y) * kTile;
  const std::int64_t col0 = static_cast<std::int64_t>(blockIdx.x) * kTile;
  const int warp = threadIdx.x / 32;
  const int warp_row = (warp / 2) * 32, warp_col = (warp % 2) * 32;
  const bool a_fast = p.a_layout == Layout::row_major && is_aligned(p.a, 16) && p.lda % 8 == 0;
  const bool b_fast = p.b_layout == Layout::row_major && is_aligned(p.b, 16) && p.ldb % 8 == 0;

  wmma::fragment<wmma::accumulator, 16, 16, 16, float> acc[2][2];
#pragma unroll
  for (int i = 0; i < 2; ++i)
#pragma unroll
    for (int j = 0; j < 2; ++j) wmma::fill_fragment(acc[i][j], 0.0f);

  const std::int64_t tiles = (p.k + kDepth - 1) / kDepth;
  for (int stage = 0; stage < kStages - 1; ++stage) {
    if (stage < tiles) load_stage<T>(p, s, stage, stage * kDepth, row0, col0, a_fast, b_fast);
    __pipeline_commit();
  }
  for (std::int64_t tile = 0; tile < tiles; ++tile) {
    __pipeline_wait_prior(kStages - 2);
    __syncthreads();  // this tile is in; every warp is done with the stage refilled next
    const std::int64_t next = tile + kStages - 1;
    if (next < tiles) load_stage<T>(p, s, static_cast<int>(next % kStages), next * kDepth, row0, col0, a_fast, b_fast);
    __pipeline_commit();

    const int stage = static_cast<int>(tile % kStages);
    const auto* a_stage = reinterpret_cast<const Element*>(s.a[stage]);
    const auto* b_stage = reinterpret_cast<const Element*>(s.b[stage]);
#pragma unroll
    for (int kk = 0; kk < kDepth; kk += 16) {
      wmma::fragment<wmma::matrix_a, 16, 16, 16, Element, wmma::row_major> a_frag[2];
      wmma::fragment<wmma::matrix_b, 16, 16, 16, Element, wmma::row_major> b_frag[2];
#pragma unroll
      for (int i = 0; i < 2; ++i) {
        wmma::load_matrix_sync(a_frag[i], a_stage + (warp_row + i * 16) * kAStride + kk, kAStride);
        wmma::load_matrix_sync(b_frag[i], b_stage + kk * kBStride + warp_col + i * 16, kBStride);
      }
#pragma unroll
      for (int i = 0; i < 2; ++i)
#pragma unroll
        for (int j = 0; j < 2; ++j) wmma::mma_sync(acc[i][j], a_frag[i], b_frag[j], acc[i][j]);
    }
  }
  __pipeline_wait_prior(0);

#pragma unroll
  for (int i = 0; i < 2; ++i)
#pragma unroll
    for (int j = 0; j < 2; ++j)
      wmma::store_matrix_sync(&s.c[(warp_row + i * 16) * kCStride + warp_col + j * 16], acc[i][j], kCStride,
                              wmma::mem_row_major);
  __syncthreads();
  for (int i = threadIdx.x; i < kTile * kTile; i += kThreads) {
    const int r = i / kTile, c = i % kTile;
    const std::int64_t row = row0 + r, col = col0 + c;
    if (row < p.m && col < p.n) {
      const std::int64_t index = matrix_index(row, col, p.ldc, p.c_layout);
      p.c[index] = gemm_output(s.c[r * kCStride + c], p.alpha, p.beta, p.c, index);
    }
  }
#endif
}

template <typename T>
cudaError_t launch(const GemmProblem& p, cudaStream_t stream) {
  constexpr int bytes = sizeof(SharedStorage);
  const cudaError_t set = cudaFuncSetAttribute(gemm_kernel<T>, cudaFuncAttributeMaxDynamicSharedMemorySize, bytes);
  if (set != cudaSuccess) return set;
  const dim3 grid(static_cast<unsigned>((p.n + kTile - 1) / kTile), static_cast<unsigned>((p.m + kTile - 1) / kTile));
  gemm_kernel<T><<<grid, kThreads, bytes, stream>>>(p);
  return cudaGetLastError();
}

}  // namespace

cudaError_t gemm(const GemmProblem& p, cudaStream_t stream) {
  return p.type == DataType::f16 ? launch<F16>(p, stream) : launch<BF16>(p, stream);
}

const detail::KernelShape gemm_shape{"gemm_tensorcore", kThreads, static_cast<int>(sizeof(SharedStorage))};

}  // namespace cudaenv::kernels::CUDAENV_KERNEL_VARIANT
